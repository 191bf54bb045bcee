import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { putSkillsSchema, type PutSkillsRequest, type SkillView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { SkillsService } from './skills.service.js';

@ApiTags('skills')
@ApiBearerAuth()
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @Staff()
  list(): Promise<SkillView[]> {
    return this.skills.list();
  }

  @Put()
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(putSkillsSchema) })
  replace(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(putSkillsSchema)) body: PutSkillsRequest,
  ): Promise<SkillView[]> {
    return this.skills.replace(actor, body);
  }
}
