import { io, type Socket } from 'socket.io-client';
import { EVENT_TYPES, type ClientToServerEvents, type EventType, type ServerToClientEvents } from '#contracts';
import type { SyncController } from './sync-controller';

// The same wire protocol the server is typed with (libs/contracts/src/events.ts): the domain events, plus the
// session messages (`session.expired`, `exception`, and the client's `auth.refresh`).
export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface RealtimeConnectionOptions {
  token: string;
  sync: SyncController;
  onStatus: (status: ConnectionStatus) => void;
  /** The server refused the handshake (bad or expired token, or a server-side error): check the session. */
  onRefused: () => Promise<boolean>;
}

export interface RealtimeConnection {
  /** A renewed token: handed to the live socket (`auth.refresh`) and sent by every later (re)connect. */
  updateToken(token: string): void;
  close(): void;
}

const RETRY_REFUSED_MS = 3000;
const REFRESH_ACK_MS = 5000;

/**
 * The typed Socket.IO client: every event type feeds the store through the sync controller, and every
 * (re)connect first reads what was missed from GET /events, so nothing is lost or applied twice.
 */
export function connectRealtime({ token, sync, onStatus, onRefused }: RealtimeConnectionOptions): RealtimeConnection {
  const socket: ConsoleSocket = io(window.location.origin, { auth: { token }, transports: ['websocket', 'polling'] });
  /** The newest token we hold; `socket.auth` always carries it, so the client's own reconnects send it. */
  let latest = token;
  /** The token the server holds for the current connection. */
  let connectedWith = token;
  /** A renewal handed to the server and not yet acknowledged. */
  let pendingHandover: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const listen = <K extends EventType>(type: K) => {
    const handler = (envelope: Parameters<ServerToClientEvents[K]>[0]) => sync.receive(envelope);
    socket.on(type, handler as never);
  };
  for (const type of EVENT_TYPES) listen(type);

  onStatus('connecting');
  socket.on('connect', () => {
    connectedWith = latest;
    pendingHandover = null;
    onStatus('online');
    void sync.catchUp();
  });
  // The client retries network failures by itself, but not a refused handshake nor a server-side disconnect
  // (e.g. the token expired): then check the session (a 401 logs out) and retry only if it is still valid.
  const recheck = () => {
    void onRefused().then((sessionStillValid) => {
      if (sessionStillValid && !closed) retry = setTimeout(() => socket.connect(), RETRY_REFUSED_MS);
    });
  };
  /** Reconnect at once when we hold a newer token than the one the server dropped; else check the session. */
  const reconnectWithLatest = () => {
    if (closed) return;
    socket.auth = { token: latest };
    if (latest !== connectedWith) socket.connect();
    else recheck();
  };
  // The server emits `session.expired` just before it drops a socket whose token ran out (a renewal that never
  // reached it). The server-side disconnect that follows is where we reconnect with the newest token, as after
  // any other server-side drop; with no newer token, the session check logs out.
  socket.on('disconnect', (reason) => {
    if (closed) return;
    onStatus('offline');
    if (reason === 'io server disconnect') reconnectWithLatest();
  });
  socket.on('connect_error', () => {
    onStatus('offline');
    if (!socket.active) recheck();
  });

  // If the live socket will not take the renewed token, a fresh handshake with it will: the catch-up on connect
  // makes the short gap harmless.
  const handoverFailed = () => {
    if (closed || !socket.connected) return;
    socket.disconnect();
    socket.auth = { token: latest };
    socket.connect();
  };
  socket.on('exception', () => {
    if (pendingHandover === null) return;
    pendingHandover = null;
    handoverFailed();
  });

  return {
    updateToken(next: string) {
      if (closed || next === latest) return;
      latest = next;
      socket.auth = { token: next };
      if (!socket.connected) return;
      pendingHandover = next;
      socket.timeout(REFRESH_ACK_MS).emit('auth.refresh', { token: next }, (error, answer) => {
        if (pendingHandover !== next) return;
        pendingHandover = null;
        if (!error && answer?.ok) connectedWith = next;
        else handoverFailed();
      });
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
