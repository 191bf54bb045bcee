import { haversineKm } from './distance.js';
import { StraightLineRouter, type Router } from './eta.js';

describe('StraightLineRouter', () => {
  const cityHall = { lat: 37.5663, lng: 126.9779 };
  const gangnamStation = { lat: 37.4979, lng: 127.0276 };
  const straight = haversineKm(cityHall, gangnamStation);

  it('defaults to ×1.4 road factor, 30 km/h and 2 min turnout', () => {
    const router: Router = new StraightLineRouter();
    const { distanceKm, minutes } = router.estimate(cityHall, gangnamStation);
    expect(distanceKm).toBeCloseTo(straight * 1.4, 9);
    expect(minutes).toBeCloseTo(2 + ((straight * 1.4) / 30) * 60, 9);
    // ≈ 8.8 km straight → ≈ 12.3 km of road → ≈ 26.6 min.
    expect(minutes).toBeGreaterThan(26);
    expect(minutes).toBeLessThan(27);
  });

  it('takes its parameters from the constructor', () => {
    const router = new StraightLineRouter({ roadFactor: 1, speedKmh: 60, turnoutMinutes: 0 });
    const { distanceKm, minutes } = router.estimate(cityHall, gangnamStation);
    expect(distanceKm).toBeCloseTo(straight, 9);
    expect(minutes).toBeCloseTo(straight, 9); // 60 km/h: one minute per km
    expect(new StraightLineRouter({ turnoutMinutes: 5 }).estimate(cityHall, cityHall)).toEqual({
      distanceKm: 0,
      minutes: 5,
    });
  });

  it('is symmetric', () => {
    const router = new StraightLineRouter();
    expect(router.estimate(cityHall, gangnamStation)).toEqual(router.estimate(gangnamStation, cityHall));
  });

  it.each([
    [{ roadFactor: 0.9 }],
    [{ roadFactor: Number.NaN }],
    [{ speedKmh: 0 }],
    [{ speedKmh: -30 }],
    [{ speedKmh: Number.POSITIVE_INFINITY }],
    [{ turnoutMinutes: -1 }],
  ])('refuses %o at construction', (opts) => {
    expect(() => new StraightLineRouter(opts)).toThrow(RangeError);
  });
});
