import pg from 'pg';
import { testDatabaseName } from './test-databases.mjs';

/**
 * A fresh database on the test PostgreSQL server, dropped by `drop()`: by default a copy of the run's migrated
 * template (global setup), so the app's migration check at boot finds nothing pending; `{ empty: true }` for a
 * test of the app starting on a database it has to migrate itself.
 */
export async function createTestDatabase(
  opts: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  const run = process.env.TEST_PG_RUN;
  if (!adminUrl || !template || !run)
    throw new Error('TEST_PG_ADMIN_URL, TEST_PG_TEMPLATE or TEST_PG_RUN not set: run through jest (global setup)');
  // Named after the run, so global teardown drops it even if this worker crashes before drop().
  const name = testDatabaseName(run);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(opts.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
