import type { AgencyKind, HandoffEventData, HandoffStatus, HandoffView } from '#contracts';
import type { Tx } from '../database/tx.js';
import { audience } from '../realtime/audience.js';
import { appendTimeline, type IncidentRow } from '../incidents/incidents.repository.js';

export interface HandoffRow {
  id: string;
  incident_id: string;
  agency_id: string;
  kind: AgencyKind;
  status: HandoffStatus;
  reason: string;
  reason_code: string | null;
  requested_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
}

/** A handoff joined with the minimum a partner needs of its incident. */
export interface HandoffWithIncident extends HandoffRow {
  number: string;
  category: IncidentRow['category'];
  lat: number;
  lng: number;
  address: string | null;
  team_id: string | null;
}

export const HANDOFF_SELECT = `
  SELECT h.*, i.number, i.category, i.lat, i.lng, i.address, i.team_id
  FROM handoff h JOIN incident i ON i.id = h.incident_id`;

export function toHandoffView(r: HandoffWithIncident): HandoffView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    agencyId: r.agency_id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    reasonCode: r.reason_code,
    requestedAt: r.requested_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    incident: { number: r.number, category: r.category, location: { lat: r.lat, lng: r.lng, address: r.address } },
  };
}

export function toHandoffEvent(r: HandoffRow): HandoffEventData {
  return { id: r.id, incidentId: r.incident_id, agencyId: r.agency_id, kind: r.kind, status: r.status, reasonCode: r.reason_code };
}

/**
 * Requests a handoff in the caller's transaction: the row, the incident's handoff milestone, the timeline entry,
 * the audit row and `handoff.created` for the agency, the control room and the team on the incident.
 * Returns null when an open request to that agency already exists (the partial unique index decides).
 */
export async function requestHandoff(
  tx: Tx,
  incident: IncidentRow,
  req: { agencyId: string; kind: AgencyKind; reason: string },
): Promise<HandoffRow | null> {
  const row = await tx.one<HandoffRow>(
    `INSERT INTO handoff (incident_id, agency_id, kind, status, reason, requested_at, requested_by)
     VALUES ($1, $2, $3, 'requested', $4, $5, $6)
     ON CONFLICT (incident_id, agency_id) WHERE status IN ('requested','accepted') DO NOTHING
     RETURNING *`,
    [incident.id, req.agencyId, req.kind, req.reason, tx.now.toISOString(), tx.actor.userId],
  );
  if (!row) return null;
  await tx.query(`UPDATE incident SET handoff_at = coalesce(handoff_at, $2) WHERE id = $1`, [incident.id, tx.now.toISOString()]);
  await appendTimeline(tx, incident.id, 'handoff.requested', { handoffId: row.id, agencyId: req.agencyId, kind: req.kind });
  await tx.audit({ action: 'handoff.request', entityType: 'handoff', entityId: row.id, details: { incidentId: incident.id, kind: req.kind } });
  tx.emit('handoff.created', toHandoffEvent(row), audience.agency(req.agencyId, incident.team_id));
  return row;
}
