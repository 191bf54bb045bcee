import type { AreaGeometry, LatLng, PolygonGeometry, Position } from '#contracts';
import { haversineKm } from './distance.js';
import { geometryAreaKm2, geometryBBox, pointInGeometry } from './polygon.js';
import { LocalProjection } from './projection.js';
import { bufferedHull, voronoiCells } from './voronoi.js';

// The 25 Seoul district offices (public facts, copied from shared/data/seoul-districts.csv).
const OFFICES: Array<{ name: string } & LatLng> = [
  { name: 'Jongno-gu', lat: 37.5735, lng: 126.9788 },
  { name: 'Jung-gu', lat: 37.5641, lng: 126.9979 },
  { name: 'Yongsan-gu', lat: 37.5326, lng: 126.9905 },
  { name: 'Seongdong-gu', lat: 37.5634, lng: 127.0368 },
  { name: 'Gwangjin-gu', lat: 37.5385, lng: 127.0823 },
  { name: 'Dongdaemun-gu', lat: 37.5744, lng: 127.0399 },
  { name: 'Jungnang-gu', lat: 37.6063, lng: 127.0926 },
  { name: 'Seongbuk-gu', lat: 37.5894, lng: 127.0167 },
  { name: 'Gangbuk-gu', lat: 37.6397, lng: 127.0256 },
  { name: 'Dobong-gu', lat: 37.6688, lng: 127.0471 },
  { name: 'Nowon-gu', lat: 37.6542, lng: 127.0568 },
  { name: 'Eunpyeong-gu', lat: 37.6027, lng: 126.9291 },
  { name: 'Seodaemun-gu', lat: 37.5791, lng: 126.9368 },
  { name: 'Mapo-gu', lat: 37.5663, lng: 126.9019 },
  { name: 'Yangcheon-gu', lat: 37.517, lng: 126.8664 },
  { name: 'Gangseo-gu', lat: 37.5509, lng: 126.8495 },
  { name: 'Guro-gu', lat: 37.4954, lng: 126.8874 },
  { name: 'Geumcheon-gu', lat: 37.4519, lng: 126.8955 },
  { name: 'Yeongdeungpo-gu', lat: 37.5264, lng: 126.8962 },
  { name: 'Dongjak-gu', lat: 37.5124, lng: 126.9393 },
  { name: 'Gwanak-gu', lat: 37.4784, lng: 126.9516 },
  { name: 'Seocho-gu', lat: 37.4837, lng: 127.0324 },
  { name: 'Gangnam-gu', lat: 37.5172, lng: 127.0473 },
  { name: 'Songpa-gu', lat: 37.5145, lng: 127.1059 },
  { name: 'Gangdong-gu', lat: 37.5301, lng: 127.1238 },
];

// Twice the signed area in degrees; positive for counter-clockwise (RFC 7946 exterior) rings.
const signedArea2 = (ring: readonly Position[]): number => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
};

const expectValidRing = (ring: readonly Position[]): void => {
  expect(ring.length).toBeGreaterThanOrEqual(4);
  expect(ring[ring.length - 1]).toEqual(ring[0]);
  expect(signedArea2(ring)).toBeGreaterThan(0);
  for (const [lng, lat] of ring) {
    expect(Number.isFinite(lng) && Number.isFinite(lat)).toBe(true);
  }
};

// The ring of a cell that must be a one-ring Polygon (a convex outline never cuts a cell in pieces).
const ringOf = (cell: AreaGeometry): Position[] => {
  if (cell.type !== 'Polygon') throw new Error(`expected a Polygon, got a ${cell.type}`);
  return cell.coordinates[0] ?? [];
};

// Samples an irrational-ish offset grid so no sample sits exactly on a computed cell edge.
function gridOver(ring: readonly Position[], steps: number): LatLng[] {
  const [w, s, e, n] = geometryBBox({ type: 'Polygon', coordinates: [ring as Position[]] });
  const out: LatLng[] = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      out.push({
        lng: w - 0.01 + ((e - w + 0.02) * (i + 0.5 + Math.SQRT2 / 10)) / steps,
        lat: s - 0.01 + ((n - s + 0.02) * (j + 0.5 + Math.PI / 20)) / steps,
      });
    }
  }
  return out;
}

