import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { partnerAnswerSchema, type HandoffView } from '#contracts';
import { DomainError } from '../common/errors.js';
import { uuidParam } from '../common/params.js';
import { openApiSchema, parseOrThrow } from '../common/validation.js';
import { Public } from '../auth/decorators.js';
import { PartnerApiService } from './partner-api.service.js';

/** server.ts keeps the raw bytes of partner-api requests (express.json `verify`): the signature covers them. */
export type PartnerRequest = Request & { rawBody?: Buffer };

@ApiTags('partner-api')
@Controller('partner-api')
export class PartnerApiController {
  constructor(private readonly partnerApi: PartnerApiService) {}

  /**
   * A partner's own system answers a handoff. No bearer token: the request is signed like our webhooks (Standard
   * Webhooks headers) with the agency's `whsec_` secret. A bad or stale (over 5 minutes) signature is a 401.
   */
  @Post('handoffs/:id/answer')
  @Public()
  @HttpCode(200)
  @ApiHeader({ name: 'webhook-id', description: 'a unique message id' })
  @ApiHeader({ name: 'webhook-timestamp', description: 'unix seconds; refused when more than 5 minutes off' })
  @ApiHeader({
    name: 'webhook-signature',
    description: 'v1,<base64 HMAC-SHA256 of "id.timestamp.body" with the agency secret>',
  })
  @ApiBody({ schema: openApiSchema(partnerAnswerSchema) })
  async answer(@Req() req: PartnerRequest, @Param('id', uuidParam('id')) id: string): Promise<HandoffView> {
    const agency = await this.partnerApi.verify(id, req.rawBody ?? Buffer.alloc(0), req.headers);
    if (!agency) throw new DomainError('UNAUTHENTICATED', 'Missing, wrong or stale webhook signature');
    const body = parseOrThrow(partnerAnswerSchema, req.body);
    return this.partnerApi.answer(agency, id, body, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
  }
}
