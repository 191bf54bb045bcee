import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TEAM_SKILLS, type Category, type DispatchPlan, type RecommendationView, type TeamSkill } from '#contracts';
import {
  haversineKm,
  rankTeams,
  recommendTeams,
  StraightLineRouter,
  type CandidateTeam,
  type RecommendationIncident,
  type RecommendOptions,
  type Router,
} from '#geo';
import { isTerminal } from '#dispatch';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { notFound } from '../common/errors.js';
import type { Tx } from '../database/tx.js';
import type { IncidentRow } from '../incidents/incidents.repository.js';
import { TEAM_SELECT, toTeamView, type TeamRow } from '../teams/teams.repository.js';

/**
 * How much faster an out-of-region team must be to outrank an in-region one. Category A trades locality for speed
 * outright; B nearly so; the rest keep the lib's default (10 min) so a district's own team is preferred.
 */
const REGION_MARGIN_MINUTES: Partial<Record<Category, number>> = { A: 0, B: 5 };

const SKILLS = new Set<string>(TEAM_SKILLS);

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export function recommendationIncident(i: IncidentRow): RecommendationIncident {
  return {
    location: { lat: i.lat, lng: i.lng },
    regionId: i.region_id,
    category: i.category,
    neededSkills: i.needed_skills.filter((s): s is TeamSkill => SKILLS.has(s)),
    dangerToOthers: i.danger_to_others,
  };
}

interface AgencyRow {
  id: string;
  name: string;
  kind: 'police' | 'fire';
  lat: number;
  lng: number;
  in_region: boolean;
}

/** Ranks teams for incidents with libs/geo (a pure function) over a snapshot of the team table. */
@Injectable()
export class RecommendationsService {
  // Behind the Router interface: a road-network router can replace the straight-line estimate without touching ranking.
  private readonly router: Router = new StraightLineRouter();

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  options(now: Date): RecommendOptions {
    return {
      now,
      router: this.router,
      staleAfterMinutes: this.config.locationStaleMinutes,
      regionMarginMinutes: REGION_MARGIN_MINUTES,
    };
  }

  /** GET /incidents/:id/recommendations: on-duty available teams, best first (all of them unless `limit`). */
  async forIncident(incidentId: string, limit?: number): Promise<RecommendationView[]> {
    const query = this.readQuery();
    const incident = await this.incident(query, incidentId);
    if (isTerminal(incident.status)) return [];
    // A team that declined this incident is not recommended for it again (issue 13 item 3); the console shows why.
    const teams = await dispatchableTeams(
      query,
      `AND NOT EXISTS (SELECT 1 FROM dispatch d WHERE d.incident_id = $1 AND d.team_id = t.id AND d.status = 'declined')`,
      [incident.id],
    );
    return recommendTeams(recommendationIncident(incident), teams, { ...this.options(new Date()), limit });
  }

  /** GET /incidents/:id/dispatch-plan: the ranking, the teams left out and why, and the partners to call. */
  async plan(incidentId: string): Promise<DispatchPlan> {
    const query = this.readQuery();
    const incident = await this.incident(query, incidentId);
    const teams = await query<TeamRow>(`${TEAM_SELECT} ORDER BY t.callsign`);
    const { recommendations, excluded } = isTerminal(incident.status)
      ? { recommendations: [], excluded: [] }
      : rankTeams(recommendationIncident(incident), teams.map(toTeamView), this.options(new Date()));
    const partners = {
      police: incident.notify.police === true,
      ems: incident.notify.ems === true,
      fire: incident.notify.fire === true,
    };
    // In Korea 119 (the fire service) runs the ambulances, so EMS is requested from the fire agency.
    const kinds: ('police' | 'fire')[] = [];
    if (partners.police) kinds.push('police');
    if (partners.ems || partners.fire) kinds.push('fire');
    const partnerAgencies: DispatchPlan['partnerAgencies'] = [];
    for (const kind of kinds) {
      const agency = await nearestAgency(query, kind, incident);
      if (agency)
        partnerAgencies.push({
          kind,
          agencyId: agency.id,
          name: agency.name,
          distanceKm: Math.round(agency.distanceKm * 10) / 10,
        });
    }
    return { incidentId, recommendations, excluded, partners, partnerAgencies };
  }

  /** Available teams for an automatic re-offer, best first, leaving out those that already had this incident. */
  async forReoffer(tx: Tx, incident: IncidentRow): Promise<RecommendationView[]> {
    const teams = await dispatchableTeams(
      (sql, params) => tx.query(sql, params),
      `AND NOT EXISTS (SELECT 1 FROM dispatch d WHERE d.incident_id = $1 AND d.team_id = t.id)`,
      [incident.id],
    );
    return recommendTeams(recommendationIncident(incident), teams, this.options(tx.now));
  }

  private readQuery(): Query {
    return async <T>(sql: string, params: unknown[] = []) => await this.ds.query<T[]>(sql, params);
  }

  private async incident(query: Query, id: string): Promise<IncidentRow> {
    const [row] = await query<IncidentRow>(`SELECT * FROM incident WHERE id = $1`, [id]);
    if (!row) throw notFound('Incident');
    return row;
  }
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
 * On-duty available teams as ranking input. Only the columns ranking reads, and the fix time as epoch ms: with
 * hundreds of teams per request, parsing every timestamp column of `team.*` cost more than the ranking itself.
 */
async function dispatchableTeams(query: Query, extraWhere = '', params: unknown[] = []): Promise<CandidateTeam[]> {
  const rows = await query<CandidateRow>(
    `SELECT t.id, t.callsign, t.region_id, t.covered_region_ids, t.base_lat, t.base_lng, t.skills, t.size,
       t.location_lat, t.location_lng, (extract(epoch FROM t.location_at) * 1000)::float8 AS location_ms
     FROM team t
     WHERE t.status = 'available'
       AND EXISTS (SELECT 1 FROM shift s WHERE s.team_id = t.id AND s.starts_at <= now() AND s.ends_at > now()) ${extraWhere}`,
    params,
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

/** The agency of that kind serving the incident's region (nearest if several), else the nearest one anywhere. */
export async function nearestAgency(
  query: Query,
  kind: 'police' | 'fire',
  incident: Pick<IncidentRow, 'region_id' | 'lat' | 'lng'>,
): Promise<(AgencyRow & { distanceKm: number }) | null> {
  const rows = await query<AgencyRow>(
    `SELECT id, name, kind, lat, lng, ($2::uuid IS NOT NULL AND $2::uuid = ANY(region_ids)) AS in_region FROM agency WHERE kind = $1`,
    [kind, incident.region_id],
  );
  let best: (AgencyRow & { distanceKm: number }) | null = null;
  for (const r of rows) {
    const distanceKm = haversineKm({ lat: r.lat, lng: r.lng }, incident);
    const better =
      !best || (r.in_region && !best.in_region) || (r.in_region === best.in_region && distanceKm < best.distanceKm);
    if (better) best = { ...r, distanceKm };
  }
  return best;
}
