import { CATEGORIES, type Category, type ResponseTimes } from '#contracts';
import { respondBy } from '#triage';
import { isTerminal } from '#dispatch';
import type { Tx } from '../database/tx.js';
import type { TriageRow } from '../triage/triage.repository.js';
import {
  appendTimeline,
  loadIncidentRow,
  setIncidentTriage,
  toIncidentEvent,
  type IncidentRow,
} from './incidents.repository.js';
import { scheduleSlaTimers } from './sla-timers.js';

/** Lower index = more urgent (A before G). */
export function moreUrgent(a: Category, b: Category): boolean {
  return CATEGORIES.indexOf(a) < CATEGORIES.indexOf(b);
}

/**
 * The incident's deadline after a new assessment. The same category keeps the running clock (a re-triage
 * that confirms B must not push a B deadline back); a new category restarts it from the assessment time.
 */
export function nextRespondBy(
  current: { category: Category; respondBy: Date | null },
  next: { category: Category; assessedAt: Date },
  responseTimes: ResponseTimes,
): Date | null {
  if (current.category === next.category) return current.respondBy;
  return respondBy(next.assessedAt, next.category, responseTimes);
}

/** Danger to others changes who may be sent (never a lone responder): threats, violence or a weapon. */
export function dangerToOthers(t: Pick<TriageRow, 'input'>): boolean {
  return t.input.harmToOthers !== 'none' || t.input.weaponAccess;
}

/**
 * Applies a call's new triage (re-triage or override) to its open incident: category, deadline, partners to
 * notify, danger flag, a timeline entry and incident.updated. A closed incident is history and stays as it was.
 * With `onlyIfMoreUrgent` (a second call attached) a calmer account never downgrades what is already known.
 */
export async function applyTriageToIncident(
  tx: Tx,
  incidentId: string,
  t: TriageRow,
  responseTimes: ResponseTimes,
  timelineType: 'triage.assessed' | 'triage.overridden',
  onlyIfMoreUrgent = false,
): Promise<IncidentRow | null> {
  const incident = await loadIncidentRow(tx, incidentId, true);
  if (!incident || isTerminal(incident.status)) return null;
  if (onlyIfMoreUrgent && !moreUrgent(t.category, incident.category)) return null;
  const deadline = nextRespondBy(
    { category: incident.category, respondBy: incident.respond_by },
    { category: t.category, assessedAt: t.assessed_at },
    responseTimes,
  );
  const row = await setIncidentTriage(tx, incidentId, {
    category: t.category,
    respondBy: deadline,
    triageId: t.id,
    notify: t.notify,
    dangerToOthers: dangerToOthers(t),
  });
  await appendTimeline(tx, incidentId, timelineType, {
    callId: t.call_id,
    triageId: t.id,
    from: incident.category,
    category: t.category,
    respondBy: row.respond_by?.toISOString() ?? null,
    ...(t.override ? { reason: t.override.reason } : { cssrsRisk: t.cssrs_risk, rulesVersion: t.rules_version }),
  });
  // A new deadline replaces the response clock's timers (same margin as when it was first planned).
  if ((row.respond_by?.getTime() ?? null) !== (incident.respond_by?.getTime() ?? null))
    await scheduleSlaTimers(tx, incidentId, row.respond_by);
  tx.emit('incident.updated', toIncidentEvent(row));
  return row;
}
