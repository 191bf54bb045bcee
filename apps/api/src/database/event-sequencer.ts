import { Logger } from '@nestjs/common';
import type pg from 'pg';
import { leftWaiting, LOCK_EVENT_COUNTER, SEQUENCE_EVENTS, type SequenceAnswer } from './event-outbox.js';
import { runPipelined, withConnection } from './statements.js';

/**
 * Gives the events in the outbox their seq (issue 12). Numbering them inside each unit of work made every write in
 * the system wait on the counter row until the write before it had committed and flushed its WAL; here one short
 * transaction numbers every event committed so far, so under load one counter update and one WAL flush serve many
 * writes, and a write waits for no other.
 *
 * A unit of work that raised events calls `sequence()` after its commit and answers its caller once the pass has
 * run: a client that reads GET /events after a 201 finds the events of its request there, as before. A pass that
 * fails leaves the events in the outbox (they are committed), and the sweep, which every instance runs, moves them,
 * as it does those of an instance that stopped between a commit and its pass.
 */
export class EventSequencer {
  private readonly log = new Logger('EventSequencer');
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private sweep: NodeJS.Timeout | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /**
   * Resolves once a pass that began after this call has finished, so it has numbered every event committed before
   * the call. Calls that arrive while a pass runs share the one pass after it.
   */
  sequence(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sequence();
      });
    return this.queued;
  }

  /** A pass now (events left by a stopped instance) and every `pollMs` after. */
  start(pollMs: number): void {
    const sweep = (): void =>
      void this.sequence().catch((e: Error) => this.log.warn(`event sequencing failed: ${e.message}`));
    sweep();
    this.sweep = setInterval(sweep, pollMs);
    this.sweep.unref();
  }

  async stop(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    await Promise.allSettled([this.running, this.queued]);
  }

  private async pass(): Promise<void> {
    for (;;) {
      const answer = await withConnection(this.pool, async (client, drop) => {
        try {
          const answers = await runPipelined(client, [
            { sql: 'BEGIN', params: [] },
            { sql: LOCK_EVENT_COUNTER, params: [] },
            { sql: SEQUENCE_EVENTS, params: [] },
            { sql: 'COMMIT', params: [] },
          ]);
          return answers[2][0] as SequenceAnswer;
        } catch (e) {
          await client.query('ROLLBACK').catch(drop);
          throw e;
        }
      });
      if (!leftWaiting(answer)) return;
    }
  }
}

const sequencers = new WeakMap<pg.Pool, EventSequencer>();

/** The one sequencer of a pool in this process (units of work, the CLI and the server's sweep share it). */
export function sequencerOf(pool: pg.Pool): EventSequencer {
  let s = sequencers.get(pool);
  if (!s) {
    s = new EventSequencer(pool);
    sequencers.set(pool, s);
  }
  return s;
}
