// One real PostgreSQL for the whole test run: embedded in a fresh temporary folder, or the server named by
// TEST_DATABASE_URL. Each test file creates its own database on it, so files run in parallel without sharing rows.
// Plain JavaScript because Jest loads global setup outside its ESM module mapping. The embedded server is started
// by the app's own code (apps/api/src/database/pg-*.ts, compiled here with swc), so `npm test` works wherever
// `npm start` does: as root from a mode-700 home too (docs/operations.md).
//
// Every test database is a copy of one template that this setup migrates once, with the app's own openDatabase and
// migrations (compiled the same way): copying a migrated database takes a fraction of the time of running every
// migration again for each test server. The app still runs its migration check at boot and finds nothing pending.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformFileSync } from '@swc/core';
import pg from 'pg';
import { dropLeftoverDatabases, newRunId, templateName } from './test-databases.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATABASE_SRC = join(ROOT, 'apps/api/src/database');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Compiles app modules under apps/api/src/database into a folder of this run's own inside node_modules (so that
 * they resolve typeorm and the PostgreSQL binaries package like the app does, and runs from other checkouts sharing
 * node_modules do not overwrite them), imports `entries` (merged into one namespace) and removes the folder again.
 */
async function importCompiled(files, entries) {
  const cache = join(ROOT, 'node_modules/.cache/crisis-test-pg');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'run-'));
  try {
    for (const file of files) {
      const { code } = transformFileSync(join(DATABASE_SRC, file), {
        jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
        module: { type: 'es6' },
      });
      const target = join(out, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }
    const modules = await Promise.all(entries.map((e) => import(pathToFileURL(join(out, e)).href)));
    return Object.assign({}, ...modules);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function startEmbedded() {
  const { packagedBinaries, installForPostgresUser, isRoot, postgresOsUser, chownTo, initCluster, startPostgres } =
    await importCompiled(['embedded-error.ts', 'pg-binaries.ts', 'pg-process.ts'], ['pg-binaries.js', 'pg-process.js']);
  const owner = isRoot() ? postgresOsUser() : null;
  const bin = owner ? installForPostgresUser(packagedBinaries()) : packagedBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'crisis-test-pg-'));
  try {
    chmodSync(dir, 0o755);
    const pgDir = join(dir, 'pg');
    mkdirSync(pgDir, { mode: 0o700 });
    chownTo(pgDir, owner);
    const port = await freePort();
    await initCluster(bin, pgDir, 'test', owner);
    const server = await startPostgres(bin, pgDir, port, owner, () => {}, [
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
    ]);
    return { server, dir, url: `postgres://postgres:test@127.0.0.1:${port}/postgres` };
  } catch (e) {
    // Jest runs no teardown after a failed setup: leave no cluster folder behind.
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function admin(adminUrl, statements) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** Creates the template database and migrates it; afterwards nobody may connect to it, as copying requires. */
async function migrateTemplate(adminUrl, name) {
  await admin(adminUrl, [`CREATE DATABASE ${name}`]);
  const migrations = readdirSync(join(DATABASE_SRC, 'migrations'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => `migrations/${f}`);
  const { openDatabase } = await importCompiled(['data-source.ts', 'statements.ts', ...migrations], ['data-source.js']);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const ds = await openDatabase(url.toString(), 2);
    await ds.destroy();
  } catch (e) {
    // A migration that fails leaves no half-migrated template on a shared server.
    await admin(adminUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    throw e;
  }
  await admin(adminUrl, [`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`]);
  return name;
}

/** On a shared server: drops what runs killed before their teardown left behind, a day on (test-databases.mjs). */
async function dropLeftovers(adminUrl) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await dropLeftoverDatabases(c);
  } finally {
    await c.end();
  }
}

export default async function globalSetup() {
  // The projects name the same file, which Jest runs once; the guard keeps it so if it ever ran twice.
  if (globalThis.__crisisTestDb) return;
  const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbedded();
  const adminUrl = process.env.TEST_DATABASE_URL ?? embedded.url;
  const run = newRunId();
  let template;
  try {
    if (!embedded) await dropLeftovers(adminUrl);
    template = await migrateTemplate(adminUrl, templateName(run));
  } catch (e) {
    await embedded?.server.stop();
    if (embedded) rmSync(embedded.dir, { recursive: true, force: true });
    throw e;
  }
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
  process.env.TEST_PG_RUN = run;
  globalThis.__crisisTestDb = { adminUrl, template, run, embedded };
}
