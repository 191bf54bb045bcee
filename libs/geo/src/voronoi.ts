import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { Delaunay } from 'd3-delaunay';
import type { AreaGeometry, LatLng, Position } from '#contracts';
import { LocalProjection, type PlanarPoint } from './projection.js';

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

// Rounded and closed (a closing duplicate in the input is dropped first). Winding is preserved: unprojection
// keeps both axes' directions.
function closeRing(positions: readonly Position[]): Position[] {
  const ring = closedRing(positions).map(([lng, lat]): Position => [round(lng), round(lat)]);
  ring[ring.length - 1] = [ring[0][0], ring[0][1]];
  return ring;
}

function closedRing(positions: readonly Position[]): Position[] {
  const ring = positions.map(([lng, lat]): Position => [lng, lat]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

const toXY = (p: PlanarPoint): [number, number] => [p.x, p.y];

/**
 * APPROXIMATE demo regions: the Voronoi cell of each site inside `outline`, i.e. the part of the outline
 * closer to that site than to any other. The diagram comes from d3-delaunay (Delaunator's triangulation, cells
 * from the circumcentres), computed in a local equirectangular km frame so the bisectors are true perpendicular
 * bisectors at the city's latitude rather than skewed ones in degrees; each cell is then clipped to the outline
 * with @turf/intersect.
 *
 * `outline` is a ring of [lng, lat] (closed or not, any winding), convex (see `bufferedHull`) or concave.
 * Returns one geometry per site, in site order, with closed counter-clockwise exterior rings (RFC 7946): a
 * Polygon, or a MultiPolygon where a concave outline cuts a cell in pieces. A site whose cell misses the outline
 * entirely (it lies outside, behind nearer sites) gets an empty Polygon (`coordinates: []`, which RFC 7946 lets
 * readers treat as null). Duplicate sites are refused: they would have to share one cell.
 */
export function voronoiCells(sites: readonly LatLng[], outline: readonly Position[]): AreaGeometry[] {
  sites.forEach((s, i) => assertFinitePoint(s, `voronoiCells: sites[${i}]`));
  const seen = new Map<string, number>();
  sites.forEach((s, i) => {
    const key = `${s.lat},${s.lng}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new RangeError(`voronoiCells: sites[${i}] duplicates sites[${earlier}]`);
    seen.set(key, i);
  });
  if (sites.length === 0) return [];
  if (outline.some(([lng, lat]) => !Number.isFinite(lng) || !Number.isFinite(lat))) {
    throw new RangeError('voronoiCells: outline has a non-finite position');
  }
  const outlineRing = closedRing(outline);
  if (outlineRing.length < 4 || area({ type: 'Polygon', coordinates: [outlineRing] }) < 1) {
    throw new RangeError('voronoiCells: outline must be a ring with at least three distinct positions and some area');
  }

  const box = bbox({ type: 'Polygon', coordinates: [outlineRing] });
  const projection = LocalProjection.around([box[0], box[1], box[2], box[3]]);
  const planarOutline = polygon([outlineRing.map((p) => toXY(projection.project(p)))]);
  const sw = projection.project([box[0], box[1]]);
  const ne = projection.project([box[2], box[3]]);
  const diagram = Delaunay.from(sites.map((s) => toXY(projection.projectLatLng(s)))).voronoi([sw.x, sw.y, ne.x, ne.y]);

  return sites.map((_, i): AreaGeometry => {
    const cell = diagram.cellPolygon(i) as [number, number][] | null;
    const clipped = cell && intersect(featureCollection([polygon([cell]), planarOutline]));
    const parts = clipped
      ? clipped.geometry.type === 'Polygon'
        ? [clipped.geometry.coordinates]
        : clipped.geometry.coordinates
      : [];
    const back = parts.map((rings) =>
      rings.map((ring) => closeRing(ring.map(([x, y]) => projection.unproject({ x, y })))),
    );
    if (back.length === 0) return { type: 'Polygon', coordinates: [] };
    return back.length === 1 ? { type: 'Polygon', coordinates: back[0] } : { type: 'MultiPolygon', coordinates: back };
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
