import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from './config/config.js';
import { TimerRunner } from './timers/timer-runner.js';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/** Starts the durable timer loop on this instance; several instances may run it, each timer fires once. */
export function startBackgroundWork(app: INestApplication, config: AppConfig): BackgroundWork {
  const runner = app.get(TimerRunner);
  runner.start(config.timerPollMs);
  return { stop: () => runner.stop() };
}
