import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { KpiReport } from '#contracts';
import { Roles } from '../auth/decorators.js';
import { validationFailed } from '../common/errors.js';
import { parseOrThrow } from '../common/validation.js';
import { IndicatorsService, type KpiPeriod } from './indicators.service.js';

export const DEFAULT_KPI_HOURS = 24;

const kpiQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** from/to as ISO-8601 with offset; `to` defaults to now and `from` to 24 hours before `to`. */
export function kpiPeriod(query: unknown, now = new Date()): KpiPeriod {
  const q = parseOrThrow(kpiQuerySchema, query);
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_KPI_HOURS * 3600_000);
  if (from.getTime() >= to.getTime()) throw validationFailed([{ field: 'from', message: 'must be before to' }]);
  return { from, to };
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('kpis')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** The indicators of reference/standards.md §3 over [from, to) (default: the last 24 hours). */
  @Get()
  @Roles('supervisor', 'coordinator')
  @ApiQuery({ name: 'from', required: false, description: 'ISO-8601 with offset; default 24 h before to' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO-8601 with offset; default now' })
  get(@Query() query: Record<string, unknown>): Promise<KpiReport> {
    return this.indicators.kpis(kpiPeriod(query));
  }
}
