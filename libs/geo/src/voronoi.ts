import type { LatLng, PolygonGeometry, Position } from '#contracts';
import { LocalProjection, signedArea2, type PlanarPoint } from './projection.js';

// APPROXIMATE DEMO REGIONS. Everything in this file exists to draw plausible-looking service areas for demo
// data when no official boundaries have been imported: a district office's Voronoi cell is NOT its legal
// district, and a buffered hull is NOT the city limit. Real deployments import official boundaries through
// POST /regions/import (see geojson-import.ts).

// ~1 cm at Seoul: far below anything a map shows, and it keeps the JSON small.
const DECIMALS = 1e7;
const round = (v: number): number => Math.round(v * DECIMALS) / DECIMALS;

function assertFinitePoint(p: LatLng, what: string): void {
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) throw new RangeError(`${what} must have finite lat and lng`);
}

// Rounded and closed. Winding is preserved (unprojection keeps both axes' directions).
function closeRing(positions: readonly Position[]): Position[] {
  const ring = positions.map(([lng, lat]): Position => [round(lng), round(lat)]);
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

// Consecutive vertices closer than this (km) are one vertex; clipping produces them when a bisector passes
// through an existing vertex.
const SAME_VERTEX_KM = 1e-9;

function dropRepeats(points: PlanarPoint[]): PlanarPoint[] {
  const out: PlanarPoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last.x - p.x) > SAME_VERTEX_KM || Math.abs(last.y - p.y) > SAME_VERTEX_KM) out.push(p);
  }
  while (out.length > 1) {
    const first = out[0];
    const last = out[out.length - 1];
    if (Math.abs(last.x - first.x) > SAME_VERTEX_KM || Math.abs(last.y - first.y) > SAME_VERTEX_KM) break;
    out.pop();
  }
  return out;
}

/**
 * One Sutherland–Hodgman pass: keeps the part of `poly` where p·n <= c. Clipping against a half-plane (a
 * convex region) is exact for any simple subject polygon; a concave subject split into several pieces comes
 * back as one ring joined by zero-width edges, which still contains exactly the right points.
 */
function clipHalfPlane(poly: readonly PlanarPoint[], nx: number, ny: number, c: number): PlanarPoint[] {
  const out: PlanarPoint[] = [];
  if (poly.length === 0) return out;
  let prev = poly[poly.length - 1];
  let fPrev = prev.x * nx + prev.y * ny - c;
  for (const cur of poly) {
    const fCur = cur.x * nx + cur.y * ny - c;
    if (fCur <= 0) {
      if (fPrev > 0) out.push(intersect(prev, cur, fPrev, fCur));
      out.push(cur);
    } else if (fPrev <= 0) {
      out.push(intersect(prev, cur, fPrev, fCur));
    }
    prev = cur;
    fPrev = fCur;
  }
  return out;
}

function intersect(a: PlanarPoint, b: PlanarPoint, fa: number, fb: number): PlanarPoint {
  const t = fa / (fa - fb);
  return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
}

/**
 * APPROXIMATE demo regions: the Voronoi cell of each site inside `outline`, i.e. the part of the outline
 * closer to that site than to any other. Built by clipping the outline with the perpendicular-bisector
 * half-plane against every other site (Sutherland–Hodgman), in a local equirectangular km frame so the
 * bisectors are true perpendicular bisectors at Seoul's latitude rather than skewed ones in degrees.
 *
 * `outline` is a ring of [lng, lat] (closed or not, any winding). A convex outline (see `bufferedHull`)
 * gives clean cells; a concave one is supported but may give cells with zero-width seams.
 * Returns one Polygon per site, in site order, each a closed counter-clockwise ring (RFC 7946). A site
 * whose cell misses the outline entirely (it lies outside, behind nearer sites) gets an empty Polygon
 * (`coordinates: []`, which RFC 7946 lets readers treat as null). Duplicate sites are refused: they would
 * have to share one cell. Cost is O(sites² × vertices), fine for the tens of districts of a city.
 */
