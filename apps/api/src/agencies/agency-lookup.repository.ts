import type { Queryable } from '../database/db.js';
export interface AgencyPlaceRow {
  id: string;
  name: string;
  kind: 'police' | 'fire';
  lat: number;
  lng: number;
  /** Whether the agency serves the region asked about. */
  in_region: boolean;
}

/** The agencies of a kind, each saying whether it serves `regionId` (none does when it is null). */
export function agenciesOfKind(
  db: Queryable,
  kind: 'police' | 'fire',
  regionId: string | null,
): Promise<AgencyPlaceRow[]> {
  return db.query<AgencyPlaceRow>(
    `SELECT id, name, kind, lat, lng, ($2::uuid IS NOT NULL AND $2::uuid = ANY(region_ids)) AS in_region FROM agency WHERE kind = $1`,
    [kind, regionId],
  );
}
