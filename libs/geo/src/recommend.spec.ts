import type { LatLng, TeamSkill } from '#contracts';
import { StraightLineRouter, type Router } from './eta.js';
import {
  explainExclusions,
  rankTeams,
  recommendTeams,
  type CandidateTeam,
  type RecommendationIncident,
  type RecommendOptions,
} from './recommend.js';

// A router whose answer is written into the team's position, so each test reads as "this team is N minutes
// away": lat = minutes, lng = km. Ranking never looks at coordinates itself, only at what the router says.
const stubRouter: Router = { estimate: (from: LatLng) => ({ minutes: from.lat, distanceKm: from.lng }) };
const away = (minutes: number, km = minutes / 2): LatLng => ({ lat: minutes, lng: km });

const NOW = new Date('2025-03-01T12:00:00+09:00');
const minutesAgo = (m: number): string => new Date(NOW.getTime() - m * 60_000).toISOString();

let seq = 0;
function team(callsign: string, minutes: number, overrides: Partial<CandidateTeam> = {}): CandidateTeam {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    callsign,
    regionId: 'r-jongno',
    coveredRegionIds: [],
    status: 'available',
    onDuty: true,
    base: away(minutes),
    location: null,
    skills: [],
    size: 2,
    ...overrides,
  };
}

const incident = (overrides: Partial<RecommendationIncident> = {}): RecommendationIncident => ({
  location: { lat: 37.5735, lng: 126.9788 },
  regionId: 'r-jongno',
  category: 'B',
  neededSkills: [],
  dangerToOthers: false,
  ...overrides,
});
const options = (overrides: Partial<RecommendOptions> = {}): RecommendOptions => ({
  now: NOW,
  router: stubRouter,
  ...overrides,
});
const callsigns = (teams: CandidateTeam[], inc = incident(), opts = options()): string[] =>
  recommendTeams(inc, teams, opts).map((r) => r.callsign);

describe('recommendTeams: eligibility', () => {
  it('only recommends teams that are on duty and available', () => {
    const teams = [
      team('ALPHA', 10),
      team('BRAVO', 5, { onDuty: false }),
      team('CHARLIE', 5, { status: 'off-duty' }),
      team('DELTA', 5, { status: 'en-route' }),
      team('ECHO', 5, { status: 'offered' }),
      team('FOXTROT', 5, { status: 'on-scene' }),
      team('GOLF', 5, { status: 'transporting' }),
      team('HOTEL', 5, { status: 'unavailable' }),
      team('INDIA', 12),
    ];
    expect(callsigns(teams)).toEqual(['ALPHA', 'INDIA']);
  });

  it('never sends a lone responder when there is danger to others, and says size is fine for the rest', () => {
    const teams = [team('SOLO', 3, { size: 1 }), team('PAIR', 9, { size: 2 }), team('TRIO', 12, { size: 3 })];
    const recs = recommendTeams(incident({ dangerToOthers: true }), teams, options());
    expect(recs.map((r) => r.callsign)).toEqual(['PAIR', 'TRIO']);
    for (const r of recs) expect(r.reasons).toContain('size.ok-for-danger');
    // Without danger the lone responder is fine, and size is not mentioned.
    const calm = recommendTeams(incident(), teams, options());
    expect(calm.map((r) => r.callsign)).toEqual(['SOLO', 'PAIR', 'TRIO']);
    for (const r of calm) expect(r.reasons).not.toContain('size.ok-for-danger');
  });

  it('returns nothing when no team is eligible, or there are no teams', () => {
    expect(recommendTeams(incident(), [team('A', 1, { onDuty: false })], options())).toEqual([]);
    expect(recommendTeams(incident(), [], options())).toEqual([]);
  });
});

