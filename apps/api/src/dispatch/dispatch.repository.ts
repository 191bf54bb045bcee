import type { Queryable } from '../database/db.js';
import type { DispatchEventData, DispatchIncidentSummary, DispatchStatus, DispatchView } from '#contracts';
import type { Tx } from '../database/tx.js';
import type { IncidentRow } from '../incidents/incidents.repository.js';

export interface DispatchRow {
  id: string;
  incident_id: string;
  team_id: string;
  status: DispatchStatus;
  offered_at: Date;
  expires_at: Date;
  responded_at: Date | null;
  reason: string | null;
  offered_by: string | null;
  automatic: boolean;
}

/** Offered or accepted: the statuses the partial unique indexes allow once per team and once per incident. */
export const LIVE_DISPATCH_STATUSES = ['offered', 'accepted'] as const satisfies readonly DispatchStatus[];

type SummarySource = Pick<IncidentRow, 'number' | 'category' | 'lat' | 'lng' | 'address'>;

export function incidentSummary(i: SummarySource): DispatchIncidentSummary {
  return { number: i.number, category: i.category, location: { lat: i.lat, lng: i.lng, address: i.address } };
}

export function toDispatchView(r: DispatchRow, incident?: SummarySource): DispatchView {
  const view: DispatchView = {
    id: r.id,
    incidentId: r.incident_id,
    teamId: r.team_id,
    status: r.status,
    offeredAt: r.offered_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    reason: r.reason,
    automatic: r.automatic,
  };
  if (incident) view.incident = incidentSummary(incident);
  return view;
}

/** A dispatch as an incident's history shows it: without the incident summary or the automatic flag. */
export function toDispatchHistoryView(d: DispatchRow): DispatchView {
  return {
    id: d.id,
    incidentId: d.incident_id,
    teamId: d.team_id,
    status: d.status,
    offeredAt: d.offered_at.toISOString(),
    expiresAt: d.expires_at.toISOString(),
    respondedAt: d.responded_at?.toISOString() ?? null,
    reason: d.reason,
  };
}

/**
 * The event data: the same fields as the view. The phone gets the need-to-know summary with the offer itself,
 * never names or notes.
 */
export function toDispatchEvent(r: DispatchRow, incident?: SummarySource): DispatchEventData {
  return toDispatchView(r, incident);
}

export async function loadDispatch(tx: Tx, id: string, forUpdate = false): Promise<DispatchRow | undefined> {
  return tx.one<DispatchRow>(`SELECT * FROM dispatch WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** The team's offered or accepted dispatch, if any (at most one: uq_dispatch_team_live). */
export function liveDispatchOfTeam(tx: Tx, teamId: string, forUpdate = false): Promise<DispatchRow | undefined> {
  return liveDispatchBy(tx, 'team_id', teamId, forUpdate);
}

/** The incident's offered or accepted dispatch, if any (at most one: uq_dispatch_incident_live). */
export function liveDispatchOfIncident(
  tx: Tx,
  incidentId: string,
  forUpdate = false,
): Promise<DispatchRow | undefined> {
  return liveDispatchBy(tx, 'incident_id', incidentId, forUpdate);
}

function liveDispatchBy(
  tx: Tx,
  column: 'team_id' | 'incident_id',
  id: string,
  forUpdate: boolean,
): Promise<DispatchRow | undefined> {
  return tx.one<DispatchRow>(
    `SELECT * FROM dispatch WHERE ${column} = $1 AND status IN ('offered','accepted')${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

/** The incident's dispatches, oldest offer first. */
export function dispatchesOfIncident(tx: Tx, incidentId: string): Promise<DispatchRow[]> {
  return tx.query<DispatchRow>(`SELECT * FROM dispatch WHERE incident_id = $1 ORDER BY offered_at, id`, [incidentId]);
}

/** A new offer of the incident to the team, open until `expiresAt`; an automatic one names no coordinator. */
export async function insertOffer(
  tx: Tx,
  o: { incidentId: string; teamId: string; expiresAt: Date; automatic: boolean },
): Promise<DispatchRow> {
  return (await tx.one<DispatchRow>(
    `INSERT INTO dispatch (incident_id, team_id, status, offered_at, expires_at, offered_by, automatic)
     VALUES ($1, $2, 'offered', $3, $4, $5, $6) RETURNING *`,
    [
      o.incidentId,
      o.teamId,
      tx.now.toISOString(),
      o.expiresAt.toISOString(),
      o.automatic ? null : tx.actor.userId,
      o.automatic,
    ],
  ))!;
}

export type DispatchWithIncidentRow = DispatchRow & SummarySource;

/** Dispatches with their incident's summary, newest offer first, at most 200; each filter applies when given. */
export function listDispatches(
  db: Queryable,
  f: { teamId: string | null; incidentId: string | null; statuses: readonly DispatchStatus[] | null },
): Promise<DispatchWithIncidentRow[]> {
  return db.query<DispatchWithIncidentRow>(
    `SELECT d.*, i.number, i.category, i.lat, i.lng, i.address
     FROM dispatch d JOIN incident i ON i.id = d.incident_id
     WHERE ($1::uuid IS NULL OR d.team_id = $1) AND ($2::uuid IS NULL OR d.incident_id = $2)
       AND ($3::text[] IS NULL OR d.status = ANY($3::text[]))
     ORDER BY d.offered_at DESC LIMIT 200`,
    [f.teamId, f.incidentId, f.statuses],
  );
}

/** Ends a live dispatch: only from the given status, so a racing accept or expiry leaves exactly one outcome. */
export async function endDispatch(
  tx: Tx,
  id: string,
  from: DispatchStatus,
  to: Exclude<DispatchStatus, 'offered'>,
  reason: string | null,
): Promise<DispatchRow | undefined> {
  // responded_at is the team's answer (accept, decline) or the moment the offer lapsed; a later clear or
  // withdrawal of an accepted dispatch keeps the acceptance time.
  return tx.one<DispatchRow>(
    `UPDATE dispatch SET status = $3, reason = coalesce($4, reason),
       responded_at = CASE WHEN status = 'offered' THEN $5::timestamptz ELSE responded_at END
     WHERE id = $1 AND status = $2 RETURNING *`,
    [id, from, to, reason, tx.now.toISOString()],
  );
}
