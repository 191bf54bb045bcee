import { Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { telephonyIncomingSchema, type TelephonyIncomingResponse } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { openApiSchema, parseOrThrow } from '../common/validation.js';
import { clientIp, Public } from '../auth/decorators.js';
import { CallsService } from '../calls/calls.service.js';
import { SIGNATURE_HEADER, signatureMatches, TIMESTAMP_HEADER } from './signature.js';

/** server.ts keeps the raw bytes of telephony requests (express.json `verify`) for the signature check. */
export type RequestWithRawBody = Request & { rawBody?: Buffer };

@ApiTags('telephony')
@Controller('telephony')
export class TelephonyController {
  constructor(
    private readonly calls: CallsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A PBX pushes a ringing call. No bearer token: the HMAC signature with TELEPHONY_SECRET authenticates it.
   * 201 with {id,status,receivedAt}; a retry with the same externalId answers the same call (201,
   * Idempotent-Replayed: true). 503 when no secret is configured, 401 on a missing or wrong signature.
   */
  @Post('incoming')
  @Public()
  @HttpCode(201)
  @ApiHeader({ name: 'X-Timestamp', description: 'unix seconds; refused when more than 5 minutes off' })
  @ApiHeader({
    name: 'X-Signature',
    description: 'sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<raw body>" with TELEPHONY_SECRET>',
  })
  @ApiBody({ schema: openApiSchema(telephonyIncomingSchema) })
  async incoming(
    @Req() req: RequestWithRawBody,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Headers(TIMESTAMP_HEADER) timestamp: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TelephonyIncomingResponse> {
    const secret = this.config.telephonySecret;
    if (!secret)
      throw new DomainError('SERVICE_UNAVAILABLE', 'Telephony integration is not configured (TELEPHONY_SECRET)');
    if (!signatureMatches(secret, req.rawBody ?? Buffer.alloc(0), signature, timestamp)) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Missing or wrong X-Signature, or X-Timestamp missing or more than 5 minutes off',
      );
    }
    const body = parseOrThrow(telephonyIncomingSchema, req.body);
    const actor: Actor = {
      userId: null,
      username: 'telephony',
      role: 'integration',
      ip: clientIp(req),
      userAgent: req.get('user-agent') ?? null,
    };
    const { call, replayed } = await this.calls.createFromTelephony(actor, body);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return call;
  }
}
