import type { Tx } from '../database/tx.js';
import { toAdmissionEvent, type AdmissionRow } from './admissions.repository.js';
import { TIMER } from '#contracts';

export const ADMISSION_TIMER = {
  /** 12 hours before `endsAt`: `alert.raised` `admission-expiring`. */
  expiring: TIMER.admissionExpiring,
  /** 24 hours after admission: the guardian-notice task turns overdue on every screen. */
  guardianOverdue: TIMER.admissionGuardianOverdue,
} as const;

export function emitAdmission(
  tx: Tx,
  type: 'admission.created' | 'admission.updated',
  row: AdmissionRow,
  teamId: string | null,
): void {
  tx.emit(type, { ...toAdmissionEvent(row, tx.now), teamId });
}
