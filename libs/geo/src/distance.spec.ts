import { EARTH_RADIUS_KM, haversineKm } from './distance.js';

describe('haversineKm', () => {
  const cityHall = { lat: 37.5663, lng: 126.9779 };
  const gangnamStation = { lat: 37.4979, lng: 127.0276 };

  it('gives Seoul City Hall ↔ Gangnam station ≈ 8.8 km', () => {
    const d = haversineKm(cityHall, gangnamStation);
    expect(d).toBeGreaterThan(8.6);
    expect(d).toBeLessThan(9.0);
  });

  it('reproduces the published Nashville BNA ↔ Los Angeles LAX reference value', () => {
    // Rosetta Code's haversine task: 2887.2599506071106 km on a sphere of radius 6372.8 km. Our radius
    // differs, and the great-circle distance scales linearly with it.
    const bna = { lat: 36.12, lng: -86.67 };
    const lax = { lat: 33.94, lng: -118.4 };
    expect((haversineKm(bna, lax) * 6372.8) / EARTH_RADIUS_KM).toBeCloseTo(2887.2599506071106, 6);
  });

  it('gives one degree of latitude as R·π/180 ≈ 111.195 km, anywhere', () => {
    expect(haversineKm({ lat: 37, lng: 127 }, { lat: 38, lng: 127 })).toBeCloseTo(111.195, 3);
    expect(haversineKm({ lat: -10, lng: 5 }, { lat: -9, lng: 5 })).toBeCloseTo(111.195, 3);
  });

  it('shrinks a degree of longitude by cos(latitude)', () => {
    const d = haversineKm({ lat: 37.5, lng: 127 }, { lat: 37.5, lng: 127.01 });
    expect(d).toBeCloseTo(1.11195 * Math.cos((37.5 * Math.PI) / 180), 4);
  });

  it('is zero for the same point, symmetric, and finite for antipodes', () => {
    expect(haversineKm(cityHall, cityHall)).toBe(0);
    expect(haversineKm(cityHall, gangnamStation)).toBe(haversineKm(gangnamStation, cityHall));
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('handles the antimeridian (179.9°E ↔ 179.9°W is short)', () => {
    expect(haversineKm({ lat: 0, lng: 179.9 }, { lat: 0, lng: -179.9 })).toBeCloseTo(22.239, 2);
  });
});
