import pg from 'pg';
import {
  LEFTOVER_AFTER_MS,
  leftoverDatabases,
  newRunId,
  templateName,
  testDatabaseName,
  testDatabasePattern,
} from '../support/test-databases.mjs';

// The test run's own housekeeping on a shared PostgreSQL: a run's databases are found by its id (what global
// teardown drops, crashed workers' included), and a killed run's are recognised as leftovers a day later, never
// a running one's. Checked against real databases on the run's server.

const adminUrl = (): string => process.env.TEST_PG_ADMIN_URL!;

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

describe('test databases on a shared server', () => {
  const now = Date.now();
  const killed = newRunId(now - LEFTOVER_AFTER_MS - 60_000);
  const running = newRunId(now - LEFTOVER_AFTER_MS + 60_000);
  const names = [testDatabaseName(killed), templateName(killed), testDatabaseName(running), testDatabaseName(running)];

  beforeAll(() => withAdmin(async (c) => Promise.all(names.map((n) => c.query(`CREATE DATABASE ${n}`)))));
  afterAll(() =>
    withAdmin(async (c) => Promise.all(names.map((n) => c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`)))),
  );

  it("finds exactly a run's test databases by its id, not its template nor another run's", async () => {
    const found = await withAdmin(async (c) =>
      (
        await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
          testDatabasePattern(running),
        ])
      ).rows.map((r) => r.datname),
    );
    expect(found.sort()).toEqual([names[2], names[3]].sort());
  });

  it('calls the databases of a run that started over a day ago leftovers, and no others', async () => {
    const all = await withAdmin(async (c) =>
      (await c.query<{ datname: string }>(`SELECT datname FROM pg_database`)).rows.map((r) => r.datname),
    );
    const leftovers = leftoverDatabases(all, now);
    expect(leftovers).toEqual(expect.arrayContaining([names[0], names[1]]));
    expect(leftovers).not.toContain(names[2]);
    // This run's own template and databases are not leftovers.
    expect(leftovers).not.toContain(process.env.TEST_PG_TEMPLATE);
    expect(leftovers.filter((n) => n.includes(process.env.TEST_PG_RUN!))).toEqual([]);
    expect(leftoverDatabases(['postgres', 'crisis_t_abcdef123456', 'crisis_tpl_x'], now)).toEqual([]);
  });
});
