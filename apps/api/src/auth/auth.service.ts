import { Injectable } from '@nestjs/common';
import type { AccessClaims, LoginResponse, UserView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { agencyRegionIds } from '../agencies/agencies.repository.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { setPassword, toUserView, userById, userByUsername, type UserRow } from '../users/users.repository.js';
import { recentFailures, recordLoginAttempt } from './login-attempts.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SessionService } from './sessions.js';
import type { VerifiedToken } from './tokens.js';

export interface LoginThrottle {
  maxFailures: number;
  windowMinutes: number;
}

@Injectable()
export class AuthService {
  private throttle: LoginThrottle = { maxFailures: 5, windowMinutes: 15 };

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
  ) {}

  configure(throttle: LoginThrottle): void {
    this.throttle = throttle;
  }

  async login(username: string, password: string, ip: string | null, userAgent: string | null): Promise<LoginResponse> {
    // Counted in the database so the limit holds across instances. An address gets more room than a username
    // because a whole shift may log in from one NAT address.
    const failures = await recentFailures(this.db, username, ip, this.throttle.windowMinutes);
    if (failures.byUser >= this.throttle.maxFailures || failures.byIp >= this.throttle.maxFailures * 4) {
      throw new DomainError(
        'RATE_LIMITED',
        'Too many failed logins; try again later',
        undefined,
        this.throttle.windowMinutes * 60,
      );
    }
    const user = await userByUsername(this.db, username);
    const ok = (await verifyPassword(user?.password_hash ?? null, password)) && user?.active === true;
    const actor: Actor = {
      userId: ok && user ? user.id : null,
      username: user?.username ?? username.slice(0, 64),
      role: ok && user ? user.role : 'anonymous',
      ip,
      userAgent,
    };
    const session = await this.uow.run(actor, async (tx) => {
      await recordLoginAttempt(tx, username, ip, ok);
      await tx.audit({
        action: ok ? 'auth.logged-in' : 'auth.login-failed',
        entityType: 'user',
        entityId: user?.id ?? null,
      });
      return ok && user ? this.sessions.start(tx, user.id) : null;
    });
    if (!session || !user) throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    const claims = await this.claimsFor(user);
    return { ...(await this.sessions.issue(claims, session.id, session.expires_at)), user: toUserView(user) };
  }

  /**
   * A fresh token for a still-live session, so an active console is not logged out mid-shift; never past the
   * session's absolute end (SESSION_MAX_HOURS), after which the person logs in again.
   */
  async refresh(claims: VerifiedToken): Promise<LoginResponse> {
    const expiresAt = await this.sessions.sessionExpiry(claims);
    const user = await this.activeUser(claims.sub);
    return {
      ...(await this.sessions.issue(await this.claimsFor(user), claims.sid, expiresAt)),
      user: toUserView(user),
    };
  }

  /** Ends the caller's session: its tokens are refused from now on and its sockets close. */
  async logout(actor: Actor, claims: VerifiedToken): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      await this.sessions.endOne(tx, claims.sub, claims.sid, 'logout');
      await tx.audit({ action: 'auth.logged-out', entityType: 'user', entityId: claims.sub });
    });
  }

  /** Changes the caller's own password; the current one is required so a stolen token cannot lock the owner out. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.activeUser(actor.userId!);
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new DomainError('VALIDATION_FAILED', 'currentPassword is wrong', [
        { field: 'currentPassword', message: 'is wrong' },
      ]);
    }
    const hash = await hashPassword(newPassword);
    await this.uow.run(actor, async (tx) => {
      await setPassword(tx, user.id, hash);
      // Every session ends, this one included: a token issued before the change must not outlive it.
      await this.sessions.endAll(tx, user.id, 'password-change');
      await tx.audit({ action: 'user.password-changed', entityType: 'user', entityId: user.id });
    });
  }

  async me(claims: AccessClaims): Promise<UserView> {
    return toUserView(await this.activeUser(claims.sub));
  }

  private async activeUser(id: string): Promise<UserRow> {
    const user = await userById(this.db, id);
    if (!user) throw notFound('User');
    if (!user.active) throw new DomainError('UNAUTHENTICATED', 'Account disabled');
    return user;
  }

  private async claimsFor(user: UserRow): Promise<AccessClaims> {
    const claims: AccessClaims = { sub: user.id, username: user.username, role: user.role };
    if (user.team_id) claims.teamId = user.team_id;
    if (user.agency_id) {
      claims.agencyId = user.agency_id;
      const regionIds = await agencyRegionIds(this.db, user.agency_id);
      if (regionIds.length) claims.regionIds = regionIds;
    }
    return claims;
  }
}
