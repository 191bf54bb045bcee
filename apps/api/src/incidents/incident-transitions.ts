import { incidentTransition, type IncidentTrigger } from '#dispatch';
import type { Tx } from '../database/tx.js';
import {
  toIncidentEvent,
  updateIncidentStatus,
  type IncidentRow,
  type IncidentStatusChange,
} from './incidents.repository.js';

/**
 * Applies a lifecycle trigger (libs/dispatch) with a conditional update: only from the statuses the trigger allows,
 * so a concurrent change makes this return undefined instead of overwriting it; `change` is what it records besides.
 */
export async function transitionIncident(
  tx: Tx,
  incidentId: string,
  trigger: IncidentTrigger,
  change: IncidentStatusChange = {},
): Promise<IncidentRow | undefined> {
  const t = incidentTransition(trigger);
  return updateIncidentStatus(tx, incidentId, t.from, t.to, change);
}

/** incident.updated to the hotline, the control room and the team working it. */
export function emitIncidentUpdated(tx: Tx, row: IncidentRow, milestone?: string): void {
  tx.emit('incident.updated', toIncidentEvent(row, milestone));
}
