import { Logger } from '@nestjs/common';

export interface ClaimLoopOptions {
  /** The logger's context (`Timers`). */
  name: string;
  /** Rows one worker handles in one pass at most, so a flood never keeps a pass from ending. */
  maxPerPass: number;
  /** Workers draining side by side: one slow row does not hold up the others. */
  workers: number;
  /** What the warning of a failed pass is prefixed with (`timer pass failed`). */
  failure: string;
}

/**
 * The polling loop of a table worked as a queue (timers, webhook deliveries): every poll it claims and works due rows
 * until none is left; rescheduling a row is the subclass's business. Passes never overlap, and stop() waits for the
 * running one, so a shutdown never cuts a row's transaction short.
 */
export abstract class ClaimLoop {
  protected readonly log: Logger;
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly o: ClaimLoopOptions) {
    this.log = new Logger(o.name);
  }

  /** Claims one due row with FOR UPDATE SKIP LOCKED in its own transaction and works it; false when none was due. */
  protected abstract workOne(): Promise<boolean>;

  start(pollMs: number): void {
    this.stopped = false;
    // A poll while a pass runs is dropped: the next poll comes soon enough.
    this.interval = setInterval(() => {
      if (!this.running && !this.stopped) void this.pass();
    }, pollMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    await this.running;
    await this.queued;
  }

  /**
   * Resolves once a pass that began after this call has finished. A pass already running (the poll's) may have
   * looked for due rows before the caller's change, so a call during it waits for the pass after it; calls during one
   * pass share that next one. Exposed for tests and for a prompt pass after a restart.
   */
  tick(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
    if (!this.running) return this.pass();
    this.queued ??= this.running.then(() => {
      this.queued = null;
      if (this.stopped) return undefined;
      // A pass started between the two (it began after the call too) is the one to wait for.
      return this.running ?? this.pass();
    });
    return this.queued;
  }

  /** One pass; passes never overlap, and stop() waits for the running one. */
  private pass(): Promise<void> {
    this.running = Promise.all(Array.from({ length: this.o.workers }, () => this.drain()))
      .then(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let i = 0; i < this.o.maxPerPass && !this.stopped; i++) {
      const worked = await this.workOne().catch((e: Error) => {
        this.log.warn(`${this.o.failure}: ${e.message}`);
        return false;
      });
      if (!worked) return;
    }
  }
}
