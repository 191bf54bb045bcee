import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { FOLLOW_UP_STATUSES, followUpDoneSchema, type FollowUpDoneRequest, type FollowUpView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { FollowUpsService } from './followups.service.js';

const listQuery = z.strictObject({ status: z.enum([...FOLLOW_UP_STATUSES, 'all']).default('open') });

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  @ApiQuery({ name: 'status', required: false, enum: [...FOLLOW_UP_STATUSES, 'all'] })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<FollowUpView[]> {
    return this.followUps.list(actor, parseOrThrow(listQuery, query).status);
  }

  @Post(':id/done')
  @HttpCode(200)
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(followUpDoneSchema) })
  done(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(followUpDoneSchema)) body: FollowUpDoneRequest,
  ): Promise<FollowUpView> {
    return this.followUps.done(actor, id, body.notes ?? null);
  }
}
