import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

// TypeORM owns the pool, transactions and migrations. Writes that can race are plain SQL with conditions
// (UPDATE … WHERE status = …), because save() would decide conflicts in memory.
export function createDataSource(url: string, poolSize = 20): DataSource {
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
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
}

export async function openDatabase(url: string, poolSize?: number): Promise<DataSource> {
  const ds = createDataSource(url, poolSize);
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
  return ds;
}
