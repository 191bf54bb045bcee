import type { AreaGeometry, Position } from '#contracts';
import { labelPoint } from './label-point.js';
import { geometryCentroid, pointInGeometry } from './polygon.js';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [127, 37.5],
      [127.1, 37.5],
      [127.1, 37.6],
      [127, 37.6],
      [127, 37.5],
    ],
  ],
};

// A "C" open to the east: its centroid falls in the opening, outside the region.
const cShape: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [127, 37.5],
      [127.1, 37.5],
      [127.1, 37.52],
      [127.02, 37.52],
      [127.02, 37.58],
      [127.1, 37.58],
      [127.1, 37.6],
      [127, 37.6],
      [127, 37.5],
    ],
  ],
};

describe('labelPoint', () => {
  it('is the centroid of a convex region', () => {
    const p = labelPoint(square);
    expect(p.lat).toBeCloseTo(37.55, 6);
    expect(p.lng).toBeCloseTo(127.05, 6);
  });

  it('lies inside a region whose centroid does not', () => {
    expect(pointInGeometry(geometryCentroid(cShape), cShape)).toBe(false);
    const p = labelPoint(cShape);
    expect(pointInGeometry(p, cShape)).toBe(true);
  });

  it('lies inside a multipolygon, in a part and outside its holes', () => {
    const ring = (lng: number, lat: number, d: number): Position[] => [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ];
    // Two squares far apart (the centroid falls between them), the larger with a hole in its middle.
    const g: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[ring(127, 37.5, 0.02)], [ring(127.2, 37.5, 0.1), ring(127.24, 37.54, 0.02)]],
    };
    const p = labelPoint(g);
    expect(pointInGeometry(p, g)).toBe(true);
    expect(p.lng).toBeGreaterThan(127.2);
  });
});