describe('explainExclusions', () => {
  it('says why each missing team is missing, and lists only those', () => {
    const teams = [
      team('OK', 5),
      team('OFF', 5, { onDuty: false }),
      team('OFFSTATUS', 5, { status: 'off-duty' }),
      team('BUSY', 5, { status: 'en-route' }),
      team('HELD', 5, { status: 'offered' }),
      team('SOLO', 5, { size: 1 }),
      team('ALL', 5, { onDuty: false, status: 'on-scene', size: 1 }),
    ];
    const out = explainExclusions({ dangerToOthers: true }, teams);
    expect(out.map(({ callsign, reasons }) => [callsign, reasons])).toEqual([
      ['OFF', ['duty.off']],
      ['OFFSTATUS', ['duty.off']],
      ['BUSY', ['status.en-route']],
      ['HELD', ['status.offered']],
      ['SOLO', ['size.too-small-for-danger']],
      ['ALL', ['duty.off', 'status.on-scene', 'size.too-small-for-danger']],
    ]);
    expect(out[0].teamId).toBe(teams[1].id);
    expect(explainExclusions({ dangerToOthers: false }, [team('SOLO', 5, { size: 1 })])).toEqual([]);
  });

  it('agrees with rankTeams, which adds teams the router could not estimate', () => {
    const teams = [
      team('OK', 5),
      team('OFF', 5, { onDuty: false }),
      team('LOST', 5, { base: { lat: Number.NaN, lng: 1 } }),
      team('SOLO', 5, { size: 1 }),
    ];
    const inc = incident({ dangerToOthers: true });
    const { recommendations, excluded } = rankTeams(inc, teams, options());
    expect(recommendations.map((r) => r.callsign)).toEqual(['OK']);
    expect(excluded.map(({ callsign, reasons }) => [callsign, reasons])).toEqual([
      ['OFF', ['duty.off']],
      ['LOST', ['eta.unavailable']],
      ['SOLO', ['size.too-small-for-danger']],
    ]);
    const staticOnes = explainExclusions(inc, teams);
    expect(excluded.filter((e) => !e.reasons.includes('eta.unavailable'))).toEqual(staticOnes);
  });
});

describe('recommendTeams: position', () => {
  it('uses a fresh live location', () => {
    const [rec] = recommendTeams(
      incident(),
      [team('A', 30, { location: { ...away(4), at: minutesAgo(5) } })],
      options(),
    );
    expect(rec).toMatchObject({ from: 'live', etaMinutes: 4 });
    expect(rec.reasons[0]).toBe('location.live');
  });

  it('falls back to the base when the live location is older than 30 minutes', () => {
    const [rec] = recommendTeams(
      incident(),
      [team('A', 30, { location: { ...away(4), at: minutesAgo(31) } })],
      options(),
    );
    expect(rec).toMatchObject({ from: 'base', etaMinutes: 30 });
    expect(rec.reasons[0]).toBe('location.stale-base');
  });

  it('still trusts a location exactly at the threshold, and the threshold is configurable', () => {
    const t = team('A', 30, { location: { ...away(4), at: minutesAgo(30) } });
    expect(recommendTeams(incident(), [t], options())[0].from).toBe('live');
    expect(recommendTeams(incident(), [t], options({ staleAfterMinutes: 10 }))[0].from).toBe('base');
    expect(recommendTeams(incident(), [t], options({ staleAfterMinutes: 60 }))[0].from).toBe('live');
  });

  it('uses the base, saying so, when there is no live location', () => {
    const [rec] = recommendTeams(incident(), [team('A', 7)], options());
    expect(rec).toMatchObject({ from: 'base', etaMinutes: 7 });
    expect(rec.reasons[0]).toBe('location.base');
  });

  it('distrusts an unparsable timestamp and one far in the future (a broken device clock)', () => {
    const garbled = team('A', 30, { location: { ...away(4), at: 'yesterday-ish' } });
    const future = team('B', 30, { location: { ...away(4), at: minutesAgo(-120) } });
    const skewed = team('C', 30, { location: { ...away(4), at: minutesAgo(-1) } });
    const recs = recommendTeams(incident(), [garbled, future, skewed], options());
    expect(recs.map((r) => [r.callsign, r.from, r.reasons[0]])).toEqual([
      ['C', 'live', 'location.live'],
      ['A', 'base', 'location.stale-base'],
      ['B', 'base', 'location.stale-base'],
    ]);
  });
});

