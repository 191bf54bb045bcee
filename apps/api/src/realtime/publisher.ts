import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { Db } from '../database/db.js';
import { Metrics } from '../metrics/metrics.js';
import type { AnyEventEnvelope } from '#contracts';
import { eventsAfter, headSeq, type StoredEvent } from './events.repository.js';
import { emitInOneWrite } from './one-write.js';

/**
 * Pushes committed events to this instance's sockets, in seq order, with no gaps.
 * Writers NOTIFY at commit; each instance LISTENs (notifications.ts) and then reads the event table after its last
 * delivered seq, so every instance delivers every event exactly once to its own sockets, and a lost notification only
 * delays delivery until the next one or the fallback poll. No Socket.IO adapter is needed: the database is the bus.
 * A notification that carries its envelopes (database/tx.ts) and continues exactly at the last delivered seq is
 * emitted as it is, without reading the table back (issue 12); anything else, a gap, a bare seq or a drain already
 * running, goes through the table in seq order as before.
 */
@Injectable()
export class EventPublisher {
  private readonly log = new Logger('EventPublisher');
  private server: Server | null = null;
  private lastSeq = 0;
  private draining: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly metrics: Metrics,
  ) {}

  /** Before the listener starts (notifications.ts), whose every (re)connect then kicks a drain. */
  async start(server: Server, pollMs = 2000): Promise<void> {
    this.server = server;
    // Start at the head: sockets connecting now catch up through GET /events, not through a replay here.
    this.lastSeq = await headSeq(this.db);
    // While the listener reconnects, the fallback poll keeps delivering.
    this.poll = setInterval(() => this.kick(), pollMs);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.draining;
  }

  /**
   * A notification on the events channel: "<seq before the first> <envelopes without seq>" (database/tx.ts), or the
   * last seq alone when they did not fit. Any other payload (a writer of another version, during an upgrade) is read
   * from the table, like a bare seq.
   */
  onNotification(payload: string | undefined): void {
    if (this.stopped) return;
    const events = this.draining ? null : envelopesOf(payload);
    if (events && events.length > 0) {
      if (events[0].envelope.seq === this.lastSeq + 1) return this.deliver(events, 'notification');
      // Already delivered by a drain that read the table first: nothing to do.
      if (events[events.length - 1].envelope.seq <= this.lastSeq) return;
    }
    this.kick();
  }

  private deliver(batch: StoredEvent[], source: 'notification' | 'table'): void {
    // A unit of work's events (or a drained page) reach each console in one socket write (one-write.ts).
    if (batch.length > 1 && this.server) emitInOneWrite(this.server, () => this.emitEach(batch, source));
    else this.emitEach(batch, source);
  }

  private emitEach(batch: StoredEvent[], source: 'notification' | 'table'): void {
    for (const { envelope, audience } of batch) {
      if (envelope.seq <= this.lastSeq) continue;
      if (audience.length > 0) this.server?.to(audience).emit(envelope.type, envelope);
      this.lastSeq = envelope.seq;
      this.metrics.eventsPublished.inc({ type: envelope.type, source });
    }
  }

  /** Schedules a drain; concurrent kicks coalesce into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((e: Error) => this.log.warn(`event drain failed: ${e.message}`))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await eventsAfter(this.db, this.lastSeq, 500);
      this.deliver(batch, 'table');
      if (batch.length < 500) return;
    }
  }
}

/** The events a notification carries, numbered from the seq before them; null for a bare seq or anything else. */
function envelopesOf(payload: string | undefined): StoredEvent[] | null {
  const space = payload?.indexOf(' ') ?? -1;
  if (!payload || space < 1 || payload[space + 1] !== '[') return null;
  const before = Number(payload.slice(0, space));
  if (!Number.isSafeInteger(before)) return null;
  let carried: (Omit<AnyEventEnvelope, 'seq'> & { audience: string[] })[];
  try {
    carried = JSON.parse(payload.slice(space + 1)) as typeof carried;
  } catch {
    return null;
  }
  if (!Array.isArray(carried)) return null;
  return carried.map(({ audience, type, occurredAt, data }, i) => ({
    envelope: { seq: before + i + 1, type, occurredAt, data } as AnyEventEnvelope,
    audience,
  }));
}
