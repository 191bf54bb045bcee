import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const db = globalThis.__crisisTestDb;
  if (!db) return;
  globalThis.__crisisTestDb = undefined;
  await db.pg.stop();
  rmSync(db.dir, { recursive: true, force: true });
}