describe('recommendTeams: ranking', () => {
  it('ranks by ETA and marks the fastest', () => {
    const recs = recommendTeams(incident(), [team('SLOW', 25), team('FAST', 6), team('MID', 14)], options());
    expect(recs.map((r) => r.callsign)).toEqual(['FAST', 'MID', 'SLOW']);
    expect(recs.map((r) => r.reasons.includes('eta.fastest'))).toEqual([true, false, false]);
  });

  it('rounds ETA and distance to one decimal', () => {
    const [rec] = recommendTeams(incident(), [team('A', 0, { base: away(12.345, 6.789) })], options());
    expect(rec).toMatchObject({ etaMinutes: 12.3, distanceKm: 6.8 });
  });

  it('produces the whole reason list in a fixed order', () => {
    const t = team('A', 8, { location: { ...away(8), at: minutesAgo(2) }, skills: ['adolescent'] });
    const [rec] = recommendTeams(
      incident({ neededSkills: ['adolescent', 'english'], dangerToOthers: true }),
      [t],
      options(),
    );
    expect(rec).toEqual({
      teamId: t.id,
      callsign: 'A',
      etaMinutes: 8,
      distanceKm: 4,
      inRegion: true,
      reasons: [
        'location.live',
        'region.in',
        'skill.match:adolescent',
        'skill.missing:english',
        'size.ok-for-danger',
        'eta.fastest',
      ],
      from: 'live',
    });
  });

  describe('region preference with a margin (default 10 min)', () => {
    const home = (minutes: number) => team('HOME', minutes, { regionId: 'r-jongno' });
    const away_ = (minutes: number) => team('AWAY', minutes, { regionId: 'r-mapo' });

    it('keeps the in-region team first when the other is faster by less than the margin', () => {
      const recs = recommendTeams(incident(), [away_(12), home(20)], options());
      expect(recs.map((r) => [r.callsign, r.inRegion])).toEqual([
        ['HOME', true],
        ['AWAY', false],
      ]);
      expect(recs[0].reasons).toContain('region.in');
      expect(recs[1].reasons).toEqual(expect.arrayContaining(['region.out', 'eta.fastest']));
    });

    it('keeps the in-region team first at exactly the margin', () => {
      expect(callsigns([away_(10), home(20)])).toEqual(['HOME', 'AWAY']);
    });

    it('lets an out-of-region team through when faster by more than the margin, and flags it', () => {
      const recs = recommendTeams(incident(), [home(20), away_(9.9)], options());
      expect(recs.map((r) => r.callsign)).toEqual(['AWAY', 'HOME']);
      expect(recs[0].reasons).toEqual(['location.base', 'region.out', 'region.out-faster-by-margin', 'eta.fastest']);
      expect(recs[1].reasons).not.toContain('region.out-faster-by-margin');
    });

    it('does not flag an out-of-region team that only outranks other out-of-region teams', () => {
      const recs = recommendTeams(
        incident(),
        [team('OUT1', 5, { regionId: 'r-x' }), team('OUT2', 8, { regionId: 'r-y' })],
        options(),
      );
      for (const r of recs) expect(r.reasons).not.toContain('region.out-faster-by-margin');
    });

    it('counts a covered region as in-region', () => {
      const covering = team('COVER', 20, { regionId: 'r-mapo', coveredRegionIds: ['r-seodaemun', 'r-jongno'] });
      const recs = recommendTeams(incident(), [away_(12), covering], options());
      expect(recs.map((r) => r.callsign)).toEqual(['COVER', 'AWAY']);
      expect(recs[0]).toMatchObject({ inRegion: true });
      expect(recs[0].reasons).toContain('region.covered');
    });

    it('takes a configurable margin, also per category', () => {
      expect(callsigns([home(20), away_(12)], incident(), options({ regionMarginMinutes: 5 }))).toEqual([
        'AWAY',
        'HOME',
      ]);
      expect(callsigns([home(20), away_(12)], incident(), options({ regionMarginMinutes: 0 }))).toEqual([
        'AWAY',
        'HOME',
      ]);
      expect(callsigns([home(20), away_(2)], incident(), options({ regionMarginMinutes: 30 }))).toEqual([
        'HOME',
        'AWAY',
      ]);
      const perCategory = options({ regionMarginMinutes: { A: 0 } });
      expect(callsigns([home(20), away_(12)], incident({ category: 'A' }), perCategory)).toEqual(['AWAY', 'HOME']);
      expect(callsigns([home(20), away_(12)], incident({ category: 'C' }), perCategory)).toEqual(['HOME', 'AWAY']);
    });

    it('applies no region preference when the incident is in no region', () => {
      const recs = recommendTeams(incident({ regionId: null }), [home(20), away_(12)], options());
      expect(recs.map((r) => [r.callsign, r.inRegion])).toEqual([
        ['AWAY', false],
        ['HOME', false],
      ]);
      for (const r of recs) expect(r.reasons).toContain('region.unknown');
    });

    it('keeps the order transitive across several teams', () => {
      // In-region at 20 and 26, out-of-region at 15 and 9: 9 beats both (by > 10 over 20? 11 yes);
      // 15 loses to 20 (5 < 10) but beats 26 (11 > 10).
      const teams = [home(20), team('HOME2', 26), away_(15), team('AWAY2', 9, { regionId: 'r-gangnam' })];
      expect(callsigns(teams)).toEqual(['AWAY2', 'HOME', 'AWAY', 'HOME2']);
    });
  });

  describe('skills', () => {
    it('ranks teams with every needed skill first, even when slower and out of region', () => {
      const recs = recommendTeams(
        incident({ neededSkills: ['adolescent'] }),
        [team('FAST', 5), team('YOUTH', 35, { regionId: 'r-far', skills: ['adolescent', 'english'] })],
        options(),
      );
      expect(recs.map((r) => r.callsign)).toEqual(['YOUTH', 'FAST']);
      expect(recs[0].reasons).toContain('skill.match:adolescent');
      expect(recs[1].reasons).toContain('skill.missing:adolescent');
    });

    it('falls back to ETA when no team has every needed skill', () => {
      const needed: TeamSkill[] = ['adolescent', 'chinese'];
      const teams = [
        team('HALF-SLOW', 20, { skills: ['adolescent'] }),
        team('NONE-FAST', 5),
        team('HALF-MID', 10, { skills: ['chinese'] }),
      ];
      const recs = recommendTeams(incident({ neededSkills: needed }), teams, options());
      expect(recs.map((r) => r.callsign)).toEqual(['NONE-FAST', 'HALF-MID', 'HALF-SLOW']);
      expect(recs[0].reasons).toEqual(expect.arrayContaining(['skill.missing:adolescent', 'skill.missing:chinese']));
    });

    it('keeps the region margin inside a skill tier', () => {
      const teams = [
        team('SKILLED-AWAY', 12, { regionId: 'r-mapo', skills: ['elderly'] }),
        team('SKILLED-HOME', 20, { skills: ['elderly'] }),
        team('PLAIN-HOME', 3),
      ];
      expect(callsigns(teams, incident({ neededSkills: ['elderly'] }))).toEqual([
        'SKILLED-HOME',
        'SKILLED-AWAY',
        'PLAIN-HOME',
      ]);
    });

    it('lists each needed skill once even if asked twice', () => {
      const [rec] = recommendTeams(
        incident({ neededSkills: ['elderly', 'elderly'] }),
        [team('A', 5, { skills: ['elderly'] })],
        options(),
      );
      expect(rec.reasons.filter((r) => r.startsWith('skill.'))).toEqual(['skill.match:elderly']);
    });
  });

  describe('determinism', () => {
    it('breaks ETA ties by callsign whatever the input order', () => {
      const teams = [team('CHARLIE', 10), team('ALPHA', 10), team('BRAVO', 10), team('ALPHA2', 10)];
      const expected = ['ALPHA', 'ALPHA2', 'BRAVO', 'CHARLIE'];
      for (const order of [teams, [...teams].reverse(), [teams[2], teams[0], teams[3], teams[1]]]) {
        expect(callsigns(order)).toEqual(expected);
      }
      const recs = recommendTeams(incident(), teams, options());
      expect(recs.filter((r) => r.reasons.includes('eta.fastest'))).toHaveLength(4);
    });

    it('compares ETAs as displayed, so 10.04 and 10.01 min tie and go by callsign', () => {
      expect(callsigns([team('ZULU', 0, { base: away(10.01) }), team('ALPHA', 0, { base: away(10.04) })])).toEqual([
        'ALPHA',
        'ZULU',
      ]);
    });

    it('orders by code unit, not locale, and then by id for equal callsigns', () => {
      const lower = team('alpha', 10);
      const upper = team('Bravo', 10);
      expect(callsigns([lower, upper])).toEqual(['Bravo', 'alpha']);
      const a = { ...team('SAME', 10), id: 'b-id' };
      const b = { ...team('SAME', 10), id: 'a-id' };
      expect(recommendTeams(incident(), [a, b], options()).map((r) => r.teamId)).toEqual(['a-id', 'b-id']);
    });

    it('does not reorder or modify the caller’s array', () => {
      const teams = [team('B', 10), team('A', 5)];
      const snapshot = structuredClone(teams);
      recommendTeams(incident(), teams, options());
      expect(teams).toEqual(snapshot);
    });
  });

  describe('limit', () => {
    const teams = [team('D', 40), team('A', 10), team('C', 30), team('B', 20)];

    it('returns the best N', () => {
      expect(callsigns(teams, incident(), options({ limit: 2 }))).toEqual(['A', 'B']);
      expect(callsigns(teams, incident(), options({ limit: 10 }))).toEqual(['A', 'B', 'C', 'D']);
      expect(callsigns(teams, incident(), options({ limit: 0 }))).toEqual([]);
    });

    it('judges eta.fastest over every ranked team, not only the ones returned', () => {
      const recs = recommendTeams(
        incident({ neededSkills: ['elderly'] }),
        [team('SKILLED', 30, { skills: ['elderly'] }), team('FAST', 5)],
        options({ limit: 1 }),
      );
      expect(recs.map((r) => r.callsign)).toEqual(['SKILLED']);
      // eta.fastest is about all ranked teams, so the skilled team does not claim it.
      expect(recs[0].reasons).not.toContain('eta.fastest');
    });
  });

  it.each([
    [{ limit: -1 }],
    [{ limit: 1.5 }],
    [{ staleAfterMinutes: -1 }],
    [{ regionMarginMinutes: Number.NaN }],
    [{ regionMarginMinutes: { B: -5 } }],
    [{ now: new Date('not a date') }],
  ])('refuses bad options %o', (bad) => {
    expect(() => recommendTeams(incident(), [team('A', 5)], options(bad))).toThrow(RangeError);
  });
});

