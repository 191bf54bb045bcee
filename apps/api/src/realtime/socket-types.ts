import type { RemoteSocket, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '#contracts';
import type { VerifiedToken } from '../auth/tokens.js';

/** What the gateway keeps on each socket: the claims it was admitted with (renewed by `auth.refresh`). */
export interface SocketData {
  claims: VerifiedToken;
  expiry?: NodeJS.Timeout;
}

/** No messages between instances: the database is the bus (publisher.ts). */
type InterServerEvents = Record<string, never>;

// The wire protocol, typed once from libs/contracts: what the server may emit and what a client may send.
export type EventsServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type EventsSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** A socket of this instance as fetchSockets() returns it. */
export type ClosableSocket = EventsSocket | RemoteSocket<ServerToClientEvents, SocketData>;
