import { AGENCY_KINDS, type AgencyKind, type AgencyView, type LatLng } from '#contracts';
import { haversineKm } from '#geo';

// The handoff agency picker's list (issue 13 item 7): grouped by kind, filtered by what the coordinator types
// (name or code, any case), nearest to the incident first within each group.

export interface AgencyGroup {
  kind: AgencyKind;
  agencies: (AgencyView & { distanceKm: number | null })[];
}

export function agencyOptions(agencies: readonly AgencyView[], near: LatLng | null, query: string): AgencyGroup[] {
  const q = query.trim().toLowerCase();
  const matching = agencies
    .filter((a) => q === '' || a.name.toLowerCase().includes(q) || a.code.toLowerCase().includes(q))
    .map((a) => ({ ...a, distanceKm: near ? haversineKm(near, a.location) : null }));
  return AGENCY_KINDS.map((kind) => ({
    kind,
    agencies: matching
      .filter((a) => a.kind === kind)
      .sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.name.localeCompare(b.name)),
  })).filter((g) => g.agencies.length > 0);
}
