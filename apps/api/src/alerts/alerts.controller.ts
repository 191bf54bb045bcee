import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { alertsQuerySchema, type AlertView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { parseOrThrow } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { AlertsService } from './alerts.service.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles('coordinator', 'supervisor', 'admin')
  @ApiQuery({ name: 'open', required: false, enum: ['true', 'false'] })
  list(@Query() query: Record<string, unknown>): Promise<AlertView[]> {
    return this.alerts.list(parseOrThrow(alertsQuerySchema, query).open);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @Roles('coordinator', 'supervisor', 'admin')
  ack(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<AlertView> {
    return this.alerts.acknowledge(actor, id);
  }
}
