import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { triageInputSchema, triageOverrideSchema, type TriageOverrideInput, type TriageRecord } from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { TriageService } from './triage.service.js';

@ApiTags('triage')
@ApiBearerAuth()
@Controller('calls/:id/triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  /** The body is validated by libs/triage (shape and C-SSRS skip logic), which names every bad field. */
  @Post()
  @HttpCode(201)
  @Roles('counselor')
  @ApiBody({ schema: openApiSchema(triageInputSchema) })
  assess(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
  ): Promise<TriageRecord> {
    return this.triage.assess(actor, id, body);
  }

  @Post('override')
  @HttpCode(200)
  @Roles('counselor', 'supervisor')
  @ApiBody({ schema: openApiSchema(triageOverrideSchema) })
  override(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(triageOverrideSchema)) body: TriageOverrideInput,
  ): Promise<TriageRecord> {
    return this.triage.override(actor, id, body);
  }

  @Get('history')
  @Roles('counselor', 'coordinator', 'supervisor')
  history(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<TriageRecord[]> {
    return this.triage.history(actor, id);
  }
}
