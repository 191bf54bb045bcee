import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords.js';

/** A secret shared by every instance on this database, created once by whichever starts first. */
export async function sharedSecret(ds: DataSource, name: string): Promise<string> {
  await ds.query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    randomBytes(48).toString('base64url'),
  ]);
  const [row] = (await ds.query(`SELECT value FROM app_secret WHERE name = $1`, [name])) as { value: string }[];
  if (!row) throw new Error(`secret ${name} missing`);
  return row.value;
}

/**
 * On an empty database, creates `admin` with ADMIN_PASSWORD or a generated password. Returns the generated
 * password (to print once) or null. Concurrent first starts are safe: only one INSERT wins.
 */
export async function ensureAdmin(ds: DataSource, adminPassword: string | null): Promise<string | null> {
  const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM app_user`)) as [{ count: number }];
  if (count > 0) return null;
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  const rows = (await ds.query(
    `INSERT INTO app_user (username, password_hash, display_name, role)
     SELECT 'admin', $1, 'Administrator', 'admin'
     WHERE NOT EXISTS (SELECT 1 FROM app_user)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING id`,
    [await hashPassword(password)],
  )) as { id: string }[];
  if (rows.length === 0) return null;
  await ds.query(
    `INSERT INTO audit (actor_username, actor_role, action, entity_type, entity_id, details)
     VALUES ('system', 'system', 'user.created', 'user', $1, '{"role":"admin","reason":"first start"}')`,
    [rows[0]!.id],
  );
  return adminPassword ? null : password;
}
