import pg from 'pg';
import {
  LEFTOVER_AFTER_MS,
  dropLeftoverDatabases,
  dropRunDatabases,
  leftoverDatabases,
  newRunId,
  templateName,
  testDatabaseName,
} from '../support/test-databases.mjs';

// The test run's own housekeeping on a shared PostgreSQL, through the functions global setup and teardown call:
// teardown drops a run's test databases still there (a crashed worker's) and no other run's; setup drops the
// databases, a template too, of a run that started over a day ago (killed before its teardown), never those of a
// run that may still be going. Checked against real databases on the run's server.

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Which of `names` exist, in code-point order. */
const existing = (names: readonly string[]): Promise<string[]> =>
  withAdmin(async (c) =>
    (await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = ANY($1)`, [names])).rows
      .map((r) => r.datname)
      .sort(),
  );

describe('test databases on a shared server', () => {
  const now = Date.now();
  const killed = newRunId(now - LEFTOVER_AFTER_MS - 60_000);
  const crashed = newRunId(now - LEFTOVER_AFTER_MS + 60_000);
  const other = newRunId(now);
  const killedRun = [testDatabaseName(killed), templateName(killed)];
  const crashedRun = [testDatabaseName(crashed), testDatabaseName(crashed)];
  const otherRun = [testDatabaseName(other), templateName(other)];
  const all = [...killedRun, ...crashedRun, ...otherRun];

  beforeAll(() =>
    withAdmin(async (c) => {
      for (const name of all) await c.query(`CREATE DATABASE ${name}`);
      // A killed run's template is still marked as one, as global setup leaves it.
      await c.query(`ALTER DATABASE ${killedRun[1]} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await c.query(`ALTER DATABASE ${otherRun[1]} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }),
  );
  afterAll(() =>
    withAdmin(async (c) => {
      for (const name of all) {
        await c.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => undefined);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }),
  );

  it("teardown drops the run's test databases still there, and nothing of another run", async () => {
    // A connection still open, as a crashed worker's server may leave one.
    const lingering = new URL(process.env.TEST_PG_ADMIN_URL!);
    lingering.pathname = `/${crashedRun[0]}`;
    const held = new pg.Client({ connectionString: lingering.toString() });
    held.on('error', () => undefined);
    await held.connect();
    await withAdmin((c) => dropRunDatabases(c, crashed));
    await held.end().catch(() => undefined);
    expect(await existing(all)).toEqual([...killedRun, ...otherRun].sort());
  });

  it("setup drops a day-old run's databases, its template too, and none of a run that may still be going", async () => {
    await withAdmin((c) => dropLeftoverDatabases(c, now));
    expect(await existing(all)).toEqual([...otherRun].sort());
    // This run's own template is no leftover either.
    expect(await existing([process.env.TEST_PG_TEMPLATE!])).toEqual([process.env.TEST_PG_TEMPLATE]);
    expect(leftoverDatabases(['postgres', 'crisis_t_abcdef123456', 'crisis_tpl_x'], now)).toEqual([]);
  });
});
