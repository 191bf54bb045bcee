import { TIMER, type Category } from '#contracts';
import type { Tx } from '../database/tx.js';
import type { CallRow } from '../calls/calls.repository.js';
import { appendTimeline } from '../incidents/incidents.repository.js';
import { scheduleTimer } from '../timers/timer-runner.js';
import { followUpDueAt, needsFollowUp, needsFollowUpAfterClose } from './follow-up-rules.js';
import {
  currentCallCategory,
  emitFollowUp,
  followUpPlace,
  incidentWasDispatched,
  insertFollowUp,
  openFollowUpOfIncident,
  type FollowUpRow,
  type NewFollowUp,
} from './followups.repository.js';

// Where follow-up tasks come from, each in the transaction of the change that causes it: a call that ends without
// a dispatch (B–D), an incident that closes (A–C), a coordinator's warm hand-back. Each one is pushed live, logged,
// and gets a durable overdue timer at its due time.

/** Called when a call ends: stores the follow-up task when the rules ask for one. */
export async function createFollowUpIfDue(tx: Tx, call: CallRow): Promise<FollowUpRow | null> {
  const category = await currentCallCategory(tx, call.id);
  if (!needsFollowUp(category, await incidentWasDispatched(tx, call.incident_id))) return null;
  const place = await followUpPlace(tx, call.client_id, call.incident_id);
  return create(tx, {
    callId: call.id,
    incidentId: call.incident_id,
    clientId: call.client_id,
    ...place,
    category: category!,
    source: 'call-ended',
    dueAt: followUpDueAt(call.ended_at ?? tx.now),
  });
}

/** Called when an incident closes: A–C get a follow-up unless one is already open for it. */
export async function createFollowUpAfterClose(
  tx: Tx,
  incident: { id: string; category: Category; client_id: string | null },
): Promise<FollowUpRow | null> {
  if (!needsFollowUpAfterClose(incident.category)) return null;
  if (await openFollowUpOfIncident(tx, incident.id)) return null;
  const place = await followUpPlace(tx, incident.client_id, incident.id);
  return create(tx, {
    callId: null,
    incidentId: incident.id,
    clientId: incident.client_id,
    ...place,
    category: incident.category,
    source: 'incident-closed',
    dueAt: followUpDueAt(tx.now),
  });
}

/** A new task: stored, logged, on the incident's timeline, pushed, and watched by its overdue timer. */
export async function create(tx: Tx, f: NewFollowUp): Promise<FollowUpRow | null> {
  const row = await insertFollowUp(tx, f);
  if (!row) return null;
  await tx.audit({
    action: 'follow-up.created',
    entityType: 'follow_up',
    entityId: row.id,
    subjectId: row.client_id,
    details: {
      source: row.source,
      callId: row.call_id,
      category: row.category,
      agencyId: row.agency_id,
      dueAt: row.due_at.toISOString(),
    },
  });
  if (row.incident_id) {
    await appendTimeline(tx, row.incident_id, 'follow-up.created', {
      followUpId: row.id,
      callId: row.call_id,
      agencyId: row.agency_id,
      dueAt: row.due_at.toISOString(),
    });
  }
  await scheduleTimer(tx, TIMER.followUpOverdue, row.id, row.due_at);
  await emitFollowUp(tx, 'follow-up.created', row);
  return row;
}
