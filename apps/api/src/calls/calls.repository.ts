import type { Queryable } from '../database/db.js';
import type {
  CallChannel,
  CallEventData,
  CallOutcome,
  CallStatus,
  CallView,
  Category,
  ClientMatch,
  IncidentCallback,
  TriageRecord,
} from '#contracts';
import { REGIONS_VERSION_SQL } from '../regions/regions.repository.js';
import type { TriageRow } from '../triage/triage.repository.js';
import type { Tx } from '../database/tx.js';

export interface CallRow {
  id: string;
  status: CallStatus;
  channel: CallChannel;
  caller_number: string | null;
  caller_digits: string | null;
  caller_relation: string | null;
  notes: string | null;
  received_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  outcome: CallOutcome | null;
  end_notes: string | null;
  counselor_id: string | null;
  client_id: string | null;
  incident_id: string | null;
  created_by: string | null;
  source: 'console' | 'telephony';
  idempotency_key: string | null;
  idempotency_fingerprint: string | null;
}

export function toCallView(r: CallRow, triage: TriageRecord | null, clientMatches: ClientMatch[]): CallView {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    callerNumber: r.caller_number,
    callerRelation: r.caller_relation,
    notes: r.notes,
    receivedAt: r.received_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    outcome: r.outcome,
    counselorId: r.counselor_id,
    clientId: r.client_id,
    incidentId: r.incident_id,
    clientMatches,
    triage,
  };
}

/** The queue row: no caller number, notes, matches or triage answers; those stay behind the audited read. */
export function toQueueView(r: CallRow): CallView {
  return { ...toCallView(r, null, []), callerNumber: null, callerRelation: null, notes: null };
}

/** Event data: ids, times and the category only, never the caller's number or notes. */
export function toCallEvent(r: CallRow, category: Category | null): CallEventData {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    receivedAt: r.received_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    counselorId: r.counselor_id,
    category,
    incidentId: r.incident_id,
    outcome: r.outcome,
  };
}

/** The queue: calls in these statuses, oldest waiting first, then at most `endedLimit` ended ones, newest first. */
export async function listCallQueue(
  db: Queryable,
  statuses: readonly CallStatus[],
  endedLimit: number,
): Promise<CallRow[]> {
  return db.query<CallRow>(
    `(SELECT * FROM call WHERE status = ANY($1::text[]) AND status <> 'ended' ORDER BY received_at LIMIT 1000)
     UNION ALL
     (SELECT * FROM call WHERE 'ended' = ANY($1::text[]) AND status = 'ended' ORDER BY ended_at DESC LIMIT ${endedLimit})`,
    [statuses],
  );
}

export interface NewCallRow {
  status: 'ringing' | 'active';
  channel: CallChannel;
  callerNumber: string | null;
  callerDigits: string | null;
  callerRelation: string | null;
  notes: string | null;
  receivedAt: Date;
  counselorId: string | null;
  clientId: string | null;
  createdBy: string | null;
  source: CallRow['source'];
  idempotencyKey: string | null;
  fingerprint: string;
}

/**
 * Inserts the call; an active one is answered now. Undefined when its Idempotency-Key was already used by the same
 * creator (the unique index decides; a concurrent insert of the key is waited for).
 */
export async function insertCall(tx: Tx, c: NewCallRow): Promise<CallRow | undefined> {
  return tx.one<CallRow>(
    `INSERT INTO call (status, channel, caller_number, caller_digits, caller_relation, notes, received_at, answered_at,
       counselor_id, client_id, created_by, source, idempotency_key, idempotency_fingerprint)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
     ON CONFLICT ((coalesce(created_by::text, source)), idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING *`,
    [
      c.status,
      c.channel,
      c.callerNumber,
      c.callerDigits,
      c.callerRelation,
      c.notes,
      c.receivedAt.toISOString(),
      c.status === 'active' ? tx.now.toISOString() : null,
      c.counselorId,
      c.clientId,
      c.createdBy,
      c.source,
      c.idempotencyKey,
      c.fingerprint,
    ],
  );
}

/** The call its creator (a user, or the telephony source) made with this Idempotency-Key. */
export async function callByIdempotencyKey(tx: Tx, creator: string, key: string | null): Promise<CallRow | undefined> {
  return tx.one<CallRow>(`SELECT * FROM call WHERE coalesce(created_by::text, source) = $1 AND idempotency_key = $2`, [
    creator,
    key,
  ]);
}

/**
 * A counselor takes the call: active, theirs, answered now unless it was before. Only from the `from` statuses
 * (an answer takes a ringing call only; a takeover any live one), so a racing answer leaves one winner.
 */
export async function assignCall(
  tx: Tx,
  id: string,
  counselorId: string | null,
  from: readonly CallStatus[],
): Promise<CallRow | undefined> {
  return tx.one<CallRow>(
    `UPDATE call SET status = 'active', answered_at = coalesce(answered_at, $2), counselor_id = $3
     WHERE id = $1 AND status = ANY($4::text[]) RETURNING *`,
    [id, tx.now.toISOString(), counselorId, from],
  );
}

