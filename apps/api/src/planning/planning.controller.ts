import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffingPlan } from '#contracts';
import { Roles } from '../auth/decorators.js';
import { PlanningService } from './planning.service.js';

@ApiTags('planning')
@ApiBearerAuth()
@Controller('planning')
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  /** Per region: population, case managers, team leaders, staff total, SMI minimum workforce; and the centre-wide crisis minimum. */
  @Get('staffing')
  @Roles('supervisor')
  staffing(): Promise<StaffingPlan> {
    return this.planning.staffing();
  }
}
