import type { CreateTeamRequest, PatchTeamRequest, TeamEventData, TeamView } from '#contracts';
import { displayedTeamStatus, type StoredTeamStatus } from '#dispatch';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import { updateGivenColumns } from '../database/partial-update.js';

export interface TeamRow {
  id: string;
  callsign: string;
  region_id: string;
  covered_region_ids: string[];
  base_lat: number;
  base_lng: number;
  skills: string[];
  size: number;
  status: StoredTeamStatus;
  location_lat: number | null;
  location_lng: number | null;
  location_at: Date | null;
  last_checkin_at: Date | null;
  on_duty: boolean;
}

// on_duty is derived from shifts at read time, never stored: a shift that ends needs no job to flip a flag.
export const TEAM_SELECT = `
  SELECT t.*, EXISTS (SELECT 1 FROM shift s WHERE s.team_id = t.id AND s.starts_at <= now() AND s.ends_at > now()) AS on_duty
  FROM team t`;

export function toTeamView(r: TeamRow): TeamView {
  return {
    id: r.id,
    callsign: r.callsign,
    regionId: r.region_id,
    coveredRegionIds: r.covered_region_ids,
    // Off duty hides an idle status (a team outside its shift cannot be dispatched whatever it last reported) but
    // never hides work: a team still on scene when its shift ends shows on scene.
    status: displayedTeamStatus(r.status, r.on_duty),
    base: { lat: r.base_lat, lng: r.base_lng },
    location:
      r.location_lat !== null && r.location_lng !== null && r.location_at
        ? { lat: r.location_lat, lng: r.location_lng, at: r.location_at.toISOString() }
        : null,
    onDuty: r.on_duty,
    skills: r.skills,
    size: r.size,
  };
}

export function toTeamEvent(v: TeamView): TeamEventData {
  return {
    id: v.id,
    callsign: v.callsign,
    regionId: v.regionId,
    status: v.status,
    location: v.location,
    onDuty: v.onDuty,
  };
}

/** Every team with its derived duty flag, by callsign. */
export async function listTeams(db: Queryable): Promise<TeamView[]> {
  return (await db.query<TeamRow>(`${TEAM_SELECT} ORDER BY t.callsign`)).map(toTeamView);
}

/** The teams as the coverage board needs them: where each is based and which districts it also covers. */
export async function coverageTeams(
  db: Queryable,
): Promise<{ id: string; callsign: string; region_id: string; covered_region_ids: string[] }[]> {
  return db.query(`SELECT id, callsign, region_id, covered_region_ids FROM team`);
}

/** A new team; undefined when its callsign is taken (the unique constraint decides). */
export async function insertTeam(tx: Tx, req: CreateTeamRequest): Promise<{ id: string } | undefined> {
  return tx.one<{ id: string }>(
    `INSERT INTO team (callsign, region_id, covered_region_ids, base_lat, base_lng, skills, size)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (callsign) DO NOTHING RETURNING id`,
    [req.callsign, req.regionId, req.coveredRegionIds ?? [], req.base.lat, req.base.lng, req.skills, req.size],
  );
}

export async function loadTeam(tx: Tx, id: string): Promise<TeamView | null> {
  const row = await tx.one<TeamRow>(`${TEAM_SELECT} WHERE t.id = $1`, [id]);
  return row ? toTeamView(row) : null;
}

export async function teamExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.one(`SELECT 1 FROM team WHERE id = $1`, [id])) !== undefined;
}

/** The team row, locked for the rest of the transaction when `forUpdate`. */
export async function loadTeamRow(tx: Tx, id: string, forUpdate = false): Promise<TeamRow | undefined> {
  return tx.one<TeamRow>(`${TEAM_SELECT} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
}

/** Where the team is for an alert: its live position when it has one (whatever its age), else its base. */
export function teamPosition(r: TeamRow): { lat: number; lng: number } {
  return r.location_lat !== null && r.location_lng !== null
    ? { lat: r.location_lat, lng: r.location_lng }
    : { lat: r.base_lat, lng: r.base_lng };
}

/** Stores a position report (from the phone, or given with a status or a panic); returns whether the team exists. */
export async function setTeamLocation(tx: Tx, teamId: string, at: { lat: number; lng: number }): Promise<boolean> {
  const row = await tx.one(
    `UPDATE team SET location_lat = $2, location_lng = $3, location_at = $4 WHERE id = $1 RETURNING id`,
    [teamId, at.lat, at.lng, tx.now.toISOString()],
  );
  return row !== undefined;
}

/** The columns PATCH /teams may change. */
const TEAM_PATCH_COLUMNS = [
  'callsign',
  'region_id',
  'covered_region_ids',
  'base_lat',
  'base_lng',
  'skills',
  'size',
] as const;

/** Applies a partial update; false when the new callsign is taken (the unique constraint decides, not a prior read). */
export async function updateTeam(tx: Tx, id: string, p: PatchTeamRequest): Promise<boolean> {
  const update = updateGivenColumns('team', TEAM_PATCH_COLUMNS, id, {
    callsign: p.callsign,
    region_id: p.regionId,
    covered_region_ids: p.coveredRegionIds,
    base_lat: p.base?.lat,
    base_lng: p.base?.lng,
    skills: p.skills,
    size: p.size,
  });
  try {
    await tx.query(update.text, update.params);
    return true;
  } catch (e) {
    // The transaction is aborted now; the caller throws, which rolls it back.
    const err = e as { code?: string; constraint?: string };
    if (err.code === '23505' && err.constraint === 'uq_team_callsign') return false;
    throw e;
  }
}
