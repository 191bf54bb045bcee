import pg from 'pg';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { openDatabase } from '../../apps/api/src/database/data-source.js';
import { Db } from '../../apps/api/src/database/db.js';
import { UnitOfWork } from '../../apps/api/src/database/tx.js';
import { createTestDatabase } from '../support/database.js';

// Statements are prepared once per connection (database/statements.ts). A migration that adds a column while an
// instance runs changes the result of its `SELECT t.*` statements; PostgreSQL then refuses them on every connection
// that prepared them, and the instance must recover instead of failing every such request.

const SELECT_PROBE = `SELECT p.* FROM probe p WHERE p.id = $1`;

it('runs its statements again after a migration changed their columns, on every pooled connection', async () => {
  const db = await createTestDatabase();
  const ds = await openDatabase(db.url, 3);
  const other = new pg.Client({ connectionString: db.url });
  await other.connect();
  try {
    await other.query(`CREATE TABLE probe (id int PRIMARY KEY, a text); INSERT INTO probe VALUES (1, 'x')`);
    const reader = new Db(ds);
    const uow = new UnitOfWork(ds);
    // Prepared on all three connections of the pool (three at once), and inside a unit of work.
    await Promise.all([1, 2, 3].map(() => reader.query(SELECT_PROBE, [1])));
    await uow.read(SYSTEM_ACTOR, (tx) => tx.query(SELECT_PROBE, [1]));

    // What PostgreSQL does to a statement prepared before the change: the failure this test guards against.
    await other.query({ name: 'probe', text: SELECT_PROBE, values: [1] });
    await other.query(`ALTER TABLE probe ADD COLUMN b text NOT NULL DEFAULT 'new'`);
    await expect(other.query({ name: 'probe', text: SELECT_PROBE, values: [1] })).rejects.toThrow(/cached plan/);

    const after = await Promise.all([1, 2, 3].map(() => reader.query(SELECT_PROBE, [1])));
    expect(after).toEqual([1, 2, 3].map(() => [{ id: 1, a: 'x', b: 'new' }]));
    expect(await uow.read(SYSTEM_ACTOR, (tx) => tx.query(SELECT_PROBE, [1]))).toEqual([{ id: 1, a: 'x', b: 'new' }]);
  } finally {
    await other.end();
    await ds.destroy();
    await db.drop();
  }
});

// A unit of work ends with one simple-protocol message (queued writes, events, COMMIT) whose values are written in as
// literals: what a person typed must be stored, and announced, byte for byte.
it('stores and announces text with quotes, backslashes, newlines and Korean exactly as written', async () => {
  const db = await createTestDatabase();
  const ds = await openDatabase(db.url, 2);
  try {
    const message = `it's a \\ back\\slash, "quoted", $1 ?, a\nnew line, 위기 상담 E'x'`;
    await new UnitOfWork(ds).run(SYSTEM_ACTOR, async (tx) => {
      await raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message, dedupeKey: 'inline-probe' });
      await tx.audit({ action: 'alert.raised', entityType: 'alert', details: { message } });
    });
    const reader = new Db(ds);
    expect(await reader.query(`SELECT message FROM alert WHERE dedupe_key = 'inline-probe'`)).toEqual([{ message }]);
    expect(await reader.query(`SELECT data->>'message' AS message FROM event WHERE type = 'alert.raised'`)).toEqual([
      { message },
    ]);
    expect(
      await reader.query(
        `SELECT details->>'message' AS message FROM audit WHERE details ? 'message' AND entity_type = 'alert' AND entity_id IS NULL`,
      ),
    ).toEqual([{ message }]);
  } finally {
    await ds.destroy();
    await db.drop();
  }
});
