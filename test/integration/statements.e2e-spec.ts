import net from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import type { DataSource } from 'typeorm';
import { openDatabase, type PoolSettings } from '../../apps/api/src/database/data-source.js';
import { Db } from '../../apps/api/src/database/db.js';
import { databaseUnavailable } from '../../apps/api/src/database/unavailable.js';
import { poolOf } from '../../apps/api/src/database/statements.js';
import { UnitOfWork } from '../../apps/api/src/database/tx.js';
import { createTestDatabase } from '../support/database.js';

// Statements are prepared once per connection (database/statements.ts). A migration that adds a column while an
// instance runs changes the result of its `SELECT t.*` statements; PostgreSQL then refuses them on every connection
// that prepared them, and the instance must recover instead of failing every such request.

const SELECT_PROBE = `SELECT p.* FROM probe p WHERE p.id = $1`;

/** A fresh database opened with `pool` by the app's own openDatabase, closed and dropped after `use`. */
async function withDatabase(pool: PoolSettings, use: (ds: DataSource, url: string) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  const ds = await openDatabase(db.url, pool);
  try {
    await use(ds, db.url);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

it('runs its statements again after a migration changed their columns, on every pooled connection', async () => {
  await withDatabase({ size: 3, min: 0 }, async (ds, url) => {
    const other = new pg.Client({ connectionString: url });
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
    }
  });
});

// A unit of work ends with its queued writes, events and COMMIT pipelined as prepared statements (statements.ts
// runPipelined): what a person typed must be stored, and announced, byte for byte.
it('stores and announces text with quotes, backslashes, newlines and Korean exactly as written', async () => {
  await withDatabase({ size: 2, min: 0 }, async (ds) => {
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
  });
});

// A surge must find its connections open (issue 12): openDatabase opens the pool's minimum at once, and the pool
// keeps them through idle time; the ones above the minimum are still opened on demand.
it('opens the pool minimum at start and keeps it open when idle', async () => {
  await withDatabase({ size: 6, min: 4 }, async (ds, url) => {
    const name = new URL(url).pathname.slice(1);
    const open = async (): Promise<number> => {
      const [{ n }] = await ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'crisis-dispatch'`,
        [name],
      );
      return n;
    };
    expect(await open()).toBe(4);
    const pool = poolOf(ds);
    expect(pool.totalCount).toBe(4);
    // Six at once: two more connections, which the pool may close again after its idle timeout (above min).
    const clients = await Promise.all(Array.from({ length: 6 }, () => pool.connect()));
    expect(pool.totalCount).toBe(6);
    for (const c of clients) c.release();
    expect(await open()).toBe(6);
  });
});

// The commit's statements are pipelined: a failure in one must fail the unit of work, commit nothing, and leave the
// connection answering the next unit of work in order (node-postgres's pipeline switch back off).
it('commits nothing when a pipelined statement fails, and the connection goes on in order', async () => {
  await withDatabase({ size: 2, min: 2 }, async (ds) => {
    const uow = new UnitOfWork(ds);
    await expect(
      uow.run(SYSTEM_ACTOR, async (tx) => {
        await raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: 'kept?', dedupeKey: 'pipe-1' });
        // Queued for the commit: a timer row without its kind (NOT NULL), so the first pipelined statement fails.
        tx.later('timer', `INSERT INTO timer (kind, ref_id, due_at, payload) VALUES ($1, $2, now(), '{}')`, [
          null,
          '00000000-0000-4000-8000-000000000000',
        ]);
      }),
    ).rejects.toThrow(/null value in column "kind"/);
    const reader = new Db(ds);
    expect(await reader.query(`SELECT count(*)::int AS n FROM alert WHERE dedupe_key = 'pipe-1'`)).toEqual([{ n: 0 }]);
    expect(await reader.query(`SELECT count(*)::int AS n FROM event WHERE type = 'alert.raised'`)).toEqual([{ n: 0 }]);
    // Next, on both pooled connections (the one that failed among them): answers arrive in order and each commits.
    for (const key of ['pipe-2', 'pipe-3', 'pipe-4'])
      await uow.run(SYSTEM_ACTOR, (tx) =>
        raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: 'kept', dedupeKey: key }),
      );
    expect(await reader.query(`SELECT dedupe_key FROM alert WHERE dedupe_key LIKE 'pipe-%' ORDER BY 1`)).toEqual([
      { dedupe_key: 'pipe-2' },
      { dedupe_key: 'pipe-3' },
      { dedupe_key: 'pipe-4' },
    ]);
    expect(await reader.query(`SELECT count(*)::int AS n FROM event WHERE type = 'alert.raised'`)).toEqual([{ n: 3 }]);
  });
});

// PostgreSQL may end a session while a unit of work holds its connection between two statements (a restart, a
// failover, an operator's pg_terminate_backend). node-postgres then emits the error on the connection, and with no
// listener that ends the whole server process: every console's request with it. It must end that unit of work
// alone, as a 503 (unavailable.ts), and the pool must go on serving from fresh connections.
it('ends only the unit of work whose session PostgreSQL ended between its statements, and serves the next', async () => {
  await withDatabase({ size: 2, min: 2 }, async (ds, url) => {
    const uow = new UnitOfWork(ds);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      let held!: () => void;
      const hold = new Promise<void>((r) => (held = r));
      let ready!: () => void;
      const started = new Promise<void>((r) => (ready = r));
      let pid = 0;
      const lost = uow
        .run(SYSTEM_ACTOR, async (tx) => {
          pid = (await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`))[0].pid;
          ready();
          await hold;
          await raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: 'lost', dedupeKey: 'lost-1' });
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      await started;
      await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
      // Until the backend has gone, and one more round trip: by then its notice has reached the held connection.
      while ((await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).rowCount)
        await new Promise((r) => setTimeout(r, 10));
      await admin.query('SELECT 1');
      held();
      const failure = await lost;
      expect([(failure as Error)?.message, databaseUnavailable(failure)]).toEqual([(failure as Error)?.message, true]);
      // The next units of work run on the pool's other connection and on a fresh one.
      for (const key of ['after-1', 'after-2', 'after-3'])
        await uow.run(SYSTEM_ACTOR, (tx) =>
          raiseAlert(tx, { kind: 'webhook-failed', severity: 'warning', message: 'kept', dedupeKey: key }),
        );
      const reader = new Db(ds);
      expect(await reader.query(`SELECT dedupe_key FROM alert ORDER BY 1`)).toEqual([
        { dedupe_key: 'after-1' },
        { dedupe_key: 'after-2' },
        { dedupe_key: 'after-3' },
      ]);
    } finally {
      await admin.end();
    }
  });
});

