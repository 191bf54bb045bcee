import type { AccessClaims, Role } from '#contracts';

/** Who is doing something, and from where: every audit row and timeline entry names one. */
export interface Actor {
  userId: string | null;
  username: string;
  role: Role | 'system' | 'anonymous' | 'integration';
  teamId?: string;
  agencyId?: string;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'system', ip: null, userAgent: null };

export function actorFromClaims(claims: AccessClaims, ip: string | null, userAgent: string | null): Actor {
  return {
    userId: claims.sub,
    username: claims.username,
    role: claims.role,
    teamId: claims.teamId,
    agencyId: claims.agencyId,
    ip,
    userAgent,
  };
}
