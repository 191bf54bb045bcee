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
import type { Server, Socket } from 'socket.io';
import { rooms, roomsForClaims } from '#contracts';
import { DomainError } from '../common/errors.js';
import { SessionService } from '../auth/sessions.js';
import type { SessionEnded } from '../auth/sessions.repository.js';
import type { VerifiedToken } from '../auth/tokens.js';
import { Metrics } from '../metrics/metrics.js';

interface SocketData {
  claims: VerifiedToken;
  expiry?: NodeJS.Timeout;
}

/**
 * The only socket entry point. Clients never send domain messages here (all changes go through REST, which is
 * audited); the socket is a one-way, room-scoped feed. Authentication happens at the handshake.
 */
@WebSocketGateway({ maxHttpBufferSize: 16 * 1024 })
export class EventsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: Server;

  constructor(
    private readonly sessions: SessionService,
    private readonly metrics: Metrics,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token === '') {
        next(Object.assign(new Error('A token is required'), { data: { code: 'UNAUTHENTICATED' } }));
        return;
      }
      this.sessions
        .verifyLive(token)
        .then((claims) => {
          (socket.data as SocketData).claims = claims;
          next();
        })
        .catch((e: unknown) => {
          const message = e instanceof DomainError ? e.message : 'Invalid token';
          next(Object.assign(new Error(message), { data: { code: 'UNAUTHENTICATED' } }));
        });
    });
  }

  handleConnection(socket: Socket): void {
    const data = socket.data as SocketData;
    if (!data.claims) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomsForClaims(data.claims));
    this.scheduleExpiry(socket);
    this.metrics.socketsConnected.inc();
  }

  handleDisconnect(socket: Socket): void {
    const data = socket.data as SocketData;
    if (data.expiry) clearTimeout(data.expiry);
    if (data.claims) this.metrics.socketsConnected.dec();
  }

  /** A client that refreshed its token hands the new one over, so the socket outlives the old token. */
  @SubscribeMessage('auth.refresh')
  @UseFilters(WsExceptionFilter)
  async refresh(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: true }> {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string')
      throw new DomainError('VALIDATION_FAILED', 'token is required', [{ field: 'token', message: 'is required' }]);
    const claims = await this.sessions.verifyLive(token);
    const data = socket.data as SocketData;
    if (claims.sub !== data.claims.sub) throw new DomainError('FORBIDDEN', 'Token belongs to another user');
    data.claims = claims;
    this.scheduleExpiry(socket);
    return { ok: true };
  }

  /** Closes this instance's sockets of ended sessions (one session, or all of a user's). */
  async endSessions(ended: SessionEnded): Promise<void> {
    const sockets = await this.server.in(rooms.user(ended.userId)).fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if (ended.sessionId === null || data.claims?.sid === ended.sessionId) this.close(socket, 'Session ended');
    }
  }

  /** The sessions of this instance's sockets, for the periodic sweep that backs up a missed notification. */
  async openSessionIds(): Promise<string[]> {
    const sockets = await this.server.fetchSockets();
    return [...new Set(sockets.map((s) => (s.data as SocketData).claims?.sid).filter((sid): sid is string => !!sid))];
  }

  async closeSessions(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const dead = new Set(sessionIds);
    for (const socket of await this.server.fetchSockets()) {
      if (dead.has((socket.data as SocketData).claims?.sid)) this.close(socket, 'Session ended');
    }
  }

  private close(
    socket: { emit(ev: string, body: unknown): unknown; disconnect(close?: boolean): unknown },
    message: string,
  ): void {
    socket.emit('session.expired', { code: 'UNAUTHENTICATED', message });
    socket.disconnect(true);
  }

  // OWASP WebSocket: a socket must not outlive its session.
  private scheduleExpiry(socket: Socket): void {
    const data = socket.data as SocketData;
    if (data.expiry) clearTimeout(data.expiry);
    const ms = Math.max(0, data.claims.exp * 1000 - Date.now());
    data.expiry = setTimeout(() => this.close(socket, 'Token expired'), Math.min(ms, 2_147_000_000));
    data.expiry.unref();
  }
}
