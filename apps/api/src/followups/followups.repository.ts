import type {
  Category,
  FollowUpAttemptOutcome,
  FollowUpCompletionOutcome,
  FollowUpEventData,
  FollowUpSource,
  FollowUpView,
} from '#contracts';
import { communityCentreOf } from '../agencies/agencies.repository.js';
import type { Tx } from '../database/tx.js';
import { NO_TEAM_DISPATCH_STATUSES } from './follow-up-rules.js';

export interface FollowUpRow {
  id: string;
  call_id: string | null;
  incident_id: string | null;
  client_id: string | null;
  region_id: string | null;
  agency_id: string | null;
  category: Category;
  source: FollowUpSource;
  due_at: Date;
  done_at: Date | null;
  done_by: string | null;
  outcome: FollowUpCompletionOutcome | null;
  notes: string | null;
  hand_back_note: string | null;
  handed_back_at: Date | null;
  handed_back_by: string | null;
  created_at: Date;
}

/** A follow-up with what its reader needs to act: whom to call, the incident in the centre's view, the attempts. */
interface FollowUpDetailRow extends FollowUpRow {
  person_name: string | null;
  person_phone: string | null;
  incident_number: string | null;
  incident_category: Category | null;
  incident_summary: string | null;
  incident_disposition: string | null;
  incident_closed_at: Date | null;
  handed_back_by_name: string | null;
  attempts: { id: string; at: string; outcome: FollowUpAttemptOutcome; note: string | null; by: string | null }[];
}

const DETAIL_SELECT = `
  SELECT f.*,
    cl.display_name AS person_name,
    coalesce(cl.phone_numbers[1], ca.caller_number,
      (SELECT c2.caller_number FROM call c2 WHERE c2.incident_id = f.incident_id AND c2.caller_number IS NOT NULL ORDER BY c2.received_at LIMIT 1)) AS person_phone,
    i.number AS incident_number, i.category AS incident_category, i.summary AS incident_summary,
    i.disposition AS incident_disposition, i.closed_at AS incident_closed_at,
    hb.display_name AS handed_back_by_name,
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'at', a.at, 'outcome', a.outcome, 'note', a.note, 'by', u.display_name) ORDER BY a.at, a.created_at)
              FROM follow_up_attempt a LEFT JOIN app_user u ON u.id = a.by_user WHERE a.follow_up_id = f.id), '[]'::jsonb) AS attempts
  FROM follow_up f
  LEFT JOIN client cl ON cl.id = f.client_id
  LEFT JOIN call ca ON ca.id = f.call_id
  LEFT JOIN incident i ON i.id = f.incident_id
  LEFT JOIN app_user hb ON hb.id = f.handed_back_by`;

function toFollowUpView(r: FollowUpDetailRow, now: Date): FollowUpView {
  return {
    id: r.id,
    status: r.done_at ? 'done' : 'open',
    source: r.source,
    callId: r.call_id,
    incidentId: r.incident_id,
    clientId: r.client_id,
    regionId: r.region_id,
    agencyId: r.agency_id,
    category: r.category,
    dueAt: r.due_at.toISOString(),
    doneAt: r.done_at?.toISOString() ?? null,
    doneBy: r.done_by,
    outcome: r.outcome,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    overdue: r.done_at === null && r.due_at.getTime() < now.getTime(),
    attempts: r.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    person: { name: r.person_name, phone: r.person_phone },
    incident:
      r.incident_id && r.incident_number && r.incident_category
        ? {
            number: r.incident_number,
            category: r.incident_category,
            summary: r.incident_summary,
            disposition: r.incident_disposition,
            closedAt: r.incident_closed_at?.toISOString() ?? null,
          }
        : null,
    handBack:
      r.hand_back_note && r.handed_back_at
        ? { note: r.hand_back_note, at: r.handed_back_at.toISOString(), by: r.handed_back_by_name }
        : null,
  };
}

const LIST_LIMIT = 500;

