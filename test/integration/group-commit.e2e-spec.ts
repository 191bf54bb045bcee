import pg from 'pg';
import type { DataSource } from 'typeorm';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { openDatabase } from '../../apps/api/src/database/data-source.js';
import { Db } from '../../apps/api/src/database/db.js';
import { GroupCommit } from '../../apps/api/src/database/group-commit.js';
import { poolOf } from '../../apps/api/src/database/statements.js';
import { EVENTS_CHANNEL } from '../../apps/api/src/database/events-statement.js';
import { UnitOfWork, type Tx } from '../../apps/api/src/database/tx.js';
import { createTestDatabase } from '../support/database.js';

// Group commit (database/group-commit.ts): units of work that wait while another group commits share one
// transaction. Each must keep its own outcome: what fails leaves nothing behind and does not take the others with it,
// and what commits has its events numbered gap-free and announced in the notifications of its commit.

async function withGroups(use: (ds: DataSource, groups: GroupCommit, url: string) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  const ds = await openDatabase(db.url, { size: 3, min: 0 });
  const uow = new UnitOfWork(ds);
  try {
    // One group at a time: while the first unit of work commits alone, the rest wait and go together.
    await use(ds, new GroupCommit(poolOf(ds), (actor, work) => uow.run(actor, work), 1), db.url);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

const alert = (tx: Tx, key: string) =>
  raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: key, dedupeKey: key });

/** Collects the events channel's notifications, in order. */
async function listen(url: string): Promise<{ payloads: string[]; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const payloads: string[] = [];
  client.on('notification', (n) => payloads.push(n.payload ?? ''));
  await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  return { payloads, end: () => client.end() };
}

it('commits a group in one transaction, each unit failing alone, the committed ones announced in one notification', async () => {
  await withGroups(async (ds, groups, url) => {
    const listener = await listen(url);
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          groups.run(SYSTEM_ACTOR, async (tx) => {
            if (i === 5) throw new Error('refused before reaching the database');
            await alert(tx, `g-${i}`);
            await tx.audit({ action: 'alert.raised', entityType: 'alert', details: { key: `g-${i}` } });
            if (i === 3) {
              await tx.query(`SELECT 1`);
              throw new Error('refused after its writes');
            }
            // The transaction's own id (a savepoint's rows carry a subtransaction's id as their xmin).
            const [{ xid }] = await tx.query<{ xid: string }>(`SELECT txid_current()::text AS xid`);
            // A write queued after its last statement, which fails when it is sent with the next member's first
            // statement: this member fails, and the next one, refused by the aborted transaction, runs again alone.
            if (i === 7)
              tx.later('timer', `INSERT INTO timer (kind, ref_id, due_at, payload) VALUES (NULL, $1, now(), '{}')`, [
                '00000000-0000-4000-8000-000000000000',
              ]);
            return { i, xid };
          }),
        ),
      );
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.i : (o.reason as Error).message))).toEqual([
        0,
        1,
        2,
        'refused after its writes',
        4,
        'refused before reaching the database',
        6,
        expect.stringMatching(/null value in column "kind"/),
        8,
        9,
      ]);
      const reader = new Db(ds);
      // In commit order: the first alone, the group, then 8 run again alone after the group.
      const kept = ['g-0', 'g-1', 'g-2', 'g-4', 'g-6', 'g-9', 'g-8'];
      const rows = await reader.query<{ key: string }>(`SELECT dedupe_key AS key FROM alert ORDER BY dedupe_key`);
      expect(rows.map((r) => r.key)).toEqual([...kept].sort());
      const xid = new Map(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [[o.value.i, o.value.xid]] : [])));
      expect(new Set([1, 2, 4, 6, 9].map((i) => xid.get(i))).size).toBe(1);
      expect(new Set([xid.get(0), xid.get(1), xid.get(8)]).size).toBe(3);
      const audits = await reader.query<{ key: string }>(
        `SELECT details->>'key' AS key FROM audit WHERE details ? 'key' ORDER BY details->>'key'`,
      );
      expect(audits.map((a) => a.key)).toEqual([...kept].sort());
      // Events gap-free, in commit order; the group's five share one notification (one socket write per console).
      const events = await reader.query<{ seq: string; key: string }>(
        `SELECT seq::text, data->>'message' AS key FROM event WHERE type = 'alert.raised' ORDER BY seq`,
      );
      expect(events.map((e) => e.key)).toEqual(kept);
      const seqs = events.map((e) => Number(e.seq));
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      // Notifications arrive after the commit, on the listener's own connection.
      for (let tries = 0; tries < 250 && listener.payloads.length < 3; tries++)
        await new Promise((r) => setTimeout(r, 20));
      const carried = listener.payloads.map((p) => {
        const space = p.indexOf(' ');
        const envelopes = JSON.parse(p.slice(space + 1)) as { data: { message: string } }[];
        return { before: Number(p.slice(0, space)), keys: envelopes.map((e) => e.data.message) };
      });
      expect(carried).toEqual([
        { before: seqs[0] - 1, keys: ['g-0'] },
        { before: seqs[1] - 1, keys: kept.slice(1, 6) },
        { before: seqs[6] - 1, keys: ['g-8'] },
      ]);
    } finally {
      await listener.end();
    }
  });
});

