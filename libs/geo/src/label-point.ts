import type { AreaGeometry, LatLng } from '#contracts';
import { geometryBBox, geometryCentroid, pointInGeometry, polygonsOf } from './polygon.js';

const SCAN_LINES = 24;

/** Longitudes where the horizontal line at `lat` crosses the geometry's rings, sorted (holes included). */
function crossings(g: AreaGeometry, lat: number): number[] {
  const xs: number[] = [];
  for (const rings of polygonsOf(g)) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [lo, hi] = ring[j][1] <= ring[i][1] ? [ring[j], ring[i]] : [ring[i], ring[j]];
        // Half-open, as in point-in-polygon: a vertex counts for one of its edges, a horizontal edge for none.
        if (lo[1] <= lat && lat < hi[1]) xs.push(lo[0] + ((lat - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]));
      }
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A point inside the region to put its name on, or to stand for the whole district when only the district is
 * known: the centroid when it lies inside, else the middle of the widest inside stretch of a few horizontal lines
 * across the region (a crescent's or a C-shaped district's centroid lies outside it).
 */
export function labelPoint(g: AreaGeometry): LatLng {
  const centroid = geometryCentroid(g);
  if (pointInGeometry(centroid, g)) return centroid;
  const [, minLat, , maxLat] = geometryBBox(g);
  let best: LatLng | null = null;
  let bestWidth = -1;
  for (let k = 0; k < SCAN_LINES; k++) {
    const lat = minLat + ((maxLat - minLat) * (k + 0.5)) / SCAN_LINES;
    const xs = crossings(g, lat);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1] - xs[i];
      const mid = { lat, lng: (xs[i] + xs[i + 1]) / 2 };
      if (width > bestWidth && pointInGeometry(mid, g)) {
        best = mid;
        bestWidth = width;
      }
    }
  }
  return best ?? centroid;
}
