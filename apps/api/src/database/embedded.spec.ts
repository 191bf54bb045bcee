import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-error.js';
import { closedAncestor, clusterLocation } from './embedded.js';
import { fixFor } from './pg-process.js';

// Where the embedded cluster lives, and the one sentence a failed start ends with (docs/operations.md).

const base = mkdtempSync(join(tmpdir(), 'crisis-location-'));
const open = join(base, 'open', '.data', 'db');
const closedHome = join(base, 'home');
const closed = join(closedHome, 'cdc', '.data', 'db');
mkdirSync(open, { recursive: true });
mkdirSync(closed, { recursive: true });
chmodSync(base, 0o755);
chmodSync(closedHome, 0o700);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('clusterLocation', () => {
  it('keeps the cluster inside DATA_DIR for a normal user, wherever DATA_DIR is', () => {
    expect(clusterLocation(closed, false, '/srv/cdc')).toEqual({ pgDir: join(closed, 'pg'), closedBy: null });
  });

  it('keeps it inside for root when every folder above is enterable by others', () => {
    expect(closedAncestor(open)).toBeNull();
    expect(clusterLocation(open, true, '/srv/cdc')).toEqual({ pgDir: join(open, 'pg'), closedBy: null });
  });

  it('moves it under the system folder for root when a folder above is closed, named after DATA_DIR', () => {
    const first = clusterLocation(closed, true, '/srv/cdc');
    expect(first.closedBy).toBe(closedHome);
    expect(first.pgDir).toMatch(/^\/srv\/cdc\/clusters\/[A-Za-z0-9._-]*home-cdc-\.data-db-[0-9a-f]{12}\/pg$/);
    // The same folder finds the same cluster on the next start; another checkout gets its own.
    expect(clusterLocation(closed, true, '/srv/cdc')).toEqual(first);
    const other = join(closedHome, 'other', '.data', 'db');
    mkdirSync(other, { recursive: true });
    expect(clusterLocation(other, true, '/srv/cdc').pgDir).not.toBe(first.pgDir);
  });
});

describe('a failed start', () => {
  it('is one sentence with the cause and the fix', () => {
    const e = new EmbeddedDatabaseError('database files are incompatible with server.\n', 'move it away.');
    expect(e.message).toBe(
      'The embedded PostgreSQL did not start: database files are incompatible with server; move it away.',
    );
  });

  it.each([
    [
      'database files are incompatible with server (the data directory was initialized by PostgreSQL version 9)',
      /dump it .* or move \/d away/,
    ],
    ['lock file "postmaster.pid" already exists', /stop the other PostgreSQL using \/d/],
    ['data directory "/d" has wrong ownership', /give \/d to the user PostgreSQL runs as/],
    ['could not write to file "pg_wal/x": No space left on device', /free disk space/],
    ['something nobody foresaw', /fix that and start again, or set DATABASE_URL/],
  ])('names the fix for "%s"', (reason, fix) => {
    expect(fixFor(reason, '/d')).toMatch(fix);
  });
});