it('runs the members of a group again alone when its COMMIT fails', async () => {
  await withGroups(async (ds, groups) => {
    // Checked at COMMIT: two members inserting the same key fail the group's commit, not their own statements.
    await ds.query(`CREATE TABLE probe (id int, CONSTRAINT probe_once UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);
    const runs: { key: string; start: number; end: number }[] = [];
    const write = (key: string, id: number) =>
      groups.run(SYSTEM_ACTOR, async (tx) => {
        const run = { key, start: performance.now(), end: Infinity };
        runs.push(run);
        await tx.query(`INSERT INTO probe (id) VALUES ($1)`, [id]);
        await alert(tx, key);
        run.end = performance.now();
        return key;
      });
    const outcomes = await Promise.allSettled([write('a', 1), write('b', 2), write('c', 2), write('d', 3)]);
    // a alone, b c d as a group, then b c d again one after another, in their order: run at once, b and c could
    // deadlock over the event counter and b fail although it commits when it runs first.
    const again = runs.slice(4);
    expect(runs.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'b', 'c', 'd']);
    expect(again.slice(1).every((r, i) => r.start >= again[i].end)).toBe(true);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as { code: string }).code))).toEqual([
      'a',
      'b',
      '23505',
      'd',
    ]);
    const reader = new Db(ds);
    expect(await reader.query(`SELECT id FROM probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const events = await reader.query<{ key: string }>(
      `SELECT data->>'message' AS key FROM event WHERE type = 'alert.raised' ORDER BY seq`,
    );
    expect(events.map((e) => e.key)).toEqual(['a', 'b', 'd']);
  });
});

it('runs a member again alone when it met a deadlock in its group', async () => {
  await withGroups(async (ds, groups) => {
    let tries = 0;
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((key) =>
        groups.run(SYSTEM_ACTOR, async (tx) => {
          // PostgreSQL's own deadlock error, raised on b's first run only: what a deadlock with another group gives.
          if (key === 'b' && tries++ === 0)
            await tx.query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected'; END $$`);
          await alert(tx, key);
          const [{ xid }] = await tx.query<{ xid: string }>(`SELECT txid_current()::text AS xid`);
          return xid;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const [a, b, c] = outcomes.map((o) => (o as PromiseFulfilledResult<string>).value);
    // a alone, then b and c as a group; b's second run came after the group, in a transaction of its own.
    expect(new Set([a, b, c]).size).toBe(3);
    expect(tries).toBe(2);
    const events = await new Db(ds).query<{ key: string }>(
      `SELECT data->>'message' AS key FROM event WHERE type = 'alert.raised' ORDER BY seq`,
    );
    expect(events.map((e) => e.key)).toEqual(['a', 'c', 'b']);
  });
});
