import type { ListShiftsQuery, ShiftView } from '#contracts';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';

interface ShiftRow {
  id: string;
  team_id: string;
  starts_at: Date;
  ends_at: Date;
}

const toView = (r: ShiftRow): ShiftView => ({
  id: r.id,
  teamId: r.team_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
});

export interface ShiftInput {
  teamId: string;
  startsAt: string;
  endsAt: string;
}

/** Shifts still to end at `now` that start within a week: enough for "next shift" without the roster's history. */
export async function shiftsAhead(
  db: Queryable,
  now: Date,
): Promise<{ team_id: string; starts_at: Date; ends_at: Date }[]> {
  return db.query(
    `SELECT team_id, starts_at, ends_at FROM shift WHERE ends_at > $1 AND starts_at < $1::timestamptz + interval '7 days'`,
    [now.toISOString()],
  );
}

/** Shifts overlapping [from, to), in time order. */
export async function listShifts(db: Queryable, q: ListShiftsQuery): Promise<ShiftView[]> {
  const rows = await db.query<ShiftRow>(
    `SELECT id, team_id, starts_at, ends_at FROM shift
     WHERE starts_at < $2 AND ends_at > $1 AND ($3::uuid IS NULL OR team_id = $3)
     ORDER BY starts_at, team_id`,
    [q.from, q.to, q.teamId ?? null],
  );
  return rows.map(toView);
}

/** The team ids among `ids` that do not exist. */
export async function missingTeams(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM team t WHERE t.id = u.id)`,
    [[...new Set(ids)]],
  );
  return rows.map((r) => r.id);
}

/**
 * Inserts the shifts in one statement. The exclusion constraint ex_shift_team_overlap settles overlaps, also
 * against a concurrent writer and between shifts of the same batch: an overlapping shift is not inserted (DO NOTHING
 * without a target covers exclusion constraints), so the caller compares what came back with what it sent.
 */
export async function insertShifts(tx: Tx, shifts: readonly ShiftInput[]): Promise<ShiftView[]> {
  const rows = await tx.query<ShiftRow>(
    `INSERT INTO shift (team_id, starts_at, ends_at)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[])
     ON CONFLICT DO NOTHING
     RETURNING id, team_id, starts_at, ends_at`,
    [shifts.map((s) => s.teamId), shifts.map((s) => s.startsAt), shifts.map((s) => s.endsAt)],
  );
  return rows.map(toView).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Deletes a shift; its team id, or undefined when there was none. */
export async function deleteShift(tx: Tx, id: string): Promise<ShiftView | undefined> {
  const row = await tx.one<ShiftRow>(`DELETE FROM shift WHERE id = $1 RETURNING id, team_id, starts_at, ends_at`, [id]);
  return row ? toView(row) : undefined;
}
