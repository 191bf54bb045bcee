import type { Tx } from '../database/tx.js';
import type { DispatchRow } from '../dispatch/dispatch.repository.js';
import type { HandoffRow } from '../handoffs/handoffs.repository.js';

// The field's need-to-know in SQL: a team reads an incident it is or was dispatched to, that is, it works it now,
// holds a live offer for it, or accepted (and later cleared) a dispatch to it. A declined, expired or withdrawn offer
// gives no lasting right to read, as a partner that declined its handoff no longer reads the incident.

/** SQL: true when the team (`teamParam`) may read the incident (`incidentExpr`). */
export function teamMayReadSql(incidentExpr: string, teamParam: string): string {
  return `(EXISTS (SELECT 1 FROM incident fi WHERE fi.id = ${incidentExpr} AND fi.team_id = ${teamParam})
    OR EXISTS (SELECT 1 FROM dispatch fd WHERE fd.incident_id = ${incidentExpr} AND fd.team_id = ${teamParam}
               AND fd.status IN ('offered','accepted','cleared')))`;
}

export async function teamMayRead(tx: Tx, teamId: string, incidentId: string): Promise<boolean> {
  const row = await tx.one<{ ok: boolean }>(`SELECT ${teamMayReadSql('$1::uuid', '$2::uuid')} AS ok`, [
    incidentId,
    teamId,
  ]);
  return row?.ok === true;
}

export function teamDispatches(tx: Tx, incidentId: string, teamId: string): Promise<DispatchRow[]> {
  return tx.query<DispatchRow>(
    `SELECT * FROM dispatch WHERE incident_id = $1 AND team_id = $2 ORDER BY offered_at, id`,
    [incidentId, teamId],
  );
}

export function handoffOutlines(
  tx: Tx,
  incidentId: string,
): Promise<Pick<HandoffRow, 'id' | 'agency_id' | 'kind' | 'status'>[]> {
  return tx.query(`SELECT id, agency_id, kind, status FROM handoff WHERE incident_id = $1 ORDER BY requested_at, id`, [
    incidentId,
  ]);
}
