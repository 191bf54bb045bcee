import type { EventType } from '#contracts';
import type { Statement } from './write-batch.js';

export interface PendingEvent {
  type: EventType;
  data: unknown;
  audience: string[];
}

/** The channel committed events are notified on; every instance listens on it (realtime/notifications.ts). */
export const EVENTS_CHANNEL = 'crisis_events';
/** The most envelope bytes a notification carries: PostgreSQL's limit is 8000, less room for the seq prefix. */
export const NOTIFY_PAYLOAD_BYTES = 7880;

/**
 * Counter, event rows and NOTIFY in one statement. Each notification carries a run of consecutive envelopes as
 * "<seq before its first> <JSON array of envelopes without seq>" (the same JSON the rows were stored from), or, for a
 * unit of work whose envelopes alone exceed PostgreSQL's 8000-byte payload limit, just its last seq; NOTIFY is
 * delivered at commit, in commit order, and the publisher reads the table whenever a payload does not continue
 * exactly where it stopped (realtime/publisher.ts). This statement runs while the counter's row is locked, until the
 * commit: it only inserts what it is given. Before, it also took one JSON document apart per event and built the
 * payload back out of the inserted rows, 120 µs more of PostgreSQL's time per create inside the serial section
 * (docs/performance.md, tenth round).
 */
const FLUSH_EVENTS = `
  WITH c AS (UPDATE event_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq - $1 AS base),
  e AS (
    INSERT INTO event (seq, type, occurred_at, data, audience)
    SELECT c.base + x.i, x.type, $2::timestamptz, x.data, ($5::text[])[x.lo:x.hi]
    FROM c, unnest($3::text[], $4::jsonb[], $6::int[], $7::int[]) WITH ORDINALITY AS x(type, data, lo, hi, i))
  SELECT pg_notify('${EVENTS_CHANNEL}',
    CASE WHEN octet_length(n.body) <= ${NOTIFY_PAYLOAD_BYTES} THEN (c.base + n.off)::text || ' ' || n.body
         ELSE (c.base + n.off + n.count)::text END)
  FROM c, unnest($8::text[], $9::int[], $10::int[]) AS n(body, off, count)`;

/** A notification's part of the events: its envelopes, and where they start and how many, in the statement's order. */
interface Run {
  envelopes: string[];
  bytes: number;
  first: number;
}

/**
 * The events statement for the events of one or more units of work committed together (group-commit.ts), in their
 * order: numbered consecutively from the counter. Consecutive units share a notification while their envelopes fit
 * one: the publisher sends a notification's events to each console in one socket write (realtime/one-write.ts), so a
 * group of creates costs each console one write rather than one per create. A unit is never split, so one too large
 * for a notification goes alone, as its last seq.
 */
export function eventsStatement(units: PendingEvent[][], now: Date): Statement {
  const at = now.toISOString();
  const events = units.flat();
  // Each event's rooms are a slice [lo, hi] of one flat array: no JSON for PostgreSQL to take apart per event.
  const rooms: string[] = [];
  const bounds = events.map((e) => {
    const lo = rooms.length + 1;
    rooms.push(...e.audience);
    return [lo, rooms.length];
  });
  const data = events.map((e) => JSON.stringify(e.data));
  // The notifications' envelopes, written here rather than built back out of the stored rows: each event's data is
  // the same JSON its row is stored from. Without seq, which the listener adds from the one PostgreSQL puts first.
  const envelopes = events.map(
    (e, i) =>
      `{"type":${JSON.stringify(e.type)},"occurredAt":"${at}","data":${data[i]},"audience":${JSON.stringify(e.audience)}}`,
  );
  const runs = notificationRuns(units, envelopes);
  return {
    sql: FLUSH_EVENTS,
    params: [
      events.length,
      at,
      events.map((e) => e.type),
      data,
      rooms,
      bounds.map(([lo]) => lo),
      bounds.map(([, hi]) => hi),
      runs.map((r) => `[${r.envelopes.join(',')}]`),
      runs.map((r) => r.first),
      runs.map((r) => r.envelopes.length),
    ],
  };
}

function notificationRuns(units: PendingEvent[][], envelopes: string[]): Run[] {
  const runs: Run[] = [];
  let first = 0;
  for (const unit of units) {
    const mine = envelopes.slice(first, first + unit.length);
    if (mine.length === 0) continue;
    // The brackets, and a comma after each envelope (one more than the array has).
    const bytes = mine.reduce((n, e) => n + Buffer.byteLength(e) + 1, 0);
    const last = runs.at(-1);
    if (last && last.bytes + bytes <= NOTIFY_PAYLOAD_BYTES) {
      last.envelopes.push(...mine);
      last.bytes += bytes;
    } else runs.push({ envelopes: mine, bytes: bytes + 2, first });
    first += unit.length;
  }
  return runs;
}
