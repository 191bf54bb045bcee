import { computeCoverage, type CoverageShift, type CoverageTeam } from './coverage.js';

const now = new Date('2025-03-01T10:00:00Z');
const h = (hours: number): Date => new Date(now.getTime() + hours * 3_600_000);
const iso = (hours: number): string => h(hours).toISOString();
const regions = [
  { id: 'r1', code: 'R1', name: 'North' },
  { id: 'r2', code: 'R2', name: 'South' },
  { id: 'r3', code: 'R3', name: 'East' },
];
const team = (id: string, regionId: string, coveredRegionIds: string[] = []): CoverageTeam => ({
  id,
  callsign: id.toUpperCase(),
  regionId,
  coveredRegionIds,
});
const shift = (teamId: string, from: number, to: number): CoverageShift => ({
  teamId,
  startsAt: h(from),
  endsAt: h(to),
});

function one(regionId: string, teams: CoverageTeam[], shifts: CoverageShift[], horizonHours?: number) {
  return computeCoverage({ regions, teams, shifts, now, horizonHours }).find((r) => r.regionId === regionId)!;
}

describe('computeCoverage', () => {
  it('reports a region with no team at all as a gap now that lasts past the horizon', () => {
    expect(one('r3', [team('a', 'r1')], [shift('a', -1, 24)])).toEqual({
      regionId: 'r3',
      code: 'R3',
      name: 'East',
      onDutyNow: [],
      nextShiftStartsAt: null,
      gapNow: true,
      gapStartsAt: iso(0),
      gapEndsAt: null,
      gapWithinHorizon: true,
    });
  });

  it('is covered throughout by one long shift', () => {
    const r = one('r1', [team('a', 'r1')], [shift('a', -1, 24)]);
    expect(r).toMatchObject({
      onDutyNow: [{ teamId: 'a', callsign: 'A' }],
      gapNow: false,
      gapStartsAt: null,
      gapWithinHorizon: false,
    });
  });

  it('finds the gap between two shifts and when it ends', () => {
    const r = one('r1', [team('a', 'r1')], [shift('a', -1, 3), shift('a', 5, 20)]);
    expect(r).toMatchObject({
      gapNow: false,
      gapStartsAt: iso(3),
      gapEndsAt: iso(5),
      nextShiftStartsAt: iso(5),
      gapWithinHorizon: true,
    });
  });

  it('treats back-to-back and overlapping shifts of different teams as continuous cover', () => {
    const teams = [team('a', 'r1'), team('b', 'r1'), team('c', 'r2', ['r1'])];
    const shifts = [shift('a', -2, 4), shift('b', 4, 8), shift('c', 7, 13)];
    expect(one('r1', teams, shifts)).toMatchObject({ gapNow: false, gapStartsAt: null, gapWithinHorizon: false });
  });

  it('finds a gap starting exactly when cover ends before the horizon', () => {
    expect(one('r1', [team('a', 'r1')], [shift('a', -2, 11)])).toMatchObject({
      gapStartsAt: iso(11),
      gapEndsAt: null,
      gapWithinHorizon: true,
    });
  });

  it('ignores gaps beyond the horizon and uses the horizon given', () => {
    const shifts = [shift('a', -2, 11)];
    expect(one('r1', [team('a', 'r1')], shifts, 10)).toMatchObject({ gapWithinHorizon: false, gapStartsAt: null });
  });

  it('counts a team covering a region as on duty there, and a shift ending now as over', () => {
    const teams = [team('joint', 'r2', ['r1', 'r3'])];
    const cov = computeCoverage({ regions, teams, shifts: [shift('joint', -8, 0), shift('joint', 2, 30)], now });
    expect(cov.map((r) => r.gapNow)).toEqual([true, true, true]);
    expect(cov.every((r) => r.gapEndsAt === iso(2) && r.nextShiftStartsAt === iso(2))).toBe(true);
  });

  it('counts a shift starting now as on duty (starts_at <= now < ends_at)', () => {
    expect(one('r1', [team('a', 'r1')], [shift('a', 0, 12)])).toMatchObject({ gapNow: false, gapWithinHorizon: false });
  });

  it('lists teams on duty by callsign and ignores zero-length or inverted shifts', () => {
    const teams = [team('zulu', 'r1'), team('alpha', 'r1')];
    const shifts = [
      shift('zulu', -1, 13),
      shift('alpha', -1, 13),
      { teamId: 'alpha', startsAt: h(1), endsAt: h(1) },
      { teamId: 'zulu', startsAt: h(3), endsAt: h(2) },
    ];
    expect(one('r1', teams, shifts).onDutyNow.map((t) => t.callsign)).toEqual(['ALPHA', 'ZULU']);
  });

  it('refuses an invalid now or horizon', () => {
    expect(() => computeCoverage({ regions, teams: [], shifts: [], now: new Date('x') })).toThrow(RangeError);
    expect(() => computeCoverage({ regions, teams: [], shifts: [], now, horizonHours: 0 })).toThrow(RangeError);
  });
});
