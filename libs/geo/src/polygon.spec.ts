import type { AreaGeometry, MultiPolygonGeometry, PolygonGeometry, Position } from '#contracts';
import { findRegion, geometryAreaKm2, geometryBBox, geometryCentroid, pointInGeometry, type BBox } from './polygon.js';

// Axis-aligned rectangle ring, counter-clockwise and closed, in [lng, lat].
const rect = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const poly = (...rings: Position[][]): PolygonGeometry => ({ type: 'Polygon', coordinates: rings });
const at = (lng: number, lat: number) => ({ lat, lng });

describe('pointInGeometry', () => {
  const withHole = poly(rect(127.0, 37.5, 127.1, 37.6), rect(127.04, 37.54, 127.06, 37.56));

  it('finds points inside the exterior ring and outside it', () => {
    expect(pointInGeometry(at(127.02, 37.52), withHole)).toBe(true);
    expect(pointInGeometry(at(127.2, 37.52), withHole)).toBe(false);
    expect(pointInGeometry(at(127.02, 37.7), withHole)).toBe(false);
  });

  it('excludes points in a hole', () => {
    expect(pointInGeometry(at(127.05, 37.55), withHole)).toBe(false);
    expect(pointInGeometry(at(127.035, 37.55), withHole)).toBe(true);
  });

  it('ignores ring winding and accepts unclosed rings', () => {
    const reversed = poly(
      [...rect(127.0, 37.5, 127.1, 37.6)].reverse(),
      [...rect(127.04, 37.54, 127.06, 37.56)].reverse(),
    );
    const unclosed = poly(rect(127.0, 37.5, 127.1, 37.6).slice(0, 4));
    expect(pointInGeometry(at(127.02, 37.52), reversed)).toBe(true);
    expect(pointInGeometry(at(127.05, 37.55), reversed)).toBe(false);
    expect(pointInGeometry(at(127.02, 37.52), unclosed)).toBe(true);
  });

  it('handles a concave polygon (points in the notch are outside)', () => {
    // A "U": the notch between the arms is outside.
    const u = poly([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    expect(pointInGeometry(at(1.5, 2), u)).toBe(false);
    expect(pointInGeometry(at(0.5, 2), u)).toBe(true);
    expect(pointInGeometry(at(2.5, 2), u)).toBe(true);
    expect(pointInGeometry(at(1.5, 0.5), u)).toBe(true);
  });

  it('checks every part of a MultiPolygon, holes included', () => {
    const multi: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [rect(126.8, 37.4, 126.9, 37.5)],
        [rect(127.0, 37.5, 127.1, 37.6), rect(127.04, 37.54, 127.06, 37.56)],
      ],
    };
    expect(pointInGeometry(at(126.85, 37.45), multi)).toBe(true);
    expect(pointInGeometry(at(127.02, 37.52), multi)).toBe(true); // second part
    expect(pointInGeometry(at(127.05, 37.55), multi)).toBe(false); // hole of the second part
    expect(pointInGeometry(at(126.95, 37.45), multi)).toBe(false); // between the parts
  });
});

describe('geometryBBox', () => {
  it('spans every part of a MultiPolygon', () => {
    const multi: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(126.8, 37.4, 126.9, 37.5)], [rect(127.0, 37.5, 127.1, 37.6)]],
    };
    expect(geometryBBox(multi)).toEqual([126.8, 37.4, 127.1, 37.6]);
  });

  it('refuses a geometry without positions', () => {
    expect(() => geometryBBox({ type: 'MultiPolygon', coordinates: [] })).toThrow(RangeError);
  });
});

