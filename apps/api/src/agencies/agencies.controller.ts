import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  AGENCY_KINDS,
  createAgencySchema,
  type AgencyCreatedView,
  type AgencyView,
  type CreateAgencyRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { AgenciesService } from './agencies.service.js';

const listQuery = z.strictObject({ kind: z.enum(AGENCY_KINDS).optional() });

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @Staff()
  @ApiQuery({ name: 'kind', required: false, enum: AGENCY_KINDS })
  list(@Query() query: Record<string, unknown>): Promise<AgencyView[]> {
    return this.agencies.list(parseOrThrow(listQuery, query).kind);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(createAgencySchema) })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createAgencySchema)) body: CreateAgencyRequest,
  ): Promise<AgencyCreatedView> {
    return this.agencies.create(actor, body);
  }
}