describe('voronoiCells over the 25 Seoul district offices', () => {
  const outline = bufferedHull(OFFICES, 4);
  const outlineGeometry: PolygonGeometry = { type: 'Polygon', coordinates: [outline] };
  const cells = voronoiCells(OFFICES, outline);

  it('returns one valid closed counter-clockwise cell per office, in order', () => {
    expect(cells).toHaveLength(25);
    for (const cell of cells) {
      expect(cell.type).toBe('Polygon');
      expect(cell.coordinates).toHaveLength(1);
      expectValidRing(ringOf(cell));
    }
  });

  it('puts each office in its own cell and in no other', () => {
    OFFICES.forEach((office, i) => {
      const holders = cells.flatMap((cell, j) => (pointInGeometry(office, cell) ? [j] : []));
      expect({ office: office.name, holders }).toEqual({ office: office.name, holders: [i] });
    });
  });

  it('partitions the outline: every sample inside lies in exactly one cell, every sample outside in none', () => {
    let inside = 0;
    for (const p of gridOver(outline, 120)) {
      const holders = cells.filter((cell) => pointInGeometry(p, cell)).length;
      if (pointInGeometry(p, outlineGeometry)) {
        inside++;
        expect(holders).toBe(1);
      } else {
        expect(holders).toBe(0);
      }
    }
    expect(inside).toBeGreaterThan(5000);
  });

  it('assigns every sample to its nearest office by great-circle distance (the bisectors are right at 37.5°N)', () => {
    for (const p of gridOver(outline, 60)) {
      const owner = cells.findIndex((cell) => pointInGeometry(p, cell));
      if (owner < 0) continue;
      const nearest = Math.min(...OFFICES.map((o) => haversineKm(p, o)));
      // 10 m: the equirectangular frame's distortion across the city, far below the ~100s of metres a
      // bisector drawn in raw degrees would be off by.
      expect(haversineKm(p, OFFICES[owner])).toBeLessThan(nearest + 0.01);
    }
  });

  it('places every cell vertex no nearer to another office than to its own', () => {
    cells.forEach((cell, i) => {
      for (const [lng, lat] of ringOf(cell)) {
        const v = { lat, lng };
        const own = haversineKm(v, OFFICES[i]);
        for (const other of OFFICES) expect(own).toBeLessThan(haversineKm(v, other) + 0.01);
      }
    });
  });

  it('covers the outline: the cell areas add up to the outline area', () => {
    const total = cells.reduce((sum, cell) => sum + geometryAreaKm2(cell), 0);
    // Not bit-exact: cells split outline edges at points straight in lng/lat but the area formula works in
    // (lng, sin lat), and vertices are rounded to 1e-7°. A gap or overlap would be ≥ 1e-3 here.
    expect(total / geometryAreaKm2(outlineGeometry)).toBeCloseTo(1, 4);
  });
});