/** Ends an active call with its outcome; undefined when it was not active. */
export async function endCall(
  tx: Tx,
  id: string,
  outcome: CallOutcome,
  notes: string | null,
): Promise<CallRow | undefined> {
  return tx.one<CallRow>(
    `UPDATE call SET status = 'ended', ended_at = $2, outcome = $3, end_notes = $4 WHERE id = $1 AND status = 'active' RETURNING *`,
    [id, tx.now.toISOString(), outcome, notes],
  );
}

/** Links the call to a registered client, or unlinks it (null). */
export async function setCallClient(tx: Tx, id: string, clientId: string | null): Promise<CallRow | undefined> {
  return tx.one<CallRow>(`UPDATE call SET client_id = $2 WHERE id = $1 RETURNING *`, [id, clientId]);
}

export async function loadCall(tx: Tx, id: string, forUpdate = false): Promise<CallRow | undefined> {
  return tx.one<CallRow>(`SELECT * FROM call WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** The call, locked, with the usernames of who created and who answered it (for the incident's timeline). */
export type CallForIncident = CallRow & { created_by_username: string | null; counselor_username: string | null };

/**
 * The call an incident is made from, locked, with its creator's and counselor's names, its whole triage history
 * (oldest first, as triageHistory orders it), the regions' version (the key of the region cache, which would
 * otherwise cost the create a round trip of its own) and its client's birth year, in one read.
 *
 * With `numberFrom` (the year's incident number sequence) the same read draws the new incident's number, when the call
 * can become one (not yet linked to an incident, triaged): the incident's rows then need no answer from PostgreSQL
 * and travel with the commit, one round trip fewer per create (issue 12, docs/performance.md). A create refused after
 * the read (another counselor's call) or failing later leaves that number unused, as a failed insert always did.
 */
export async function loadCallForIncident(
  tx: Tx,
  id: string,
  numberFrom?: string,
): Promise<
  | {
      call: CallForIncident;
      history: TriageRow[];
      regionsVersion: string;
      clientBirthYear: number | null;
      drawnNumber: number | null;
    }
  | undefined
> {
  const row = await tx.one<
    CallForIncident & {
      triage_history: TriageJson[];
      regions_version: string;
      client_birth_year: number | null;
      drawn_number: string | null;
    }
  >(
    `SELECT c.*, cb.username AS created_by_username, co.username AS counselor_username,
       coalesce((SELECT json_agg(to_jsonb(t) || jsonb_build_object('assessed_by_username', u.username)
                                 ORDER BY t.assessed_at, t.superseded_at NULLS LAST, t.id)
                 FROM triage t LEFT JOIN app_user u ON u.id = t.assessed_by WHERE t.call_id = c.id), '[]') AS triage_history,
       ${REGIONS_VERSION_SQL} AS regions_version,
       cl.birth_year AS client_birth_year,
       CASE WHEN $2::text IS NOT NULL AND c.incident_id IS NULL
              AND EXISTS (SELECT 1 FROM triage t WHERE t.call_id = c.id AND t.superseded_at IS NULL)
            THEN nextval($2::regclass) END AS drawn_number
     FROM call c LEFT JOIN app_user cb ON cb.id = c.created_by LEFT JOIN app_user co ON co.id = c.counselor_id
       LEFT JOIN client cl ON cl.id = c.client_id
     WHERE c.id = $1 FOR UPDATE OF c`,
    [id, numberFrom ?? null],
  );
  if (!row) return undefined;
  const { triage_history, regions_version, client_birth_year, drawn_number, ...call } = row;
  return {
    call,
    history: triage_history.map(triageFromJson),
    regionsVersion: regions_version,
    clientBirthYear: client_birth_year,
    drawnNumber: drawn_number === null ? null : Number(drawn_number),
  };
}

type TriageJson = Omit<TriageRow, 'assessed_at' | 'superseded_at'> & {
  assessed_at: string;
  superseded_at: string | null;
};

// JSON has no timestamps: the two times come back as text and become Dates, as a row's would.
function triageFromJson(t: TriageJson): TriageRow {
  return {
    ...t,
    assessed_at: new Date(t.assessed_at),
    superseded_at: t.superseded_at ? new Date(t.superseded_at) : null,
  };
}

/**
 * Tells the hotline and the control room that a call changed (the payload carries no personal data), from the row and
 * category the caller already holds: no re-read in the transaction.
 */
export function emitCallUpdatedFrom(tx: Tx, row: CallRow, category: Category | null): void {
  tx.emit('call.updated', toCallEvent(row, category));
}

/**
 * The callback contact of an incident: the number and relation of its first call that gave a number (issue 13
 * item 4). Null when no call of the incident left a number.
 */
export async function incidentCallback(tx: Tx, incidentId: string): Promise<IncidentCallback | null> {
  const row = await tx.one<{ caller_number: string | null; caller_relation: string | null }>(
    `SELECT c.caller_number, c.caller_relation FROM incident_call ic JOIN call c ON c.id = ic.call_id
     WHERE ic.incident_id = $1 AND c.caller_number IS NOT NULL ORDER BY ic.attached_at, c.id LIMIT 1`,
    [incidentId],
  );
  return row ? { number: row.caller_number, relation: row.caller_relation } : null;
}
