import type { Queryable } from '../database/db.js';
import type { CandidateTeam } from '#geo';
import type { StoredTeamStatus } from '#dispatch';
import type { Tx } from '../database/tx.js';
import type { TeamRow } from './teams.repository.js';

// The team table as dispatch changes it. Every status change is conditional on the status it leaves, so of two
// racing changes (two offers of one team, an accept and an expiry) exactly one finds the row as it expected.

// A team is on duty while one of its shifts is running.
const ON_DUTY = `EXISTS (SELECT 1 FROM shift s WHERE s.team_id = t.id AND s.starts_at <= now() AND s.ends_at > now())`;

/** Claims an available, on-duty team for an offer (two responders at least when there is danger to others). */
export async function claimTeamForOffer(tx: Tx, teamId: string, dangerToOthers: boolean): Promise<boolean> {
  const row = await tx.one(
    `UPDATE team t SET status = 'offered', status_changed_at = $3
     WHERE t.id = $1 AND t.status = 'available' AND (NOT $2 OR t.size >= 2) AND ${ON_DUTY}
     RETURNING t.id`,
    [teamId, dangerToOthers, tx.now.toISOString()],
  );
  return row !== undefined;
}

/** The team holding the offer accepted it: it is on its way. */
export async function teamAcceptedOffer(tx: Tx, teamId: string): Promise<boolean> {
  const row = await tx.one(
    `UPDATE team SET status = 'en-route', status_changed_at = $2 WHERE id = $1 AND status = 'offered' RETURNING id`,
    [teamId, tx.now.toISOString()],
  );
  return row !== undefined;
}

/** An offer ended unanswered (declined, expired, withdrawn): the team is available again. */
export async function releaseOfferedTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.query(`UPDATE team SET status = 'available', status_changed_at = $2 WHERE id = $1 AND status = 'offered'`, [
    teamId,
    tx.now.toISOString(),
  ]);
}

/** An incident ended under a team offered it or on its way: available again, with no check-in pending. */
export async function releaseTeamFrom(tx: Tx, teamId: string, from: 'offered' | 'en-route'): Promise<void> {
  await tx.query(
    `UPDATE team SET status = 'available', status_changed_at = $2, last_checkin_at = NULL WHERE id = $1 AND status = $3`,
    [teamId, tx.now.toISOString(), from],
  );
}

/**
 * A reported status (POST /teams/:id/status), with the position if it came with one. Arriving on scene counts as
 * the first check-in; available or unavailable ends the check-ins.
 */
export async function applyTeamStatus(
  tx: Tx,
  teamId: string,
  from: StoredTeamStatus,
  to: StoredTeamStatus,
  location: { lat: number; lng: number } | undefined,
): Promise<boolean> {
  const row = await tx.one(
    `UPDATE team SET status = $2, status_changed_at = $4,
       location_lat = coalesce($5, location_lat), location_lng = coalesce($6, location_lng),
       location_at = CASE WHEN $5::float8 IS NULL THEN location_at ELSE $4::timestamptz END,
       last_checkin_at = CASE WHEN $2 = 'on-scene' THEN $4::timestamptz WHEN $2 IN ('available','unavailable') THEN NULL ELSE last_checkin_at END
     WHERE id = $1 AND status = $3 RETURNING id`,
    [teamId, to, from, tx.now.toISOString(), location?.lat ?? null, location?.lng ?? null],
  );
  return row !== undefined;
}

/** A safety check-in, accepted only in the statuses that need them; false when the team is in none of them. */
export async function recordCheckin(tx: Tx, teamId: string, statuses: readonly string[]): Promise<boolean> {
  const row = await tx.one(
    `UPDATE team SET last_checkin_at = $2 WHERE id = $1 AND status = ANY($3::text[]) RETURNING id, status`,
    [teamId, tx.now.toISOString(), statuses],
  );
  return row !== undefined;
}

/** The team columns ranking reads, with the fix time as epoch ms instead of `location_at`. */
type CandidateRow = Pick<
  TeamRow,
  | 'id'
  | 'callsign'
  | 'region_id'
  | 'covered_region_ids'
  | 'base_lat'
  | 'base_lng'
  | 'skills'
  | 'size'
  | 'location_lat'
  | 'location_lng'
> & { location_ms: number | null };

/**
 * On-duty available teams as ranking input, leaving out those that had the incident (`declinedOnly`: those that
 * declined it). Only the columns ranking reads, and the fix time as epoch ms: with hundreds of teams per request,
 * parsing every timestamp column of `team.*` cost more than the ranking itself.
 */
export async function dispatchableTeams(
  db: Queryable,
  exclude: { incidentId: string; declinedOnly: boolean },
): Promise<CandidateTeam[]> {
  const rows = await db.query<CandidateRow>(
    `SELECT t.id, t.callsign, t.region_id, t.covered_region_ids, t.base_lat, t.base_lng, t.skills, t.size,
       t.location_lat, t.location_lng, (extract(epoch FROM t.location_at) * 1000)::float8 AS location_ms
     FROM team t
     WHERE t.status = 'available' AND ${ON_DUTY}
       AND NOT EXISTS (SELECT 1 FROM dispatch d WHERE d.incident_id = $1 AND d.team_id = t.id AND (NOT $2 OR d.status = 'declined'))`,
    [exclude.incidentId, exclude.declinedOnly],
  );
  return rows.map((r) => ({
    id: r.id,
    callsign: r.callsign,
    regionId: r.region_id,
    coveredRegionIds: r.covered_region_ids,
    status: 'available',
    onDuty: true,
    base: { lat: r.base_lat, lng: r.base_lng },
    location:
      r.location_lat !== null && r.location_lng !== null && r.location_ms !== null
        ? { lat: r.location_lat, lng: r.location_lng, at: new Date(r.location_ms).toISOString() }
        : null,
    skills: r.skills,
    size: r.size,
  }));
}
