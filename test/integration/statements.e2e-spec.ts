import pg from 'pg';
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
