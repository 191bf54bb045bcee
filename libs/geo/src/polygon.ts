import type { AreaGeometry, LatLng, Position } from '#contracts';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { LocalProjection } from './projection.js';

/** GeoJSON bounding box order (RFC 7946 §5): west, south, east, north. */
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The polygons of an area geometry, each as [exterior, ...holes]. */
export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Crossing-number test of one ring (closed or not) with a half-open rule, so that regions which share an
 * edge partition the plane: a point lying exactly on the shared edge is inside exactly one of them.
 *
 * Why it is exact rather than "usually right": every edge is oriented south→north before the crossing is
 * computed, so two polygons that walk a shared edge in opposite directions evaluate the same floating-point
 * expression and reach the same decision for it. The parities then sum to one across the pair. In exact
 * arithmetic the rule gives a border point to the region on its east side (to the north for an east–west
 * edge, whose crossings never count); in floating point it may go either way, but always the same way.
 */
function ringContains(ring: readonly Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    let lo = ring[j];
    let hi = ring[i];
    if (lo[1] > hi[1]) {
      const t = lo;
      lo = hi;
      hi = t;
    }
    // lo.lat <= lat < hi.lat: a vertex is counted for exactly one of its two edges, horizontal edges never.
    if (lo[1] <= lat && lat < hi[1]) {
      const crossLng = lo[0] + ((lat - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]);
      if (lng < crossLng) inside = !inside;
    }
  }
  return inside;
}

function polygonContains(rings: readonly Position[][], lng: number, lat: number): boolean {
  if (rings.length === 0 || !ringContains(rings[0], lng, lat)) return false;
  for (let h = 1; h < rings.length; h++) {
    // Holes use the same half-open rule, so an island region filling a hole takes exactly the border points
    // the holed region gives up.
    if (ringContains(rings[h], lng, lat)) return false;
  }
  return true;
}

/**
 * Whether a point lies in a Polygon (inside the exterior ring, outside every hole) or in any part of a
 * MultiPolygon. Positions are GeoJSON [lng, lat]; ring winding does not matter. Border points follow the
 * half-open rule described on `ringContains`, so adjacent regions never both claim a point.
 */
export function pointInGeometry(point: LatLng, g: AreaGeometry): boolean {
  for (const rings of polygonsOf(g)) {
    if (polygonContains(rings, point.lng, point.lat)) return true;
  }
  return false;
}

/** The [minLng, minLat, maxLng, maxLat] box of the geometry (@turf/bbox; holes lie inside the exterior rings). */
export function geometryBBox(g: AreaGeometry): BBox {
  const [minLng, minLat, maxLng, maxLat] = bbox(g);
  if (!(minLng <= maxLng)) throw new RangeError('geometryBBox: the geometry has no positions');
  return [minLng, minLat, maxLng, maxLat];
}

// Regions are usually loaded once and looked up many times, so boxes computed for callers that did not
// supply one are remembered per geometry object (and forgotten with it).
const bboxCache = new WeakMap<AreaGeometry, BBox>();

function cachedBBox(g: AreaGeometry): BBox {
  let box = bboxCache.get(g);
  if (!box) {
    box = geometryBBox(g);
    bboxCache.set(g, box);
  }
  return box;
}

/** A region as findRegion needs it; `bbox` is optional and computed (and cached) when missing. */
export interface LocatableRegion {
  id: string;
  geometry: AreaGeometry;
  bbox?: BBox | null;
}

/**
 * The region containing `point`, or null when it lies in none (outside the city, or in a sliver gap of
 * simplified boundaries). Candidates are prefiltered by bounding box, then tested exactly.
 *
 * Determinism on borders: a point on an edge shared by two regions whose boundaries use the same vertices
 * is inside exactly one of them (see `pointInGeometry`). If boundaries genuinely overlap (imperfect
 * source data), the matching region with the smallest `id` wins, so the answer never depends on the
 * order the regions were passed in.
 */
export function findRegion<T extends LocatableRegion>(point: LatLng, regions: readonly T[]): T | null {
  const { lat, lng } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  let found: T | null = null;
  for (const region of regions) {
    const box = region.bbox ?? cachedBBox(region.geometry);
    if (lng < box[0] || lng > box[2] || lat < box[1] || lat > box[3]) continue;
    if (found !== null && region.id >= found.id) continue;
    if (pointInGeometry(point, region.geometry)) found = region;
  }
  return found;
}

interface AreaMoments {
  areaKm2: number;
  momentX: number;
  momentY: number;
  projection: LocalProjection;
}

// Centroid moments: shoelace sums in a local km frame; exterior rings add, holes subtract, whatever their
// winding.
function areaMoments(g: AreaGeometry): AreaMoments {
  const projection = LocalProjection.around(geometryBBox(g));
  let areaKm2 = 0;
  let momentX = 0;
  let momentY = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, index) => {
      let a2 = 0;
      let mx6 = 0;
      let my6 = 0;
      const pts = ring.map((p) => projection.project(p));
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const cross = pts[j].x * pts[i].y - pts[i].x * pts[j].y;
        a2 += cross;
        mx6 += (pts[j].x + pts[i].x) * cross;
        my6 += (pts[j].y + pts[i].y) * cross;
      }
      // Normalise the ring's own winding away, then give holes the opposite sign.
      const sign = (a2 < 0 ? -1 : 1) * (index === 0 ? 1 : -1);
      areaKm2 += (sign * a2) / 2;
      momentX += (sign * mx6) / 6;
      momentY += (sign * my6) / 6;
    });
  }
  return { areaKm2, momentX, momentY, projection };
}

/**
 * Area in km² on a spherical Earth (@turf/area: Chamberlain & Duquette's spherical polygon area with the mean
 * radius), holes subtracted, parts added, winding ignored. Regions that partition an area add up to exactly that
 * area because shared edges cancel. For display and staffing ratios, not for cadastral use.
 */
export function geometryAreaKm2(g: AreaGeometry): number {
  return area(g) / 1e6;
}

/**
 * Area-weighted centroid (holes subtracted, MultiPolygon parts weighted by area). For a strongly concave
 * region it can fall outside the region, so use it to centre a map or label, not to geocode. A degenerate
 * geometry with no area falls back to the mean of its exterior vertices.
 */
export function geometryCentroid(g: AreaGeometry): LatLng {
  const { areaKm2, momentX, momentY, projection } = areaMoments(g);
  if (areaKm2 > 1e-12) {
    const [lng, lat] = projection.unproject({ x: momentX / areaKm2, y: momentY / areaKm2 });
    return { lat, lng };
  }
  let sumLng = 0;
  let sumLat = 0;
  let n = 0;
  for (const rings of polygonsOf(g)) {
    for (const [lng, lat] of rings[0] ?? []) {
      sumLng += lng;
      sumLat += lat;
      n++;
    }
  }
  return { lat: sumLat / n, lng: sumLng / n };
}
