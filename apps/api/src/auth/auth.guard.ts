import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '#contracts';
import { DomainError } from '../common/errors.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './decorators.js';
import { SessionService } from './sessions.js';

/** Global guard: every route needs a valid bearer token of a live session and a role listed in @Roles, unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
    // The signature alone is not enough: the session must still be live (not logged out, not ended by a password
    // change, reset or deactivation, within its absolute lifetime), checked in the database on every request.
    req.claims = await this.sessions.verifyLive(match[1]);
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    // Deny by default: a route someone forgot to annotate is closed, not open.
    if (!roles || !roles.includes(req.claims.role)) {
      throw new DomainError('FORBIDDEN', `Role ${req.claims.role} may not call this route`);
    }
    return true;
  }
}
