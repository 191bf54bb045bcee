import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';

/** GET /kpis; also brings in the staffing planning (GET /planning/staffing), which reads the same kind of figures. */
@Module({ imports: [PlanningModule], controllers: [IndicatorsController], providers: [IndicatorsService] })
export class IndicatorsModule {}
