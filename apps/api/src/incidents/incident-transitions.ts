import { incidentTransition, type IncidentTrigger } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { toIncidentEvent, updateIncidentStatus, type IncidentRow } from './incidents.repository.js';

/**
 * Applies a lifecycle trigger (libs/dispatch) with a conditional update: only from the statuses the trigger allows,
 * so a concurrent change makes this return undefined instead of overwriting it. `extraSet` adds assignments whose
 * parameters start at $4 (`extraParams`).
 */
export async function transitionIncident(
  tx: Tx,
  incidentId: string,
  trigger: IncidentTrigger,
  extraSet = '',
  extraParams: unknown[] = [],
): Promise<IncidentRow | undefined> {
  const t = incidentTransition(trigger);
  return updateIncidentStatus(tx, incidentId, t.from, t.to, extraSet, extraParams);
}

/** incident.updated to the hotline, the control room and the team working it. */
export function emitIncidentUpdated(tx: Tx, row: IncidentRow, milestone?: string): void {
  tx.emit('incident.updated', toIncidentEvent(row, milestone));
}
