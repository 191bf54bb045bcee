import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { Metrics } from '../metrics/metrics.js';
import { ClaimLoop } from '../database/claim-loop.js';
import { raiseAlert } from '../alerts/alerts.js';
import { loadHandoffViewForAgency } from '../handoffs/handoffs.repository.js';
import {
  claimDueDelivery,
  envelopeOf,
  recordAttempt,
  storeBody,
  type AttemptResult,
  type ClaimedDelivery,
} from './webhooks.repository.js';
import { signWebhook } from './signing.js';

/** Seconds before attempt `attempts + 1`: base, 2×base, 4×base, … capped at six hours. */
export function backoffSeconds(baseSeconds: number, attemptsSoFar: number): number {
  return Math.min(6 * 3600, baseSeconds * 2 ** Math.max(0, attemptsSoFar - 1));
}

/**
 * Sends the webhook outbox. Each delivery is claimed with FOR UPDATE SKIP LOCKED in a transaction that stays open
 * while it is sent and records the answer, so with several instances a delivery goes out once; a crash mid-send
 * leaves it pending and it is sent again (receivers deduplicate by `webhook-id`, as the specification asks).
 */
@Injectable()
export class WebhookDispatcher extends ClaimLoop {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    // Two workers: one slow receiver does not hold up every other agency's deliveries.
    super({ name: 'Webhooks', maxPerPass: 100, workers: 2, failure: 'webhook pass failed' });
  }

  protected workOne(): Promise<boolean> {
    return this.uow.run(SYSTEM_ACTOR, async (tx) => {
      const delivery = await claimDueDelivery(tx);
      if (!delivery) return false;
      const body = delivery.body ?? (await this.firstBody(tx, delivery));
      const result = await this.attempt(delivery, body, tx.now);
      await recordAttempt(tx, delivery.id, result);
      this.metrics.webhookAttempts.inc({ result: result.status === 'pending' ? 'retry' : result.status });
      if (result.status === 'failed') await this.alertFailed(tx, delivery);
      return true;
    });
  }

  /**
   * The body, built once: the stored envelope, and for a handoff event the handoff in the agency's own view (what
   * its portal shows), so a partner system can act without calling back. Kept on the row so retries send the same
   * bytes; the disclosure is audited like a read.
   */
  private async firstBody(tx: Tx, d: ClaimedDelivery): Promise<string> {
    const envelope = envelopeOf(d);
    if (envelope.type === 'handoff.created' || envelope.type === 'handoff.updated') {
      const handoff = await loadHandoffViewForAgency(tx, envelope.data.id);
      if (handoff) {
        Object.assign(envelope.data, { handoff });
        await tx.audit({
          action: 'webhook.handoff-sent',
          entityType: 'handoff',
          entityId: handoff.id,
          details: { agencyId: d.agency_id, deliveryId: d.id },
        });
      }
    }
    const body = JSON.stringify(envelope);
    await storeBody(tx, d.id, body);
    return body;
  }

  private async attempt(d: ClaimedDelivery, body: string, now: Date): Promise<AttemptResult> {
    const attempts = d.attempts + 1;
    let httpStatus: number | null = null;
    let error: string;
    if (!d.webhook_url || !d.webhook_secret) {
      error = 'agency has no webhook URL or secret';
    } else {
      try {
        const res = await fetch(d.webhook_url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'crisis-dispatch-webhooks/1',
            ...signWebhook(d.webhook_secret, d.id, now, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        });
        httpStatus = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) return { status: 'delivered', httpStatus, error: null, nextAttemptAt: null };
        error = `HTTP ${res.status}`;
      } catch (e) {
        // Only the error's name and message: a URL or body could carry what a log must not.
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        error = `${(e as Error).name}${cause ? ` ${cause}` : ''}`.slice(0, 200);
      }
    }
    if (attempts >= this.config.webhookMaxAttempts) return { status: 'failed', httpStatus, error, nextAttemptAt: null };
    // Counted from the failure, not from the claim: a slow answer does not eat into the receiver's pause.
    const next = new Date(Date.now() + backoffSeconds(this.config.webhookRetryBaseSeconds, attempts) * 1000);
    return { status: 'pending', httpStatus, error, nextAttemptAt: next };
  }

  private async alertFailed(tx: Tx, d: ClaimedDelivery): Promise<void> {
    this.log.warn(`webhook delivery ${d.id} to agency ${d.agency_id} failed after ${d.attempts + 1} attempts`);
    await raiseAlert(tx, {
      kind: 'webhook-failed',
      severity: 'warning',
      message: `Webhook to ${d.agency_name} failed after ${d.attempts + 1} attempts (${d.event_type})`,
      // One open alert per agency: a receiver that is down does not bury the control room in alerts.
      dedupeKey: `webhook-failed:${d.agency_id}`,
    });
  }
}
