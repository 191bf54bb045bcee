import type { AgencyKind, Role, UserView } from '#contracts';
import type { Tx } from '../database/tx.js';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  team_id: string | null;
  agency_id: string | null;
  active: boolean;
  /** Joined from agency when the query selects it (auth: login, me, refresh). */
  agency_kind?: AgencyKind | null;
}

export function toUserView(u: UserRow): UserView {
  const view: UserView = { id: u.id, username: u.username, displayName: u.display_name, role: u.role };
  if (u.team_id) view.teamId = u.team_id;
  if (u.agency_id) view.agencyId = u.agency_id;
  if (u.agency_kind) view.agencyKind = u.agency_kind;
  return view;
}

export async function insertUser(
  tx: Tx,
  u: { username: string; passwordHash: string; displayName: string; role: Role; teamId?: string | null; agencyId?: string | null },
): Promise<UserRow | undefined> {
  // ON CONFLICT keeps the duplicate check in the database, where two simultaneous creates cannot both win.
  return tx.one<UserRow>(
    `INSERT INTO app_user (username, password_hash, display_name, role, team_id, agency_id)
     VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING *`,
    [u.username, u.passwordHash, u.displayName, u.role, u.teamId ?? null, u.agencyId ?? null],
  );
}