describe('findRegion', () => {
  const west = { id: 'b-west', geometry: poly(rect(126.9, 37.5, 127.0, 37.6)) };
  const east = { id: 'a-east', geometry: poly(rect(127.0, 37.5, 127.1, 37.6)) };
  const north = { id: 'c-north', geometry: poly(rect(126.9, 37.6, 127.1, 37.7)) };
  const regions = [west, east, north];

  it('returns the containing region, with its own type', () => {
    const found = findRegion(at(126.95, 37.55), regions);
    expect(found).toBe(west);
    expect(findRegion(at(127.05, 37.65), regions)).toBe(north);
  });

  it('returns null for a point in no region', () => {
    expect(findRegion(at(126.5, 37.55), regions)).toBeNull();
    expect(findRegion(at(127.05, 37.8), regions)).toBeNull();
    expect(findRegion(at(127.05, 37.55), [])).toBeNull();
    expect(findRegion(at(Number.NaN, 37.55), regions)).toBeNull();
  });

  it('uses a supplied bbox as the prefilter', () => {
    // A deliberately wrong box proves the geometry is never consulted when the box rules the point out.
    const lying: BBox = [0, 0, 1, 1];
    expect(findRegion(at(126.95, 37.55), [{ ...west, bbox: lying }])).toBeNull();
    expect(findRegion(at(126.95, 37.55), [{ ...west, bbox: geometryBBox(west.geometry) }])).toEqual({
      ...west,
      bbox: [126.9, 37.5, 127.0, 37.6],
    });
  });

  describe('border determinism', () => {
    const orders = [regions, [...regions].reverse(), [east, north, west]];
    const sharedPoints = [
      at(127.0, 37.55), // on the west/east edge
      at(127.0, 37.5000001),
      at(126.95, 37.6), // on the west/north edge
      at(127.05, 37.6), // on the east/north edge
      at(127.0, 37.6), // the vertex all three share
    ];

    it.each(sharedPoints)('gives a shared-border point (%o) to exactly one region, whatever the order', (p) => {
      const holders = regions.filter((r) => pointInGeometry(p, r.geometry));
      expect(holders).toHaveLength(1);
      for (const order of orders) expect(findRegion(p, order)).toBe(holders[0]);
    });

    it('gives a vertical border to the region on its east and a horizontal one to the region on its north', () => {
      expect(findRegion(at(127.0, 37.55), regions)).toBe(east);
      expect(findRegion(at(126.95, 37.6), regions)).toBe(north);
    });

    it('partitions points on slanted shared edges even though the two polygons walk them in opposite directions', () => {
      // Pairs of triangles sharing a random diagonal; float interpolation puts sample points a hair either
      // side of the exact line, yet every one must land in exactly one triangle. Evaluating the crossing with
      // each polygon's own edge direction gets about one in 5,000 of these wrong, so 50,000 samples catch it.
      let seed = 20250301;
      const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
      let checked = 0;
      for (let k = 0; k < 1000; k++) {
        const a: Position = [126.8 + random() * 0.4, 37.4 + random() * 0.3];
        const c: Position = [126.8 + random() * 0.4, 37.4 + random() * 0.3];
        const lower = { id: 'lower', geometry: poly([a, [c[0], a[1]], c, a]) };
        const upper = { id: 'upper', geometry: poly([a, c, [a[0], c[1]], a]) };
        for (let t = 1; t <= 50; t++) {
          const f = t / 51 + random() * 0.001;
          const p = at(a[0] + f * (c[0] - a[0]), a[1] + f * (c[1] - a[1]));
          if (pointInGeometry(p, lower.geometry) === pointInGeometry(p, upper.geometry)) {
            throw new Error(
              `point ${p.lng},${p.lat} on the edge ${a.join(',')} – ${c.join(',')} is in both triangles or neither`,
            );
          }
          checked++;
        }
        expect(findRegion(at(a[0] + 0.5 * (c[0] - a[0]), a[1] + 0.5 * (c[1] - a[1])), [lower, upper])).toBe(
          findRegion(at(a[0] + 0.5 * (c[0] - a[0]), a[1] + 0.5 * (c[1] - a[1])), [upper, lower]),
        );
      }
      expect(checked).toBe(50_000);
    });

    it('shares the boundary of a hole with the island region filling it', () => {
      const ring = { id: 'ring', geometry: poly(rect(127.0, 37.5, 127.1, 37.6), rect(127.04, 37.54, 127.06, 37.56)) };
      const island = { id: 'island', geometry: poly(rect(127.04, 37.54, 127.06, 37.56)) };
      for (const p of [at(127.04, 37.55), at(127.06, 37.55), at(127.05, 37.54), at(127.05, 37.56), at(127.04, 37.54)]) {
        expect(Number(pointInGeometry(p, ring.geometry)) + Number(pointInGeometry(p, island.geometry))).toBe(1);
      }
    });

    it('settles genuinely overlapping regions by the smallest id, not by input order', () => {
      const big = { id: 'z-big', geometry: poly(rect(126.9, 37.5, 127.1, 37.7)) };
      const small = { id: 'm-small', geometry: poly(rect(126.95, 37.55, 127.0, 37.6)) };
      expect(findRegion(at(126.97, 37.57), [big, small])).toBe(small);
      expect(findRegion(at(126.97, 37.57), [small, big])).toBe(small);
      expect(findRegion(at(127.05, 37.65), [small, big])).toBe(big);
    });
  });
});

