import type { Tx } from '../database/tx.js';

export interface BedRequestRow {
  id: string;
  incident_id: string;
  reason: string;
  requested_at: Date;
  accepted_handoff_id: string | null;
  accepted_at: Date | null;
}

export async function insertBedRequest(tx: Tx, incidentId: string, reason: string): Promise<BedRequestRow> {
  return (await tx.one<BedRequestRow>(
    `INSERT INTO bed_request (incident_id, reason, requested_at, requested_by) VALUES ($1, $2, $3, $4) RETURNING *`,
    [incidentId, reason, tx.now.toISOString(), tx.actor.userId],
  ))!;
}

/**
 * The first accept of a bed request takes it. Concurrent accepts queue on the request's row; once the first
 * commits, the others re-check `accepted_handoff_id IS NULL`, find it set and get nothing back.
 */
export async function claimBedRequest(tx: Tx, bedRequestId: string, handoffId: string): Promise<boolean> {
  const row = await tx.one(
    `UPDATE bed_request SET accepted_handoff_id = $2, accepted_at = $3 WHERE id = $1 AND accepted_handoff_id IS NULL RETURNING id`,
    [bedRequestId, handoffId, tx.now.toISOString()],
  );
  return row !== undefined;
}
