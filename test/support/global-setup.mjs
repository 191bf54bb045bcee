// One real PostgreSQL for the whole test run: embedded in a fresh temporary folder, or the server named by
// TEST_DATABASE_URL. Each test file creates its own database on it, so files run in parallel without sharing rows.
// Plain JavaScript because Jest loads global setup outside its ESM module mapping. The embedded server is started
// by the app's own code (apps/api/src/database/pg-*.ts, compiled here with swc), so `npm test` works wherever
// `npm start` does: as root from a mode-700 home too (docs/operations.md).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';

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

// Inside node_modules so that the compiled modules resolve the PostgreSQL binaries package like the app does.
async function embeddedRunner() {
  const root = new URL('../../', import.meta.url);
  const out = new URL('node_modules/.cache/crisis-test-pg/', root);
  mkdirSync(out, { recursive: true });
  for (const name of ['embedded-error', 'pg-binaries', 'pg-process']) {
    const { code } = transformFileSync(fileURLToPath(new URL(`apps/api/src/database/${name}.ts`, root)), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    });
    writeFileSync(new URL(`${name}.js`, out), code);
  }
  return {
    ...(await import(new URL('pg-binaries.js', out).href)),
    ...(await import(new URL('pg-process.js', out).href)),
  };
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  // Jest runs this once per project; the projects share one server.
  if (globalThis.__crisisTestDb) return;
  const { packagedBinaries, installForPostgresUser, isRoot, postgresOsUser, chownTo, initCluster, startPostgres } =
    await embeddedRunner();
  const owner = isRoot() ? postgresOsUser() : null;
  const bin = owner ? installForPostgresUser(packagedBinaries()) : packagedBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'crisis-test-pg-'));
  chmodSync(dir, 0o755);
  const pgDir = join(dir, 'pg');
  mkdirSync(pgDir, { mode: 0o700 });
  chownTo(pgDir, owner);
  const port = await freePort();
  await initCluster(bin, pgDir, 'test', owner);
  const pg = await startPostgres(bin, pgDir, port, owner, () => {}, ['-c', 'max_connections=300', '-c', 'fsync=off']);
  process.env.TEST_PG_ADMIN_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  globalThis.__crisisTestDb = { pg, dir };
}