describe('geometryAreaKm2', () => {
  // 0.01° × 0.01° at 37.5°N: 1.11195 km of latitude × 1.11195·cos(37.5°) km of longitude.
  const cell = 1.11195 * 1.11195 * Math.cos((37.505 * Math.PI) / 180);

  it('measures a small rectangle at Seoul latitude', () => {
    expect(geometryAreaKm2(poly(rect(127.0, 37.5, 127.01, 37.51)))).toBeCloseTo(cell, 3);
  });

  it('ignores winding, subtracts holes and adds MultiPolygon parts', () => {
    const outer = rect(127.0, 37.5, 127.02, 37.52);
    const hole = rect(127.005, 37.505, 127.015, 37.515);
    expect(geometryAreaKm2(poly([...outer].reverse()))).toBeCloseTo(4 * cell, 3);
    expect(geometryAreaKm2(poly(outer, hole))).toBeCloseTo(3 * cell, 3);
    expect(geometryAreaKm2(poly(outer, [...hole].reverse()))).toBeCloseTo(3 * cell, 3);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[rect(127.0, 37.5, 127.01, 37.51)], [rect(127.02, 37.5, 127.03, 37.51)]],
    };
    expect(geometryAreaKm2(multi)).toBeCloseTo(2 * cell, 3);
  });

  it('is zero for a degenerate ring', () => {
    expect(
      geometryAreaKm2(
        poly([
          [127, 37.5],
          [127.01, 37.5],
          [127.02, 37.5],
          [127, 37.5],
        ]),
      ),
    ).toBeCloseTo(0, 9);
  });
});

describe('geometryCentroid', () => {
  it('is the centre of a rectangle', () => {
    const c = geometryCentroid(poly(rect(127.0, 37.5, 127.1, 37.6)));
    expect(c.lng).toBeCloseTo(127.05, 9);
    expect(c.lat).toBeCloseTo(37.55, 9);
  });

  it('moves away from an off-centre hole', () => {
    const c = geometryCentroid(poly(rect(127.0, 37.5, 127.1, 37.6), rect(127.06, 37.54, 127.09, 37.56)));
    expect(c.lng).toBeLessThan(127.05);
    expect(c.lat).toBeCloseTo(37.55, 9);
  });

  it('weights MultiPolygon parts by area', () => {
    const equal = geometryCentroid({
      type: 'MultiPolygon',
      coordinates: [[rect(127.0, 37.5, 127.01, 37.51)], [rect(127.02, 37.5, 127.03, 37.51)]],
    });
    expect(equal.lng).toBeCloseTo(127.015, 9);
    const unequal = geometryCentroid({
      type: 'MultiPolygon',
      coordinates: [[rect(127.0, 37.5, 127.03, 37.51)], [rect(127.04, 37.5, 127.05, 37.51)]],
    });
    // Three units centred at 127.015 and one at 127.045: (3·127.015 + 127.045) / 4.
    expect(unequal.lng).toBeCloseTo(127.0225, 9);
  });

  it('falls back to the vertex mean for a geometry without area', () => {
    const c = geometryCentroid(
      poly([
        [127, 37.5],
        [127.02, 37.5],
        [127.04, 37.5],
        [127, 37.5],
      ]),
    );
    expect(c.lat).toBeCloseTo(37.5, 9);
    expect(c.lng).toBeCloseTo(127.015, 9);
  });
});
