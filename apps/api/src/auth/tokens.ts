import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type AccessClaims, type Role } from '#contracts';
import { DomainError } from '../common/errors.js';

const ISSUER = 'crisis-dispatch';
const AUDIENCE = 'crisis-console';

/** Short-lived HS256 access tokens; algorithm, issuer, audience and expiry are all checked on verification. */
@Injectable()
export class TokenService {
  private key: Uint8Array = new Uint8Array();
  private ttlMinutes = 15;

  configure(secret: string, ttlMinutes: number): void {
    this.key = new TextEncoder().encode(secret);
    this.ttlMinutes = ttlMinutes;
  }

  get ttlSeconds(): number {
    return this.ttlMinutes * 60;
  }

  async sign(claims: AccessClaims): Promise<string> {
    const payload: Record<string, unknown> = { username: claims.username, role: claims.role };
    if (claims.teamId) payload.teamId = claims.teamId;
    if (claims.agencyId) payload.agencyId = claims.agencyId;
    if (claims.regionIds?.length) payload.regionIds = claims.regionIds;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setJti(randomBytes(16).toString('base64url'))
      .setExpirationTime(`${this.ttlMinutes}m`)
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessClaims & { exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role as Role) || typeof payload.username !== 'string') {
        throw new DomainError('UNAUTHENTICATED', 'Malformed token');
      }
      return {
        sub: payload.sub,
        username: payload.username,
        role: payload.role as Role,
        teamId: typeof payload.teamId === 'string' ? payload.teamId : undefined,
        agencyId: typeof payload.agencyId === 'string' ? payload.agencyId : undefined,
        regionIds: Array.isArray(payload.regionIds) ? (payload.regionIds as string[]) : undefined,
        exp: payload.exp ?? 0,
      };
    } catch (e) {
      if (e instanceof DomainError) throw e;
      const expired = e instanceof joseErrors.JWTExpired;
      throw new DomainError('UNAUTHENTICATED', expired ? 'Token expired' : 'Invalid token');
    }
  }
}
