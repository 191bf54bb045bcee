import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded.js';

/**
 * Runs a command's `work` against the database the server uses: DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR (with the server stopped: one PostgreSQL owns a data folder). openDatabase migrates first, so a fresh
 * data folder works before the first server start. What was opened is closed again whatever `work` does.
 */
export async function withCommandDatabase<T>(
  config: AppConfig,
  log: (message: string) => void,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  let embedded: EmbeddedDatabase | null = null;
  let ds: DataSource | null = null;
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(join(config.dataDir, 'db'), log);
      url = embedded.url;
    }
    ds = await openDatabase(url, { size: 2, min: 0 });
    return await work(ds);
  } finally {
    await ds?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  }
}
