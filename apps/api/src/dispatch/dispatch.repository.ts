import type { DispatchEventData, DispatchIncidentSummary, DispatchStatus, DispatchView } from '#contracts';
import type { Tx } from '../database/tx.js';
import type { IncidentRow } from '../incidents/incidents.repository.js';

/** Durable timer kinds of the dispatch feature (ref_id in brackets). */
export const TIMER = {
  /** An unanswered offer expires (dispatch id). */
  offerExpiry: 'dispatch.offer-expiry',
  /** A safety check-in of a team on scene is due (team id). */
  checkin: 'team.checkin',
  slaWarning: 'incident.sla-warning',
  slaBreach: 'incident.sla-breach',
} as const;

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
export async function liveDispatchOfTeam(tx: Tx, teamId: string, forUpdate = false): Promise<DispatchRow | undefined> {
  return tx.one<DispatchRow>(
    `SELECT * FROM dispatch WHERE team_id = $1 AND status IN ('offered','accepted')${forUpdate ? ' FOR UPDATE' : ''}`,
    [teamId],
  );
}

/** The incident's offered or accepted dispatch, if any (at most one: uq_dispatch_incident_live). */
export async function liveDispatchOfIncident(
  tx: Tx,
  incidentId: string,
  forUpdate = false,
): Promise<DispatchRow | undefined> {
  return tx.one<DispatchRow>(
    `SELECT * FROM dispatch WHERE incident_id = $1 AND status IN ('offered','accepted')${forUpdate ? ' FOR UPDATE' : ''}`,
    [incidentId],
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
