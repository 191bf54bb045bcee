import type { AgencyKind } from '#contracts';
import type { Tx } from '../database/tx.js';
import type { IncidentRow } from '../incidents/incidents.repository.js';
import { triageById } from '../triage/triage.repository.js';
import type {
  ExportAgency,
  ExportCall,
  ExportClient,
  ExportHandoff,
  ExportIncident,
  ExportTeam,
  ExportTriage,
} from './export-source.js';

// Reads for the partner exports, in the caller's (audited) transaction. Selects only the columns a partner may
// ever get; the builders then decide per receiver.

/** Client risk flags that are about the safety of responders, not clinical history. */
const SAFETY_FLAGS = new Set(['weapon-access', 'violence']);

export function toExportIncident(r: IncidentRow): ExportIncident {
  return {
    id: r.id,
    number: r.number,
    category: r.category,
    status: r.status,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    dangerToOthers: r.danger_to_others,
    notify: r.notify,
    createdAt: r.created_at,
    onSceneAt: r.on_scene_at,
    closedAt: r.closed_at,
  };
}

export async function loadExportTriage(tx: Tx, triageId: string | null): Promise<ExportTriage | null> {
  if (!triageId) return null;
  const t = await triageById(tx, triageId);
  if (!t) return null;
  return {
    id: t.id,
    category: t.category,
    cssrsRisk: t.cssrs_risk,
    respondWithinMinutes: t.respond_within_minutes,
    rulesVersion: t.rules_version,
    assessedAt: t.assessed_at,
    overridden: t.override !== null,
    input: t.input,
  };
}

export async function loadExportClient(tx: Tx, clientId: string | null): Promise<ExportClient | null> {
  if (!clientId) return null;
  const c = await tx.one<{ id: string; display_name: string; birth_year: number | null; risk_flags: string[] }>(
    // The registry's caution flags (weapon, violence) count as the matching risk flags.
    `SELECT id, display_name, birth_year,
       risk_flags || CASE WHEN caution_weapon THEN ARRAY['weapon-access'] ELSE '{}' END || CASE WHEN caution_violence THEN ARRAY['violence'] ELSE '{}' END AS risk_flags
     FROM client WHERE id = $1`,
    [clientId],
  );
  return c
    ? {
        id: c.id,
        displayName: c.display_name,
        birthYear: c.birth_year,
        safetyFlags: c.risk_flags.filter((f) => SAFETY_FLAGS.has(f)),
      }
    : null;
}

interface HandoffAgencyRow {
  id: string;
  incident_id: string;
  agency_id: string;
  kind: AgencyKind;
  status: ExportHandoff['status'];
  reason: string;
  reason_code: string | null;
  requested_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
  agency_code: string;
  agency_kind: AgencyKind;
  agency_name: string;
}

const HANDOFF_AGENCY_SELECT = `
  SELECT h.id, h.incident_id, h.agency_id, h.kind, h.status, h.reason, h.reason_code, h.requested_at, h.responded_at, h.completed_at,
         a.code AS agency_code, a.kind AS agency_kind, a.name AS agency_name
  FROM handoff h JOIN agency a ON a.id = h.agency_id`;

function toExportHandoff(r: HandoffAgencyRow): ExportHandoff {
  const agency: ExportAgency = { id: r.agency_id, code: r.agency_code, kind: r.agency_kind, name: r.agency_name };
  return {
    id: r.id,
    incidentId: r.incident_id,
    agency,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    reasonCode: r.reason_code,
    requestedAt: r.requested_at,
    respondedAt: r.responded_at,
    completedAt: r.completed_at,
  };
}

export async function loadExportHandoff(tx: Tx, id: string): Promise<ExportHandoff | null> {
  const r = await tx.one<HandoffAgencyRow>(`${HANDOFF_AGENCY_SELECT} WHERE h.id = $1`, [id]);
  return r ? toExportHandoff(r) : null;
}

/** The police and fire handoffs of an incident, optionally only those addressed to one agency. */
export async function loadEmergencyHandoffs(
  tx: Tx,
  incidentId: string,
  agencyId: string | null,
): Promise<ExportHandoff[]> {
  const rows = await tx.query<HandoffAgencyRow>(
    `${HANDOFF_AGENCY_SELECT} WHERE h.incident_id = $1 AND h.kind IN ('police','fire') AND ($2::uuid IS NULL OR h.agency_id = $2)
     ORDER BY h.requested_at, h.id`,
    [incidentId, agencyId],
  );
  return rows.map(toExportHandoff);
}

// The calls and teams are selected in their export shape (camelCase aliases): a row is the export's record.

export async function loadExportCalls(tx: Tx, incidentId: string): Promise<ExportCall[]> {
  return tx.query<ExportCall>(
    `SELECT c.id, c.channel, c.received_at AS "receivedAt", c.answered_at AS "answeredAt", c.ended_at AS "endedAt"
     FROM incident_call ic JOIN call c ON c.id = ic.call_id WHERE ic.incident_id = $1 ORDER BY ic.attached_at, c.id`,
    [incidentId],
  );
}

/** The teams on the incident: the assigned one and any that accepted (or cleared) a dispatch to it. */
export async function loadExportTeams(tx: Tx, incident: IncidentRow): Promise<ExportTeam[]> {
  return tx.query<ExportTeam>(
    `SELECT t.id, t.callsign, t.status, t.status_changed_at AS "statusChangedAt", t.skills,
            (SELECT d.status FROM dispatch d WHERE d.incident_id = $1 AND d.team_id = t.id ORDER BY d.offered_at DESC, d.id DESC LIMIT 1) AS "dispatchStatus"
     FROM team t
     WHERE t.id = $2 OR t.id IN (SELECT team_id FROM dispatch WHERE incident_id = $1 AND status IN ('accepted','cleared'))
     ORDER BY t.callsign, t.id`,
    [incident.id, incident.team_id],
  );
}
