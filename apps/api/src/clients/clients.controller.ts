import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { createClientSchema, type ClientView, type CreateClientRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { ClientsService } from './clients.service.js';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get(':id')
  @Roles('counselor', 'coordinator', 'supervisor')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ClientView> {
    return this.clients.get(actor, id);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'supervisor')
  @ApiBody({ schema: openApiSchema(createClientSchema) })
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createClientSchema)) body: CreateClientRequest): Promise<ClientView> {
    return this.clients.create(actor, body);
  }
}
