import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  createShiftBatchSchema,
  createShiftSchema,
  listShiftsQuerySchema,
  type CreateShiftBatchRequest,
  type CreateShiftRequest,
  type ShiftBatchResult,
  type ShiftView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { CurrentActor, Roles, Staff } from '../auth/decorators.js';
import { ShiftsService } from './shifts.service.js';

@ApiTags('shifts')
@ApiBearerAuth()
@Controller('shifts')
export class ShiftsController {
  constructor(private readonly shifts: ShiftsService) {}

  @Get()
  @Staff()
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'teamId', required: false })
  list(@Query() query: Record<string, unknown>): Promise<ShiftView[]> {
    return this.shifts.list(parseOrThrow(listShiftsQuerySchema, query));
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'supervisor')
  @ApiBody({ schema: openApiSchema(createShiftSchema) })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createShiftSchema)) body: CreateShiftRequest,
  ): Promise<ShiftView> {
    return this.shifts.create(actor, body);
  }

  @Post('batch')
  @HttpCode(201)
  @Roles('admin', 'supervisor')
  @ApiBody({ schema: openApiSchema(createShiftBatchSchema) })
  createBatch(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(createShiftBatchSchema)) body: CreateShiftBatchRequest,
  ): Promise<ShiftBatchResult> {
    return this.shifts.createBatch(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'supervisor')
  remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.shifts.remove(actor, id);
  }
}
