import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { Tx } from '../database/tx.js';
import { Metrics } from '../metrics/metrics.js';

export interface TimerRow {
  id: string;
  kind: string;
  ref_id: string | null;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Handles a due timer inside the transaction that marks it fired: its effects and the firing commit together. */
export type TimerHandler = (tx: Tx, timer: TimerRow) => Promise<void>;

/** Schedules a timer in the caller's transaction; a pending timer of the same kind and ref is replaced. */
export async function scheduleTimer(
  tx: Tx,
  kind: string,
  refId: string,
  dueAt: Date,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO timer (kind, ref_id, due_at, payload) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (kind, ref_id) WHERE fired_at IS NULL AND cancelled_at IS NULL
     DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload`,
    [kind, refId, dueAt.toISOString(), JSON.stringify(payload)],
  );
}

/** scheduleTimer for several timers in one statement (a new record's timers, none pending yet). */
export async function scheduleTimers(
  tx: Tx,
  timers: { kind: string; refId: string; dueAt: Date; payload?: Record<string, unknown> }[],
): Promise<void> {
  if (timers.length === 0) return;
  await tx.query(
    `INSERT INTO timer (kind, ref_id, due_at, payload)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::jsonb[])
     ON CONFLICT (kind, ref_id) WHERE fired_at IS NULL AND cancelled_at IS NULL
     DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload`,
    [
      timers.map((t) => t.kind),
      timers.map((t) => t.refId),
      timers.map((t) => t.dueAt.toISOString()),
      timers.map((t) => JSON.stringify(t.payload ?? {})),
    ],
  );
}

export async function cancelTimer(tx: Tx, kind: string, refId: string): Promise<void> {
  await tx.query(
    `UPDATE timer SET cancelled_at = now() WHERE kind = $1 AND ref_id = $2 AND fired_at IS NULL AND cancelled_at IS NULL`,
    [kind, refId],
  );
}

/**
 * Durable timers: rows in `timer`, so they survive restarts. Each due timer is claimed with FOR UPDATE SKIP LOCKED
 * inside the transaction that runs its handler and marks it fired, so with several instances it fires exactly once,
 * and a crash mid-handler leaves it pending for the next pass.
 */
@Injectable()
export class TimerRunner {
  private readonly log = new Logger('Timers');
  private readonly handlers = new Map<string, TimerHandler>();
  private loop: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly metrics: Metrics,
  ) {}

  register(kind: string, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  start(pollMs: number): void {
    this.stopped = false;
    this.loop = setInterval(() => void this.tick(), pollMs);
    this.loop.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.loop) clearInterval(this.loop);
    await this.running;
  }

  /** Fires every due timer; returns how many fired. Exposed for tests and for a prompt pass after a restart. */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let i = 0; i < 200 && !this.stopped; i++) {
      const fired = await this.fireOne().catch((e: Error) => {
        this.log.warn(`timer pass failed: ${e.message}`);
        return false;
      });
      if (!fired) return;
    }
  }

  private async fireOne(): Promise<boolean> {
    let failed: { id: string; error: string } | null = null;
    const fired = await this.ds.transaction(async (manager) => {
      const [timer] = await manager.query<TimerRow[]>(
        `SELECT id, kind, ref_id, due_at, payload, attempts FROM timer
         WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now()
         ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!timer) return false;
      const handler = this.handlers.get(timer.kind);
      const tx = new Tx(manager, SYSTEM_ACTOR, new Date());
      try {
        await manager.query(`SAVEPOINT timer_handler`);
        // Marked fired before the handler runs, so a handler may schedule the next timer of its own kind and ref
        // (a periodic check, a repeating check-in) without the pending-timer index folding it into this row.
        // A failing handler rolls this back with the rest of its work.
        await manager.query(`UPDATE timer SET fired_at = now() WHERE id = $1`, [timer.id]);
        if (handler) await handler(tx, timer);
        else this.log.warn(`no handler for timer kind ${timer.kind}; marking fired`);
        await manager.query(`RELEASE SAVEPOINT timer_handler`);
      } catch (e) {
        // The handler's writes are undone; the timer is retried later with backoff instead of blocking the queue.
        await manager.query(`ROLLBACK TO SAVEPOINT timer_handler`);
        failed = { id: timer.id, error: (e as Error).message };
        await manager.query(
          `UPDATE timer SET attempts = attempts + 1, last_error = $2,
             due_at = now() + make_interval(secs => least(300, 5 * power(2, attempts)))
           WHERE id = $1`,
          [timer.id, failed.error.slice(0, 500)],
        );
        return true;
      }
      await manager.query(`UPDATE timer SET attempts = attempts + 1 WHERE id = $1`, [timer.id]);
      await tx.flushEvents();
      this.metrics.timersFired.inc({ kind: timer.kind });
      return true;
    });
    if (failed) this.log.warn(`timer ${(failed as { id: string }).id} failed: ${(failed as { error: string }).error}`);
    return fired;
  }
}
