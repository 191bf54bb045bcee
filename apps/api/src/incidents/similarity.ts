import { haversineKm } from '#geo';
import type { LatLng, SimilarityReason } from '#contracts';

// A second call about the same crisis should join the open incident, not start another team moving.
// Same person: any open incident of the client from the last 12 hours. Same place or caller: 6 hours,
// because an address or a phone is shared by other people and an old incident there is likely another matter.

export const SAME_CLIENT_HOURS = 12;
export const SAME_PLACE_HOURS = 6;
export const NEARBY_METRES = 150;

export interface SimilarityCandidate {
  createdAt: Date;
  clientId: string | null;
  addressKey: string | null;
  location: LatLng;
  /** A call on the incident came from the same normalised number. */
  sameCaller: boolean;
}

export interface SimilarityProbe {
  clientId: string | null;
  addressKey: string | null;
  location: LatLng | null;
}

export function similarityReasons(
  c: SimilarityCandidate,
  probe: SimilarityProbe,
  now: Date,
): { reasons: SimilarityReason[]; distanceM: number | null } {
  const ageHours = (now.getTime() - c.createdAt.getTime()) / 3600_000;
  const distanceM = probe.location ? Math.round(haversineKm(probe.location, c.location) * 1000) : null;
  const reasons: SimilarityReason[] = [];
  if (probe.clientId && c.clientId === probe.clientId && ageHours <= SAME_CLIENT_HOURS) reasons.push('client');
  if (ageHours <= SAME_PLACE_HOURS) {
    if (c.sameCaller) reasons.push('caller');
    if (probe.addressKey && c.addressKey === probe.addressKey) reasons.push('address');
    if (distanceM !== null && distanceM <= NEARBY_METRES) reasons.push('nearby');
  }
  return { reasons, distanceM };
}