export function voronoiCells(sites: readonly LatLng[], outline: readonly Position[]): PolygonGeometry[] {
  sites.forEach((s, i) => assertFinitePoint(s, `voronoiCells: sites[${i}]`));
  const seen = new Map<string, number>();
  sites.forEach((s, i) => {
    const key = `${s.lat},${s.lng}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new RangeError(`voronoiCells: sites[${i}] duplicates sites[${earlier}]`);
    seen.set(key, i);
  });
  if (sites.length === 0) return [];

  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const [lng, lat] of outline) {
    if (!Number.isFinite(lng) || !Number.isFinite(lat))
      throw new RangeError('voronoiCells: outline has a non-finite position');
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const projection = LocalProjection.around([minLng, minLat, maxLng, maxLat]);
  let boundary = dropRepeats(outline.map((p) => projection.project(p)));
  if (boundary.length < 3 || Math.abs(signedArea2(boundary)) < 1e-12) {
    throw new RangeError('voronoiCells: outline must be a ring with at least three distinct positions and some area');
  }
  if (signedArea2(boundary) < 0) boundary = boundary.reverse();

  const planarSites = sites.map((s) => projection.projectLatLng(s));
  return planarSites.map((si, i): PolygonGeometry => {
    let cell: PlanarPoint[] = boundary;
    const si2 = si.x * si.x + si.y * si.y;
    for (let j = 0; j < planarSites.length && cell.length > 0; j++) {
      if (j === i) continue;
      const sj = planarSites[j];
      // |p - si|² <= |p - sj|²  ⇔  p·(sj - si) <= (|sj|² - |si|²) / 2
      cell = clipHalfPlane(cell, sj.x - si.x, sj.y - si.y, (sj.x * sj.x + sj.y * sj.y - si2) / 2);
    }
    cell = dropRepeats(cell);
    if (cell.length < 3 || signedArea2(cell) <= 1e-12) return { type: 'Polygon', coordinates: [] };
    return { type: 'Polygon', coordinates: [closeRing(cell.map((p) => projection.unproject(p)))] };
  });
}

// Andrew's monotone chain: counter-clockwise hull without collinear or repeated points.
function convexHull(points: readonly PlanarPoint[]): PlanarPoint[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: PlanarPoint, a: PlanarPoint, b: PlanarPoint): number =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: PlanarPoint[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: PlanarPoint[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  const hull = lower.concat(upper);
  // All points identical: the chains collapse to nothing, the hull is that single point.
  return hull.length > 0 ? hull : [sorted[0]];
}

export interface BufferedHullOptions {
  /** Largest angle one arc segment of a rounded corner may span, in degrees (default 15). */
  maxSegmentDegrees?: number;
}

/**
 * APPROXIMATE demo city outline: the convex hull of `points` grown outward by `km` with rounded corners
 * (the Minkowski sum of the hull and a disc, i.e. the union of discs of radius `km` around the hull).
 * Each corner's arc is approximated by a polygon circumscribed about the true arc, so every place within
 * `km` of the hull — and hence of any point — is inside the result; the outline overshoots by at most
 * km × (1/cos(maxSegment/2) − 1), about 0.9 % at the default 15°.
 * Returns a closed counter-clockwise ring of [lng, lat]. One point gives a circle, two a stadium.
 */
export function bufferedHull(points: readonly LatLng[], km: number, opts: BufferedHullOptions = {}): Position[] {
  if (points.length === 0) throw new RangeError('bufferedHull: needs at least one point');
  points.forEach((p, i) => assertFinitePoint(p, `bufferedHull: points[${i}]`));
  if (!Number.isFinite(km) || km <= 0) throw new RangeError(`bufferedHull: km must be a positive number, got ${km}`);
  const maxStepDeg = opts.maxSegmentDegrees ?? 15;
  if (!Number.isFinite(maxStepDeg) || maxStepDeg <= 0 || maxStepDeg >= 90) {
    throw new RangeError(`bufferedHull: maxSegmentDegrees must be in (0, 90), got ${maxStepDeg}`);
  }
  const maxStep = (maxStepDeg * Math.PI) / 180;

  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    minLng = Math.min(minLng, p.lng);
    maxLng = Math.max(maxLng, p.lng);
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
  }
  const projection = LocalProjection.around([minLng, minLat, maxLng, maxLat]);
  const hull = convexHull(points.map((p) => projection.projectLatLng(p)));

  const out: Position[] = [];
  // Vertices where consecutive tangents of the arc meet: at the middle angle, radius km / cos(half step).
  // Each corner is drawn in a frame centred on its own hull point, so the margin is km there to within
  // metres even at the far edges of a large hull; only the directions come from the shared frame.
  const arc = (centre: PlanarPoint, from: number, sweep: number): void => {
    const [lng, lat] = projection.unproject(centre);
    const local = new LocalProjection({ lat, lng });
    const n = Math.max(1, Math.ceil(sweep / maxStep - 1e-9));
    const step = sweep / n;
    const radius = km / Math.cos(step / 2);
    for (let k = 0; k < n; k++) {
      const a = from + (k + 0.5) * step;
      out.push(local.unproject({ x: radius * Math.cos(a), y: radius * Math.sin(a) }));
    }
  };
  // Angle of the outward normal of the edge a→b of a counter-clockwise ring: the direction rotated −90°.
  const normalAngle = (a: PlanarPoint, b: PlanarPoint): number => Math.atan2(-(b.x - a.x), b.y - a.y);

  if (hull.length === 1) {
    arc(hull[0], 0, 2 * Math.PI);
  } else {
    const m = hull.length;
    for (let i = 0; i < m; i++) {
      const prev = hull[(i - 1 + m) % m];
      const cur = hull[i];
      const next = hull[(i + 1) % m];
      const from = normalAngle(prev, cur);
      let sweep = normalAngle(cur, next) - from;
      // A convex counter-clockwise ring only turns left, so the normal sweeps counter-clockwise (by π at
      // the two ends of a two-point "hull").
      while (sweep <= 0) sweep += 2 * Math.PI;
      arc(cur, from, sweep);
    }
  }
  return closeRing(out);
}
