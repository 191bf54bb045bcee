import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';

/** Failed logins within the window, by this username (any case) and from this address. */
export async function recentFailures(
  db: Queryable,
  username: string,
  ip: string | null,
  windowMinutes: number,
): Promise<{ byUser: number; byIp: number }> {
  const row = await db.one<{ by_user: string; by_ip: string }>(
    `SELECT
       count(*) FILTER (WHERE lower(username) = lower($1)) AS by_user,
       count(*) FILTER (WHERE ip = $2) AS by_ip
     FROM login_attempt
     WHERE NOT success AND at > now() - make_interval(mins => $3)`,
    [username, ip, windowMinutes],
  );
  return { byUser: Number(row?.by_user ?? 0), byIp: Number(row?.by_ip ?? 0) };
}

export async function recordLoginAttempt(tx: Tx, username: string, ip: string | null, success: boolean): Promise<void> {
  await tx.query(`INSERT INTO login_attempt (username, ip, success) VALUES ($1, $2, $3)`, [
    username.slice(0, 64),
    ip,
    success,
  ]);
}
