import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { STAFF_ROLES, type Role } from '#contracts';
import { actorFromClaims, type Actor } from '../common/actor.js';
import type { VerifiedToken } from './tokens.js';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** No token needed (login, health, config, signed webhooks). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Who may call a route; the guard refuses everyone else with 403. A route without @Roles is refused. */
export const Roles = (...roles: readonly Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
export const Staff = (): MethodDecorator & ClassDecorator => Roles(...STAFF_ROLES);
export const AnyUser = (): MethodDecorator & ClassDecorator => Roles(...STAFF_ROLES, 'agency');

export type AuthedRequest = Request & { claims?: VerifiedToken };

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket?.remoteAddress ?? null;
}

export const Claims = createParamDecorator((_: unknown, ctx: ExecutionContext): VerifiedToken => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.claims) throw new Error('Claims used on a public route');
  return req.claims;
});

/** The caller as an audit actor: who, with which role, from which address. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.claims) throw new Error('CurrentActor used on a public route');
  return actorFromClaims(req.claims, clientIp(req), req.get('user-agent') ?? null);
});
