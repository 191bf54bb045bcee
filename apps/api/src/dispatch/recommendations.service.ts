import { Inject, Injectable } from '@nestjs/common';
import { TEAM_SKILLS, type Category, type DispatchPlan, type RecommendationView, type TeamSkill } from '#contracts';
import {
  haversineKm,
  rankTeams,
  recommendTeams,
  StraightLineRouter,
  type RecommendationIncident,
  type RecommendOptions,
  type Router,
} from '#geo';
import { isTerminal } from '#dispatch';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { notFound } from '../common/errors.js';
import type { Tx } from '../database/tx.js';
import { loadIncidentRow, type IncidentRow } from '../incidents/incidents.repository.js';
import { listTeams } from '../teams/teams.repository.js';
import { dispatchableTeams } from '../teams/team-dispatch.repository.js';
import { agenciesOfKind, type AgencyPlaceRow } from '../agencies/agencies.repository.js';
import { Db, type Queryable } from '../database/db.js';

/**
 * How much faster an out-of-region team must be to outrank an in-region one. Category A trades locality for speed
 * outright; B nearly so; the rest keep the lib's default (10 min) so a district's own team is preferred.
 */
const REGION_MARGIN_MINUTES: Partial<Record<Category, number>> = { A: 0, B: 5 };

const SKILLS = new Set<string>(TEAM_SKILLS);

export function recommendationIncident(i: IncidentRow): RecommendationIncident {
  return {
    location: { lat: i.lat, lng: i.lng },
    regionId: i.region_id,
    category: i.category,
    neededSkills: i.needed_skills.filter((s): s is TeamSkill => SKILLS.has(s)),
    dangerToOthers: i.danger_to_others,
  };
}

/** Ranks teams for incidents with libs/geo (a pure function) over a snapshot of the team table. */
@Injectable()
export class RecommendationsService {
  // Behind the Router interface: a road-network router can replace the straight-line estimate without touching ranking.
  private readonly router: Router = new StraightLineRouter();

  constructor(
    private readonly db: Db,
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
    const incident = await this.incident(incidentId);
    if (isTerminal(incident.status)) return [];
    // A team that declined this incident is not recommended for it again (issue 13 item 3); the console shows why.
    const teams = await dispatchableTeams(this.db, { incidentId: incident.id, declinedOnly: true });
    return recommendTeams(recommendationIncident(incident), teams, { ...this.options(new Date()), limit });
  }

  /** GET /incidents/:id/dispatch-plan: the ranking, the teams left out and why, and the partners to call. */
  async plan(incidentId: string): Promise<DispatchPlan> {
    const incident = await this.incident(incidentId);
    const teams = await listTeams(this.db);
    const { recommendations, excluded } = isTerminal(incident.status)
      ? { recommendations: [], excluded: [] }
      : rankTeams(recommendationIncident(incident), teams, this.options(new Date()));
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
      const agency = await nearestAgency(this.db, kind, incident);
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
    const teams = await dispatchableTeams(tx, {
      incidentId: incident.id,
      declinedOnly: false,
    });
    return recommendTeams(recommendationIncident(incident), teams, this.options(tx.now));
  }

  private async incident(id: string): Promise<IncidentRow> {
    const row = await loadIncidentRow(this.db, id);
    if (!row) throw notFound('Incident');
    return row;
  }
}

/** The agency of that kind serving the incident's region (nearest if several), else the nearest one anywhere. */
export async function nearestAgency(
  db: Queryable,
  kind: 'police' | 'fire',
  incident: Pick<IncidentRow, 'region_id' | 'lat' | 'lng'>,
): Promise<(AgencyPlaceRow & { distanceKm: number }) | null> {
  const rows = await agenciesOfKind(db, kind, incident.region_id);
  let best: (AgencyPlaceRow & { distanceKm: number }) | null = null;
  for (const r of rows) {
    const distanceKm = haversineKm({ lat: r.lat, lng: r.lng }, incident);
    const better =
      !best || (r.in_region && !best.in_region) || (r.in_region === best.in_region && distanceKm < best.distanceKm);
    if (better) best = { ...r, distanceKm };
  }
  return best;
}