describe('voronoiCells, small cases', () => {
  const square: Position[] = [
    [126.9, 37.5],
    [127.1, 37.5],
    [127.1, 37.6],
    [126.9, 37.6],
    [126.9, 37.5],
  ];

  it('gives a single site the whole outline, rewound counter-clockwise if needed', () => {
    const [cell] = voronoiCells([{ lat: 37.55, lng: 127.0 }], [...square].reverse());
    expectValidRing(ringOf(cell));
    expect(geometryAreaKm2(cell)).toBeCloseTo(geometryAreaKm2({ type: 'Polygon', coordinates: [square] }), 6);
  });

  it('splits two sites on one parallel along the meridian half-way between them', () => {
    const cells = voronoiCells(
      [
        { lat: 37.55, lng: 126.95 },
        { lat: 37.55, lng: 127.05 },
      ],
      square,
    );
    expect(pointInGeometry({ lat: 37.59, lng: 126.9999 }, cells[0])).toBe(true);
    expect(pointInGeometry({ lat: 37.51, lng: 127.0001 }, cells[1])).toBe(true);
    expect(geometryAreaKm2(cells[0])).toBeCloseTo(geometryAreaKm2(cells[1]), 3);
  });

  it('bisects at the true (km) perpendicular for diagonal sites, not the degree-space one', () => {
    const a = { lat: 37.52, lng: 126.95 };
    const b = { lat: 37.58, lng: 127.05 };
    const cells = voronoiCells([a, b], square);
    // Every vertex that is not a corner of the square was made by the bisector, so it must be equidistant.
    const corners = new Set(square.map((p) => p.join(',')));
    const made = ringOf(cells[0]).filter((p) => !corners.has(p.join(',')));
    expect(made.length).toBeGreaterThanOrEqual(2);
    for (const [lng, lat] of made) {
      expect(Math.abs(haversineKm({ lat, lng }, a) - haversineKm({ lat, lng }, b))).toBeLessThan(0.005);
    }
  });

  it('leaves an empty polygon for a site whose cell misses the outline', () => {
    const cells = voronoiCells(
      [
        { lat: 37.55, lng: 127.0 },
        { lat: 37.55, lng: 128.5 },
      ],
      square,
    );
    expect(cells[1]).toEqual({ type: 'Polygon', coordinates: [] });
    expect(geometryAreaKm2(cells[0])).toBeCloseTo(geometryAreaKm2({ type: 'Polygon', coordinates: [square] }), 6);
  });

  it('still partitions a concave outline', () => {
    const ell: Position[] = [
      [126.9, 37.5],
      [127.1, 37.5],
      [127.1, 37.54],
      [126.94, 37.54],
      [126.94, 37.6],
      [126.9, 37.6],
      [126.9, 37.5],
    ];
    const sites = [
      { lat: 37.58, lng: 126.92 },
      { lat: 37.52, lng: 127.08 },
      { lat: 37.52, lng: 126.96 },
    ];
    const cells = voronoiCells(sites, ell);
    const outlineGeometry: PolygonGeometry = { type: 'Polygon', coordinates: [ell] };
    for (const p of gridOver(ell, 50)) {
      const holders = cells.filter((cell) => pointInGeometry(p, cell)).length;
      expect(holders).toBe(pointInGeometry(p, outlineGeometry) ? 1 : 0);
    }
  });

  it('returns nothing for no sites and refuses bad input', () => {
    expect(voronoiCells([], square)).toEqual([]);
    expect(() =>
      voronoiCells(
        [
          { lat: 37.55, lng: 127 },
          { lat: 37.55, lng: 127 },
        ],
        square,
      ),
    ).toThrow(/sites\[1\] duplicates sites\[0\]/);
    expect(() => voronoiCells([{ lat: Number.NaN, lng: 127 }], square)).toThrow(RangeError);
    expect(() =>
      voronoiCells(
        [{ lat: 37.55, lng: 127 }],
        [
          [126.9, 37.5],
          [127.1, 37.5],
          [126.9, 37.5],
        ],
      ),
    ).toThrow(/at least three/);
    expect(() =>
      voronoiCells(
        [{ lat: 37.55, lng: 127 }],
        [
          [126.9, 37.5],
          [Number.POSITIVE_INFINITY, 37.5],
          [127, 37.6],
          [126.9, 37.5],
        ],
      ),
    ).toThrow(RangeError);
  });
});

