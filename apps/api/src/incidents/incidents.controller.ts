import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  ACTIVE_INCIDENT_STATUSES,
  cancelIncidentSchema,
  closeIncidentSchema,
  createIncidentSchema,
  INCIDENT_STATUSES,
  type CancelIncidentRequest,
  type CloseIncidentRequest,
  type CreateIncidentRequest,
  type FieldIncidentView,
  type IncidentDetail,
  type IncidentStatus,
  type IncidentView,
  type SimilarIncident,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { IncidentsService } from './incidents.service.js';
import { IncidentLifecycleService } from './incident-lifecycle.service.js';

// `active` is shorthand for every status but closed and cancelled; otherwise a comma-separated list.
const listQuery = z.strictObject({
  status: z
    .string()
    .default('active')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum([...INCIDENT_STATUSES, 'active', 'all'])).min(1))
    .transform((list): IncidentStatus[] => [
      ...new Set(
        list.flatMap((s): readonly IncidentStatus[] =>
          s === 'active' ? ACTIVE_INCIDENT_STATUSES : s === 'all' ? INCIDENT_STATUSES : [s],
        ),
      ),
    ]),
});

const similarQuery = z
  .strictObject({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    address: z.string().trim().max(300).optional(),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    path: ['lng'],
    message: 'lat and lng go together',
  });

@ApiTags('incidents')
@ApiBearerAuth()
@Controller()
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly lifecycle: IncidentLifecycleService,
  ) {}

  /** 201 with a new incident; 200 with the existing one when the body attaches the call (`attachToIncidentId`). */
  @Post('incidents')
  @HttpCode(201)
  @Roles('counselor', 'coordinator')
  @ApiBody({ schema: openApiSchema(createIncidentSchema) })
  async create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createIncidentSchema)) body: CreateIncidentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentView> {
    const { incident, attached } = await this.incidents.create(actor, body);
    if (attached) res.status(200);
    return incident;
  }

  @Get('incidents')
  @Staff()
  @ApiQuery({ name: 'status', required: false, description: 'active (default), all, or comma-separated statuses' })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<IncidentView[]> {
    return this.incidents.list(actor, parseOrThrow(listQuery, query).status);
  }

  @Get('incidents/:id')
  @Staff()
  detail(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<IncidentDetail | FieldIncidentView> {
    return this.incidents.detail(actor, id);
  }

  @Get('calls/:id/similar-incidents')
  @Roles('counselor', 'coordinator', 'supervisor')
  @ApiQuery({ name: 'lat', required: false })
  @ApiQuery({ name: 'lng', required: false })
  @ApiQuery({ name: 'address', required: false })
  similar(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<SimilarIncident[]> {
    const q = parseOrThrow(similarQuery, query);
    return this.incidents.similar(actor, id, {
      location: q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null,
      address: q.address ?? null,
    });
  }

  @Post('incidents/:id/close')
  @HttpCode(200)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(closeIncidentSchema) })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(closeIncidentSchema)) body: CloseIncidentRequest,
  ): Promise<IncidentView> {
    return this.lifecycle.close(actor, id, body.disposition);
  }

  @Post('incidents/:id/cancel')
  @HttpCode(200)
  @Roles('coordinator', 'supervisor')
  @ApiBody({ schema: openApiSchema(cancelIncidentSchema) })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(cancelIncidentSchema)) body: CancelIncidentRequest,
  ): Promise<IncidentView> {
    return this.lifecycle.cancel(actor, id, body.reason);
  }
}
