import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';
import { KpiTrendService } from './kpi-trend.service.js';

/** GET /kpis (JSON and CSV), GET /kpis/trend; also brings in the staffing planning (GET /planning/staffing). */
@Module({
  imports: [PlanningModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, KpiTrendService],
})
export class IndicatorsModule {}
