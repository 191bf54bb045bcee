import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TIMER, type CoverageView } from '#contracts';
import { computeCoverage, DEFAULT_COVERAGE_HORIZON_HOURS, type CoverageShift, type CoverageTeam } from '#dispatch';
import { Db, type Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import { regionNames } from '../regions/regions.repository.js';
import { shiftsAhead } from '../shifts/shifts.repository.js';
import { coverageTeams } from '../teams/teams.repository.js';
import { scheduleTimer, TimerRunner } from '../timers/timer-runner.js';
import { seedCoverageTimer } from './coverage.repository.js';

/** The one pending coverage check of the whole deployment is keyed by this fixed id. */
export const COVERAGE_TIMER_REF = '00000000-0000-4000-8000-00000000c0e1';
export const COVERAGE_CHECK_MINUTES = 5;

/** GET /coverage and the periodic check that raises coverage-gap alerts. */
@Injectable()
export class CoverageService implements OnApplicationBootstrap {
  private readonly log = new Logger('Coverage');

  constructor(
    private readonly db: Db,
    private readonly timers: TimerRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.timers.register(TIMER.coverage, (tx) => this.check(tx));
    // Seeds the self-rescheduling check once; other instances and restarts find the pending row and leave it.
    await seedCoverageTimer(this.db, TIMER.coverage, COVERAGE_TIMER_REF).catch((e: Error) =>
      this.log.warn(`could not seed the coverage check: ${e.message}`),
    );
  }

  coverage(now = new Date()): Promise<CoverageView> {
    return load(this.db, now);
  }

  /** Timer handler: one alert per region and kind of gap while it is open (now: critical; within 12 h: warning). */
  private async check(tx: Tx): Promise<void> {
    const view = await load(tx, tx.now);
    for (const r of view.regions) {
      if (!r.gapWithinHorizon) continue;
      const when = r.gapNow ? 'now' : 'soon';
      const starts = r.gapStartsAt ? new Date(r.gapStartsAt) : tx.now;
      const hhmm = starts.toISOString().slice(11, 16);
      await raiseAlert(tx, {
        kind: 'coverage-gap',
        severity: r.gapNow ? 'critical' : 'warning',
        message: r.gapNow
          ? `${r.name}: no team on duty now${r.nextShiftStartsAt ? ` (next shift ${r.nextShiftStartsAt.slice(11, 16)} UTC)` : ', none scheduled'}`
          : `${r.name}: no team on duty from ${hhmm} UTC`,
        regionId: r.regionId,
        dedupeKey: `coverage-gap:${r.regionId}:${when}`,
      });
    }
    await scheduleTimer(
      tx,
      TIMER.coverage,
      COVERAGE_TIMER_REF,
      new Date(tx.now.getTime() + COVERAGE_CHECK_MINUTES * 60_000),
    );
  }
}

async function load(db: Queryable, now: Date): Promise<CoverageView> {
  const horizonHours = DEFAULT_COVERAGE_HORIZON_HOURS;
  // Sequential on purpose: inside a transaction the three reads share one connection, which runs one query at a time.
  const regions = await regionNames(db);
  const teams = await coverageTeams(db);
  const shifts = await shiftsAhead(db, now);
  const covTeams: CoverageTeam[] = teams.map((t) => ({
    id: t.id,
    callsign: t.callsign,
    regionId: t.region_id,
    coveredRegionIds: t.covered_region_ids,
  }));
  const covShifts: CoverageShift[] = shifts.map((s) => ({
    teamId: s.team_id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
  }));
  return {
    generatedAt: now.toISOString(),
    horizonHours,
    regions: computeCoverage({ regions, teams: covTeams, shifts: covShifts, now, horizonHours }),
  };
}
