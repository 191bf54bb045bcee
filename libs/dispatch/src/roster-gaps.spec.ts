import { intervalHours, rosterGaps } from './roster-gaps.js';

const H = 3_600_000;
const t0 = Date.parse('2031-03-03T00:00:00Z');
const at = (h: number) => new Date(t0 + h * H);
const teams = [
  { id: 'a', callsign: 'A', regionId: 'north', coveredRegionIds: [] },
  { id: 'b', callsign: 'B', regionId: 'south', coveredRegionIds: ['north'] },
];

describe('rosterGaps', () => {
  it('gives the whole window for a region nobody covers', () => {
    const gaps = rosterGaps({ regionIds: ['east'], teams, shifts: [], from: at(0), to: at(168) });
    expect(gaps.get('east')).toEqual([{ start: t0, end: t0 + 168 * H }]);
    expect(intervalHours(gaps.get('east')!)).toBe(168);
  });

  it('merges overlapping and touching shifts of several covering teams, clipped to the window', () => {
    const shifts = [
      { teamId: 'a', startsAt: at(-5), endsAt: at(10) },
      { teamId: 'b', startsAt: at(10), endsAt: at(20) }, // touches: no gap at 10
      { teamId: 'a', startsAt: at(15), endsAt: at(30) },
      { teamId: 'a', startsAt: at(40), endsAt: at(200) },
    ];
    const gaps = rosterGaps({ regionIds: ['north', 'south'], teams, shifts, from: at(0), to: at(168) });
    expect(gaps.get('north')).toEqual([{ start: t0 + 30 * H, end: t0 + 40 * H }]);
    // South is covered only by B's home shift.
    expect(gaps.get('south')).toEqual([
      { start: t0, end: t0 + 10 * H },
      { start: t0 + 20 * H, end: t0 + 168 * H },
    ]);
  });

  it('has no gap when 24-hour shifts cover the window end to end, and ignores shifts outside it', () => {
    const shifts = Array.from({ length: 8 }, (_, d) => ({
      teamId: 'a',
      startsAt: at(d * 24 - 15),
      endsAt: at(d * 24 + 9),
    }));
    shifts.push({ teamId: 'a', startsAt: at(500), endsAt: at(510) });
    expect(rosterGaps({ regionIds: ['north'], teams, shifts, from: at(0), to: at(168) }).get('north')).toEqual([]);
  });

  it('refuses an empty window', () => {
    expect(() => rosterGaps({ regionIds: [], teams, shifts: [], from: at(1), to: at(1) })).toThrow(RangeError);
  });
});
