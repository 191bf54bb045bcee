import type { LatLng } from '#contracts';
import { haversineKm } from './distance.js';

export interface RouteEstimate {
  /** Travel distance in km (road distance when the router knows roads). */
  distanceKm: number;
  /** Minutes from the team being told to arriving, turnout included. */
  minutes: number;
}

/**
 * Travel-time estimator used by the recommendation ranking. Deliberately synchronous so ranking stays a
 * pure function that is trivial to test and cheap to call on every screen refresh. An adapter for a real
 * routing engine (OSRM, Valhalla, a commercial matrix API) should fetch a travel-time matrix ahead of the
 * call (e.g. team positions × incident, refreshed as teams move) and answer `estimate` from that cache,
 * falling back to StraightLineRouter for pairs it has not fetched yet.
 */
export interface Router {
  estimate(from: LatLng, to: LatLng): RouteEstimate;
}

export interface StraightLineRouterOptions {
  /** Road distance ÷ straight-line distance (default 1.4, typical of a dense city's street grid). */
  roadFactor?: number;
  /** Average driving speed in km/h (default 30, urban traffic). */
  speedKmh?: number;
  /** Minutes to get moving after accepting (default 2). */
  turnoutMinutes?: number;
}

/** ETA from the great-circle distance: turnout + haversine × roadFactor ÷ speed. No network, no roads. */
export class StraightLineRouter implements Router {
  readonly roadFactor: number;
  readonly speedKmh: number;
  readonly turnoutMinutes: number;

  constructor(opts: StraightLineRouterOptions = {}) {
    this.roadFactor = opts.roadFactor ?? 1.4;
    this.speedKmh = opts.speedKmh ?? 30;
    this.turnoutMinutes = opts.turnoutMinutes ?? 2;
    // Fail at construction (configuration time) rather than produce NaN ETAs on every call.
    if (!Number.isFinite(this.roadFactor) || this.roadFactor < 1)
      throw new RangeError(`roadFactor must be ≥ 1, got ${this.roadFactor}`);
    if (!Number.isFinite(this.speedKmh) || this.speedKmh <= 0)
      throw new RangeError(`speedKmh must be > 0, got ${this.speedKmh}`);
    if (!Number.isFinite(this.turnoutMinutes) || this.turnoutMinutes < 0) {
      throw new RangeError(`turnoutMinutes must be ≥ 0, got ${this.turnoutMinutes}`);
    }
  }

  estimate(from: LatLng, to: LatLng): RouteEstimate {
    const distanceKm = haversineKm(from, to) * this.roadFactor;
    return { distanceKm, minutes: this.turnoutMinutes + (distanceKm / this.speedKmh) * 60 };
  }
}
