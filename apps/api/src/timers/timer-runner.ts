import { Injectable } from '@nestjs/common';
import type { TimerKind } from '#contracts';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { Metrics } from '../metrics/metrics.js';
import { ClaimLoop } from '../database/claim-loop.js';
import { claimDueTimer, markTimerFired, retryTimerLater, type TimerRow } from './timers.repository.js';

/** Handles a due timer inside the transaction that marks it fired: its effects and the firing commit together. */
export type TimerHandler = (tx: Tx, timer: TimerRow) => Promise<void>;

// Features schedule and cancel timers with these; they live with the other timer statements.
export { cancelTimer, scheduleTimer, scheduleTimers, type TimerRow } from './timers.repository.js';

/**
 * Durable timers: rows in `timer`, so they survive restarts. Each due timer is claimed with FOR UPDATE SKIP LOCKED
 * inside the transaction that runs its handler and marks it fired, so with several instances it fires exactly once,
 * and a crash mid-handler leaves it pending for the next pass.
 */
@Injectable()
export class TimerRunner extends ClaimLoop {
  private readonly handlers = new Map<TimerKind, TimerHandler>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly metrics: Metrics,
  ) {
    super({ name: 'Timers', maxPerPass: 200, workers: 1, failure: 'timer pass failed' });
  }

  register(kind: TimerKind, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  protected async workOne(): Promise<boolean> {
    const outcome = await this.uow.run(SYSTEM_ACTOR, async (tx) => {
      const timer = await claimDueTimer(tx);
      if (!timer) return null;
      const handler = this.handlers.get(timer.kind);
      // Marked fired before the handler runs, so a handler may schedule the next timer of its own kind and ref
      // (a periodic check, a repeating check-in) without the pending-timer index folding it into this row.
      // A failing handler rolls this back with the rest of its work.
      const done = await tx.part(async () => {
        await markTimerFired(tx, timer.id);
        if (handler) await handler(tx, timer);
        else this.log.warn(`no handler for timer kind ${timer.kind}; marking fired`);
      });
      // A failed handler's writes are undone; the timer is retried later with backoff instead of blocking the queue.
      if (!done.ok) await retryTimerLater(tx, timer.id, done.error.message);
      return { timer, error: done.ok ? null : done.error.message };
    });
    if (!outcome) return false;
    if (outcome.error) this.log.warn(`timer ${outcome.timer.id} failed: ${outcome.error}`);
    else this.metrics.timersFired.inc({ kind: outcome.timer.kind });
    return true;
  }
}