/** Open ones first by due time (the queue), then done ones newest first. `agencyId` limits to one centre. */
export async function listFollowUps(
  tx: Tx,
  q: { agencyId: string | null; incidentId: string | null; status: 'open' | 'done' | 'all' },
): Promise<FollowUpView[]> {
  const rows = await tx.query<FollowUpDetailRow>(
    `${DETAIL_SELECT}
     WHERE ($1::uuid IS NULL OR f.agency_id = $1)
       AND ($3::uuid IS NULL OR f.incident_id = $3)
       AND ($2 = 'all' OR ($2 = 'open' AND f.done_at IS NULL) OR ($2 = 'done' AND f.done_at IS NOT NULL))
     ORDER BY f.done_at IS NOT NULL, CASE WHEN f.done_at IS NULL THEN f.due_at END, f.done_at DESC LIMIT ${LIST_LIMIT}`,
    [q.agencyId, q.status, q.incidentId],
  );
  return rows.map((r) => toFollowUpView(r, tx.now));
}

export async function loadFollowUpView(tx: Tx, id: string): Promise<FollowUpView | undefined> {
  const row = await tx.one<FollowUpDetailRow>(`${DETAIL_SELECT} WHERE f.id = $1`, [id]);
  return row ? toFollowUpView(row, tx.now) : undefined;
}

export async function lockFollowUp(tx: Tx, id: string): Promise<FollowUpRow | undefined> {
  return tx.one<FollowUpRow>(`SELECT * FROM follow_up WHERE id = $1 FOR UPDATE`, [id]);
}

