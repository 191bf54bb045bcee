import { Injectable } from '@nestjs/common';
import type { RegionStaffingView, StaffingPlan } from '#contracts';
import { crisisRoundTheClockMinimum, regionStaffing } from '#dispatch';
import { Db } from '../database/db.js';
import { regionPopulations } from '../regions/regions.repository.js';

export const STAFFING_BASIS =
  'reference/korea.md: case managers = ceil(population × 8 ÷ 100,000); team leaders = ceil(case managers ÷ 4); ' +
  'SMI minimum workforce 5 (≤ 200,000), 14 (200,001–400,000), 23 (> 400,000); ' +
  'crisis round-the-clock minimum = max(8, ceil(total population × 8 ÷ 1,000,000)). People are rounded up.';

/** GET /planning/staffing: the study's staffing figures per region and for the whole centre. */
@Injectable()
export class PlanningService {
  constructor(private readonly db: Db) {}

  async staffing(): Promise<StaffingPlan> {
    const rows = await regionPopulations(this.db);
    let totalPopulation = 0;
    const regions = rows.map((r): RegionStaffingView => {
      const base = { regionId: r.id, code: r.code, name: r.name };
      if (r.population === null || r.population === undefined) {
        return {
          ...base,
          population: null,
          caseManagers: null,
          teamLeaders: null,
          staffTotal: null,
          smiMinimumWorkforce: null,
          note: 'population unknown: import it with populationProperty',
        };
      }
      const population = Number(r.population);
      totalPopulation += population;
      return { ...base, population, ...regionStaffing(population) };
    });
    return {
      regions,
      crisisRoundTheClockMinimum: crisisRoundTheClockMinimum(totalPopulation),
      totalPopulation,
      basis: STAFFING_BASIS,
    };
  }
}
