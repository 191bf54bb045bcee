import type { ErrorBody } from '#contracts';

// One fetch wrapper for the REST API: bearer token on every request, the contract's error body on failure,
// and a single hook for 401 so an expired session logs out wherever it is noticed.

export const API_PREFIX = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export interface HttpOptions {
  getToken: () => string | null;
  onUnauthorized: () => void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Http {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}

export function createHttp({ getToken, onUnauthorized }: HttpOptions): Http {
  return {
    async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      const token = getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${API_PREFIX}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
      const text = await response.text();
      let parsed: unknown = null;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
      }
      if (!response.ok) {
        // A failed login is also a 401, but there is no session to end then.
        if (response.status === 401 && token) onUnauthorized();
        throw new ApiError(response.status, isErrorBody(parsed) ? parsed : null);
      }
      return parsed as T;
    },
  };
}
