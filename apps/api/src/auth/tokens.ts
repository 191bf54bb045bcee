import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type AccessClaims, type Role } from '#contracts';
import { DomainError } from '../common/errors.js';

const ISSUER = 'crisis-dispatch';
const AUDIENCE = 'crisis-console';

/** A verified access token: its claims, its expiry (epoch seconds) and the session it belongs to. */
export type VerifiedToken = AccessClaims & { exp: number; sid: string };

/** Verified tokens kept at most: the consoles and phones of a large centre's shifts, with room to spare. */
const VERIFIED_CAP = 10_000;

/**
 * Short-lived HS256 access tokens; algorithm, issuer, audience and expiry are all checked on verification.
 * Each names its session (`sid`): a valid signature is necessary, not sufficient (see SessionService).
 */
@Injectable()
export class TokenService {
  private key: Uint8Array = new Uint8Array();
  private ttlMinutes = 15;
  // Tokens whose signature and claims were checked, until they expire: a console sends the same token with every
  // request for its whole life, and jose verifies through WebCrypto (a key import and a thread-pool hop each time),
  // about 7% of the server's CPU per incident create (issue 12). Whether the session is live is still asked of the
  // database on every request (SessionService); this only spares re-checking the same bytes' signature.
  private readonly verified = new Map<string, VerifiedToken>();

  configure(secret: string, ttlMinutes: number): void {
    this.key = new TextEncoder().encode(secret);
    this.ttlMinutes = ttlMinutes;
    this.verified.clear();
  }

  get ttlSeconds(): number {
    return this.ttlMinutes * 60;
  }

  /** The expiry (epoch seconds) of a token issued at `iat`: the TTL, but never past the session's absolute end. */
  expiryFor(sessionExpiresAt: Date, iat: number): number {
    return Math.min(iat + this.ttlMinutes * 60, Math.floor(sessionExpiresAt.getTime() / 1000));
  }

  async sign(claims: AccessClaims, sid: string, iat: number, exp: number): Promise<string> {
    const payload: Record<string, unknown> = { username: claims.username, role: claims.role, sid };
    if (claims.teamId) payload.teamId = claims.teamId;
    if (claims.agencyId) payload.agencyId = claims.agencyId;
    if (claims.regionIds?.length) payload.regionIds = claims.regionIds;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setJti(randomBytes(16).toString('base64url'))
      .setExpirationTime(exp)
      .sign(this.key);
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known && Date.now() / 1000 < known.exp) return { ...known };
    this.verified.delete(token);
    const claims = await this.verifySigned(token);
    if (this.verified.size >= VERIFIED_CAP) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return { ...claims };
  }

  private async verifySigned(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(Date.now()), // one clock for this check and the cache's
      });
      if (
        typeof payload.sub !== 'string' ||
        !ROLES.includes(payload.role as Role) ||
        typeof payload.username !== 'string' ||
        typeof payload.sid !== 'string'
      ) {
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
        sid: payload.sid,
      };
    } catch (e) {
      if (e instanceof DomainError) throw e;
      const expired = e instanceof joseErrors.JWTExpired;
      throw new DomainError('UNAUTHENTICATED', expired ? 'Token expired' : 'Invalid token');
    }
  }
}
