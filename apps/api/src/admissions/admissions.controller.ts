import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  administrativeAdmissionSchema,
  admissionsQuerySchema,
  emergencyAdmissionSchema,
  endAdmissionSchema,
  guardianNoticeSchema,
  holidaysSchema,
  STAFF_ROLES,
  type AdministrativeAdmissionRequest,
  type AdministrativeAdmissionView,
  type EmergencyAdmissionRequest,
  type EmergencyAdmissionView,
  type EndAdmissionRequest,
  type GuardianNoticeRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { AdmissionsService } from './admissions.service.js';
import { HolidaysService } from './holidays.service.js';

@ApiTags('admissions')
@ApiBearerAuth()
@Controller()
export class AdmissionsController {
  constructor(
    private readonly admissions: AdmissionsService,
    private readonly holidays: HolidaysService,
  ) {}

  @Post('incidents/:id/emergency-admission')
  @HttpCode(201)
  @Roles('coordinator', 'responder')
  @ApiBody({ schema: openApiSchema(emergencyAdmissionSchema) })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(emergencyAdmissionSchema)) body: EmergencyAdmissionRequest,
  ): Promise<EmergencyAdmissionView> {
    return this.admissions.createEmergency(actor, id, body);
  }

  @Get('emergency-admissions')
  @Roles(...STAFF_ROLES, 'agency')
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<EmergencyAdmissionView[]> {
    return this.admissions.list(actor, parseOrThrow(admissionsQuerySchema, query));
  }

  @Post('emergency-admissions/:id/guardian-notice')
  @HttpCode(200)
  @Roles('coordinator', 'agency')
  @ApiBody({ schema: openApiSchema(guardianNoticeSchema) })
  guardianNotice(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(guardianNoticeSchema)) body: GuardianNoticeRequest,
  ): Promise<EmergencyAdmissionView> {
    return this.admissions.recordGuardianNotice(actor, id, body);
  }

  @Post('emergency-admissions/:id/end')
  @HttpCode(200)
  @Roles('coordinator', 'agency')
  @ApiBody({ schema: openApiSchema(endAdmissionSchema) })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(endAdmissionSchema)) body: EndAdmissionRequest,
  ): Promise<EmergencyAdmissionView> {
    return this.admissions.end(actor, id, body);
  }

  @Post('incidents/:id/administrative-admission')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiBody({ schema: openApiSchema(administrativeAdmissionSchema) })
  administrative(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(administrativeAdmissionSchema)) body: AdministrativeAdmissionRequest,
  ): Promise<AdministrativeAdmissionView> {
    return this.admissions.recordAdministrative(actor, id, body);
  }

  @Get('holidays')
  @Staff()
  listHolidays(@CurrentActor() actor: Actor): Promise<string[]> {
    return this.holidays.list(actor);
  }

  @Put('holidays')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(holidaysSchema) })
  replaceHolidays(@CurrentActor() actor: Actor, @Body(new ZodPipe(holidaysSchema)) body: string[]): Promise<string[]> {
    return this.holidays.replace(actor, body);
  }
}