describe('bufferedHull', () => {
  // A point `km` from `p` in direction `angle` (radians from east), via the same local frame the code uses.
  const offset = (p: LatLng, km: number, angle: number): LatLng => {
    const projection = new LocalProjection(p);
    const [lng, lat] = projection.unproject({ x: km * Math.cos(angle), y: km * Math.sin(angle) });
    return { lat, lng };
  };

  it('contains every office with a margin of km all round, and overshoots by at most ~1 %', () => {
    const km = 3;
    const outline = bufferedHull(OFFICES, km);
    expectValidRing(outline);
    const g: PolygonGeometry = { type: 'Polygon', coordinates: [outline] };
    for (const office of OFFICES) {
      for (let k = 0; k < 36; k++)
        expect(pointInGeometry(offset(office, km * 0.999, (k * Math.PI) / 18), g)).toBe(true);
    }
    for (const [lng, lat] of outline) {
      const nearest = Math.min(...OFFICES.map((o) => haversineKm({ lat, lng }, o)));
      expect(nearest).toBeGreaterThan(km * 0.99);
    }
    // Corner vertices sit on tangents of the rounded corners, km / cos(7.5°) from their hull point.
    const corners = outline.map(([lng, lat]) => Math.min(...OFFICES.map((o) => haversineKm({ lat, lng }, o))));
    expect(Math.max(...corners)).toBeLessThan((km / Math.cos((7.5 * Math.PI) / 180)) * 1.002);
  });

  it('makes a circle around one point', () => {
    const centre = { lat: 37.5665, lng: 126.978 };
    const outline = bufferedHull([centre], 2);
    expectValidRing(outline);
    expect(outline).toHaveLength(25); // 24 segments of 15° + closing position
    // Circumscribed 24-gon: n·r²·tan(π/n).
    expect(geometryAreaKm2({ type: 'Polygon', coordinates: [outline] })).toBeCloseTo(
      24 * 4 * Math.tan(Math.PI / 24),
      2,
    );
  });

  it('makes a stadium around two points and honours a finer segment angle', () => {
    const a = { lat: 37.5, lng: 126.95 };
    const b = { lat: 37.6, lng: 127.05 };
    const coarse = bufferedHull([a, b], 1);
    const fine = bufferedHull([a, b], 1, { maxSegmentDegrees: 5 });
    expectValidRing(coarse);
    expect(fine.length).toBeGreaterThan(coarse.length);
    const mid = { lat: 37.55, lng: 127.0 };
    const g: PolygonGeometry = { type: 'Polygon', coordinates: [coarse] };
    // Perpendicular to a→b in the local frame, 0.99 km either side of the midpoint: inside; 1.1 km: outside.
    const projection = new LocalProjection(mid);
    const pa = projection.projectLatLng(a);
    const pb = projection.projectLatLng(b);
    const len = Math.hypot(pb.x - pa.x, pb.y - pa.y);
    const normal = { x: -(pb.y - pa.y) / len, y: (pb.x - pa.x) / len };
    for (const [d, expected] of [
      [0.99, true],
      [-0.99, true],
      [1.1, false],
      [-1.1, false],
    ] as const) {
      const [lng, lat] = projection.unproject({ x: normal.x * d, y: normal.y * d });
      expect(pointInGeometry({ lat, lng }, g)).toBe(expected);
    }
  });

  it('tolerates duplicate and collinear points', () => {
    const outline = bufferedHull(
      [
        { lat: 37.5, lng: 127.0 },
        { lat: 37.5, lng: 127.0 },
        { lat: 37.5, lng: 127.05 },
        { lat: 37.5, lng: 127.1 },
      ],
      1,
    );
    expectValidRing(outline);
  });

  it('refuses no points, a non-positive margin and a bad segment angle', () => {
    expect(() => bufferedHull([], 1)).toThrow(RangeError);
    expect(() => bufferedHull([{ lat: 37.5, lng: 127 }], 0)).toThrow(RangeError);
    expect(() => bufferedHull([{ lat: 37.5, lng: 127 }], Number.NaN)).toThrow(RangeError);
    expect(() => bufferedHull([{ lat: Number.NaN, lng: 127 }], 1)).toThrow(RangeError);
    expect(() => bufferedHull([{ lat: 37.5, lng: 127 }], 1, { maxSegmentDegrees: 0 })).toThrow(RangeError);
  });
});
