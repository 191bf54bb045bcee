import 'reflect-metadata';
import { io, type Socket } from 'socket.io-client';
import type { AnyEventEnvelope, LoginResponse, ServerToClientEvents } from '#contracts';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/config.js';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';
import { createTestDatabase } from './database.js';

export const ADMIN_PASSWORD = 'admin-test-password-1';

export interface TestServer extends RunningServer {
  config: AppConfig;
  /** Logs in and returns the token. */
  login(username: string, password?: string): Promise<LoginResponse>;
  /** fetch against the API with JSON and an optional bearer token. */
  api<T = unknown>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  socket(token: string): Promise<Socket<ServerToClientEvents>>;
  stop(): Promise<void>;
}

/**
 * Boots the real server (the same startServer as `npm start`) on a fresh database of the test PostgreSQL,
 * on a random port. `env` overrides configuration variables.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  reuseDatabaseUrl?: string,
): Promise<TestServer & { dropDatabase(): Promise<void> }> {
  const db = reuseDatabaseUrl ? { url: reuseDatabaseUrl, drop: () => Promise.resolve() } : await createTestDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    ADMIN_PASSWORD,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    TIMER_POLL_MS: '200',
    // Several servers share the test PostgreSQL (max_connections 100): each keeps two open, the rest on demand.
    DATABASE_POOL_MIN: '2',
    ...env,
  });
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (e) {
    await db.drop(); // a boot that fails leaves no database behind
    throw e;
  }
  const sockets: Socket[] = [];
  const api: TestServer['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };
  const login = async (username: string, password = ADMIN_PASSWORD): Promise<LoginResponse> => {
    const res = await api<LoginResponse>('POST', '/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const socket = async (token: string): Promise<Socket<ServerToClientEvents>> => {
    const s: Socket<ServerToClientEvents> = io(server.url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', (e) => reject(e));
    });
    return s;
  };
  return {
    ...server,
    config,
    api,
    login,
    socket,
    async stop() {
      for (const s of sockets) s.disconnect();
      await server.close();
    },
    dropDatabase: () => db.drop(),
  };
}

/** Resolves with the next envelope of `type` on `socket` that matches, or rejects after `ms`. */
export function nextEvent<T extends AnyEventEnvelope['type']>(
  socket: Socket<ServerToClientEvents>,
  type: T,
  match: (e: Extract<AnyEventEnvelope, { type: T }>) => boolean = () => true,
  ms = 5000,
): Promise<Extract<AnyEventEnvelope, { type: T }>> {
  // Socket's own typing cannot follow the generic event name; as a plain string it picks the untyped overload.
  const event: string = type;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      (socket as unknown as Socket).off(event, handler as (...args: unknown[]) => void);
      reject(new Error(`no ${type} event within ${ms} ms`));
    }, ms);
    const handler = (e: Extract<AnyEventEnvelope, { type: T }>): void => {
      if (!match(e)) return;
      clearTimeout(timer);
      (socket as unknown as Socket).off(event, handler as (...args: unknown[]) => void);
      resolve(e);
    };
    (socket as unknown as Socket).on(event, handler as (...args: unknown[]) => void);
  });
}

/** Collects every envelope a socket receives, in arrival order. */
export function recordEvents(socket: Socket<ServerToClientEvents>): AnyEventEnvelope[] {
  const seen: AnyEventEnvelope[] = [];
  (socket as unknown as Socket).onAny((_type: string, envelope: AnyEventEnvelope) => {
    seen.push(envelope);
  });
  return seen;
}
