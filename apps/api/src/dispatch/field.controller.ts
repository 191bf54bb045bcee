import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  panicSchema,
  teamStatusSchema,
  type AlertView,
  type PanicRequest,
  type TeamStatusRequest,
  type TeamView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { TeamStatusService } from './team-status.service.js';
import { SafetyService } from './safety.service.js';

/** What teams report from the field: status, check-ins, panic, police assistance. */
@ApiTags('field')
@ApiBearerAuth()
@Controller()
export class FieldController {
  constructor(
    private readonly status: TeamStatusService,
    private readonly safety: SafetyService,
  ) {}

  @Post('teams/:id/status')
  @HttpCode(200)
  @Roles('responder', 'coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(teamStatusSchema) })
  setStatus(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(teamStatusSchema)) body: TeamStatusRequest,
  ): Promise<TeamView> {
    return this.status.setStatus(actor, id, body);
  }

  @Post('teams/:id/checkin')
  @HttpCode(204)
  @Roles('responder')
  checkin(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.safety.checkin(actor, id);
  }

  @Post('teams/:id/panic')
  @HttpCode(201)
  @Roles('responder')
  @ApiBody({ schema: openApiSchema(panicSchema) })
  panic(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(panicSchema)) body: PanicRequest,
  ): Promise<AlertView> {
    return this.safety.panic(actor, id, body.location);
  }

  @Post('incidents/:id/police-assist')
  @HttpCode(201)
  @Roles('responder', 'coordinator', 'supervisor')
  policeAssist(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<AlertView> {
    return this.safety.policeAssist(actor, id);
  }
}
