import { rmSync } from 'node:fs';
import pg from 'pg';
import { dropDatabase, dropRunDatabases } from './test-databases.mjs';

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
    await dropDatabase(c, db.template);
    await dropRunDatabases(c, db.run);
  } finally {
    await c.end();
  }
}