// openDatabase opens the pool's minimum before the server starts. A connection opened there must be the pool's (with
// its error listener) from the moment it is open: one held until the others had opened had no listener, so a session
// PostgreSQL ended meanwhile (a restart during start-up) ended the process. A proxy in front of PostgreSQL holds the
// later connections back while every session already open is ended.
it('survives PostgreSQL ending the sessions it opened while the rest of the pool minimum is still opening', async () => {
  const db = await createTestDatabase();
  const target = new URL(db.url);
  const name = target.pathname.slice(1);
  const ourSessions = `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'crisis-dispatch'`;
  const dir = decodeURIComponent(target.hostname);
  const upstream = (): net.Socket =>
    dir.startsWith('/')
      ? net.connect(join(dir, `.s.PGSQL.${target.port || 5432}`))
      : net.connect(Number(target.port || 5432), target.hostname);
  let opened = 0;
  let holdBack = true;
  const heldBack: (() => void)[] = [];
  let reachedHold!: () => void;
  const holding = new Promise<void>((r) => (reachedHold = r));
  const proxy = net.createServer((client) => {
    const go = (): void => {
      const server = upstream();
      client.pipe(server).pipe(client);
      const end = (): void => void (client.destroy(), server.destroy());
      client.on('error', end).on('close', end);
      server.on('error', end).on('close', end);
    };
    // Start-up (TypeORM's first connection, the migration lock's and the migrations') takes at most two; later ones
    // belong to the pool minimum.
    if (++opened <= 2 || !holdBack) return go();
    heldBack.push(go);
    reachedHold();
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const viaProxy = new URL(db.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String((proxy.address() as net.AddressInfo).port);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  let ds: DataSource | undefined;
  try {
    const opening = openDatabase(viaProxy.toString(), { size: 5, min: 5 });
    await holding;
    expect(
      (await admin.query(`SELECT pg_terminate_backend(pid) FROM (${ourSessions}) s`, [name])).rowCount,
    ).toBeGreaterThan(0);
    // Until the sessions have gone, and a moment for their notices to reach the connections.
    while ((await admin.query(ourSessions, [name])).rowCount) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    holdBack = false;
    for (const go of heldBack.splice(0)) go();
    ds = await opening;
    // It serves, on the connections that opened late and on fresh ones.
    const rows = await Promise.all([1, 2, 3, 4, 5].map((i) => new Db(ds!).query(`SELECT $1::int AS i`, [i])));
    expect(rows.flat()).toHaveLength(5);
  } finally {
    await ds?.destroy();
    await admin.end();
    proxy.close();
    await db.drop();
  }
});
