import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AnyEventEnvelope } from '#contracts';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { openDatabase } from '../../apps/api/src/database/data-source.js';
import { EventSequencer } from '../../apps/api/src/database/event-sequencer.js';
import { UnitOfWork } from '../../apps/api/src/database/tx.js';
import { createTestDatabase } from '../support/database.js';
import { makeUser } from '../support/intake.js';
import { recordEvents, startTestServer } from '../support/test-server.js';

// Events are numbered after their unit of work, not under a lock every write shares (issue 12, database/event-outbox.ts):
// a commit numbers its events when the event counter is free and otherwise leaves them in event_outbox for the
// sequencer's next pass. What must hold: no write waits for another's commit, nothing is lost or numbered twice, seq
// stays gap-free, and events keep the order in which they were written.

async function withDatabase(use: (ds: DataSource, url: string) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  const ds = await openDatabase(db.url, { size: 4, min: 0 });
  try {
    await use(ds, db.url);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

const count = async (c: pg.Client, sql: string): Promise<number> =>
  Number((await c.query<{ n: string }>(sql)).rows[0].n);
const headOf = async (c: pg.Client): Promise<number> =>
  Number((await c.query<{ seq: string }>(`SELECT seq FROM event_counter WHERE id = 1`)).rows[0].seq);

/** A unit of work that raises one alert.raised event, and audits it. */
const raise = (uow: UnitOfWork, key: string): Promise<void> =>
  uow.run(SYSTEM_ACTOR, async (tx) => {
    await raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: key, dedupeKey: key });
    await tx.audit({ action: 'alert.raised', entityType: 'alert', details: { key } });
  });

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('commits a write that finds the event counter taken without waiting, and numbers its events once it is free, in order', async () => {
  await withDatabase(async (ds, url) => {
    const uow = new UnitOfWork(ds);
    await raise(uow, 'before'); // uncontended: numbered by its own commit
    const holder = new pg.Client({ connectionString: url });
    const look = new pg.Client({ connectionString: url });
    await holder.connect();
    await look.connect();
    try {
      // Another instance's pass (or commit) holding the counter.
      await holder.query('BEGIN');
      const head = Number(
        (await holder.query<{ seq: string }>(`SELECT seq FROM event_counter WHERE id = 1 FOR UPDATE`)).rows[0].seq,
      );

      let settled = 0;
      const first = raise(uow, 'first').then(() => settled++);
      await until(async () => (await count(look, `SELECT count(*) AS n FROM event_outbox`)) === 1, 'first in outbox');
      const second = raise(uow, 'second').then(() => settled++);
      await until(async () => (await count(look, `SELECT count(*) AS n FROM event_outbox`)) === 2, 'second in outbox');

      // Both committed their data and audit rows, and their events wait; nothing is numbered yet.
      expect(await count(look, `SELECT count(*) AS n FROM alert WHERE dedupe_key IN ('first', 'second')`)).toBe(2);
      expect(await count(look, `SELECT count(*) AS n FROM audit WHERE details->>'key' IN ('first', 'second')`)).toBe(2);
      expect(await count(look, `SELECT count(*) AS n FROM event WHERE seq > ${head}`)).toBe(0);
      // Each answers its caller only once its events are numbered (GET /events after a 201 finds them).
      await new Promise((r) => setTimeout(r, 100));
      expect(settled).toBe(0);

      await holder.query('COMMIT');
      await Promise.all([first, second]);
      const { rows } = await look.query<{ seq: string; message: string }>(
        `SELECT seq, data->>'message' AS message FROM event WHERE seq > $1 ORDER BY seq`,
        [head],
      );
      expect(rows).toEqual([
        { seq: String(head + 1), message: 'first' },
        { seq: String(head + 2), message: 'second' },
      ]);
      expect(await count(look, `SELECT count(*) AS n FROM event_outbox`)).toBe(0);
      expect(await headOf(look)).toBe(head + 2);
    } finally {
      await holder.end();
      await look.end();
    }
  });
});

it('numbers a backlog once, gap-free and in the order written, with two instances sequencing it at once', async () => {
  await withDatabase(async (ds, url) => {
    await raise(new UnitOfWork(ds), 'before');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: url, max: 2 }));
    try {
      const head = await headOf(c);
      // More than one statement's batch (500): a pass goes on until the outbox is empty.
      await c.query(
        `INSERT INTO event_outbox (type, occurred_at, data, audience)
         SELECT 'alert.raised', now(), jsonb_build_object('n', g), ARRAY['role:supervisor'] FROM generate_series(1, 1300) g
         ORDER BY g`,
      );
      const sequencers = pools.map((p) => new EventSequencer(p));
      await Promise.all([...sequencers.map((s) => s.sequence()), ...sequencers.map((s) => s.sequence())]);

      expect(await count(c, `SELECT count(*) AS n FROM event_outbox`)).toBe(0);
      const { rows } = await c.query<{ seq: string; n: string }>(
        `SELECT seq, data->>'n' AS n FROM event WHERE seq > $1 ORDER BY seq`,
        [head],
      );
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 1300 }, (_, i) => head + 1 + i));
      expect(rows.map((r) => Number(r.n))).toEqual(Array.from({ length: 1300 }, (_, i) => i + 1));
      expect(await headOf(c)).toBe(head + 1300);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await c.end();
    }
  });
});

it('delivers events a stopped instance left in the outbox: the sweep numbers them and every console gets them in seq order', async () => {
  const server = await startTestServer();
  try {
    const admin = await server.login('admin');
    const supervisor = await makeUser(server, admin.accessToken, 'supervisor');
    const socket = await server.socket(supervisor.token);
    const seen = recordEvents(socket);
    const [{ seq: head }] = await server.dataSource.query<{ seq: string }[]>(`SELECT seq FROM event_counter`);
    // As a unit of work whose instance died between its commit and the pass leaves them; more than one
    // notification's worth (8 envelopes each), so the publisher joins several in order.
    await server.dataSource.query(
      `INSERT INTO event_outbox (type, occurred_at, data, audience)
       SELECT 'alert.raised', now(), jsonb_build_object('n', g, 'kind', 'webhook-failed'), ARRAY['role:supervisor']
       FROM generate_series(1, 30) g ORDER BY g`,
    );
    const mine = (): AnyEventEnvelope[] => seen.filter((e) => e.seq > Number(head));
    await until(async () => mine().length >= 30, '30 events at the console');
    expect(mine().map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => Number(head) + 1 + i));
    expect(mine().map((e) => (e.data as unknown as { n: number }).n)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    const [{ n }] = await server.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM event_outbox`);
    expect(Number(n)).toBe(0);
  } finally {
    await server.stop();
    await server.dropDatabase();
  }
});
