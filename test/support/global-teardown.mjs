import { rmSync } from 'node:fs';
import pg from 'pg';
import { testDatabasePattern } from './test-databases.mjs';

export default async function globalTeardown() {
  const db = globalThis.__crisisTestDb;
  if (!db) return;
  globalThis.__crisisTestDb = undefined;
  if (db.embedded) {
    // The whole cluster goes, template included.
    await db.embedded.server.stop();
    rmSync(db.embedded.dir, { recursive: true, force: true });
    return;
  }
  // A shared server (TEST_DATABASE_URL): drop this run's template (a template database cannot be dropped as such)
  // and any of its test databases still there, left by a worker that crashed before dropping its own.
  const c = new pg.Client({ connectionString: db.adminUrl });
  await c.connect();
  try {
    await c.query(`ALTER DATABASE ${db.template} WITH IS_TEMPLATE false`);
    await c.query(`DROP DATABASE IF EXISTS ${db.template}`);
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      testDatabasePattern(db.run),
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
