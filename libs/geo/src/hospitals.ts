import type { HospitalSuggestion, LatLng } from '#contracts';
import { haversineKm } from './distance.js';

export interface HospitalCandidate {
  agencyId: string;
  name: string;
  location: LatLng;
  bedsAvailable: number | null;
  accepting: boolean;
  bedsUpdatedAt: string | null;
}

/** A hospital that says it takes patients now and reports at least one free bed. */
export function hasFreeBed(h: Pick<HospitalCandidate, 'accepting' | 'bedsAvailable'>): boolean {
  return h.accepting && (h.bedsAvailable ?? 0) > 0;
}

/**
 * Hospitals to ask for a bed, best first (contract: accepting with free beds first, then by distance).
 * Ties at the same distance go by name, so the list is stable for the coordinator.
 */
export function rankHospitals(from: LatLng, hospitals: readonly HospitalCandidate[]): HospitalSuggestion[] {
  return hospitals
    .map((h) => ({ h, km: haversineKm(from, h.location), free: hasFreeBed(h) }))
    .sort((a, b) => Number(b.free) - Number(a.free) || a.km - b.km || a.h.name.localeCompare(b.h.name))
    .map(({ h, km }) => ({
      agencyId: h.agencyId,
      name: h.name,
      distanceKm: Math.round(km * 10) / 10,
      bedsAvailable: h.bedsAvailable,
      accepting: h.accepting,
      bedsUpdatedAt: h.bedsUpdatedAt,
    }));
}
