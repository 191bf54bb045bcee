import type { LatLng, Position } from '#contracts';
import { EARTH_RADIUS_KM } from './distance.js';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** A point in a local planar frame, in km east (x) and north (y) of the frame's origin. */
export interface PlanarPoint {
  x: number;
  y: number;
}

/**
 * A local equirectangular projection centred on `origin`. At Seoul's latitude (37.5°N) a degree of
 * longitude is only ~0.79 of a degree of latitude, so doing geometry on raw degrees would tilt every
 * perpendicular bisector and mis-scale every area. Across a city (~40 km) the projection's distortion stays
 * under ~0.1 %, which is plenty for planning-grade areas and demo Voronoi cells.
 */
export class LocalProjection {
  private readonly kmPerDegreeLng: number;

  constructor(readonly origin: LatLng) {
    if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lng) || Math.abs(origin.lat) >= 89) {
      // Near the poles a degree of longitude shrinks to nothing and the frame stops being useful.
      throw new RangeError(
        `LocalProjection: origin must be a finite point away from the poles, got ${origin.lat},${origin.lng}`,
      );
    }
    this.kmPerDegreeLng = KM_PER_DEGREE * Math.cos(origin.lat * RAD);
  }

  /** Centres a projection on the middle of a [minLng, minLat, maxLng, maxLat] box. */
  static around(bbox: readonly [number, number, number, number]): LocalProjection {
    return new LocalProjection({ lat: (bbox[1] + bbox[3]) / 2, lng: (bbox[0] + bbox[2]) / 2 });
  }

  /** GeoJSON [lng, lat] → km. */
  project(p: Position): PlanarPoint {
    return { x: (p[0] - this.origin.lng) * this.kmPerDegreeLng, y: (p[1] - this.origin.lat) * KM_PER_DEGREE };
  }

  projectLatLng(p: LatLng): PlanarPoint {
    return { x: (p.lng - this.origin.lng) * this.kmPerDegreeLng, y: (p.lat - this.origin.lat) * KM_PER_DEGREE };
  }

  /** km → GeoJSON [lng, lat]. */
  unproject(p: PlanarPoint): Position {
    return [this.origin.lng + p.x / this.kmPerDegreeLng, this.origin.lat + p.y / KM_PER_DEGREE];
  }
}
