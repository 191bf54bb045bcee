import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  deliveriesQuerySchema,
  type WebhookAgencySummary,
  type WebhookDeliveryView,
  type WebhookSecretView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { uuidParam } from '../common/params.js';
import { parseOrThrow } from '../common/validation.js';
import { CurrentActor, Roles } from '../auth/decorators.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('agencies/:id/deliveries')
  @Roles('admin', 'supervisor', 'coordinator')
  deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<WebhookDeliveryView[]> {
    return this.webhooks.deliveries(actor, id, parseOrThrow(deliveriesQuerySchema, query));
  }

  @Get('webhooks/agencies')
  @Roles('admin', 'supervisor', 'coordinator')
  summaries(@CurrentActor() actor: Actor): Promise<WebhookAgencySummary[]> {
    return this.webhooks.summaries(actor);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  retry(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<WebhookDeliveryView> {
    return this.webhooks.retry(actor, id);
  }

  @Post('agencies/:id/webhook-secret')
  @HttpCode(200)
  @Roles('admin')
  rotate(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<WebhookSecretView> {
    return this.webhooks.rotateSecret(actor, id);
  }
}
