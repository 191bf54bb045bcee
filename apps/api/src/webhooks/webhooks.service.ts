import { Injectable } from '@nestjs/common';
import type { WebhookAgencySummary, WebhookDeliveryStatus, WebhookDeliveryView, WebhookSecretView } from '#contracts';
import { agencyExists, setWebhookSecret } from '../agencies/agencies.repository.js';
import type { Actor } from '../common/actor.js';
import { conflict, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { agencySummaries, findDelivery, listDeliveries, requeueFailed } from './webhooks.repository.js';
import { newWebhookSecret } from './signing.js';

@Injectable()
export class WebhooksService {
  constructor(private readonly uow: UnitOfWork) {}

  deliveries(
    actor: Actor,
    agencyId: string,
    filter: { status?: WebhookDeliveryStatus; limit?: number },
  ): Promise<WebhookDeliveryView[]> {
    return this.uow.run(actor, async (tx) => {
      if (!(await agencyExists(tx, agencyId))) throw notFound('Agency');
      return listDeliveries(tx, agencyId, filter.status ?? null, filter.limit ?? 200);
    });
  }

  summaries(actor: Actor): Promise<WebhookAgencySummary[]> {
    return this.uow.run(actor, (tx) => agencySummaries(tx));
  }

  /** A person retries a failed delivery: one more attempt now (its attempts are not reset, so a failure stays failed). */
  retry(actor: Actor, deliveryId: string): Promise<WebhookDeliveryView> {
    return this.uow.run(actor, async (tx) => {
      const requeued = await requeueFailed(tx, deliveryId);
      if (!requeued) {
        const current = await findDelivery(tx, deliveryId);
        if (!current) throw notFound('Delivery');
        throw conflict('STATE_CHANGED', `Delivery is ${current.status}; only a failed delivery is retried`);
      }
      await tx.audit({
        action: 'webhook.retried',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        details: { agencyId: requeued.agencyId },
      });
      return requeued;
    });
  }

  /** A new signing secret, shown once; deliveries still queued are signed with it from now on. */
  rotateSecret(actor: Actor, agencyId: string): Promise<WebhookSecretView> {
    return this.uow.run(actor, async (tx) => {
      const webhookSecret = newWebhookSecret();
      if (!(await setWebhookSecret(tx, agencyId, webhookSecret))) throw notFound('Agency');
      await tx.audit({ action: 'agency.webhook-secret-rotated', entityType: 'agency', entityId: agencyId });
      return { webhookSecret };
    });
  }
}
