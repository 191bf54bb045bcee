import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  handoffCancelSchema,
  handoffDeclineRequestSchema,
  handoffListQuerySchema,
  handoffSchema,
  STAFF_ROLES,
  type HandoffCancelRequest,
  type HandoffDeclineRequest,
  type HandoffView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { HandoffsService } from './handoffs.service.js';

@ApiTags('handoffs')
@ApiBearerAuth()
@Controller()
export class HandoffsController {
  constructor(private readonly handoffs: HandoffsService) {}

  @Post('incidents/:id/handoffs')
  @HttpCode(201)
  @Roles('coordinator', 'supervisor', 'responder')
  @ApiBody({ schema: openApiSchema(handoffSchema) })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(handoffSchema)) body: { agencyId: string; kind: HandoffView['kind']; reason: string },
  ) {
    return this.handoffs.request(actor, id, body);
  }

  @Get('handoffs')
  @Roles(...STAFF_ROLES, 'agency')
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<HandoffView[]> {
    return this.handoffs.list(actor, parseOrThrow(handoffListQuerySchema, query));
  }

  @Get('handoffs/:id')
  @Roles(...STAFF_ROLES, 'agency')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    return this.handoffs.get(actor, id);
  }

  @Post('handoffs/:id/accept')
  @HttpCode(200)
  @Roles('agency')
  accept(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    return this.handoffs.respond(actor, id, 'accept');
  }

  @Post('handoffs/:id/decline')
  @HttpCode(200)
  @Roles('agency')
  @ApiBody({ schema: openApiSchema(handoffDeclineRequestSchema) })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(handoffDeclineRequestSchema)) body: HandoffDeclineRequest,
  ) {
    return this.handoffs.respond(actor, id, 'decline', body);
  }

  @Post('handoffs/:id/complete')
  @HttpCode(200)
  @Roles('agency')
  complete(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    return this.handoffs.respond(actor, id, 'complete');
  }

  @Post('handoffs/:id/contact-confirmed')
  @HttpCode(200)
  @Roles('agency', 'responder')
  contactConfirmed(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    return this.handoffs.confirmContact(actor, id);
  }

  @Post('handoffs/:id/cancel')
  @HttpCode(200)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(handoffCancelSchema) })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(handoffCancelSchema)) body: HandoffCancelRequest,
  ): Promise<HandoffView> {
    return this.handoffs.cancel(actor, id, body.reason);
  }
}
