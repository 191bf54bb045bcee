import type { RegionCoverageView } from '#contracts';

// Which regions are (or will soon be) without a team on duty. A region is covered at an instant when some team
// whose home region or covered regions include it is inside a shift then (starts_at <= t < ends_at). Team status
// is deliberately ignored: a busy team is still on duty, and the coverage view is about rosters, not load.

export const DEFAULT_COVERAGE_HORIZON_HOURS = 12;

export interface CoverageRegion {
  id: string;
  code: string;
  name: string;
}

export interface CoverageTeam {
  id: string;
  callsign: string;
  regionId: string;
  coveredRegionIds: readonly string[];
}

export interface CoverageShift {
  teamId: string;
  startsAt: Date;
  endsAt: Date;
}

/** One region's coverage (the shape of GET /coverage, defined in libs/contracts). */
export type RegionCoverage = RegionCoverageView;

export interface CoverageInput {
  regions: readonly CoverageRegion[];
  teams: readonly CoverageTeam[];
  shifts: readonly CoverageShift[];
  now: Date;
  horizonHours?: number;
}

/** Coverage of every region, in the order given. O(regions × covering shifts × log). */
export function computeCoverage(input: CoverageInput): RegionCoverage[] {
  const nowMs = input.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('computeCoverage: now must be a valid Date');
  const horizonHours = input.horizonHours ?? DEFAULT_COVERAGE_HORIZON_HOURS;
  if (!Number.isFinite(horizonHours) || horizonHours <= 0)
    throw new RangeError(`computeCoverage: horizonHours must be > 0, got ${horizonHours}`);
  const endMs = nowMs + horizonHours * 3_600_000;

  const shiftsByTeam = new Map<string, { start: number; end: number }[]>();
  for (const s of input.shifts) {
    const start = s.startsAt.getTime();
    const end = s.endsAt.getTime();
    if (!(end > start)) continue;
    let list = shiftsByTeam.get(s.teamId);
    if (!list) shiftsByTeam.set(s.teamId, (list = []));
    list.push({ start, end });
  }
  const teamsByRegion = new Map<string, CoverageTeam[]>();
  for (const t of input.teams) {
    for (const regionId of new Set([t.regionId, ...t.coveredRegionIds])) {
      let list = teamsByRegion.get(regionId);
      if (!list) teamsByRegion.set(regionId, (list = []));
      list.push(t);
    }
  }

  return input.regions.map((region) => {
    const teams = teamsByRegion.get(region.id) ?? [];
    const onDutyNow: { teamId: string; callsign: string }[] = [];
    const intervals: { start: number; end: number }[] = [];
    let nextStart = Infinity;
    for (const team of teams) {
      let onDuty = false;
      for (const s of shiftsByTeam.get(team.id) ?? []) {
        if (s.start <= nowMs && s.end > nowMs) onDuty = true;
        if (s.start > nowMs && s.start < nextStart) nextStart = s.start;
        if (s.end > nowMs && s.start < endMs) intervals.push(s);
      }
      if (onDuty) onDutyNow.push({ teamId: team.id, callsign: team.callsign });
    }
    onDutyNow.sort((a, b) => (a.callsign < b.callsign ? -1 : a.callsign > b.callsign ? 1 : 0));

    // Sweep the covered intervals from now: the first instant not inside one is the gap.
    intervals.sort((a, b) => a.start - b.start);
    let cursor = nowMs;
    let gapStart: number | null = null;
    let gapEnd: number | null = null;
    for (const s of intervals) {
      if (s.start > cursor) {
        gapStart = cursor;
        gapEnd = s.start;
        break;
      }
      if (s.end > cursor) cursor = s.end;
      if (cursor >= endMs) break;
    }
    if (gapStart === null && cursor < endMs) gapStart = cursor;

    return {
      regionId: region.id,
      code: region.code,
      name: region.name,
      onDutyNow,
      nextShiftStartsAt: Number.isFinite(nextStart) ? new Date(nextStart).toISOString() : null,
      gapNow: onDutyNow.length === 0,
      gapStartsAt: gapStart === null ? null : new Date(gapStart).toISOString(),
      gapEndsAt: gapEnd === null ? null : new Date(gapEnd).toISOString(),
      gapWithinHorizon: gapStart !== null,
    };
  });
}
