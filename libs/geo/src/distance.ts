import type { LatLng } from '#contracts';

/**
 * Mean Earth radius (IUGG R1) in km. A sphere is good to ~0.5 % against the ellipsoid, far inside the
 * uncertainty of any straight-line travel estimate built on top of it.
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points (haversine formula). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  // min() guards asin against a rounding overshoot just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
