import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { patchAgencySchema, type AgencyAdminView, type PatchAgencyRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { AgencyAdminService } from './agency-admin.service.js';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller()
export class AgencyAdminController {
  constructor(private readonly agencies: AgencyAdminService) {}

  /** The agencies with the fields only their editor sees (contact, webhook URL). */
  @Get('admin/agencies')
  @Roles('admin')
  list(): Promise<AgencyAdminView[]> {
    return this.agencies.list();
  }

  @Patch('agencies/:id')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(patchAgencySchema) })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(patchAgencySchema)) body: PatchAgencyRequest,
  ): Promise<AgencyAdminView> {
    return this.agencies.update(actor, id, body);
  }
}
