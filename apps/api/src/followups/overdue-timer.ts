import { TIMER } from '#contracts';
import type { Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import type { TimerRow, TimerRunner } from '../timers/timer-runner.js';
import { emitFollowUp, lockFollowUp } from './followups.repository.js';

// At its due time a follow-up that is still open raises an alert to its centre and to the supervisors (the control
// room), once. The timer is a row, so the alert comes after a restart too, and only once across instances.

export function registerFollowUpTimers(runner: TimerRunner): void {
  runner.register(TIMER.followUpOverdue, overdue);
}

async function overdue(tx: Tx, timer: TimerRow): Promise<void> {
  const row = await lockFollowUp(tx, timer.ref_id!);
  if (!row || row.done_at) return;
  const hhmm = row.due_at.toISOString().slice(11, 16);
  await raiseAlert(tx, {
    kind: 'follow-up-overdue',
    severity: 'warning',
    // No person in the message: alerts reach screens that are not the person's record.
    message: `Follow-up (category ${row.category}) was due at ${hhmm} UTC and is not completed`,
    incidentId: row.incident_id,
    regionId: row.region_id,
    dedupeKey: `follow-up-overdue:${row.id}`,
    agencyId: row.agency_id,
  });
  await emitFollowUp(tx, 'follow-up.updated', row);
}
