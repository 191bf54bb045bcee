import type { Category, FollowUpView } from '#contracts';
import type { Tx } from '../database/tx.js';
import { appendTimeline } from '../incidents/incidents.repository.js';
import type { CallRow } from '../calls/calls.repository.js';
import { followUpDueAt, needsFollowUp, NO_TEAM_DISPATCH_STATUSES } from './follow-up-rules.js';

export interface FollowUpRow {
  id: string;
  call_id: string;
  incident_id: string | null;
  client_id: string | null;
  region_id: string | null;
  agency_id: string | null;
  category: Category;
  due_at: Date;
  done_at: Date | null;
  done_by: string | null;
  notes: string | null;
  created_at: Date;
}

export function toFollowUpView(r: FollowUpRow, now: Date): FollowUpView {
  return {
    id: r.id,
    callId: r.call_id,
    incidentId: r.incident_id,
    clientId: r.client_id,
    regionId: r.region_id,
    agencyId: r.agency_id,
    category: r.category,
    dueAt: r.due_at.toISOString(),
    doneAt: r.done_at?.toISOString() ?? null,
    doneBy: r.done_by,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    overdue: r.done_at === null && r.due_at.getTime() < now.getTime(),
  };
}

/**
 * Called when a call ends, in its transaction: stores the follow-up task when the rules ask for one.
 * The district is the client's (where the person lives) or else the incident's (where the crisis was).
 */
export async function createFollowUpIfDue(tx: Tx, call: CallRow): Promise<FollowUpRow | null> {
  const triage = await tx.one<{ category: Category }>(`SELECT category FROM triage WHERE call_id = $1 AND superseded_at IS NULL`, [call.id]);
  const dispatched = call.incident_id
    ? Boolean(
        await tx.one(`SELECT 1 FROM dispatch WHERE incident_id = $1 AND NOT (status = ANY($2::text[])) LIMIT 1`, [
          call.incident_id,
          [...NO_TEAM_DISPATCH_STATUSES],
        ]),
      )
    : false;
  if (!triage || !needsFollowUp(triage.category, dispatched)) return null;

  const place = await tx.one<{ region_id: string | null }>(
    `SELECT coalesce((SELECT region_id FROM client WHERE id = $1), (SELECT region_id FROM incident WHERE id = $2)) AS region_id`,
    [call.client_id, call.incident_id],
  );
  const regionId = place?.region_id ?? null;
  // With no district known the task is unassigned and stays on the hotline's own list.
  const agency = regionId
    ? await tx.one<{ id: string }>(`SELECT id FROM agency WHERE kind = 'community' AND region_ids @> ARRAY[$1::uuid] ORDER BY code LIMIT 1`, [regionId])
    : undefined;
  const endedAt = call.ended_at ?? tx.now;
  const row = await tx.one<FollowUpRow>(
    `INSERT INTO follow_up (call_id, incident_id, client_id, region_id, agency_id, category, due_at, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (call_id) DO NOTHING RETURNING *`,
    [call.id, call.incident_id, call.client_id, regionId, agency?.id ?? null, triage.category, followUpDueAt(endedAt).toISOString(), tx.now.toISOString()],
  );
  if (!row) return null;
  await tx.audit({
    action: 'follow-up.create',
    entityType: 'follow_up',
    entityId: row.id,
    subjectId: call.client_id,
    details: { callId: call.id, category: row.category, agencyId: row.agency_id, dueAt: row.due_at.toISOString() },
  });
  if (call.incident_id) {
    await appendTimeline(tx, call.incident_id, 'follow-up.created', { followUpId: row.id, callId: call.id, agencyId: row.agency_id, dueAt: row.due_at.toISOString() });
  }
  return row;
}
