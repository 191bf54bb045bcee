import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { EmbeddedDatabaseError, OR_DATABASE_URL } from './embedded-error.js';
import { ensureRootOwnedDir, installForPostgresUser, packagedBinaries, SYSTEM_HOME } from './pg-binaries.js';
import { chownTo, initCluster, isRoot, postgresOsUser, SOCKET_DIR, startPostgres, type OsUser } from './pg-process.js';

// The embedded PostgreSQL lets `npm start` work on a machine with nothing but Node. Its cluster and the secrets
// generated for it live under DATA_DIR/db so that a restart finds the same data. As root, PostgreSQL runs as the
// `postgres` OS user from programs copied to /var/lib/crisis-dispatch/postgres; when that user cannot enter
// DATA_DIR (a checkout in root's mode-700 home), the cluster lives in /var/lib/crisis-dispatch/clusters/<name>/pg
// instead, and DATA_DIR/db/cluster-location says where (docs/operations.md).

export interface EmbeddedDatabase {
  url: string;
  /** The folder holding the PostgreSQL cluster (back it up with DATA_DIR). */
  clusterDir: string;
  stop(): Promise<void>;
}

interface Secrets {
  pgPassword: string;
}

function loadOrCreateSecrets(dbDir: string): Secrets {
  const file = join(dbDir, 'secrets.json');
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

/** The first folder above `dir` that other users (so the postgres user) cannot enter, if any. */
export function closedAncestor(dir: string): string | null {
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return d;
  }
  return null;
}

/**
 * Where the cluster of `dbDir` lives. Inside it whenever PostgreSQL can reach it (always for a normal user); for root
 * with a closed folder above it, in a folder of its own under /var/lib/crisis-dispatch/clusters, named after the
 * data folder's path so every checkout keeps its own database and a restart finds it again.
 */
export function clusterLocation(
  dbDir: string,
  asRoot: boolean,
  home = SYSTEM_HOME,
): { pgDir: string; closedBy: string | null } {
  const inside = join(dbDir, 'pg');
  const closedBy = asRoot ? closedAncestor(dbDir) : null;
  if (!closedBy) return { pgDir: inside, closedBy: null };
  const real = realpathSync(dbDir);
  const slug = real
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+/, '')
    .slice(-60);
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 12);
  return { pgDir: join(home, 'clusters', `${slug}-${hash}`, 'pg'), closedBy };
}

// The cluster's parent folders outside DATA_DIR: root-owned and not writable by others; a note names the data folder.
function prepareOutsideCluster(pgDir: string, dbDir: string, closedBy: string, home: string): void {
  ensureRootOwnedDir(home);
  ensureRootOwnedDir(join(home, 'clusters'));
  ensureRootOwnedDir(dirname(pgDir));
  writeFileSync(join(dirname(pgDir), 'DATA_DIR'), `${dbDir}\n`, { mode: 0o644 });
  writeFileSync(
    join(dbDir, 'cluster-location'),
    `The PostgreSQL cluster of this data folder is ${pgDir}: user postgres, which runs it as root, cannot enter ${closedBy}.\n` +
      `Back up this folder and that one together (docs/operations.md).\n`,
    { mode: 0o644 },
  );
}

/**
 * A server killed without its shutdown (SIGKILL, a crash) leaves its PostgreSQL running on our data folder, and a new
 * start would fail on the lock. If postmaster.pid names a live postgres serving this very folder, ask it to shut down
 * (SIGINT: fast shutdown, committed data is safe) and wait; anything else named there is left alone.
 */
async function stopLeftoverPostmaster(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres') || !cmdline.includes(pgDir)) return;
  log(`stopping the PostgreSQL (pid ${pid}) left running on ${pgDir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid))
    throw new EmbeddedDatabaseError(
      `PostgreSQL pid ${pid} from an earlier start still runs on ${pgDir}`,
      `stop it (kill ${pid}) and start again`,
    );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (creating on first use) the cluster of `dbDir` (DATA_DIR/db). Every failure is an EmbeddedDatabaseError:
 * one sentence with the cause and the fix.
 */
export async function startEmbeddedPostgres(
  dbDir: string,
  log: (m: string) => void = () => {},
  home = SYSTEM_HOME,
): Promise<EmbeddedDatabase> {
  try {
    return await start(dbDir, log, home);
  } catch (e) {
    if (e instanceof EmbeddedDatabaseError) throw e;
    throw new EmbeddedDatabaseError((e as Error).message, `fix that and start again, ${OR_DATABASE_URL}`);
  }
}

/**
 * PostgreSQL also listens on a Unix socket (pg-process.ts SOCKET_DIR). A message over it costs both processes less CPU
 * than over loopback TCP, and a create is several of them (issue 12); TCP when the socket is not there (a /tmp the
 * postgres user could not write).
 */
function connectionUrl(password: string, port: number): string {
  const host = existsSync(join(SOCKET_DIR, `.s.PGSQL.${port}`)) ? encodeURIComponent(SOCKET_DIR) : '127.0.0.1';
  return `postgres://postgres:${encodeURIComponent(password)}@${host}:${port}/crisis`;
}

async function start(dbDir: string, log: (m: string) => void, home: string): Promise<EmbeddedDatabase> {
  const asRoot = isRoot();
  try {
    mkdirSync(dbDir, { recursive: true });
    // Root's cluster may live inside: the postgres user must be able to enter this folder (never write to it).
    chmodSync(dbDir, 0o755);
  } catch (e) {
    throw new EmbeddedDatabaseError(
      `cannot create the data folder ${dbDir} (${(e as Error).message})`,
      `set DATA_DIR to a folder this user can write, ${OR_DATABASE_URL}`,
    );
  }
  const { pgDir, closedBy } = clusterLocation(dbDir, asRoot, home);
  if (closedBy && existsSync(join(dbDir, 'pg', 'PG_VERSION'))) {
    throw new EmbeddedDatabaseError(
      `the database in ${join(dbDir, 'pg')} is inside ${closedBy}, which user postgres (PostgreSQL's user when started as root) cannot enter`,
      `let others enter it (chmod o+x ${closedBy}), or move that database to ${pgDir}`,
    );
  }
  const owner: OsUser | null = asRoot ? postgresOsUser() : null;
  const bin = asRoot ? installForPostgresUser(packagedBinaries(), home) : packagedBinaries();
  if (closedBy) prepareOutsideCluster(pgDir, dbDir, closedBy, home);
  const secrets = loadOrCreateSecrets(dbDir);

  await stopLeftoverPostmaster(pgDir, log);
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  if (fresh) {
    rmSync(pgDir, { recursive: true, force: true });
    mkdirSync(pgDir, { mode: 0o700 });
    chownTo(pgDir, owner);
  }
  const port = await freePort();
  let running;
  try {
    if (fresh) await initCluster(bin, pgDir, secrets.pgPassword, owner);
    running = await startPostgres(bin, pgDir, port, owner, log);
  } catch (e) {
    // A half-made cluster would block the next start; an existing one is never touched.
    if (fresh) rmSync(pgDir, { recursive: true, force: true });
    throw e;
  }
  const url = connectionUrl(secrets.pgPassword, port);
  try {
    await ensureDatabase(url.replace(/\/crisis$/, '/postgres'), 'crisis');
  } catch (e) {
    await running.stop();
    throw new EmbeddedDatabaseError(
      `PostgreSQL started but the database crisis could not be opened (${(e as Error).message})`,
      `check ${join(dbDir, 'secrets.json')} belongs to ${pgDir}, ${OR_DATABASE_URL}`,
    );
  }
  return { url, clusterDir: pgDir, stop: () => running.stop() };
}
