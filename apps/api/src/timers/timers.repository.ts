import { SLA_TIMER_KINDS, TIMER, type TimerKind } from '#contracts';
import type { Tx } from '../database/tx.js';

export interface TimerRow {
  id: string;
  kind: TimerKind;
  ref_id: string | null;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

// A pending timer is one neither fired nor cancelled; the partial unique index allows one per kind and ref.
const PENDING = `fired_at IS NULL AND cancelled_at IS NULL`;

/** Schedules a timer in the caller's transaction; a pending timer of the same kind and ref is replaced. */
export async function scheduleTimer(
  tx: Tx,
  kind: TimerKind,
  refId: string,
  dueAt: Date,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO timer (kind, ref_id, due_at, payload) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (kind, ref_id) WHERE ${PENDING}
     DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload`,
    [kind, refId, dueAt.toISOString(), JSON.stringify(payload)],
  );
}

/** scheduleTimer for several timers in one statement (a new record's timers, none pending yet). */
export function scheduleTimers(
  tx: Tx,
  timers: { kind: TimerKind; refId: string; dueAt: Date; payload?: Record<string, unknown> }[],
): Promise<void> {
  if (timers.length === 0) return Promise.resolve();
  tx.later(
    'timer',
    `INSERT INTO timer (kind, ref_id, due_at, payload)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::jsonb[])
     ON CONFLICT (kind, ref_id) WHERE ${PENDING}
     DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload`,
    [
      timers.map((t) => t.kind),
      timers.map((t) => t.refId),
      timers.map((t) => t.dueAt.toISOString()),
      timers.map((t) => JSON.stringify(t.payload ?? {})),
    ],
  );
  return Promise.resolve();
}

export async function cancelTimer(tx: Tx, kind: TimerKind, refId: string): Promise<void> {
  await cancelTimers(tx, [kind], refId);
}

/** Cancels the pending timers of these kinds for one ref. */
export async function cancelTimers(tx: Tx, kinds: readonly TimerKind[], refId: string): Promise<void> {
  await tx.query(`UPDATE timer SET cancelled_at = now() WHERE kind = ANY($1::text[]) AND ref_id = $2 AND ${PENDING}`, [
    kinds,
    refId,
  ]);
}

/**
 * Cancels what an ending incident leaves ticking, in one statement: its response clock and the expiry of its
 * unanswered offer, if any (an offer's timer is keyed by the dispatch, not the incident).
 */
export async function cancelIncidentTimers(tx: Tx, incidentId: string): Promise<void> {
  await tx.query(
    `UPDATE timer SET cancelled_at = now()
     WHERE ${PENDING}
       AND ((kind = ANY($2::text[]) AND ref_id = $1)
         OR (kind = $3 AND ref_id IN (SELECT id FROM dispatch WHERE incident_id = $1 AND status = 'offered')))`,
    [incidentId, SLA_TIMER_KINDS, TIMER.offerExpiry],
  );
}

/** An integer from the payload of the newest timer of these kinds for one ref (fired or not), if any. */
export async function latestPayloadNumber(
  tx: Tx,
  kinds: readonly TimerKind[],
  refId: string,
  key: string,
): Promise<number | null> {
  const row = await tx.one<{ m: number | null }>(
    `SELECT (payload->>$3)::int AS m FROM timer WHERE kind = ANY($1::text[]) AND ref_id = $2 ORDER BY created_at DESC LIMIT 1`,
    [kinds, refId, key],
  );
  return row?.m ?? null;
}

/** The next due timer, claimed (row-locked) for the caller's transaction; none when every due one is taken. */
export async function claimDueTimer(tx: Tx): Promise<TimerRow | undefined> {
  return tx.one<TimerRow>(
    `SELECT id, kind, ref_id, due_at, payload, attempts FROM timer
     WHERE ${PENDING} AND due_at <= now()
     ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
}

/** Fired, and the attempt counted, in one statement (inside the handler's part: a failure undoes both). */
export async function markTimerFired(tx: Tx, id: string): Promise<void> {
  await tx.query(`UPDATE timer SET fired_at = now(), attempts = attempts + 1 WHERE id = $1`, [id]);
}

/** A failed handler: the timer is due again after a backoff (5 s doubling, at most 5 min), with its error kept. */
export async function retryTimerLater(tx: Tx, id: string, error: string): Promise<void> {
  await tx.query(
    `UPDATE timer SET attempts = attempts + 1, last_error = $2,
       due_at = now() + make_interval(secs => least(300, 5 * power(2, attempts)))
     WHERE id = $1`,
    [id, error.slice(0, 500)],
  );
}
