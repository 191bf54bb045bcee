import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  createTeamSchema,
  latLngSchema,
  patchTeamSchema,
  type CreateTeamRequest,
  type LatLng,
  type PatchTeamRequest,
  type TeamView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { TeamsService } from './teams.service.js';
import { uuidParam } from '../common/params.js';

@ApiTags('teams')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams')
  @Staff()
  list(): Promise<TeamView[]> {
    return this.teams.list();
  }

  @Post('teams')
  @HttpCode(201)
  @Roles('admin', 'supervisor')
  @ApiBody({ schema: openApiSchema(createTeamSchema) })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createTeamSchema)) body: CreateTeamRequest,
  ): Promise<TeamView> {
    return this.teams.create(actor, body);
  }

  @Patch('teams/:id')
  @Roles('admin', 'supervisor')
  @ApiBody({ schema: openApiSchema(patchTeamSchema) })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(patchTeamSchema)) body: PatchTeamRequest,
  ): Promise<TeamView> {
    return this.teams.update(actor, id, body);
  }

  @Post('teams/:id/location')
  @HttpCode(204)
  @Roles('responder')
  @ApiBody({ schema: openApiSchema(latLngSchema) })
  location(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(latLngSchema)) body: LatLng,
  ): Promise<void> {
    return this.teams.reportLocation(actor, id, body);
  }
}
