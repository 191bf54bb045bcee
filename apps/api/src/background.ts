import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/config.js';
import { sequencerOf } from './database/event-sequencer.js';
import { poolOf } from './database/statements.js';
import { TimerRunner } from './timers/timer-runner.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * Starts the durable timer loop and the event sequencer's sweep on this instance; several instances may run them,
 * each timer fires once and each event is numbered once.
 */
export function startBackgroundWork(app: INestApplication, config: AppConfig): BackgroundWork {
  // Events a unit of work committed but no pass numbered (the instance stopped in between): now, then every poll.
  const sequencer = sequencerOf(poolOf(app.get(DataSource)));
  sequencer.start(config.timerPollMs);
  const runner = app.get(TimerRunner);
  runner.start(config.timerPollMs);
  // The webhook outbox has its own loop: a slow partner endpoint must not delay SLA and offer timers.
  const webhooks = app.get(WebhookDispatcher);
  webhooks.start(config.timerPollMs);
  return { stop: async () => void (await Promise.all([runner.stop(), webhooks.stop(), sequencer.stop()])) };
}
