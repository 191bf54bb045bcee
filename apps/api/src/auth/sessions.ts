import { Inject, Injectable } from '@nestjs/common';
import type { AccessClaims, SessionEndReason } from '#contracts';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../common/tokens.js';
import { DomainError } from '../common/errors.js';
import { Db } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import { SessionChecks } from './session-checks.js';
import { endSessions, insertSession, liveSessions } from './sessions.repository.js';
import { TokenService, type VerifiedToken } from './tokens.js';

/**
 * The one session-ending mechanism. A login starts a session row; every access token names it. The REST guard,
 * POST /auth/refresh and the socket handshake all ask `verifyLive`, so a logout, a password change, an admin reset
 * or a deactivation refuses the session's tokens on the next request, on every instance (the row is the truth).
 * Live sockets are closed through the NOTIFY that `end*` sends (SessionWatcher).
 */
@Injectable()
export class SessionService {
  private readonly checks: SessionChecks;

  constructor(
    db: Db,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.checks = new SessionChecks((pairs) => liveSessions(db, pairs));
  }

  /** Starts a session for a user who just proved who they are, in the login's transaction. */
  start(tx: Tx, userId: string): Promise<{ id: string; expires_at: Date }> {
    return insertSession(tx, {
      userId,
      maxHours: this.config.sessionMaxHours,
      ip: tx.actor.ip,
      userAgent: tx.actor.userAgent,
    });
  }

  /** Verifies the signature and that the session is live; returns the claims or throws 401. */
  async verifyLive(token: string): Promise<VerifiedToken> {
    const claims = await this.tokens.verify(token);
    await this.sessionExpiry(claims);
    return claims;
  }

  /** When the session ends at the latest (its absolute lifetime); throws 401 when it has already ended. */
  async sessionExpiry(claims: VerifiedToken): Promise<Date> {
    const live = await this.checks.live(claims.sid, claims.sub);
    if (!live) throw new DomainError('UNAUTHENTICATED', 'Session ended');
    return live.expires_at;
  }

  /** A token for this session, expiring at the TTL or the session's absolute end, whichever is first. */
  async issue(
    claims: AccessClaims,
    sid: string,
    sessionExpiresAt: Date,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const iat = Math.floor(Date.now() / 1000);
    const exp = this.tokens.expiryFor(sessionExpiresAt, iat);
    return { accessToken: await this.tokens.sign(claims, sid, iat, exp), expiresIn: Math.max(0, exp - iat) };
  }

  endOne(tx: Tx, userId: string, sessionId: string, reason: SessionEndReason): Promise<number> {
    return endSessions(tx, { userId, sessionId }, reason);
  }

  endAll(tx: Tx, userId: string, reason: SessionEndReason): Promise<number> {
    return endSessions(tx, { userId, sessionId: null }, reason);
  }
}
