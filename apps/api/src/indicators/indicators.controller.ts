import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CATEGORIES, TREND_BUCKETS, type KpiReport, type KpiTrend } from '#contracts';
import { isTimeZone, kpiCsv, kpiTrendCsv } from '#dispatch';
import { Roles } from '../auth/decorators.js';
import { APP_CONFIG } from '../common/tokens.js';
import { validationFailed } from '../common/errors.js';
import { parseOrThrow } from '../common/validation.js';
import type { AppConfig } from '../config/config.js';
import { IndicatorsService, type KpiPeriod } from './indicators.service.js';
import { KpiTrendService } from './kpi-trend.service.js';

export const DEFAULT_KPI_HOURS = 24;
/** The centre's calendar for trend buckets (Seoul unless CENTRE_TIMEZONE says otherwise). */
export const DEFAULT_TREND_TIME_ZONE = 'Asia/Seoul';

const kpiQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  regionId: z.uuid().optional(),
  category: z.enum(CATEGORIES).optional(),
});

const trendQuerySchema = kpiQuerySchema.extend({
  bucket: z.enum(TREND_BUCKETS).default('day'),
  timeZone: z.string().max(64).refine(isTimeZone, 'unknown IANA time zone').optional(),
});

/** from/to as ISO-8601 with offset; `to` defaults to now and `from` to 24 hours before `to`; region and category filters. */
export function kpiPeriod(query: unknown, now = new Date()): KpiPeriod {
  const q = parseOrThrow(kpiQuerySchema.strict(), query);
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_KPI_HOURS * 3600_000);
  if (from.getTime() >= to.getTime()) throw validationFailed([{ field: 'from', message: 'must be before to' }]);
  return { from, to, regionId: q.regionId ?? null, category: q.category ?? null };
}

// Content negotiation: CSV only when the client prefers it to JSON (no Accept header, or any type, gives JSON).
const wantsCsv = (req: Request): boolean => req.accepts(['application/json', 'text/csv']) === 'text/csv';

function sendCsv(res: Response, name: string, body: string): string {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return body;
}

const FILTER_QUERIES = [
  { name: 'from', required: false, description: 'ISO-8601 with offset; default 24 h before to' },
  { name: 'to', required: false, description: 'ISO-8601 with offset; default now' },
  {
    name: 'regionId',
    required: false,
    description: 'only incidents of this region, and their calls, handoffs and follow-ups',
  },
  { name: 'category', required: false, enum: [...CATEGORIES], description: 'only this triage category' },
] as const;
const ApiKpiFilters = (): MethodDecorator => (target, key, descriptor) => {
  for (const q of FILTER_QUERIES) ApiQuery(q)(target, key, descriptor);
};

@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly trends: KpiTrendService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The indicators of reference/standards.md §3 over [from, to) (default: the last 24 hours); CSV with `Accept: text/csv`. */
  @Get('kpis')
  @Roles('supervisor', 'coordinator')
  @ApiKpiFilters()
  @ApiProduces('application/json', 'text/csv')
  async get(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiReport | string> {
    const report = await this.indicators.kpis(kpiPeriod(query));
    return wantsCsv(req) ? sendCsv(res, 'kpis.csv', kpiCsv(report, this.config.responseTimes)) : report;
  }

  /** GET /kpis as CSV, for links and spreadsheets that cannot set Accept. */
  @Get('kpis.csv')
  @Roles('supervisor', 'coordinator')
  @ApiKpiFilters()
  @ApiProduces('text/csv')
  async csv(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<string> {
    const report = await this.indicators.kpis(kpiPeriod(query));
    return sendCsv(res, 'kpis.csv', kpiCsv(report, this.config.responseTimes));
  }

  /** The same indicators per local day or per hour of day (`bucket=day|hour`); CSV with `Accept: text/csv`. */
  @Get('kpis/trend')
  @Roles('supervisor', 'coordinator')
  @ApiKpiFilters()
  @ApiQuery({ name: 'bucket', required: false, enum: [...TREND_BUCKETS] })
  @ApiQuery({ name: 'timeZone', required: false, description: 'IANA time zone of the buckets; default Asia/Seoul' })
  @ApiProduces('application/json', 'text/csv')
  async trend(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiTrend | string> {
    const { bucket, timeZone, ...rest } = parseOrThrow(trendQuerySchema.strict(), query);
    const trend = await this.trends.trend(kpiPeriod(rest), bucket, timeZone ?? DEFAULT_TREND_TIME_ZONE);
    return wantsCsv(req)
      ? sendCsv(res, `kpis-trend-${bucket}.csv`, kpiTrendCsv(trend, this.config.responseTimes))
      : trend;
  }

  /** GET /kpis for each region (the district map); a `regionId` filter is ignored. */
  @Get('kpis/regions')
  @Roles('supervisor', 'coordinator')
  @ApiKpiFilters()
  regions(@Query() query: Record<string, unknown>): Promise<{ regionId: string; report: KpiReport }[]> {
    return this.trends.byRegion(kpiPeriod(query));
  }

  /** The category response targets in minutes (configuration), for the dashboard's target lines. */
  @Get('kpis/targets')
  @Roles('supervisor', 'coordinator')
  targets(): { responseMinutes: AppConfig['responseTimes'] } {
    return { responseMinutes: this.config.responseTimes };
  }
}
