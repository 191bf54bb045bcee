import type { Category, LatLng, TeamSkill, TeamStatus } from '#contracts';
import type { Router } from './eta.js';

// Which available team should the coordinator send? A pure ranking over a snapshot of the teams, so the API
// can call it on every request and the console can show why each team is where it is (or missing).

export interface RecommendationIncident {
  location: LatLng;
  regionId: string | null;
  category: Category;
  neededSkills: readonly TeamSkill[];
  /** Harm to others is threatened or happening: never send a lone responder. */
  dangerToOthers: boolean;
}

export interface CandidateTeam {
  id: string;
  callsign: string;
  regionId: string;
  coveredRegionIds: readonly string[];
  status: TeamStatus;
  onDuty: boolean;
  base: LatLng;
  location: (LatLng & { at: string }) | null;
  // Codes of the centre's vocabulary; only the ones triage asks for (TeamSkill) count here.
  skills: readonly string[];
  size: number;
}

type BusyStatus = Exclude<TeamStatus, 'available' | 'off-duty'>;

/**
 * Machine reason codes; the console maps them to text. Ranked teams carry:
 * - `location.live` (fresh live position used), `location.stale-base` (live position too old or undated,
 *   base used), `location.base` (no live position, base used)
 * - `region.in` (home region is the incident's), `region.covered` (covers it), `region.out`,
 *   `region.unknown` (incident outside every region: no region preference applies),
 *   `region.out-faster-by-margin` (out of region yet ranked above an in-region team, see ranking rule)
 * - `skill.match:<skill>`, `skill.missing:<skill>` for each needed skill
 * - `size.ok-for-danger` (danger to others and at least two responders)
 * - `eta.fastest` (shortest ETA of all ranked teams, ties included)
 * Excluded teams carry `duty.off`, `status.<status>` (e.g. `status.en-route`), `size.too-small-for-danger`,
 * or `eta.unavailable` (the router returned no finite estimate).
 */
export type RecommendationReason =
  | 'location.live'
  | 'location.stale-base'
  | 'location.base'
  | 'region.in'
  | 'region.covered'
  | 'region.out'
  | 'region.unknown'
  | 'region.out-faster-by-margin'
  | `skill.match:${TeamSkill}`
  | `skill.missing:${TeamSkill}`
  | 'size.ok-for-danger'
  | 'eta.fastest';

export type ExclusionReason = 'duty.off' | `status.${BusyStatus}` | 'size.too-small-for-danger' | 'eta.unavailable';

export interface Recommendation {
  teamId: string;
  callsign: string;
  /** Minutes, rounded to one decimal. */
  etaMinutes: number;
  /** Km, rounded to one decimal. */
  distanceKm: number;
  /** Home or covered region is the incident's region. */
  inRegion: boolean;
  reasons: RecommendationReason[];
  /** Which position the ETA was computed from. */
  from: 'live' | 'base';
}

export interface TeamExclusion {
  teamId: string;
  callsign: string;
  reasons: ExclusionReason[];
}

export interface TeamRanking {
  /** Best first, cut to `limit`. */
  recommendations: Recommendation[];
  /** Every team left out, in input order, with why. */
  excluded: TeamExclusion[];
}

export interface RecommendOptions {
  now: Date;
  router: Router;
  /** A live position older than this is ignored in favour of the base (default 30). */
  staleAfterMinutes?: number;
  /** At most this many recommendations (default: all). */
  limit?: number;
  /**
   * How much faster (minutes) an out-of-region team must be to outrank an in-region one (default 10).
   * Per-category values let very urgent categories trade locality for speed, e.g. `{ A: 0, B: 5 }`;
   * categories not listed use the default.
   */
  regionMarginMinutes?: number | Partial<Record<Category, number>>;
}

// Bound once for the per-team loop: global lookups are intercepted (slow) inside vm contexts such as Jest's.
const { abs, round } = Math;
const finite = Number.isFinite;
const parseTime = Date.parse;

export const DEFAULT_STALE_AFTER_MINUTES = 30;
export const DEFAULT_REGION_MARGIN_MINUTES = 10;

