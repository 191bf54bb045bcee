import {
  readerOfAgencyKind,
  TIMER,
  type AgencyKind,
  type AuditAction,
  type CssrsRisk,
  type HandoffDeclineReason,
  type HandoffEventData,
  type HandoffStatus,
  type HandoffView,
  type TeamStatus,
  type TimelineType,
  type TriageInput,
} from '#contracts';
import { handoffViewFor } from './handoff-views.js';
import { teamMayReadSql } from '../need-to-know/field-scope.repository.js';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import { appendTimeline, type IncidentRow } from '../incidents/incidents.repository.js';
import { cancelTimer, scheduleTimer } from '../timers/timer-runner.js';

export interface HandoffRow {
  id: string;
  incident_id: string;
  agency_id: string;
  kind: AgencyKind;
  status: HandoffStatus;
  reason: string;
  reason_code: string | null;
  reason_text: string | null;
  requested_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
  bed_request_id: string | null;
  contact_confirmed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

/**
 * A handoff with everything any reader's view may be built from. The views (handoff-views.ts) pick per reader;
 * columns no partner may ever get (call notes, the safety plan, C-SSRS answers) are never selected.
 */
export interface HandoffSourceRow extends HandoffRow {
  number: string;
  category: IncidentRow['category'];
  lat: number;
  lng: number;
  address: string | null;
  summary: string | null;
  danger_to_others: boolean;
  client_id: string | null;
  team_id: string | null;
  cssrs_risk: CssrsRisk | null;
  weapon_access: boolean | null;
  harm_to_others: TriageInput['harmToOthers'] | null;
  person_name: string | null;
  client_risk_flags: string[] | null;
  team_callsign: string | null;
  team_status: TeamStatus | null;
}

const SOURCE_SELECT = `
  SELECT h.*, i.number, i.category, i.lat, i.lng, i.address, i.summary, i.danger_to_others, i.client_id, i.team_id,
         t.cssrs_risk, (t.input->>'weaponAccess')::boolean AS weapon_access, t.input->>'harmToOthers' AS harm_to_others,
         c.display_name AS person_name,
         -- The registry's caution flags (weapon, violence) count as the matching risk flags.
         c.risk_flags || CASE WHEN c.caution_weapon THEN ARRAY['weapon-access'] ELSE '{}' END || CASE WHEN c.caution_violence THEN ARRAY['violence'] ELSE '{}' END AS client_risk_flags,
         tm.callsign AS team_callsign, tm.status AS team_status
  FROM handoff h
  JOIN incident i ON i.id = h.incident_id
  LEFT JOIN triage t ON t.id = i.triage_id
  LEFT JOIN client c ON c.id = i.client_id
  LEFT JOIN team tm ON tm.id = i.team_id`;

export interface HandoffFilter {
  agencyId: string | null;
  incidentId: string | null;
  status: HandoffStatus | null;
  /** A team's phone: only handoffs of incidents the team is or was dispatched to. */
  fieldTeamId: string | null;
}

/** Newest and unanswered first: what a partner must answer now is on top. */
export async function listHandoffSources(db: Queryable, f: HandoffFilter): Promise<HandoffSourceRow[]> {
  return db.query<HandoffSourceRow>(
    `${SOURCE_SELECT}
     WHERE ($1::uuid IS NULL OR h.agency_id = $1) AND ($2::uuid IS NULL OR h.incident_id = $2) AND ($3::text IS NULL OR h.status = $3)
       AND ($4::uuid IS NULL OR ${teamMayReadSql('h.incident_id', '$4::uuid')})
     ORDER BY (h.status = 'requested') DESC, h.requested_at DESC, h.id LIMIT 500`,
    [f.agencyId, f.incidentId, f.status, f.fieldTeamId],
  );
}

export async function loadHandoffSource(tx: Tx, id: string): Promise<HandoffSourceRow | undefined> {
  return tx.one<HandoffSourceRow>(`${SOURCE_SELECT} WHERE h.id = $1`, [id]);
}

/**
 * A handoff as the agency it is addressed to may see it (its kind's view), for what is sent to a partner outside a
 * request of its own: webhook bodies. The caller audits the disclosure.
 */
export async function loadHandoffViewForAgency(tx: Tx, id: string): Promise<HandoffView | undefined> {
  const source = await loadHandoffSource(tx, id);
  return source ? handoffViewFor(readerOfAgencyKind(source.kind), source) : undefined;
}

export async function loadHandoff(tx: Tx, id: string, forUpdate = false): Promise<HandoffRow | undefined> {
  return tx.one<HandoffRow>(`SELECT * FROM handoff WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** The incident's handoffs, oldest request first. */
export async function handoffsOfIncident(tx: Tx, incidentId: string): Promise<HandoffRow[]> {
  return tx.query<HandoffRow>(`SELECT * FROM handoff WHERE incident_id = $1 ORDER BY requested_at, id`, [incidentId]);
}

/** The incident's oldest open (requested or accepted) police handoff, if any. */
export async function openPoliceHandoff(tx: Tx, incidentId: string): Promise<HandoffRow | undefined> {
  return tx.one<HandoffRow>(
    `SELECT * FROM handoff WHERE incident_id = $1 AND kind = 'police' AND status IN ('requested','accepted') ORDER BY requested_at LIMIT 1`,
    [incidentId],
  );
}

export function toHandoffEvent(r: HandoffRow, teamId: string | null): HandoffEventData {
  return {
    id: r.id,
    incidentId: r.incident_id,
    agencyId: r.agency_id,
    kind: r.kind,
    status: r.status,
    reasonCode: r.reason_code,
    bedRequestId: r.bed_request_id,
    contactConfirmedAt: r.contact_confirmed_at?.toISOString() ?? null,
    requestedAt: r.requested_at.toISOString(),
    teamId,
  };
}

/** `handoff.created`/`handoff.updated` for the agency, the control room and the team on the incident. */
export function emitHandoff(
  tx: Tx,
  type: 'handoff.created' | 'handoff.updated',
  row: HandoffRow,
  teamId: string | null,
): void {
  tx.emit(type, toHandoffEvent(row, teamId));
}

/**
 * Requests a handoff in the caller's transaction: the row, the incident's handoff milestone, the timeline entry,
 * the audit row, `handoff.created` and the unanswered-handoff timer.
 * Returns null when an open request to that agency already exists (the partial unique index decides).
 */
export async function requestHandoff(
  tx: Tx,
  incident: IncidentRow,
  req: { agencyId: string; kind: AgencyKind; reason: string; bedRequestId?: string; answerMinutes?: number },
): Promise<HandoffRow | null> {
  const row = await tx.one<HandoffRow>(
    `INSERT INTO handoff (incident_id, agency_id, kind, status, reason, requested_at, requested_by, bed_request_id)
     VALUES ($1, $2, $3, 'requested', $4, $5, $6, $7)
     ON CONFLICT (incident_id, agency_id) WHERE status IN ('requested','accepted') DO NOTHING
     RETURNING *`,
    [incident.id, req.agencyId, req.kind, req.reason, tx.now.toISOString(), tx.actor.userId, req.bedRequestId ?? null],
  );
  if (!row) return null;
  await tx.query(`UPDATE incident SET handoff_at = coalesce(handoff_at, $2) WHERE id = $1`, [
    incident.id,
    tx.now.toISOString(),
  ]);
  await appendTimeline(tx, incident.id, 'handoff.requested', {
    handoffId: row.id,
    agencyId: req.agencyId,
    kind: req.kind,
    bedRequestId: req.bedRequestId ?? null,
  });
  await tx.audit({
    action: 'handoff.requested',
    entityType: 'handoff',
    entityId: row.id,
    details: { incidentId: incident.id, kind: req.kind },
  });
  emitHandoff(tx, 'handoff.created', row, incident.team_id);
  const minutes = req.answerMinutes ?? DEFAULT_HANDOFF_ANSWER_MINUTES;
  await scheduleTimer(tx, TIMER.handoffUnanswered, row.id, new Date(tx.now.getTime() + minutes * 60_000));
  return row;
}

/** HANDOFF_ANSWER_MINUTES' default, for callers without the config at hand (police assistance from the scene). */
export const DEFAULT_HANDOFF_ANSWER_MINUTES = 10;

/** A partner's answer, conditional on the expected status so racing answers leave exactly one. */
export async function answerHandoff(
  tx: Tx,
  id: string,
  from: HandoffStatus,
  to: 'accepted' | 'declined' | 'completed',
  decline?: { reasonCode: HandoffDeclineReason; reasonText?: string },
): Promise<HandoffRow | undefined> {
  const stamp = to === 'completed' ? 'completed_at' : 'responded_at';
  const row = await tx.one<HandoffRow>(
    `UPDATE handoff SET status = $2, ${stamp} = $3, reason_code = coalesce($4, reason_code), reason_text = coalesce($5, reason_text),
       responded_by = CASE WHEN $6 THEN $7::uuid ELSE responded_by END
     WHERE id = $1 AND status = $8 RETURNING *`,
    [
      id,
      to,
      tx.now.toISOString(),
      decline?.reasonCode ?? null,
      decline?.reasonText ?? null,
      to !== 'completed',
      tx.actor.userId,
      from,
    ],
  );
  if (row && to !== 'completed') await cancelTimer(tx, TIMER.handoffUnanswered, id);
  return row;
}

/** Marks contact confirmed once; later confirmations change nothing (undefined). */
export async function confirmHandoffContact(tx: Tx, id: string): Promise<HandoffRow | undefined> {
  return tx.one<HandoffRow>(
    `UPDATE handoff SET contact_confirmed_at = $2, contact_confirmed_by = $3 WHERE id = $1 AND contact_confirmed_at IS NULL AND status = 'accepted' RETURNING *`,
    [id, tx.now.toISOString(), tx.actor.userId],
  );
}

export async function cancelHandoff(tx: Tx, id: string, reason: string): Promise<HandoffRow | undefined> {
  const row = await tx.one<HandoffRow>(
    `UPDATE handoff SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
     WHERE id = $1 AND status IN ('requested','accepted') RETURNING *`,
    [id, tx.now.toISOString(), tx.actor.userId, reason],
  );
  if (row) await cancelTimer(tx, TIMER.handoffUnanswered, id);
  return row;
}

/**
 * Appends the timeline entry (`handoff.<status>` unless named), the audit row and `handoff.updated` of a change.
 */
export async function recordHandoffChange(
  tx: Tx,
  row: HandoffRow,
  teamId: string | null,
  change: { audit: AuditAction; timeline?: TimelineType; details?: Record<string, unknown> },
): Promise<void> {
  const details = change.details ?? {};
  await appendTimeline(tx, row.incident_id, change.timeline ?? `handoff.${row.status}`, {
    handoffId: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    ...details,
  });
  await tx.audit({ action: change.audit, entityType: 'handoff', entityId: row.id, details });
  emitHandoff(tx, 'handoff.updated', row, teamId);
}

/** The other hospitals' open requests of a bed request, withdrawn once one hospital accepted. */
export async function withdrawOtherHandoffs(tx: Tx, bedRequestId: string, winnerId: string): Promise<HandoffRow[]> {
  const rows = await tx.query<HandoffRow>(
    `UPDATE handoff SET status = 'withdrawn', responded_at = NULL
     WHERE bed_request_id = $1 AND id <> $2 AND status = 'requested' RETURNING *`,
    [bedRequestId, winnerId],
  );
  await tx.query(
    `UPDATE timer SET cancelled_at = now() WHERE kind = $1 AND ref_id = ANY($2::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL`,
    [TIMER.handoffUnanswered, rows.map((r) => r.id)],
  );
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}
