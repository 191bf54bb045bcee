import { io, type Socket } from 'socket.io-client';
import { EVENT_TYPES, type AnyEventEnvelope, type EventType, type ServerToClientEvents } from '#contracts';
import type { SyncController } from './sync-controller';

export type ConsoleSocket = Socket<ServerToClientEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface RealtimeConnectionOptions {
  token: string;
  sync: SyncController;
  onStatus: (status: ConnectionStatus) => void;
  /** The server refused the handshake (bad or expired token, or a server-side error): check the session. */
  onRefused: () => Promise<boolean>;
}

const RETRY_REFUSED_MS = 3000;

/**
 * The typed Socket.IO client: every event type feeds the store through the sync controller, and every
 * (re)connect first reads what was missed from GET /events, so nothing is lost or applied twice.
 */
export function connectRealtime({ token, sync, onStatus, onRefused }: RealtimeConnectionOptions): () => void {
  const socket: ConsoleSocket = io(window.location.origin, { auth: { token }, transports: ['websocket', 'polling'] });
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const listen = <K extends EventType>(type: K) => {
    const handler = (envelope: Parameters<ServerToClientEvents[K]>[0]) => sync.receive(envelope as AnyEventEnvelope);
    socket.on(type, handler as never);
  };
  for (const type of EVENT_TYPES) listen(type);

  onStatus('connecting');
  socket.on('connect', () => {
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
  socket.on('disconnect', (reason) => {
    if (closed) return;
    onStatus('offline');
    if (reason === 'io server disconnect') recheck();
  });
  socket.on('connect_error', () => {
    onStatus('offline');
    if (!socket.active) recheck();
  });

  return () => {
    closed = true;
    clearTimeout(retry);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
