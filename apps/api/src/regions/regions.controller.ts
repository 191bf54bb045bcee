import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { RegionCollection } from '#contracts';
import type { Actor } from '../common/actor.js';
import { parseOrThrow } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { RegionsService } from './regions.service.js';

const importQuerySchema = z.strictObject({
  nameProperty: z.string().min(1).max(64).default('name'),
  codeProperty: z.string().min(1).max(64).default('code'),
  nameKoProperty: z.string().min(1).max(64).optional(),
  populationProperty: z.string().min(1).max(64).optional(),
});

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Staff()
  list(): Promise<RegionCollection> {
    return this.regions.collection();
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiQuery({ name: 'nameProperty', required: false })
  @ApiQuery({ name: 'codeProperty', required: false })
  import(@CurrentActor() actor: Actor, @Body() body: unknown, @Query() query: Record<string, unknown>) {
    return this.regions.import(actor, body, parseOrThrow(importQuerySchema, query));
  }
}
