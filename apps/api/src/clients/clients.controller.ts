import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  clientSearchQuerySchema,
  createClientSchema,
  safetyPlanSchema,
  updateClientSchema,
  type ClientHistoryItem,
  type ClientSearchItem,
  type ClientView,
  type CreateClientRequest,
  type SafetyPlan,
  type UpdateClientRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { ClientsService } from './clients.service.js';

// Agency users reach these routes only as a community centre, for its own clients (checked in the service,
// which knows the agency's kind).

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  @ApiQuery({ name: 'q', required: false, description: 'a name (or part of it) or a phone number in any format' })
  search(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<ClientSearchItem[]> {
    return this.clients.search(actor, parseOrThrow(clientSearchQuerySchema, query).q);
  }

  @Get(':id')
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ClientView> {
    return this.clients.get(actor, id);
  }

  @Get(':id/history')
  @Roles('counselor', 'coordinator', 'supervisor', 'agency')
  history(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ClientHistoryItem[]> {
    return this.clients.history(actor, id);
  }

  @Post()
  @HttpCode(201)
  @Roles('counselor', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(createClientSchema) })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createClientSchema)) body: CreateClientRequest,
  ): Promise<ClientView> {
    return this.clients.create(actor, body);
  }

  @Patch(':id')
  @Roles('counselor', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(updateClientSchema) })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(updateClientSchema)) body: UpdateClientRequest,
  ): Promise<ClientView> {
    return this.clients.update(actor, id, body);
  }

  @Put(':id/safety-plan')
  @Roles('counselor', 'supervisor', 'agency')
  @ApiBody({ schema: openApiSchema(safetyPlanSchema) })
  putSafetyPlan(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(safetyPlanSchema)) body: SafetyPlan,
  ): Promise<ClientView> {
    return this.clients.putSafetyPlan(actor, id, body);
  }
}
