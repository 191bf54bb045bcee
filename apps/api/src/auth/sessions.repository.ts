import type { Queryable } from '../database/db.js';
import type { SessionEndReason } from '#contracts';
import type { Tx } from '../database/tx.js';

/** The NOTIFY channel on which every instance hears that sessions ended, to close their sockets at once. */
export const SESSIONS_CHANNEL = 'crisis_sessions';

export interface SessionEnded {
  userId: string;
  /** One session (logout), or null for every session of the user. */
  sessionId: string | null;
}

export async function insertSession(
  tx: Tx,
  s: { userId: string; maxHours: number; ip: string | null; userAgent: string | null },
): Promise<{ id: string; expires_at: Date }> {
  const row = await tx.one<{ id: string; expires_at: Date }>(
    `INSERT INTO user_session (user_id, expires_at, ip, user_agent)
     VALUES ($1, now() + make_interval(hours => $2), $3, $4)
     RETURNING id, expires_at`,
    [s.userId, s.maxHours, s.ip, s.userAgent],
  );
  return row!;
}

/**
 * For each (session, user) pair, in order: when the session ends, or undefined when it is not live (ended, past its
 * absolute lifetime, or its user deactivated).
 */
export async function liveSessions(
  db: Queryable,
  pairs: { sessionId: string; userId: string }[],
): Promise<({ expires_at: Date } | undefined)[]> {
  const rows = await db.query<{ i: string; expires_at: Date }>(
    `SELECT k.i, s.expires_at
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(sid, uid, i)
     JOIN user_session s ON s.id = k.sid AND s.user_id = k.uid
     JOIN app_user u ON u.id = s.user_id
     WHERE s.ended_at IS NULL AND s.expires_at > now() AND u.active`,
    [pairs.map((p) => p.sessionId), pairs.map((p) => p.userId)],
  );
  const found = new Map(rows.map((r) => [Number(r.i), { expires_at: r.expires_at }]));
  return pairs.map((_, i) => found.get(i + 1));
}

/** Of these sessions, the ones that are no longer live (for the socket sweep). */
export async function deadSessions(db: Queryable, sessionIds: string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM unnest($1::uuid[]) AS given(id)
     WHERE NOT EXISTS (
       SELECT 1 FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = given.id AND s.ended_at IS NULL AND s.expires_at > now() AND u.active)`,
    [sessionIds],
  );
  return rows.map((r) => r.id);
}

/**
 * Ends one session, or every open session of a user, in the caller's transaction. The NOTIFY is delivered at
 * commit, so sockets are closed only for a change that really happened.
 */
export async function endSessions(tx: Tx, ended: SessionEnded, reason: SessionEndReason): Promise<number> {
  const rows = ended.sessionId
    ? await tx.query(
        `UPDATE user_session SET ended_at = now(), end_reason = $3 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
        [ended.sessionId, ended.userId, reason],
      )
    : await tx.query(
        `UPDATE user_session SET ended_at = now(), end_reason = $2 WHERE user_id = $1 AND ended_at IS NULL RETURNING id`,
        [ended.userId, reason],
      );
  // Deactivation must close sockets even of sessions that had already ended, so notify regardless of the count.
  await tx.query(`SELECT pg_notify($1, $2)`, [SESSIONS_CHANNEL, JSON.stringify(ended)]);
  return rows.length;
}
