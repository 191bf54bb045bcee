import { ACTIVE_INCIDENT_STATUSES, type IncidentStatus } from '#contracts';

// What colours a region: how many open incidents it has, and whether any available team covers it.

const ACTIVE: ReadonlySet<IncidentStatus> = new Set(ACTIVE_INCIDENT_STATUSES);

export function isActiveIncident(status: IncidentStatus): boolean {
  return ACTIVE.has(status);
}

export function openIncidentCounts(
  incidents: Iterable<{ regionId: string | null; status: IncidentStatus }>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of incidents) {
    if (i.regionId && ACTIVE.has(i.status)) counts.set(i.regionId, (counts.get(i.regionId) ?? 0) + 1);
  }
  return counts;
}

interface CoveringTeam {
  regionId: string;
  coveredRegionIds?: string[];
  status: string;
  onDuty: boolean;
}

/** Regions that no on-duty, available team has as its home or covered region. */
export function coverageGaps(regionIds: readonly string[], teams: Iterable<CoveringTeam>): Set<string> {
  const covered = new Set<string>();
  for (const team of teams) {
    if (!team.onDuty || team.status !== 'available') continue;
    covered.add(team.regionId);
    for (const id of team.coveredRegionIds ?? []) covered.add(id);
  }
  return new Set(regionIds.filter((id) => !covered.has(id)));
}

export interface RegionShade {
  fillColor: string;
  fillOpacity: number;
  color: string;
  weight: number;
  dashArray: string | undefined;
}

/** Blue steps for load; a thick dashed vermillion outline (a shape cue, not only colour) for a coverage gap. */
export function regionShade(openIncidents: number, gap: boolean): RegionShade {
  const fillOpacity = openIncidents === 0 ? 0.05 : openIncidents === 1 ? 0.2 : openIncidents <= 3 ? 0.32 : 0.45;
  return {
    fillColor: openIncidents === 0 ? '#8c8c8c' : '#0072B2',
    fillOpacity,
    color: gap ? '#D55E00' : '#3d3d3d',
    weight: gap ? 3 : 1,
    dashArray: gap ? '8 5' : undefined,
  };
}
