import type { LoginResponse } from '#contracts';

// The simulator's HTTP client: the public REST API with a bearer token, nothing else. A refused request is
// counted and reported, not thrown, because in a live centre some races are normal (a team already taken).

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export class SimulatorApi {
  readonly errors = new Map<string, number>();
  requests = 0;

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<ApiAnswer<T>> {
    this.requests++;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (null as T);
    if (res.status >= 400) {
      // Ids out of the key: "POST /incidents/:id/dispatches 409".
      const key = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*$/, '')} ${res.status}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    }
    return { status: res.status, body: parsed };
  }

  get<T>(path: string, token: string | null): Promise<ApiAnswer<T>> {
    return this.request<T>('GET', path, token);
  }

  post<T>(path: string, token: string | null, body: unknown = {}): Promise<ApiAnswer<T>> {
    return this.request<T>('POST', path, token, body);
  }

  async login(username: string, password: string): Promise<LoginResponse | null> {
    const res = await this.post<LoginResponse>('/auth/login', null, { username, password });
    return res.status === 200 ? res.body : null;
  }
}
