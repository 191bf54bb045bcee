import { hasFreeBed, rankHospitals, type HospitalCandidate } from './hospitals.js';

const at = { lat: 37.5665, lng: 126.978 };
const h = (agencyId: string, lat: number, bedsAvailable: number | null, accepting: boolean): HospitalCandidate => ({
  agencyId,
  name: `Hospital ${agencyId}`,
  location: { lat, lng: 126.978 },
  bedsAvailable,
  accepting,
  bedsUpdatedAt: null,
});

describe('rankHospitals', () => {
  it('puts hospitals accepting with free beds first, then orders by distance', () => {
    const ranked = rankHospitals(at, [
      h('near-full', 37.57, 0, true),
      h('far-free', 37.7, 2, true),
      h('near-closed', 37.568, 5, false),
      h('mid-free', 37.6, 1, true),
      h('unknown', 37.569, null, true),
    ]);
    expect(ranked.map((r) => r.agencyId)).toEqual(['mid-free', 'far-free', 'near-closed', 'unknown', 'near-full']);
    expect(ranked[0].distanceKm).toBeCloseTo(3.7, 1);
  });

  it('counts a hospital as having a free bed only when it accepts and reports beds', () => {
    expect(hasFreeBed({ accepting: true, bedsAvailable: 1 })).toBe(true);
    expect(hasFreeBed({ accepting: false, bedsAvailable: 3 })).toBe(false);
    expect(hasFreeBed({ accepting: true, bedsAvailable: 0 })).toBe(false);
    expect(hasFreeBed({ accepting: true, bedsAvailable: null })).toBe(false);
  });
});
