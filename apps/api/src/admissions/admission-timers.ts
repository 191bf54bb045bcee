import { TIMER } from '#contracts';
import { raiseAlert } from '../alerts/alerts.js';
import type { Tx } from '../database/tx.js';
import type { TimerRow, TimerRunner } from '../timers/timer-runner.js';
import { loadIncidentRow } from '../incidents/incidents.repository.js';
import { findAdmission } from './admissions.repository.js';
import { emitAdmission } from './admission-events.js';

async function expiring(tx: Tx, timer: TimerRow): Promise<void> {
  const row = await findAdmission(tx, timer.ref_id!);
  if (!row || row.status !== 'active') return;
  const incident = await loadIncidentRow(tx, row.incident_id);
  await raiseAlert(tx, {
    kind: 'admission-expiring',
    severity: 'warning',
    message: `Emergency admission for ${incident?.number ?? 'an incident'} ends at ${row.ends_at.toISOString()}: arrange a consent, guardian or administrative admission, or discharge`,
    incidentId: row.incident_id,
    dedupeKey: `admission-expiring:${row.id}`,
    // Coordinators and the hospital that holds the person.
    agencyId: row.hospital_agency_id,
  });
}

async function guardianOverdue(tx: Tx, timer: TimerRow): Promise<void> {
  const row = await findAdmission(tx, timer.ref_id!);
  if (!row || row.status !== 'active' || row.guardian_notified_at) return;
  // No state changes: the task's status is derived from its deadline; the event lets open screens show it now.
  emitAdmission(tx, 'admission.updated', row, (await loadIncidentRow(tx, row.incident_id))?.team_id ?? null);
}

export function registerAdmissionTimers(runner: TimerRunner): void {
  runner.register(TIMER.admissionExpiring, expiring);
  runner.register(TIMER.admissionGuardianOverdue, guardianOverdue);
}
