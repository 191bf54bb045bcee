import { Injectable } from '@nestjs/common';
import type { KpiReport, KpiTrend, TrendBucket } from '#contracts';
import { trendSlices } from '#dispatch';
import { validationFailed } from '../common/errors.js';
import { RegionsService } from '../regions/regions.service.js';
import { IndicatorsService, type KpiPeriod } from './indicators.service.js';

/** A day trend longer than this is refused: a quarter is the longest period the dashboard draws day by day. */
export const MAX_TREND_DAYS = 93;

/**
 * GET /kpis/trend: the report of GET /kpis for each local day, or for each hour of day, of the period. Each point is
 * computed by the same IndicatorsService.kpis, so a point and GET /kpis over the same slice agree by construction.
 */
@Injectable()
export class KpiTrendService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly regions: RegionsService,
  ) {}

  /** GET /kpis/regions: the report per region (the dashboard's district map), same filters otherwise. */
  async byRegion(period: KpiPeriod): Promise<{ regionId: string; report: KpiReport }[]> {
    const now = new Date();
    const out = [];
    for (const region of await this.regions.shapes()) {
      out.push({ regionId: region.id, report: await this.indicators.kpis({ ...period, regionId: region.id }, now) });
    }
    return out;
  }

  async trend(period: KpiPeriod, bucket: TrendBucket, timeZone: string): Promise<KpiTrend> {
    if (period.to.getTime() - period.from.getTime() > (MAX_TREND_DAYS + 1) * 86_400_000) {
      throw validationFailed([{ field: 'from', message: `a trend covers at most ${MAX_TREND_DAYS} days` }]);
    }
    const now = new Date();
    const points = [];
    // One slice at a time: each is a handful of indexed queries, and the pool stays free for the control room.
    for (const slice of trendSlices(period.from, period.to, bucket, timeZone)) {
      const report = await this.indicators.kpis(
        { ...period, from: slice.from, to: slice.to, hourOfDay: slice.hourOfDay, timeZone },
        now,
      );
      points.push({ bucket: slice.bucket, report });
    }
    return { from: period.from.toISOString(), to: period.to.toISOString(), bucket, timeZone, points };
  }
}
