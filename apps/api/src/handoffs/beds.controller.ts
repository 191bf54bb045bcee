import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  bedReportSchema,
  bedRequestSchema,
  STAFF_ROLES,
  type AgencyView,
  type BedReportRequest,
  type BedRequestRequest,
  type BedRequestView,
  type BedsView,
  type HospitalSuggestion,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { BedRequestsService } from './bed-requests.service.js';

@ApiTags('beds')
@ApiBearerAuth()
@Controller()
export class BedsController {
  constructor(private readonly beds: BedRequestsService) {}

  @Get('incidents/:id/hospital-suggestions')
  @Roles('coordinator', 'supervisor', 'responder')
  suggestions(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HospitalSuggestion[]> {
    return this.beds.suggestions(actor, id);
  }

  @Post('incidents/:id/bed-requests')
  @HttpCode(201)
  @Roles('coordinator', 'supervisor', 'responder')
  @ApiBody({ schema: openApiSchema(bedRequestSchema) })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(bedRequestSchema)) body: BedRequestRequest,
  ): Promise<BedRequestView> {
    return this.beds.create(actor, id, body);
  }

  @Get('agencies/:id')
  @Roles(...STAFF_ROLES, 'agency')
  agency(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<AgencyView> {
    return this.beds.agency(actor, id);
  }

  @Post('agencies/:id/beds')
  @HttpCode(200)
  @Roles('agency', 'coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(bedReportSchema) })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(bedReportSchema)) body: BedReportRequest,
  ): Promise<BedsView> {
    return this.beds.reportBeds(actor, id, body.available, body.accepting);
  }
}
