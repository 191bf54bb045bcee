import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';
import { poolOf } from './statements.js';

// TypeORM owns the pool, transactions and migrations. Writes that can race are plain SQL with conditions
// (UPDATE … WHERE status = …), because save() would decide conflicts in memory.
export interface PoolSettings {
  /** The most connections open at once. */
  size: number;
  /** Connections opened by openDatabase and never closed for being idle (pg-pool closes the rest after 10 s). */
  min: number;
}

export function createDataSource(url: string, pool: PoolSettings = { size: 20, min: 0 }): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    entities: [],
    logging: false,
    applicationName: 'crisis-dispatch',
    extra: { max: pool.size, min: pool.min, connectionTimeoutMillis: 5000 },
  });
}

export async function openDatabase(url: string, pool?: PoolSettings): Promise<DataSource> {
  const ds = createDataSource(url, pool);
  await ds.initialize();
  // One instance migrates at a time: the advisory lock makes concurrent starts of several instances safe.
  // The lock is session-level, so it is taken and released on one dedicated connection.
  const lock = ds.createQueryRunner();
  await lock.connect();
  await lock.query(`SELECT pg_advisory_lock(7263001)`);
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(7263001)`);
    await lock.release();
  }
  await openConnections(ds, pool?.min ?? 0);
  return ds;
}

/**
 * Opens `n` pooled connections now, all at once, and returns them to the pool (which keeps `min` of them). Without
 * this pg-pool opens connections only when a request finds none idle: the first surge after a quiet start paid for
 * them one by one (bench: p99 over 100 ms at 150 creates/s; 350–400/s held with the pool opened first).
 *
 * Each goes back the moment it is open. Holding them until the last one opened left them checked out, so without
 * the pool's error listener: a session PostgreSQL ended meanwhile (a restart during start-up) raised an error event
 * nobody listened to, which ends the process. All `n` are asked for before any opens, so the pool still opens `n`.
 */
async function openConnections(ds: DataSource, n: number): Promise<void> {
  if (n <= 0) return;
  const pool = poolOf(ds);
  await Promise.all(Array.from({ length: n }, async () => (await pool.connect()).release()));
}
