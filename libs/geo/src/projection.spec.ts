import { haversineKm } from './distance.js';
import { LocalProjection } from './projection.js';

describe('LocalProjection', () => {
  const seoul = new LocalProjection({ lat: 37.55, lng: 126.99 });

  it('round-trips [lng, lat] through km', () => {
    const p: [number, number] = [127.0473, 37.5172];
    const back = seoul.unproject(seoul.project(p));
    expect(back[0]).toBeCloseTo(p[0], 12);
    expect(back[1]).toBeCloseTo(p[1], 12);
  });

  it('keeps city-scale distances within 0.1 % of the great circle', () => {
    const a = { lat: 37.6688, lng: 127.0471 };
    const b = { lat: 37.4519, lng: 126.8955 };
    const pa = seoul.projectLatLng(a);
    const pb = seoul.projectLatLng(b);
    const planar = Math.hypot(pa.x - pb.x, pa.y - pb.y);
    expect(Math.abs(planar / haversineKm(a, b) - 1)).toBeLessThan(0.001);
  });

  it('refuses a polar or non-finite origin', () => {
    expect(() => new LocalProjection({ lat: 89.5, lng: 0 })).toThrow(RangeError);
    expect(() => new LocalProjection({ lat: Number.NaN, lng: 0 })).toThrow(RangeError);
  });
});
