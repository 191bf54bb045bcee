import { bufferedHull, findRegion, geometryBBox, voronoiCells, type BBox } from '#geo';
import { SEOUL_DISTRICTS } from '../../apps/api/src/seed/seoul-data.js';
import { seededRandom } from '../../apps/api/src/cli/simulate/seeded-random.js';
import { percentile, printTable } from './common.js';

// 5. Region lookup (libs/geo findRegion): which district a point lies in, asked for every new incident, every
// team position and every client address. The regions are the demo's 25 Seoul districts built the way the seed
// builds them. The floor is the bounding-box prefilter alone over the same regions and points: the part of the
// lookup no exact point-in-polygon test can avoid.

const POINTS = 200_000;
const BATCH = 1_000;

export interface RegionLookupRow {
  scenario: string;
  lookups: number;
  nsPerLookupP50: number;
  nsPerLookupP99: number;
  lookupsPerSecond: number;
  vertices: number;
}

function timeBatches(
  points: readonly { lat: number; lng: number }[],
  lookup: (p: { lat: number; lng: number }) => unknown,
) {
  const perBatch: number[] = [];
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let b = 0; b < points.length; b += BATCH) {
    const t0 = process.hrtime.bigint();
    for (let i = b; i < b + BATCH && i < points.length; i++) if (lookup(points[i]) !== null) sink++;
    perBatch.push(Number(process.hrtime.bigint() - t0) / BATCH);
  }
  const wallNs = Number(process.hrtime.bigint() - start);
  // The sink keeps the optimiser from dropping the lookups.
  if (sink < 0) throw new Error('unreachable');
  perBatch.sort((a, b) => a - b);
  return { p50: percentile(perBatch, 50), p99: percentile(perBatch, 99), perSecond: (points.length / wallNs) * 1e9 };
}

export function benchRegionLookup(): RegionLookupRow[] {
  const offices = SEOUL_DISTRICTS.map((d) => d.office);
  const cells = voronoiCells(offices, bufferedHull(offices, 3.5));
  const regions = cells.map((geometry, i) => ({
    id: String(i).padStart(2, '0'),
    geometry,
    bbox: geometryBBox(geometry),
  }));
  const vertices = cells.reduce((n, c) => n + (c.coordinates[0]?.length ?? 0), 0);
  const [west, south, east, north] = regions.reduce<BBox>(
    (acc, r) => [
      Math.min(acc[0], r.bbox[0]),
      Math.min(acc[1], r.bbox[1]),
      Math.max(acc[2], r.bbox[2]),
      Math.max(acc[3], r.bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const random = seededRandom(20261130);
  const points = Array.from({ length: POINTS }, () => ({
    lat: south + random() * (north - south),
    lng: west + random() * (east - west),
  }));

  const boxesOnly = (p: { lat: number; lng: number }): string | null => {
    let found: string | null = null;
    for (const r of regions) {
      const box = r.bbox;
      if (p.lng < box[0] || p.lng > box[2] || p.lat < box[1] || p.lat > box[3]) continue;
      if (found === null || r.id < found) found = r.id;
    }
    return found;
  };
  // Warm both paths so the JIT has compiled them before anything is timed.
  timeBatches(points.slice(0, 20_000), boxesOnly);
  timeBatches(points.slice(0, 20_000), (p) => findRegion(p, regions));
  const floor = timeBatches(points, boxesOnly);
  const lookup = timeBatches(points, (p) => findRegion(p, regions));
  const rows: RegionLookupRow[] = [
    { scenario: 'floor: bounding boxes only', lookups: POINTS, ...row(floor), vertices },
    { scenario: 'findRegion (boxes + exact test)', lookups: POINTS, ...row(lookup), vertices },
  ];
  printTable(
    `5. Region lookup: ${POINTS.toLocaleString('en')} seeded points over the ${regions.length} demo districts (${vertices} vertices), ns per lookup in batches of ${BATCH}`,
    ['scenario', 'lookups', 'p50 ns', 'p99 ns', 'lookups/s'],
    rows.map((r) => [
      r.scenario,
      String(r.lookups),
      r.nsPerLookupP50.toFixed(0),
      r.nsPerLookupP99.toFixed(0),
      r.lookupsPerSecond.toFixed(0),
    ]),
  );
  return rows;
}

function row(t: { p50: number; p99: number; perSecond: number }) {
  return { nsPerLookupP50: t.p50, nsPerLookupP99: t.p99, lookupsPerSecond: t.perSecond };
}