/**
 * The static exclusion rules, no routing needed: off duty, not `available`, or a lone responder when
 * there is danger to others. Returns only the teams that are excluded, in input order, so the console can
 * say why a team is missing from the list.
 */
export function explainExclusions(
  incident: Pick<RecommendationIncident, 'dangerToOthers'>,
  teams: readonly CandidateTeam[],
): TeamExclusion[] {
  const out: TeamExclusion[] = [];
  for (const team of teams) {
    const reasons = staticExclusionReasons(incident.dangerToOthers, team);
    if (reasons.length > 0) out.push({ teamId: team.id, callsign: team.callsign, reasons });
  }
  return out;
}

function staticExclusionReasons(dangerToOthers: boolean, team: CandidateTeam): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  // The shift table (onDuty) and the status can disagree for a moment around shift changes; either one
  // saying "off" is enough.
  if (!team.onDuty || team.status === 'off-duty') reasons.push('duty.off');
  if (team.status !== 'available' && team.status !== 'off-duty') reasons.push(`status.${team.status}`);
  if (dangerToOthers && !(team.size >= 2)) reasons.push('size.too-small-for-danger');
  return reasons;
}

interface Ranked {
  team: CandidateTeam;
  etaTenths: number;
  distanceTenths: number;
  from: 'live' | 'base';
  locationReason: RecommendationReason;
  regionReason: RecommendationReason;
  inRegion: boolean;
  hasAllSkills: boolean;
  skillReasons: RecommendationReason[];
  tier: number;
  effectiveTenths: number;
  outFaster: boolean;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`recommendTeams: ${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.tier - b.tier ||
    a.effectiveTenths - b.effectiveTenths ||
    Number(b.inRegion) - Number(a.inRegion) ||
    a.etaTenths - b.etaTenths ||
    // Plain code-unit order, not localeCompare: the result must not depend on the server's locale.
    (a.team.callsign < b.team.callsign ? -1 : a.team.callsign > b.team.callsign ? 1 : 0) ||
    (a.team.id < b.team.id ? -1 : a.team.id > b.team.id ? 1 : 0)
  );
}

/**
 * Ranks the teams that can take the incident now and says which were left out and why.
 *
 * Eligible: on duty, status `available`, and at least two responders when there is danger to others.
 * Position: the live location when it is at most `staleAfterMinutes` old (a timestamp that far in the
 * future means a broken device clock and is not trusted either), otherwise the base.
 *
 * Ranking rule, applied in this order:
 * 1. Skills: teams with every needed skill come first. When no eligible team has them all, this step is
 *    skipped (a partial match then earns no priority: ETA decides).
 * 2. Locality with a margin: an in-region team (home or covered region = incident region) outranks an
 *    out-of-region team unless the out-of-region team's ETA is shorter by MORE than the margin (default
 *    10 min; exactly the margin still goes to the in-region team). Implemented as a sort key
 *    (out-of-region ETA + margin), which keeps the order transitive. No margin when the incident has no
 *    region.
 * 3. ETA, then callsign, then id, so equal candidates always come out in the same order.
 * ETAs are compared at the displayed precision (0.1 min) so two teams shown with the same ETA are ordered
 * by callsign, never by an invisible floating-point difference.
 *
 * Cost: one router call per eligible team and one sort, O(n log n).
 */
export function rankTeams(
  incident: RecommendationIncident,
  teams: readonly CandidateTeam[],
  opts: RecommendOptions,
): TeamRanking {
  const nowMs = opts.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('recommendTeams: now must be a valid Date');
  const staleMs = nonNegative('staleAfterMinutes', opts.staleAfterMinutes ?? DEFAULT_STALE_AFTER_MINUTES) * 60_000;
  const margin = opts.regionMarginMinutes;
  const marginTenths = Math.round(
    nonNegative(
      'regionMarginMinutes',
      typeof margin === 'number' ? margin : (margin?.[incident.category] ?? DEFAULT_REGION_MARGIN_MINUTES),
    ) * 10,
  );
  if (opts.limit !== undefined && !(Number.isInteger(opts.limit) && opts.limit >= 0)) {
    throw new RangeError(`recommendTeams: limit must be an integer ≥ 0, got ${opts.limit}`);
  }
  const needed = [...new Set(incident.neededSkills)];

  const excluded: TeamExclusion[] = [];
  const ranked: Ranked[] = [];
  let anyHasAllSkills = false;
  for (const team of teams) {
    const exclusion = staticExclusionReasons(incident.dangerToOthers, team);
    if (exclusion.length > 0) {
      excluded.push({ teamId: team.id, callsign: team.callsign, reasons: exclusion });
      continue;
    }

    let position: LatLng = team.base;
    let from: 'live' | 'base' = 'base';
    let locationReason: RecommendationReason = 'location.base';
    if (team.location) {
      const ageMs = nowMs - parseTime(team.location.at);
      if (abs(ageMs) <= staleMs) {
        position = team.location;
        from = 'live';
        locationReason = 'location.live';
      } else {
        locationReason = 'location.stale-base';
      }
    }

    const estimate = opts.router.estimate(position, incident.location);
    if (!finite(estimate.minutes) || !finite(estimate.distanceKm)) {
      excluded.push({ teamId: team.id, callsign: team.callsign, reasons: ['eta.unavailable'] });
      continue;
    }

    let regionReason: RecommendationReason;
    if (incident.regionId === null) regionReason = 'region.unknown';
    else if (team.regionId === incident.regionId) regionReason = 'region.in';
    else if (team.coveredRegionIds.includes(incident.regionId)) regionReason = 'region.covered';
    else regionReason = 'region.out';

    const skillReasons: RecommendationReason[] = [];
    let hasAllSkills = true;
    for (const skill of needed) {
      if (team.skills.includes(skill)) skillReasons.push(`skill.match:${skill}`);
      else {
        skillReasons.push(`skill.missing:${skill}`);
        hasAllSkills = false;
      }
    }
    anyHasAllSkills ||= hasAllSkills;

    const inRegion = regionReason === 'region.in' || regionReason === 'region.covered';
    const etaTenths = round(estimate.minutes * 10);
    ranked.push({
      team,
      etaTenths,
      distanceTenths: round(estimate.distanceKm * 10),
      from,
      locationReason,
      regionReason,
      inRegion,
      hasAllSkills,
      skillReasons,
      tier: 0,
      effectiveTenths: etaTenths + (regionReason === 'region.out' ? marginTenths : 0),
      outFaster: false,
    });
  }

  let fastestTenths = Infinity;
  for (const r of ranked) {
    if (anyHasAllSkills && !r.hasAllSkills) r.tier = 1;
    if (r.etaTenths < fastestTenths) fastestTenths = r.etaTenths;
  }
  ranked.sort(compareRanked);

  // Flag out-of-region teams that outrank an in-region team of the same skill tier: the margin rule fired,
  // and the coordinator should see that it did.
  let inRegionBelow = false;
  let tierBelow = -1;
  for (let i = ranked.length - 1; i >= 0; i--) {
    const r = ranked[i];
    if (r.tier !== tierBelow) {
      tierBelow = r.tier;
      inRegionBelow = false;
    }
    if (r.regionReason === 'region.out' && inRegionBelow) r.outFaster = true;
    if (r.inRegion) inRegionBelow = true;
  }

  const chosen = opts.limit === undefined ? ranked : ranked.slice(0, opts.limit);
  const recommendations = chosen.map((r): Recommendation => {
    const reasons: RecommendationReason[] = [r.locationReason, r.regionReason];
    if (r.outFaster) reasons.push('region.out-faster-by-margin');
    reasons.push(...r.skillReasons);
    if (incident.dangerToOthers) reasons.push('size.ok-for-danger');
    if (r.etaTenths === fastestTenths) reasons.push('eta.fastest');
    return {
      teamId: r.team.id,
      callsign: r.team.callsign,
      etaMinutes: r.etaTenths / 10,
      distanceKm: r.distanceTenths / 10,
      inRegion: r.inRegion,
      reasons,
      from: r.from,
    };
  });
  return { recommendations, excluded };
}

/** The ranked teams, best first (see `rankTeams` for the rules); excluded teams never appear. */
export function recommendTeams(
  incident: RecommendationIncident,
  teams: readonly CandidateTeam[],
  opts: RecommendOptions,
): Recommendation[] {
  return rankTeams(incident, teams, opts).recommendations;
}