describe('recommendTeams with the straight-line router on Seoul coordinates', () => {
  const router = new StraightLineRouter();
  const gangnamIncident = incident({ location: { lat: 37.4979, lng: 127.0276 }, regionId: 'r-gangnam' });

  it('prefers the Gangnam team over a nearer Seocho team within the margin, and explains the ETA', () => {
    const gangnam = team('GANGNAM-1', 0, { regionId: 'r-gangnam', base: { lat: 37.5172, lng: 127.0473 } });
    const seocho = team('SEOCHO-1', 0, { regionId: 'r-seocho', base: { lat: 37.4837, lng: 127.0324 } });
    const jongno = team('JONGNO-1', 0, { regionId: 'r-jongno', base: { lat: 37.5735, lng: 126.9788 } });
    const recs = recommendTeams(gangnamIncident, [jongno, seocho, gangnam], options({ router }));
    expect(recs.map((r) => r.callsign)).toEqual(['GANGNAM-1', 'SEOCHO-1', 'JONGNO-1']);
    expect(recs[0].distanceKm).toBeGreaterThan(3.5);
    expect(recs[0].distanceKm).toBeLessThan(4.5);
    expect(recs[1].reasons).toContain('eta.fastest');
  });

  it('ranks 500 teams: only eligible ones, skill holders first, ETA order within them (speed is measured by npm run bench)', () => {
    const teams: CandidateTeam[] = Array.from({ length: 500 }, (_, i) =>
      team(`T-${String(i).padStart(3, '0')}`, 0, {
        regionId: `r-${i % 25}`,
        coveredRegionIds: [`r-${(i + 1) % 25}`],
        base: { lat: 37.45 + (i % 23) * 0.01, lng: 126.85 + (i % 29) * 0.01 },
        location:
          i % 3 === 0 ? { lat: 37.5 + (i % 7) * 0.01, lng: 127 + (i % 11) * 0.01, at: minutesAgo(i % 60) } : null,
        skills: i % 4 === 0 ? ['adolescent'] : [],
        status: i % 5 === 0 ? 'en-route' : 'available',
      }),
    );
    const inc = incident({ regionId: 'r-3', neededSkills: ['adolescent'], dangerToOthers: true });
    const opts = options({ router, limit: 10 });
    const recs = recommendTeams(inc, teams, { ...opts, limit: undefined });
    const eligible = teams.filter((t) => t.status === 'available' && t.onDuty && t.size >= 2);
    expect(recs).toHaveLength(eligible.length);
    const firstWithout = recs.findIndex((r) => !r.reasons.includes('skill.match:adolescent'));
    expect(recs.slice(firstWithout).every((r) => !r.reasons.includes('skill.match:adolescent'))).toBe(true);
    expect(recommendTeams(inc, teams, opts)).toEqual(recs.slice(0, 10));
  });
});
