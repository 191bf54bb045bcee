import type { FieldCaution, FieldIncidentView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { incidentCallback } from '../calls/calls.repository.js';
import { forbidden } from '../common/errors.js';
import type { Tx } from '../database/tx.js';
import { safetyCautions } from '../exports/eido.js';
import { loadExportClient, loadExportTriage, toExportIncident } from '../exports/exports.repository.js';
import { toIncidentView, type IncidentRow } from '../incidents/incidents.repository.js';
import { toDispatchHistoryView } from '../dispatch/dispatch.repository.js';
import { handoffOutlines, teamDispatches, teamMayRead } from './field-scope.repository.js';

// The responder's view, decided once (like the partner views in exports/). Every route that shows an incident to a
// responder asks `fieldTeam` whether the caller is limited to the field's need-to-know, and then either refuses
// (`assertFieldMayRead`), filters (`teamMayReadSql`) or shapes (`toFieldView`) with the functions here.

// A responder without a team claim (never issued, but a token is data) matches no incident.
const NO_TEAM = '00000000-0000-0000-0000-000000000000';

/** The team whose need-to-know limits this caller, or null when the caller is not a field responder. */
export function fieldTeam(actor: Actor): string | null {
  return actor.role === 'responder' ? (actor.teamId ?? NO_TEAM) : null;
}

/** 403 unless the caller is staff outside the field, or a responder whose team is or was dispatched to the incident. */
export async function assertFieldMayRead(tx: Tx, actor: Actor, incidentId: string): Promise<void> {
  const team = fieldTeam(actor);
  if (team && !(await teamMayRead(tx, team, incidentId))) {
    throw forbidden('A team reads only the incidents it is or was dispatched to');
  }
}

/** What the field needs of an incident: where, what, the safety cautions, what is asked, the summary, who to call back. */
export async function toFieldView(tx: Tx, row: IncidentRow, teamId: string): Promise<FieldIncidentView> {
  const triage = await loadExportTriage(tx, row.triage_id);
  const client = await loadExportClient(tx, row.client_id);
  const cautions = safetyCautions(toExportIncident(row), triage, client).map((c): FieldCaution => ({
    code: c.code as FieldCaution['code'],
    severity: c.severity,
  }));
  const dispatches = await teamDispatches(tx, row.id, teamId);
  const handoffs = await handoffOutlines(tx, row.id);
  return {
    ...toIncidentView(row),
    view: 'field',
    teamId: row.team_id,
    cautions,
    neededSkills: row.needed_skills,
    partners: { police: row.notify.police, ems: row.notify.ems, fire: row.notify.fire },
    dispatches: dispatches.map(toDispatchHistoryView),
    handoffs: handoffs.map((h) => ({ id: h.id, agencyId: h.agency_id, kind: h.kind, status: h.status })),
    callback: await incidentCallback(tx, row.id),
  };
}
