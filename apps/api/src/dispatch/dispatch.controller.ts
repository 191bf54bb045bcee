import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  declineDispatchSchema,
  dispatchesQuerySchema,
  offerDispatchSchema,
  withdrawDispatchSchema,
  type DeclineDispatchRequest,
  type DispatchPlan,
  type DispatchView,
  type OfferDispatchRequest,
  type RecommendationView,
  type WithdrawDispatchRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { OffersService } from './offers.service.js';
import { RecommendationsService } from './recommendations.service.js';
import { DispatchQueriesService } from './dispatch-queries.service.js';

const recommendationsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).optional() });

/** Offers and their answers, and recommendations. Parse, authorise, delegate. */
@ApiTags('dispatch')
@ApiBearerAuth()
@Controller()
export class DispatchController {
  constructor(
    private readonly offers: OffersService,
    private readonly recommendations: RecommendationsService,
    private readonly queries: DispatchQueriesService,
  ) {}

  @Get('incidents/:id/recommendations')
  @Roles('coordinator', 'supervisor')
  @ApiQuery({ name: 'limit', required: false, description: 'at most this many (default: every dispatchable team)' })
  recommend(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<RecommendationView[]> {
    return this.recommendations.forIncident(id, parseOrThrow(recommendationsQuery, query).limit);
  }

  @Get('incidents/:id/dispatch-plan')
  @Roles('coordinator', 'supervisor')
  plan(@Param('id', uuidParam('id')) id: string): Promise<DispatchPlan> {
    return this.recommendations.plan(id);
  }

  @Post('incidents/:id/dispatches')
  @HttpCode(201)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(offerDispatchSchema) })
  offer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(offerDispatchSchema)) body: OfferDispatchRequest,
  ): Promise<DispatchView> {
    return this.offers.offer(actor, id, body.teamId);
  }

  @Get('dispatches')
  @Roles('responder', 'coordinator', 'supervisor', 'admin')
  @ApiQuery({ name: 'teamId', required: false })
  @ApiQuery({ name: 'incidentId', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'comma-separated dispatch statuses' })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<DispatchView[]> {
    return this.queries.list(actor, parseOrThrow(dispatchesQuerySchema, query));
  }

  @Post('dispatches/:id/accept')
  @HttpCode(200)
  @Roles('responder')
  accept(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DispatchView> {
    return this.offers.accept(actor, id);
  }

  @Post('dispatches/:id/decline')
  @HttpCode(200)
  @Roles('responder')
  @ApiBody({ schema: openApiSchema(declineDispatchSchema) })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(declineDispatchSchema)) body: DeclineDispatchRequest,
  ): Promise<DispatchView> {
    return this.offers.decline(actor, id, body.reason);
  }

  @Post('dispatches/:id/withdraw')
  @HttpCode(200)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(withdrawDispatchSchema) })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(withdrawDispatchSchema)) body: WithdrawDispatchRequest,
  ): Promise<DispatchView> {
    return this.offers.withdraw(actor, id, body.reason);
  }
}
