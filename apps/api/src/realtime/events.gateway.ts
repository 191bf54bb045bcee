import { UseFilters } from '@nestjs/common';
import { WsExceptionFilter } from './ws-exception.filter.js';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  MessageBody,
  ConnectedSocket,
} from '@nestjs/websockets';
import { rooms, roomsForClaims, type AuthRefreshAck } from '#contracts';
import { DomainError } from '../common/errors.js';
import { SessionService } from '../auth/sessions.js';
import type { SessionEnded } from '../auth/sessions.repository.js';
import { Metrics } from '../metrics/metrics.js';
import type { ClosableSocket, EventsServer, EventsSocket, SocketData } from './socket-types.js';

/**
 * The only socket entry point. Clients never send domain messages here (all changes go through REST, which is
 * audited); the socket is a one-way, room-scoped feed. Authentication happens at the handshake.
 */
@WebSocketGateway({ maxHttpBufferSize: 16 * 1024 })
export class EventsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: EventsServer;

  constructor(
    private readonly sessions: SessionService,
    private readonly metrics: Metrics,
  ) {}

  afterInit(server: EventsServer): void {
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token === '') {
        next(Object.assign(new Error('A token is required'), { data: { code: 'UNAUTHENTICATED' } }));
        return;
      }
      this.sessions
        .verifyLive(token)
        .then((claims) => {
          socket.data.claims = claims;
          next();
        })
        .catch((e: unknown) => {
          const message = e instanceof DomainError ? e.message : 'Invalid token';
          next(Object.assign(new Error(message), { data: { code: 'UNAUTHENTICATED' } }));
        });
    });
  }

  handleConnection(socket: EventsSocket): void {
    const data: Partial<SocketData> = socket.data;
    if (!data.claims) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomsForClaims(data.claims));
    this.scheduleExpiry(socket);
    this.metrics.socketsConnected.inc();
  }

  handleDisconnect(socket: EventsSocket): void {
    const data: Partial<SocketData> = socket.data;
    if (data.expiry) clearTimeout(data.expiry);
    if (data.claims) this.metrics.socketsConnected.dec();
  }

  /** A client that refreshed its token hands the new one over, so the socket outlives the old token. */
  @SubscribeMessage('auth.refresh')
  @UseFilters(WsExceptionFilter)
  async refresh(@ConnectedSocket() socket: EventsSocket, @MessageBody() body: unknown): Promise<AuthRefreshAck> {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string')
      throw new DomainError('VALIDATION_FAILED', 'token is required', [{ field: 'token', message: 'is required' }]);
    const claims = await this.sessions.verifyLive(token);
    const data = socket.data;
    if (claims.sub !== data.claims.sub) throw new DomainError('FORBIDDEN', 'Token belongs to another user');
    data.claims = claims;
    this.scheduleExpiry(socket);
    return { ok: true };
  }

  /** Closes this instance's sockets of ended sessions (one session, or all of a user's). */
  async endSessions(ended: SessionEnded): Promise<void> {
    const sockets = await this.server.in(rooms.user(ended.userId)).fetchSockets();
    for (const socket of sockets) {
      if (ended.sessionId === null || socket.data.claims?.sid === ended.sessionId) this.close(socket, 'Session ended');
    }
  }

  /** The sessions of this instance's sockets, for the periodic sweep that backs up a missed notification. */
  async openSessionIds(): Promise<string[]> {
    const sockets = await this.server.fetchSockets();
    return [...new Set(sockets.map((s) => s.data.claims?.sid).filter((sid): sid is string => !!sid))];
  }

  async closeSessions(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const dead = new Set(sessionIds);
    for (const socket of await this.server.fetchSockets()) {
      if (dead.has(socket.data.claims?.sid)) this.close(socket, 'Session ended');
    }
  }

  /** A local socket or one found by fetchSockets: both can be told and dropped. */
  private close(socket: ClosableSocket, message: string): void {
    socket.emit('session.expired', { code: 'UNAUTHENTICATED', message });
    socket.disconnect(true);
  }

  // OWASP WebSocket: a socket must not outlive its session.
  private scheduleExpiry(socket: EventsSocket): void {
    const data = socket.data;
    if (data.expiry) clearTimeout(data.expiry);
    const ms = Math.max(0, data.claims.exp * 1000 - Date.now());
    data.expiry = setTimeout(() => this.close(socket, 'Token expired'), Math.min(ms, 2_147_000_000));
    data.expiry.unref();
  }
}
