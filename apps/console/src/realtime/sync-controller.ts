import type { AnyEventEnvelope, EventsPage } from '#contracts';
import type { EventStore } from './event-store';

export type FetchEventsPage = (after: number, limit: number) => Promise<EventsPage>;

export interface SyncOptions {
  fetchPage: FetchEventsPage;
  /**
   * GET /events/head. With it, the first catch-up starts the store at the log's head, loads the snapshots and
   * reads only what came after, instead of replaying the whole log from seq 0.
   */
  fetchHead?: () => Promise<{ lastSeq: number }>;
  /** Loads the REST snapshots into the store; `asOf` is the head read just before. Should not throw. */
  loadSnapshot?: (asOf: number) => Promise<void>;
  /** Page size asked of GET /events; a shorter page means the end of the log. */
  limit?: number;
  /** How long a gap may wait for the missing envelope to arrive on its own before we ask the server. */
  gapWaitMs?: number;
  /** Called after every completed catch-up with the seq it reached. */
  onSynced?: (lastSeq: number) => void;
  onError?: (error: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Keeps the store gap-free: one catch-up at a time (a request made while one runs is queued behind it), a
 * catch-up on every (re)connect, and one after a short wait whenever a live envelope arrives ahead of a missing seq.
 *
 * The first catch-up starts the store: head → cursor → snapshots → events after the head. Reading the head before
 * the snapshots is what makes it safe: each snapshot row already reflects every event up to the head, and events
 * after it are applied over the rows as upserts (EventStore.seed*, snapshot-order.ts). A socket that connects
 * meanwhile only queues its catch-up behind this one; live envelopes that arrive early wait in the store's gap
 * buffer, and those up to the head are dropped when the cursor is set.
 */
export class SyncController {
  private running: Promise<void> | null = null;
  private started = false;
  private again = false;
  private gapTimer: unknown = null;
  private readonly limit: number;
  private readonly gapWaitMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly store: EventStore,
    private readonly options: SyncOptions,
  ) {
    this.limit = options.limit ?? 500;
    this.gapWaitMs = options.gapWaitMs ?? 150;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** A live envelope from the socket. */
  receive(envelope: AnyEventEnvelope): void {
    const outcome = this.store.receive(envelope);
    if (outcome === 'buffered' && this.gapTimer === null && !this.running) {
      this.gapTimer = this.setTimer(() => {
        this.gapTimer = null;
        if (this.store.hasGap) void this.catchUp();
      }, this.gapWaitMs);
    }
  }

  /** Reads GET /events from the store's last seq to the end of the log and applies it in order. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.gapTimer !== null) {
      this.clearTimer(this.gapTimer);
      this.gapTimer = null;
    }
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no catch-up is running. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  dispose(): void {
    if (this.gapTimer !== null) this.clearTimer(this.gapTimer);
    this.gapTimer = null;
  }

  private async runLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        if (!this.started && this.options.fetchHead) await this.start(this.options.fetchHead);
        await this.readToEnd();
      } catch (error) {
        this.options.onError?.(error);
        return;
      }
    } while (this.again || this.store.hasGap);
    this.options.onSynced?.(this.store.lastSeq);
  }

  private async start(fetchHead: () => Promise<{ lastSeq: number }>): Promise<void> {
    // A failure here leaves `started` false: the next (re)connect starts over.
    const { lastSeq } = await fetchHead();
    this.store.setCursor(lastSeq);
    await this.options.loadSnapshot?.(lastSeq);
    this.started = true;
  }

  private async readToEnd(): Promise<void> {
    for (;;) {
      const page = await this.options.fetchPage(this.store.lastSeq, this.limit);
      this.store.applyCatchUpPage(page.events);
      if (page.events.length < this.limit) {
        this.store.completeCatchUp(Math.max(this.store.lastSeq, page.lastSeq ?? 0));
        return;
      }
    }
  }
}
