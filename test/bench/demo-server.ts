import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';

// What the two browser benchmarks (console.ts, section 3, and map-scale.ts, section 6) share: the server they
// measure the console on, and the rate of changes they send it.

/** dist/console, seen from dist/test/bench where the benchmark runs. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

/** Changes a second that a busy night sends the control room. */
export const CONSOLE_UPDATES_PER_SECOND = 20;

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';

export interface DemoServer {
  server: RunningServer;
  /** Stops the server and its PostgreSQL and removes their data. */
  stop(): Promise<void>;
}

/** The API with the Seoul demo data on its own embedded PostgreSQL in a temporary folder, serving `consoleDir`. */
export async function startDemoServer(name: string, consoleDir = CONSOLE_DIR): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `crisis-bench-${name}-`));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
        DEMO_DATA: 'true',
        LOG_LEVEL: 'error',
        CONSOLE_DIR: consoleDir,
      }),
    );
    return {
      server,
      async stop() {
        await server.close();
        remove();
      },
    };
  } catch (e) {
    remove();
    throw e;
  }
}
