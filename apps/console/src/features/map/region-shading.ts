import { ACTIVE_INCIDENT_STATUSES, type IncidentStatus } from '#contracts';

// What colours a region: how many open incidents it has, and whether any available team covers it.

const ACTIVE: ReadonlySet<IncidentStatus> = new Set(ACTIVE_INCIDENT_STATUSES);

export function isActiveIncident(status: IncidentStatus): boolean {
  return ACTIVE.has(status);
}

/**
 * Active incidents per region, kept up to date from the incidents that changed instead of counted again over every
 * incident on every change (thousands, 20 times a second: issue 12).
 */
export class ActiveIncidentCounts {
  /** Region of each active incident that has one. */
  private readonly regionOf = new Map<string, string>();
  private readonly perRegion = new Map<string, number>();

  constructor(
    private readonly lookup: (id: string) => { regionId: string | null; status: IncidentStatus } | undefined,
  ) {}

  get counts(): ReadonlyMap<string, number> {
    return this.perRegion;
  }

  update(ids: Iterable<string>): void {
    for (const id of ids) {
      const incident = this.lookup(id);
      const next = incident?.regionId && ACTIVE.has(incident.status) ? incident.regionId : undefined;
      const before = this.regionOf.get(id);
      if (next === before) continue;
      if (before !== undefined) {
        const n = (this.perRegion.get(before) ?? 0) - 1;
        if (n > 0) this.perRegion.set(before, n);
        else this.perRegion.delete(before);
        this.regionOf.delete(id);
      }
      if (next !== undefined) {
        this.perRegion.set(next, (this.perRegion.get(next) ?? 0) + 1);
        this.regionOf.set(id, next);
      }
    }
  }
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
