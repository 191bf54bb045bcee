import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  CALL_STATUSES,
  createCallSchema,
  endCallSchema,
  linkClientSchema,
  takeoverCallSchema,
  type CallView,
  type CreateCallRequest,
  type EndCallRequest,
  type LinkClientRequest,
  type TakeoverCallRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { openApiSchema, parseOrThrow, ZodPipe } from '../common/validation.js';
import { uuidParam } from '../common/params.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { CallsService } from './calls.service.js';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from './idempotency.js';

const listQuery = z.strictObject({
  status: z
    .string()
    .default('ringing,active')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(CALL_STATUSES)).min(1)),
});

@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @Roles('counselor', 'coordinator', 'supervisor')
  @ApiQuery({
    name: 'status',
    required: false,
    description: 'comma-separated: ringing, active, ended (default ringing,active)',
  })
  list(@Query() query: Record<string, unknown>): Promise<CallView[]> {
    return this.calls.list(parseOrThrow(listQuery, query).status);
  }

  /** 201 on create and on an Idempotency-Key replay (same body, same call; header Idempotent-Replayed: true). */
  @Post()
  @HttpCode(201)
  @Roles('counselor')
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  @ApiBody({ schema: openApiSchema(createCallSchema) })
  async create(
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(createCallSchema)) body: CreateCallRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CallView> {
    const { call, replayed } = await this.calls.create(actor, body, parseIdempotencyKey(key));
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return call;
  }

  @Get(':id')
  @Roles('counselor', 'coordinator', 'supervisor')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<CallView> {
    return this.calls.get(actor, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles('counselor')
  answer(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<CallView> {
    return this.calls.answer(actor, id);
  }

  @Post(':id/takeover')
  @HttpCode(200)
  @Roles('counselor', 'supervisor')
  @ApiBody({ schema: openApiSchema(takeoverCallSchema) })
  takeover(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(takeoverCallSchema)) body: TakeoverCallRequest,
  ): Promise<CallView> {
    return this.calls.takeover(actor, id, body.reason);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('counselor', 'supervisor')
  @ApiBody({ schema: openApiSchema(endCallSchema) })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(endCallSchema)) body: EndCallRequest,
  ): Promise<CallView> {
    return this.calls.end(actor, id, body);
  }

  @Post(':id/client')
  @HttpCode(200)
  @Roles('counselor', 'supervisor')
  @ApiBody({ schema: openApiSchema(linkClientSchema) })
  linkClient(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body(new ZodPipe(linkClientSchema)) body: LinkClientRequest,
  ): Promise<CallView> {
    return this.calls.linkClient(actor, id, body.clientId);
  }
}
