import type { AgencyKind, Role, UserAdminView, UserView } from '#contracts';
import type { Queryable } from '../database/db.js';
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
  u: {
    username: string;
    passwordHash: string;
    displayName: string;
    role: Role;
    teamId?: string | null;
    agencyId?: string | null;
  },
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

export interface UserAdminRow extends UserRow {
  created_at: Date;
  last_login_at: Date | null;
}

export function toUserAdminView(u: UserAdminRow): UserAdminView {
  return {
    ...toUserView(u),
    active: u.active,
    createdAt: u.created_at.toISOString(),
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
  };
}

const ADMIN_COLUMNS = `u.id, u.username, u.display_name, u.role, u.team_id, u.agency_id, u.active, u.created_at,
  (SELECT max(s.started_at) FROM user_session s WHERE s.user_id = u.id) AS last_login_at`;

/** Every user for the admin, without any password data (the hash never leaves this file's SELECTs). */
export function listUsers(db: Queryable): Promise<UserAdminRow[]> {
  return db.query<UserAdminRow>(`SELECT ${ADMIN_COLUMNS} FROM app_user u ORDER BY lower(u.username)`);
}

// The agency's kind travels with the user so the console picks the partner portal's view and sections.
const USER_WITH_AGENCY = `SELECT u.*, a.kind AS agency_kind FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id`;

/** The user (with the password hash, for login) by username, in any case. */
export function userByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  return db.one<UserRow>(`${USER_WITH_AGENCY} WHERE lower(u.username) = lower($1)`, [username]);
}

export function userById(db: Queryable, id: string): Promise<UserRow | undefined> {
  return db.one<UserRow>(`${USER_WITH_AGENCY} WHERE u.id = $1`, [id]);
}

export async function adminUser(tx: Tx, id: string): Promise<UserAdminRow | undefined> {
  return tx.one<UserAdminRow>(`SELECT ${ADMIN_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
}

/** The user row locked for a change, so two admins editing the same user are applied one after the other. */
export function lockUser(tx: Tx, id: string): Promise<Omit<UserRow, 'password_hash'> | undefined> {
  return tx.one<Omit<UserRow, 'password_hash'>>(
    `SELECT id, username, display_name, role, team_id, agency_id, active FROM app_user WHERE id = $1 FOR UPDATE`,
    [id],
  );
}

export async function updateUser(
  tx: Tx,
  id: string,
  u: { displayName: string; role: Role; teamId: string | null; agencyId: string | null; active: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE app_user SET display_name = $2, role = $3, team_id = $4, agency_id = $5, active = $6 WHERE id = $1`,
    [id, u.displayName, u.role, u.teamId, u.agencyId, u.active],
  );
}

export async function setPassword(tx: Tx, id: string, passwordHash: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE id = $1 RETURNING id`,
    [id, passwordHash],
  );
  return rows.length > 0;
}
