import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES } from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { ExportsService } from './exports.service.js';
import type { Eido } from './eido.js';
import type { FhirBundle } from './fhir-bundle.js';

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('handoffs/:id/fhir')
  @Roles(...STAFF_ROLES, 'agency')
  fhir(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<FhirBundle> {
    return this.exports.handoffFhir(actor, id);
  }

  @Get('incidents/:id/eido')
  @Roles(...STAFF_ROLES, 'agency')
  eido(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<Eido> {
    return this.exports.incidentEido(actor, id);
  }
}
