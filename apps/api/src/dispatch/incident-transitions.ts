import { incidentTransition, type IncidentTrigger } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { toIncidentEvent, type IncidentRow } from '../incidents/incidents.repository.js';

/**
 * Applies a lifecycle trigger (libs/dispatch) with a conditional UPDATE: only from the statuses the trigger allows,
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
  return tx.one<IncidentRow>(
    `UPDATE incident SET status = $2${extraSet ? `, ${extraSet}` : ''} WHERE id = $1 AND status = ANY($3::text[]) RETURNING *`,
    [incidentId, t.to, t.from, ...extraParams],
  );
}

/** incident.updated to the hotline, the control room and the team working it. */
export function emitIncidentUpdated(tx: Tx, row: IncidentRow, milestone?: string): void {
  tx.emit('incident.updated', toIncidentEvent(row, milestone));
}
