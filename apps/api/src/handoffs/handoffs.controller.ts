import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  bedsSchema,
  handoffDeclineSchema,
  handoffListQuerySchema,
  handoffSchema,
  STAFF_ROLES,
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
  request(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(handoffSchema)) body: { agencyId: string; kind: HandoffView['kind']; reason: string }) {
    return this.handoffs.request(actor, id, body);
  }

  @Get('handoffs')
  @Roles(...STAFF_ROLES, 'agency')
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<HandoffView[]> {
    return this.handoffs.list(actor, parseOrThrow(handoffListQuerySchema, query));
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
  @ApiBody({ schema: openApiSchema(handoffDeclineSchema) })
  decline(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(handoffDeclineSchema)) body: { reasonCode: Parameters<HandoffsService['respond']>[3] }) {
    return this.handoffs.respond(actor, id, 'decline', body.reasonCode);
  }

  @Post('handoffs/:id/complete')
  @HttpCode(200)
  @Roles('agency')
  complete(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    return this.handoffs.respond(actor, id, 'complete');
  }

  @Post('agencies/:id/beds')
  @HttpCode(200)
  @Roles('agency', 'coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(bedsSchema) })
  beds(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body(new ZodPipe(bedsSchema)) body: { bedsAvailable: number }) {
    return this.handoffs.reportBeds(actor, id, body.bedsAvailable);
  }
}
