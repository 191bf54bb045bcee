import type { AccessClaims } from './responses.js';
import type { Role } from './vocabulary.js';

// Socket.IO room names. Events name their audience as rooms at write time; a socket joins the rooms its token
// claims allow, and GET /events filters by the same names, so live delivery and catch-up can never disagree.
export const rooms = {
  role: (role: Role) => `role:${role}`,
  team: (teamId: string) => `team:${teamId}`,
  agency: (agencyId: string) => `agency:${agencyId}`,
  region: (regionId: string) => `region:${regionId}`,
  user: (userId: string) => `user:${userId}`,
};

/** Every room a holder of these claims may listen to. */
export function roomsForClaims(claims: AccessClaims): string[] {
  const out = [rooms.role(claims.role), rooms.user(claims.sub)];
  if (claims.teamId) out.push(rooms.team(claims.teamId));
  if (claims.agencyId) out.push(rooms.agency(claims.agencyId));
  for (const regionId of claims.regionIds ?? []) out.push(rooms.region(regionId));
  return out;
}
