import type { MigrationInterface, QueryRunner } from 'typeorm';
import { leftWaiting, SEQUENCE_EVENTS, type SequenceAnswer } from '../event-outbox.js';

// Issue 12: no write waits for another's commit to number its events. Until now every commit updated the one
// event_counter row (and sent NOTIFY, whose own lock is also held to the end of the transaction), so each write
// waited for the commit before it, WAL flush included: at a few hundred creates a second the writers queued on that
// row. A unit of work now numbers its events only if the counter is free and otherwise leaves them here, committed
// with its data; the sequencer (event-sequencer.ts) moves them into `event` in batches, under the counter's lock.
// The numbering stays global and gap-free, and every reader sees the events in seq order.
export class EventOutbox1763801300000 implements MigrationInterface {
  name = 'EventOutbox1763801300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_outbox (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        audience text[] NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Nothing waiting may be lost on the way down: what the sequencer had not moved yet is moved now.
    await q.query(`SELECT seq FROM event_counter WHERE id = 1 FOR UPDATE`);
    for (;;) {
      const [answer] = (await q.query(SEQUENCE_EVENTS)) as SequenceAnswer[];
      if (!leftWaiting(answer)) break;
    }
    await q.query(`DROP TABLE event_outbox`);
  }
}
