import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../apps/api/src/database/embedded.js';
import { postgresOsUser } from '../../apps/api/src/database/pg-process.js';
import { installAppInto, runApp, waitForOutput, type AppProcess } from '../support/app-process.js';

// `npm install && npm start` with no settings, from a checkout in a home folder nobody else may enter (root's is
// mode 700): the case of containers, cloud VMs and CI runners. The server runs as its own process, from a fresh
// mode-700 folder holding the app and the PostgreSQL programs of its node_modules.
const asRoot = process.getuid?.() === 0;
const home = mkdtempSync(join(tmpdir(), 'crisis-home-'));
chmodSync(home, 0o700);
const checkout = join(home, 'cdc');
const running: AppProcess[] = [];

beforeAll(async () => {
  mkdirSync(checkout);
  await installAppInto(checkout);
}, 60_000);

afterAll(async () => {
  for (const app of running) if (app.child.exitCode === null) app.child.kill('SIGTERM');
  await Promise.all(running.map((a) => a.exited));
  // The cluster kept outside the home folder belongs to this test only.
  const note = join(checkout, '.data/db/cluster-location');
  if (existsSync(note))
    rmSync(dirname(readFileSync(note, 'utf8').match(/cluster of this data folder is (\S+):/)![1]), {
      recursive: true,
      force: true,
    });
  rmSync(home, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<{ app: AppProcess; url: string }> {
  const app = runApp(checkout, env);
  running.push(app);
  const [, port] = await waitForOutput(app, /serving on http:\/\/localhost:(\d+)/);
  return { app, url: `http://127.0.0.1:${port}` };
}

async function stop(app: AppProcess): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toBe(0);
}

async function login(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

(asRoot ? it : it.skip)(
  'starts as root from a mode-700 home with no settings, and finds its data after a restart',
  async () => {
    // Only a free port: the machine may already serve something on 3000.
    const env = { PORT: String(await freePort()), HOST: '127.0.0.1' };
    const first = await start(env);
    const [, adminPassword] = first.app.output().match(/user "admin" created with password: (\S+)/)!;
    expect(first.app.output()).toMatch(/Demo data loaded/);
    expect(await login(first.url, 'coordinator', 'demo-1577-0199')).toBe(200);
    const admin = (await (
      await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      })
    ).json()) as { accessToken: string };
    const created = await fetch(`${first.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({
        username: 'night-shift',
        password: 'night-shift-pw-1',
        displayName: 'Night shift',
        role: 'counselor',
      }),
    });
    expect(created.status).toBe(201);

    // Where the data went: the postgres user cannot enter the home folder, so the cluster lives outside it, owned by
    // that user and closed to everyone else; the programs it runs are root's and writable by root only.
    const [, clusterDir] = first.app.output().match(/data in (\S+) \(secrets in/)!;
    expect(clusterDir.startsWith(home)).toBe(false);
    const postgres = postgresOsUser();
    const cluster = statSync(clusterDir);
    expect([cluster.uid, cluster.mode & 0o777]).toEqual([postgres.uid, 0o700]);
    expect(readFileSync(join(checkout, '.data/db/cluster-location'), 'utf8')).toContain(clusterDir);
    const programs = statSync('/var/lib/crisis-dispatch/postgres');
    expect([programs.uid, programs.mode & 0o022]).toEqual([0, 0]);
    await stop(first.app);

    const second = await start(env);
    expect(second.app.output()).not.toMatch(/created with password|Demo data loaded/);
    expect(await login(second.url, 'night-shift', 'night-shift-pw-1')).toBe(200);
    expect(await login(second.url, 'admin', adminPassword)).toBe(200);
    await stop(second.app);
  },
  180_000,
);

it('ends a failed start of the embedded database with one sentence naming the cause and the fix', async () => {
  // A data folder made by another PostgreSQL version: PostgreSQL itself refuses it.
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-broken-'));
  chmodSync(dataDir, 0o755);
  const pgDir = join(dataDir, 'db', 'pg');
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(pgDir, 'PG_VERSION'), '9\n');
  writeFileSync(join(pgDir, 'postgresql.conf'), '');
  if (asRoot) for (const p of [pgDir, join(pgDir, 'PG_VERSION'), join(pgDir, 'postgresql.conf')]) chmodOwn(p);
  try {
    const app = runApp(checkout, { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    running.push(app);
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    const [, sentence] = lines[0].match(/start failed: (.*)$/)!;
    expect(sentence).toMatch(
      /^The embedded PostgreSQL did not start: database files are incompatible with server \(.*version 9.*\); .*move \S+ away.*\.$/,
    );
    expect(app.output()).not.toMatch(/\n\s+at |Unhandled|EACCES/);
    // The existing data is never deleted on a failed start.
    expect(readFileSync(join(pgDir, 'PG_VERSION'), 'utf8')).toBe('9\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

function chmodOwn(path: string): void {
  const { uid, gid } = postgresOsUser();
  // Owned by the user PostgreSQL runs as, so PostgreSQL reaches the version check rather than an ownership error.
  chownSync(path, uid, gid);
}
