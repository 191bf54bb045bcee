import { isTerminal } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import { appendTimeline, loadIncidentRow } from '../incidents/incidents.repository.js';
import { loadAgency } from '../agencies/agencies.repository.js';
import { loadHandoff } from './handoffs.repository.js';

/**
 * The HANDOFF_ANSWER_MINUTES timer of one handoff: still `requested` → `alert.raised` `handoff-unanswered` for the
 * control room and the team on the incident (once per handoff). An answered, withdrawn or cancelled one is quiet.
 */
export async function raiseUnansweredAlert(tx: Tx, handoffId: string, minutes: number): Promise<void> {
  const handoff = await loadHandoff(tx, handoffId);
  if (!handoff || handoff.status !== 'requested') return;
  const incident = await loadIncidentRow(tx, handoff.incident_id);
  // A closed or cancelled incident needs no partner any more; the control room is not paged about it.
  if (!incident || isTerminal(incident.status)) return;
  const agency = await loadAgency(tx, handoff.agency_id);
  const alert = await raiseAlert(tx, {
    kind: 'handoff-unanswered',
    severity: 'warning',
    message: `${agency?.name ?? 'Partner'} has not answered the ${handoff.kind} handoff of ${incident.number} for ${minutes} min`,
    incidentId: incident.id,
    teamId: incident.team_id,
    regionId: incident.region_id,
    location: { lat: incident.lat, lng: incident.lng },
    dedupeKey: `handoff-unanswered:${handoff.id}`,
  });
  if (alert)
    await appendTimeline(tx, incident.id, 'alert.handoff-unanswered', {
      alertId: alert.id,
      handoffId: handoff.id,
      agencyId: handoff.agency_id,
    });
}
