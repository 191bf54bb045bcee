import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  followUpAttemptSchema,
  followUpCompleteSchema,
  followUpListQuerySchema,
  handBackSchema,
  type FollowUpAttemptRequest,
  type FollowUpCompleteRequest,
  type FollowUpView,
  type HandBackRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { FollowUpsService } from './followups.service.js';

const listQuery = followUpListQuerySchema.extend({ incidentId: z.uuid().optional() });

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get('follow-ups')
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'done', 'all'] })
  @ApiQuery({ name: 'agencyId', required: false })
  @ApiQuery({ name: 'incidentId', required: false })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<FollowUpView[]> {
    return this.followUps.list(actor, parseOrThrow(listQuery, query));
  }

  @Post('follow-ups/:id/attempts')
  @HttpCode(201)
  @Roles('counselor', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(followUpAttemptSchema) })
  attempt(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(followUpAttemptSchema)) body: FollowUpAttemptRequest,
  ): Promise<FollowUpView> {
    return this.followUps.attempt(actor, id, body);
  }

  @Post('follow-ups/:id/complete')
  @HttpCode(200)
  @Roles('counselor', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(followUpCompleteSchema) })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(followUpCompleteSchema)) body: FollowUpCompleteRequest,
  ): Promise<FollowUpView> {
    return this.followUps.complete(actor, id, body);
  }

  /** The warm hand-back of a closed incident to the person's community centre. */
  @Post('incidents/:id/hand-back')
  @HttpCode(201)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(handBackSchema) })
  handBack(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(handBackSchema)) body: HandBackRequest,
  ): Promise<FollowUpView> {
    return this.followUps.handBack(actor, id, body);
  }
}