export async function insertAttempt(
  tx: Tx,
  followUpId: string,
  a: { at: string; outcome: FollowUpAttemptOutcome; note: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO follow_up_attempt (follow_up_id, at, outcome, note, by_user, created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
    [followUpId, a.at, a.outcome, a.note, tx.actor.userId, tx.now.toISOString()],
  );
  await tx.query(`UPDATE follow_up SET updated_at = $2 WHERE id = $1`, [followUpId, tx.now.toISOString()]);
}

/** Completes an open follow-up; undefined when it was already done (the conditional update settles races). */
export async function completeFollowUp(
  tx: Tx,
  id: string,
  outcome: FollowUpCompletionOutcome,
  notes: string | null,
): Promise<FollowUpRow | undefined> {
  return tx.one<FollowUpRow>(
    `UPDATE follow_up SET done_at = $2, done_by = $3, outcome = $4, notes = coalesce($5, notes), updated_at = $2
     WHERE id = $1 AND done_at IS NULL RETURNING *`,
    [id, tx.now.toISOString(), tx.actor.userId, outcome, notes],
  );
}

async function attemptCount(tx: Tx, id: string): Promise<number> {
  return (
    (await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM follow_up_attempt WHERE follow_up_id = $1`, [id]))
      ?.n ?? 0
  );
}

/** Pushes `follow-up.created` or `.updated`: ids and state only, never the person. */
export async function emitFollowUp(
  tx: Tx,
  type: 'follow-up.created' | 'follow-up.updated',
  r: FollowUpRow,
  alsoAgencyId: string | null = null,
): Promise<void> {
  const data: FollowUpEventData = {
    id: r.id,
    status: r.done_at ? 'done' : 'open',
    source: r.source,
    agencyId: r.agency_id,
    incidentId: r.incident_id,
    category: r.category,
    dueAt: r.due_at.toISOString(),
    attempts: await attemptCount(tx, r.id),
    outcome: r.outcome,
  };
  // `alsoAgencyId`: a centre the task was just moved away from hears that it left its queue.
  tx.emit(type, alsoAgencyId ? { ...data, previousAgencyId: alsoAgencyId } : data);
}

/** The place decides the centre: the client's registered centre, else the community centre of the district. */
export async function followUpPlace(
  tx: Tx,
  clientId: string | null,
  incidentId: string | null,
): Promise<{ regionId: string | null; agencyId: string | null }> {
  const row = await tx.one<{ region_id: string | null; registered: string | null }>(
    `SELECT coalesce((SELECT region_id FROM client WHERE id = $1), (SELECT region_id FROM incident WHERE id = $2)) AS region_id,
            (SELECT registered_with_agency_id FROM client WHERE id = $1) AS registered`,
    [clientId, incidentId],
  );
  const regionId = row?.region_id ?? null;
  if (row?.registered) return { regionId, agencyId: row.registered };
  // With no district known the task is unassigned and stays on the hotline's own list.
  return { regionId, agencyId: await communityCentreOf(tx, regionId) };
}

/** A task to write: the view's links and kind, with its due time still a Date. */
export type NewFollowUp = Pick<
  FollowUpView,
  'callId' | 'incidentId' | 'clientId' | 'regionId' | 'agencyId' | 'category' | 'source'
> & { dueAt: Date; handBackNote?: string };

/** Inserts a call's follow-up (one per call) or an incident's (one per incident); undefined when it exists. */
export async function insertFollowUp(tx: Tx, f: NewFollowUp): Promise<FollowUpRow | undefined> {
  const conflictTarget = f.callId ? '(call_id)' : '(incident_id) WHERE call_id IS NULL';
  const handBack = f.handBackNote !== undefined;
  return tx.one<FollowUpRow>(
    `INSERT INTO follow_up (call_id, incident_id, client_id, region_id, agency_id, category, source, due_at, created_at, updated_at,
       hand_back_note, handed_back_at, handed_back_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9,$10,$11,$12) ON CONFLICT ${conflictTarget} DO NOTHING RETURNING *`,
    [
      f.callId,
      f.incidentId,
      f.clientId,
      f.regionId,
      f.agencyId,
      f.category,
      f.source,
      f.dueAt.toISOString(),
      tx.now.toISOString(),
      f.handBackNote ?? null,
      handBack ? tx.now.toISOString() : null,
      handBack ? tx.actor.userId : null,
    ],
  );
}

/** An incident's open follow-up (from its close or its calls), the one a hand-back updates rather than duplicates. */
export async function openFollowUpOfIncident(tx: Tx, incidentId: string): Promise<FollowUpRow | undefined> {
  return tx.one<FollowUpRow>(
    `SELECT * FROM follow_up WHERE incident_id = $1 AND done_at IS NULL ORDER BY call_id IS NOT NULL, created_at LIMIT 1 FOR UPDATE`,
    [incidentId],
  );
}

export async function recordHandBack(
  tx: Tx,
  id: string,
  h: { agencyId: string | null; note: string; dueAt: Date },
): Promise<FollowUpRow> {
  return (await tx.one<FollowUpRow>(
    `UPDATE follow_up SET agency_id = $2, hand_back_note = $3, handed_back_at = $4, handed_back_by = $5, due_at = least(due_at, $6), updated_at = $4
     WHERE id = $1 RETURNING *`,
    [id, h.agencyId, h.note, tx.now.toISOString(), tx.actor.userId, h.dueAt.toISOString()],
  ))!;
}

/** Did a team go to this incident (an offer that was not refused, timed out or pulled back)? */
export async function incidentWasDispatched(tx: Tx, incidentId: string | null): Promise<boolean> {
  if (!incidentId) return false;
  return Boolean(
    await tx.one(`SELECT 1 FROM dispatch WHERE incident_id = $1 AND NOT (status = ANY($2::text[])) LIMIT 1`, [
      incidentId,
      [...NO_TEAM_DISPATCH_STATUSES],
    ]),
  );
}

export async function currentCallCategory(tx: Tx, callId: string): Promise<Category | null> {
  return (
    (
      await tx.one<{ category: Category }>(`SELECT category FROM triage WHERE call_id = $1 AND superseded_at IS NULL`, [
        callId,
      ])
    )?.category ?? null
  );
}
