import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResponse, RegionCollection, TeamView } from '#contracts';
import { defaultPoolSize, loadConfig } from '../../apps/api/src/config/config.js';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded.js';
import pg from 'pg';

// The `npm start` path: no DATABASE_URL, so an embedded PostgreSQL keeps its data under DATA_DIR.
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // PostgreSQL runs as the unprivileged postgres user when tests run as root, so it must reach the folder.
  chmodSync(dir, 0o755);
  return dir;
};
const dataDir = tempDir('crisis-restart-');
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ADMIN_PASSWORD: 'restart-admin-pw' };

async function login(server: RunningServer, username: string, password: string): Promise<LoginResponse> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as LoginResponse;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('runs on the embedded database with demo data and keeps every row across a restart', async () => {
  const first = await startServer(loadConfig(env));
  let eventsBefore: number;
  let auditBefore: number;
  try {
    expect(first.demoCredentials?.users.map((u) => u.role)).toEqual(
      expect.arrayContaining(['supervisor', 'coordinator', 'counselor', 'responder', 'agency']),
    );
    const admin = await login(first, 'admin', 'restart-admin-pw');
    const regions = (await (
      await fetch(`${first.url}/api/v1/regions`, { headers: { authorization: `Bearer ${admin.accessToken}` } })
    ).json()) as RegionCollection;
    expect(regions.features).toHaveLength(25);
    const jongno = regions.features.find((f) => f.properties.code === '11110')!;
    expect(jongno.properties).toEqual({ code: '11110', name: 'Jongno-gu', nameKo: '종로구', population: 149608 });
    const teams = (await (
      await fetch(`${first.url}/api/v1/teams`, { headers: { authorization: `Bearer ${admin.accessToken}` } })
    ).json()) as TeamView[];
    expect(teams.length).toBeGreaterThanOrEqual(25);
    // Demo teams are on a 24-hour shift from the first start.
    expect(teams.every((t) => t.onDuty && t.status === 'available')).toBe(true);
    const coordinator = await login(first, 'coordinator', 'demo-1577-0199');
    expect(coordinator.user.role).toBe('coordinator');
    // Demo data is quiet: no calls, incidents or live positions.
    const [{ n }] = await first.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM incident`);
    expect(n).toBe(0);
    expect(teams.every((t) => t.location === null)).toBe(true);
    // The server reaches its embedded database over the Unix socket (no client address), the pool already open at the
    // default size for this machine's cores.
    const [pool] = await first.dataSource.query<[{ n: number; tcp: number }]>(
      `SELECT count(*)::int AS n, count(client_addr)::int AS tcp FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'crisis-dispatch'`,
    );
    expect(pool).toEqual({ n: defaultPoolSize(availableParallelism()), tcp: 0 });
    eventsBefore = Number((await first.dataSource.query<[{ seq: string }]>(`SELECT seq FROM event_counter`))[0].seq);
    auditBefore = (await first.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM audit`))[0].n;
  } finally {
    await first.close();
  }

  const second = await startServer(loadConfig(env));
  try {
    // Not a first start any more: no new admin password, no second demo load.
    expect(second.generatedAdminPassword).toBeNull();
    expect(second.demoCredentials).toBeNull();
    await login(second, 'admin', 'restart-admin-pw');
    const [{ n: regions }] = await second.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM region`);
    expect(regions).toBe(25);
    const seq = Number((await second.dataSource.query<[{ seq: string }]>(`SELECT seq FROM event_counter`))[0].seq);
    expect(seq).toBe(eventsBefore);
    const audits = (await second.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM audit`))[0].n;
    // Every row from before is still there (the logins since add rows, never remove them).
    expect(audits).toBeGreaterThan(auditBefore);
  } finally {
    await second.close();
  }
}, 120_000);

it('generates and reports an admin password when none is configured', async () => {
  const dir = tempDir('crisis-genpw-');
  const server = await startServer(loadConfig({ ...env, DATA_DIR: dir, ADMIN_PASSWORD: '', DEMO_DATA: 'false' }));
  try {
    expect(server.generatedAdminPassword).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    await login(server, 'admin', server.generatedAdminPassword!);
    const [{ n }] = await server.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBe(1);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it('starts again after a crash that left the embedded PostgreSQL running on the data folder', async () => {
  const dir = tempDir('crisis-crash-');
  // The first "server" dies without stopping its database: the postgres process and its lock stay behind.
  const orphan = await startEmbeddedPostgres(join(dir, 'db'));
  const before = new pg.Client({ connectionString: orphan.url });
  await before.connect();
  await before.query(`CREATE TABLE survived (n int); INSERT INTO survived VALUES (42)`);
  await before.end();
  const again = await startEmbeddedPostgres(join(dir, 'db'));
  try {
    const after = new pg.Client({ connectionString: again.url });
    await after.connect();
    const { rows } = await after.query<{ n: number }>(`SELECT n FROM survived`);
    await after.end();
    expect(rows).toEqual([{ n: 42 }]);
  } finally {
    await again.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
