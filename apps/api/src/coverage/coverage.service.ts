import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CoverageView } from '#contracts';
import { computeCoverage, DEFAULT_COVERAGE_HORIZON_HOURS, type CoverageShift, type CoverageTeam } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import { audience } from '../realtime/audience.js';
import { scheduleTimer, TimerRunner } from '../timers/timer-runner.js';

export const COVERAGE_TIMER = 'coverage.check';
/** The one pending coverage check of the whole deployment is keyed by this fixed id. */
export const COVERAGE_TIMER_REF = '00000000-0000-4000-8000-00000000c0e1';
export const COVERAGE_CHECK_MINUTES = 5;

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** GET /coverage and the periodic check that raises coverage-gap alerts. */
@Injectable()
export class CoverageService implements OnApplicationBootstrap {
  private readonly log = new Logger('Coverage');

  constructor(
    private readonly ds: DataSource,
    private readonly timers: TimerRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.timers.register(COVERAGE_TIMER, (tx) => this.check(tx));
    // Seeds the self-rescheduling check once; other instances and restarts find the pending row and leave it.
    await this.ds
      .query(
        `INSERT INTO timer (kind, ref_id, due_at) VALUES ($1, $2, now())
         ON CONFLICT (kind, ref_id) WHERE fired_at IS NULL AND cancelled_at IS NULL DO NOTHING`,
        [COVERAGE_TIMER, COVERAGE_TIMER_REF],
      )
      .catch((e: Error) => this.log.warn(`could not seed the coverage check: ${e.message}`));
  }

  async coverage(now = new Date()): Promise<CoverageView> {
    return load(async <T>(sql: string, params: unknown[] = []) => await this.ds.query<T[]>(sql, params), now);
  }

  /** Timer handler: one alert per region and kind of gap while it is open (now: critical; within 12 h: warning). */
  private async check(tx: Tx): Promise<void> {
    const view = await load((sql, params) => tx.query(sql, params), tx.now);
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
        audience: audience.controlRoom(),
      });
    }
    await scheduleTimer(tx, COVERAGE_TIMER, COVERAGE_TIMER_REF, new Date(tx.now.getTime() + COVERAGE_CHECK_MINUTES * 60_000));
  }
}

async function load(query: Query, now: Date): Promise<CoverageView> {
  const horizonHours = DEFAULT_COVERAGE_HORIZON_HOURS;
  // Sequential on purpose: inside a transaction the three reads share one connection, which runs one query at a time.
  const regions = await query<{ id: string; code: string; name: string }>(`SELECT id, code, name FROM region ORDER BY name`);
  const teams = await query<{ id: string; callsign: string; region_id: string; covered_region_ids: string[] }>(
    `SELECT id, callsign, region_id, covered_region_ids FROM team`,
  );
  // Shifts still to end, starting within a week: enough for "next shift" without reading the whole roster history.
  const shifts = await query<{ team_id: string; starts_at: Date; ends_at: Date }>(
    `SELECT team_id, starts_at, ends_at FROM shift WHERE ends_at > $1 AND starts_at < $1::timestamptz + interval '7 days'`,
    [now.toISOString()],
  );
  const covTeams: CoverageTeam[] = teams.map((t) => ({ id: t.id, callsign: t.callsign, regionId: t.region_id, coveredRegionIds: t.covered_region_ids }));
  const covShifts: CoverageShift[] = shifts.map((s) => ({ teamId: s.team_id, startsAt: s.starts_at, endsAt: s.ends_at }));
  return { generatedAt: now.toISOString(), horizonHours, regions: computeCoverage({ regions, teams: covTeams, shifts: covShifts, now, horizonHours }) };
}
