import type { CoverageShift, CoverageTeam } from './coverage.js';

// The roster's coverage gaps over a window (the next 7 days on the roster screen): for each region, the intervals
// with no team on duty whose home or covered regions include it. Same rule as computeCoverage, which answers only
// "now and the first gap"; a roster editor needs every gap to close.

export interface TimeInterval {
  start: number;
  end: number;
}

export interface RosterGapInput {
  regionIds: readonly string[];
  teams: readonly CoverageTeam[];
  shifts: readonly CoverageShift[];
  from: Date;
  to: Date;
}

/** Per region (in the order given), the uncovered intervals inside [from, to), merged and in time order. */
export function rosterGaps(input: RosterGapInput): Map<string, TimeInterval[]> {
  const from = input.from.getTime();
  const to = input.to.getTime();
  if (!(to > from)) throw new RangeError('rosterGaps: to must be after from');
  const byTeam = new Map<string, TimeInterval[]>();
  for (const s of input.shifts) {
    const start = Math.max(s.startsAt.getTime(), from);
    const end = Math.min(s.endsAt.getTime(), to);
    if (!(end > start)) continue;
    const list = byTeam.get(s.teamId) ?? [];
    list.push({ start, end });
    byTeam.set(s.teamId, list);
  }
  const covering = new Map<string, TimeInterval[]>();
  for (const t of input.teams) {
    for (const regionId of new Set([t.regionId, ...t.coveredRegionIds])) {
      const list = covering.get(regionId) ?? [];
      list.push(...(byTeam.get(t.id) ?? []));
      covering.set(regionId, list);
    }
  }
  const result = new Map<string, TimeInterval[]>();
  for (const regionId of input.regionIds) {
    const intervals = (covering.get(regionId) ?? []).slice().sort((a, b) => a.start - b.start);
    const gaps: TimeInterval[] = [];
    let cursor = from;
    for (const s of intervals) {
      if (s.start > cursor) gaps.push({ start: cursor, end: s.start });
      if (s.end > cursor) cursor = s.end;
    }
    if (cursor < to) gaps.push({ start: cursor, end: to });
    result.set(regionId, gaps);
  }
  return result;
}

/** Total length of the intervals, in hours. */
export function intervalHours(intervals: readonly TimeInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0) / 3_600_000;
}
