import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from './config/config.js';
import { TimerRunner } from './timers/timer-runner.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/** Starts the durable timer loop on this instance; several instances may run it, each timer fires once. */
export function startBackgroundWork(app: INestApplication, config: AppConfig): BackgroundWork {
  const runner = app.get(TimerRunner);
  runner.start(config.timerPollMs);
  // The webhook outbox has its own loop: a slow partner endpoint must not delay SLA and offer timers.
  const webhooks = app.get(WebhookDispatcher);
  webhooks.start(config.timerPollMs);
  return { stop: async () => void (await Promise.all([runner.stop(), webhooks.stop()])) };
}
