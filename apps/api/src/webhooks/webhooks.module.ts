import { Module } from '@nestjs/common';
import { HandoffsModule } from '../handoffs/handoffs.module.js';
import { PartnerApiController } from './partner-api.controller.js';
import { PartnerApiService } from './partner-api.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [HandoffsModule],
  controllers: [WebhooksController, PartnerApiController],
  providers: [WebhooksService, WebhookDispatcher, PartnerApiService],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
