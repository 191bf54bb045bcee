// The statements that give events their seq (issue 12). A unit of work's commit numbers its events itself when the
// event counter is free, and otherwise leaves them in `event_outbox`, committed with its data; the sequencer
// (event-sequencer.ts) then moves them into `event`, numbering them, in a short transaction of its own.

/**
 * Taken first in a sequencing transaction, so that the statement after it reads the outbox with a snapshot taken
 * once no other sequencer (another instance) can still be moving rows: the batches of two sequencers never
 * interleave, and seq follows the order in which events became visible.
 */
export const LOCK_EVENT_COUNTER = `SELECT seq FROM event_counter WHERE id = 1 FOR UPDATE`;

/** How many events one statement moves at most: a pass repeats it until fewer come back. */
export const SEQUENCE_BATCH = 500;

/**
 * Numbers events into `event` after the counter: first up to SEQUENCE_BATCH waiting in the outbox, oldest id first,
 * then (`own`) the events of the unit of work whose commit this is ($1: its instant, $2: [{type, data, audience}] in
 * the order raised). Outbox ids follow the order in which units of work wrote, so two writes to one record (the
 * second waited for the first's row lock) keep their order; that is also why a unit of work's own events go to the
 * outbox, behind the others, when it cannot number every waiting one first.
 *
 * The numbered events go to every listening instance in chunks of 8 per notification (whole envelopes, built from the
 * stored jsonb so byte for byte what GET /events answers, when a chunk fits PostgreSQL's 8000-byte payload limit,
 * else just its last seq; the publisher reads the table whenever a notification does not continue exactly where it
 * stopped). Answers whether it held the counter and how many waiting events it moved.
 *
 * The sequencer's own pass has taken the counter's lock in the statement before (LOCK_EVENT_COUNTER), so that its
 * snapshot of the outbox is taken after the lock. A unit of work's commit takes the lock only if it is free (SKIP
 * LOCKED); if not, it moves nothing and puts its own events in the outbox for a pass: no writer ever waits for
 * another's commit and WAL flush.
 */
function sequenceEvents(own: boolean): string {
  const ownRows = `SELECT x.e, x.i FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, i)`;
  return `
  WITH lock AS (SELECT 1 FROM event_counter WHERE id = 1 ${own ? 'FOR UPDATE SKIP LOCKED' : ''}),
  moved AS (
    DELETE FROM event_outbox
    WHERE EXISTS (SELECT 1 FROM lock) AND id IN (SELECT id FROM event_outbox ORDER BY id LIMIT ${SEQUENCE_BATCH})
    RETURNING id, type, occurred_at, data, audience),
  direct AS (SELECT EXISTS (SELECT 1 FROM lock) AND (SELECT count(*) FROM moved) < ${SEQUENCE_BATCH} AS yes),
  ${
    own
      ? `queued AS (
    INSERT INTO event_outbox (type, occurred_at, data, audience)
    SELECT o.e->>'type', $1::timestamptz, o.e->'data', ARRAY(SELECT jsonb_array_elements_text(o.e->'audience'))
    FROM (${ownRows}) o, direct WHERE NOT direct.yes ORDER BY o.i
    RETURNING id),
  todo AS (
    SELECT 0 AS part, m.id AS k, m.type, m.occurred_at, m.data, m.audience FROM moved m
    UNION ALL
    SELECT 1, o.i, o.e->>'type', $1::timestamptz, o.e->'data', ARRAY(SELECT jsonb_array_elements_text(o.e->'audience'))
    FROM (${ownRows}) o, direct WHERE direct.yes),`
      : `todo AS (SELECT 0 AS part, m.id AS k, m.type, m.occurred_at, m.data, m.audience FROM moved m),`
  }
  n AS (SELECT count(*) AS n FROM todo),
  c AS (UPDATE event_counter SET seq = seq + n.n FROM n WHERE id = 1 AND n.n > 0 RETURNING seq - n.n AS base),
  e AS (
    INSERT INTO event (seq, type, occurred_at, data, audience)
    SELECT c.base + row_number() OVER (ORDER BY t.part, t.k), t.type, t.occurred_at, t.data, t.audience FROM c, todo t
    RETURNING seq, type, occurred_at, data, audience),
  chunks AS (
    SELECT (e.seq - c.base - 1) / 8 AS k, max(e.seq) AS last,
      jsonb_agg(jsonb_build_object(
        'seq', e.seq, 'type', e.type,
        'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'data', e.data, 'audience', e.audience) ORDER BY e.seq)::text AS payload
    FROM e, c GROUP BY 1),
  sent AS (
    SELECT count(pg_notify('crisis_events', CASE WHEN octet_length(s.payload) <= 7900 THEN s.payload ELSE s.last::text END)) AS notified
    FROM (SELECT * FROM chunks ORDER BY k) s)
  SELECT (SELECT yes FROM direct) AS direct, (SELECT count(*) FROM moved) AS moved, (SELECT notified FROM sent) AS notified${
    own ? ', (SELECT count(*) FROM queued) AS queued' : ''
  }`;
}

/** The sequencer's pass, after LOCK_EVENT_COUNTER. */
export const SEQUENCE_EVENTS = sequenceEvents(false);
/** A unit of work's commit: the waiting events and its own, if the counter is free; else its own into the outbox. */
export const NUMBER_OR_QUEUE_EVENTS = sequenceEvents(true);

export interface SequenceAnswer {
  /** It held the counter and numbered every waiting event it could see (and the unit of work's own). */
  direct: boolean;
  moved: string;
}

/** Whether events committed before this statement may still wait in the outbox: then a pass must follow. */
export const leftWaiting = (a: SequenceAnswer): boolean => !a.direct;
