import { distance } from '@turf/distance';
import type { LatLng } from '#contracts';

/**
 * Mean Earth radius (IUGG R1) in km. A sphere is good to ~0.5 % against the ellipsoid, far inside the
 * uncertainty of any straight-line travel estimate built on top of it.
 */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two WGS84 points (@turf/distance: the haversine formula, mean radius). */
export function haversineKm(a: LatLng, b: LatLng): number {
  return distance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' });
}
