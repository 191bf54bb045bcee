import { UseFilters } from '@nestjs/common';
import { WsExceptionFilter } from './ws-exception.filter.js';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { roomsForClaims, type AccessClaims } from '#contracts';
import { DomainError } from '../common/errors.js';
import { TokenService } from '../auth/tokens.js';
import { Metrics } from '../metrics/metrics.js';

interface SocketData {
  claims: AccessClaims & { exp: number };
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
    private readonly tokens: TokenService,
    private readonly metrics: Metrics,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token === '') {
        next(Object.assign(new Error('A token is required'), { data: { code: 'UNAUTHENTICATED' } }));
        return;
      }
      this.tokens
        .verify(token)
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
    if (typeof token !== 'string') throw new DomainError('VALIDATION_FAILED', 'token is required', [{ field: 'token', message: 'is required' }]);
    const claims = await this.tokens.verify(token);
    const data = socket.data as SocketData;
    if (claims.sub !== data.claims.sub) throw new DomainError('FORBIDDEN', 'Token belongs to another user');
    data.claims = claims;
    this.scheduleExpiry(socket);
    return { ok: true };
  }

  // OWASP WebSocket: a socket must not outlive its session.
  private scheduleExpiry(socket: Socket): void {
    const data = socket.data as SocketData;
    if (data.expiry) clearTimeout(data.expiry);
    const ms = Math.max(0, data.claims.exp * 1000 - Date.now());
    data.expiry = setTimeout(() => {
      socket.emit('session.expired', { code: 'UNAUTHENTICATED', message: 'Token expired' });
      socket.disconnect(true);
    }, Math.min(ms, 2_147_000_000));
    data.expiry.unref();
  }
}
