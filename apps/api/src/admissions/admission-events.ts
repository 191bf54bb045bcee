import type { Tx } from '../database/tx.js';
import { toAdmissionEvent, type AdmissionRow } from './admissions.repository.js';

export function emitAdmission(
  tx: Tx,
  type: 'admission.created' | 'admission.updated',
  row: AdmissionRow,
  teamId: string | null,
): void {
  tx.emit(type, { ...toAdmissionEvent(row, tx.now), teamId });
}
