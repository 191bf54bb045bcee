import type { Queryable } from '../database/db.js';
import type { AnyEventEnvelope, EventsPage } from '#contracts';

interface EventRow {
  seq: string;
  type: AnyEventEnvelope['type'];
  occurred_at: Date;
  data: AnyEventEnvelope['data'];
  audience: string[];
}

export interface StoredEvent {
  envelope: AnyEventEnvelope;
  audience: string[];
}

function toEnvelope(r: EventRow): AnyEventEnvelope {
  return {
    seq: Number(r.seq),
    type: r.type,
    occurredAt: r.occurred_at.toISOString(),
    data: r.data,
  } as AnyEventEnvelope;
}

/** Events after `after` that any of `rooms` may see. */
export async function visibleEvents(
  db: Queryable,
  roomsOfCaller: string[],
  after: number,
  limit: number,
): Promise<EventsPage> {
  // One statement, one snapshot: the counter read here is the highest committed seq, and because seq is handed out
  // under a lock held to commit, every event up to it is visible. A caller that got a short page is caught up to it.
  const rows = await db.query<EventRow & { head: string }>(
    `WITH page AS (
       SELECT seq, type, occurred_at, data, audience FROM event
       WHERE seq > $1 AND audience && $2::text[]
       ORDER BY seq LIMIT $3)
     SELECT p.*, (SELECT seq FROM event_counter WHERE id = 1) AS head FROM page p
     UNION ALL
     SELECT NULL, NULL, NULL, NULL, NULL, (SELECT seq FROM event_counter WHERE id = 1)
     ORDER BY 1 NULLS LAST`,
    [after, roomsOfCaller, limit],
  );
  const head = Number(rows[rows.length - 1]?.head ?? 0);
  const events = rows.filter((r) => r.seq !== null).map(toEnvelope);
  const full = events.length === limit;
  const lastSeq = full ? events[events.length - 1].seq : Math.max(head, after);
  return { events, lastSeq };
}

/** Every event after `after`, for the publisher (which routes by audience itself). */
export async function eventsAfter(db: Queryable, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT seq, type, occurred_at, data, audience FROM event WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit],
  );
  return rows.map((r) => ({ envelope: toEnvelope(r), audience: r.audience }));
}

export async function headSeq(db: Queryable): Promise<number> {
  const row = await db.one<{ seq: string }>(`SELECT seq FROM event_counter WHERE id = 1`);
  return Number(row?.seq ?? 0);
}
