import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { blankTriageInput } from '#triage';
import { freePort, startEmbeddedPostgres } from '../../apps/api/src/database/embedded.js';
import { printTable } from './common.js';
import { Consoles, highestRateHeld, runLoad, type LoadResult, type Target } from './fanout-load.js';

// The write path and fan-out against a floor measured in the same run (issue 12, items 1, 2 and 5). One embedded
// PostgreSQL (synchronous commit, as `npm start` runs it) holds two databases; the project (`node
// dist/apps/api/src/main.js`, Seoul demo data) and the floor (floor-server.ts) each run as their own process and the
// load comes from this one, all on 127.0.0.1. The rows are the issue's table.

export interface WriteRow {
  row: string;
  metric: string;
  floor: number;
  project: number;
  /** project ÷ floor for latencies, project ÷ floor for rates too (higher is better there). */
  ratio: number;
  detail: { floor: LoadResult | LoadResult[]; project: LoadResult | LoadResult[] };
}

const DIST = fileURLToPath(new URL('../..', import.meta.url)); // dist/ when compiled
const SURGE_RATES = [10, 20, 35, 50, 75, 100, 150, 200, 300, 400, 600, 800];
const STEP_SECONDS = 4;
const CALLS = 12_000;

function spawnNode(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const seoul = (i: number): { lat: number; lng: number } => ({ lat: 37.48 + ((i * 7919) % 1000) / 10_000, lng: 126.9 + ((i * 104729) % 1500) / 10_000 });

/** Logs in the demo counselor and coordinator, triages one call, and clones it so every create has its own call. */
async function prepareProject(url: string, databaseUrl: string): Promise<{ counselor: string; coordinator: string; calls: string[] }> {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const login = async (username: string): Promise<string> => (await post<{ accessToken: string }>('/auth/login', { username, password: 'demo-1577-0199' })).accessToken;
  const counselor = await login('counselor');
  const coordinator = await login('coordinator');
  const call = await post<{ id: string }>('/calls', { channel: 'phone' }, counselor);
  const base = blankTriageInput();
  await post(`/calls/${call.id}/triage`, { ...base, cssrs: { ...base.cssrs, wishDead: true, suicidalThoughts: true, intent: true } }, counselor);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const columns = async (table: string, skip: string[]): Promise<string[]> =>
    (
      await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND NOT (column_name = ANY($2))`, [table, skip])
    ).rows.map((r) => `"${r.c}"`);
  const callCols = await columns('call', ['id', 'idempotency_key', 'idempotency_fingerprint']);
  const triageCols = await columns('triage', ['id', 'call_id']);
  const { rows } = await db.query<{ id: string }>(
    `WITH c AS (INSERT INTO call (${callCols.join(',')}) SELECT ${callCols.map((c) => `t.${c}`).join(',')} FROM call t, generate_series(1, $2) WHERE t.id = $1 RETURNING id)
     INSERT INTO triage (call_id, ${triageCols.join(',')}) SELECT c.id, ${triageCols.map((c) => `t.${c}`).join(',')} FROM c, triage t WHERE t.call_id = $1 RETURNING call_id AS id`,
    [call.id, CALLS],
  );
  await db.query('ANALYZE');
  await db.end();
  return { counselor, coordinator, calls: rows.map((r) => r.id) };
}

export async function benchWritePath(log: (line: string) => void): Promise<WriteRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-bench-write-'));
  chmodSync(dataDir, 0o755);
  const db = await startEmbeddedPostgres(join(dataDir, 'db'));
  const children: ChildProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('CREATE DATABASE floor');
    await admin.end();
    const floorDb = db.url.replace(/\/crisis$/, '/floor');

    const [floorPort, projectPort] = [await freePort(), await freePort()];
    const floor = spawnNode(join(DIST, 'test/bench/floor-server.js'), { FLOOR_DATABASE_URL: floorDb, PORT: String(floorPort) });
    const project = spawnNode(join(DIST, 'apps/api/src/main.js'), {
      DATABASE_URL: db.url,
      PORT: String(projectPort),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      ADMIN_PASSWORD: 'bench-admin-password-1',
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    });
    children.push(floor, project);
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    const projectUrl = `http://127.0.0.1:${projectPort}`;
    await waitHealthy(`${floorUrl}/`, floor);
    await waitHealthy(`${projectUrl}/api/v1/health`, project);
    const prepared = await prepareProject(projectUrl, db.url);
    log(`write path: project and floor up, ${prepared.calls.length} triaged calls ready`);

    let nextCall = 0;
    let nextFloor = 0;
    const targets: Record<'floor' | 'project', { target: Target; next: () => number }> = {
      floor: { target: { name: 'floor', url: floorUrl, path: '/incidents', headers: {}, body: (i) => ({ location: seoul(i) }) }, next: () => nextFloor++ },
      project: {
        target: {
          name: 'project',
          url: projectUrl,
          path: '/api/v1/incidents',
          headers: { authorization: `Bearer ${prepared.counselor}` },
          socketAuth: { token: prepared.coordinator },
          body: (i) => {
            const callId = prepared.calls[i];
            if (!callId) throw new Error('the benchmark ran out of prepared calls');
            return { callId, location: seoul(i) };
          },
        },
        next: () => nextCall++,
      },
    };
    const withConsoles = async <T>(which: 'floor' | 'project', n: number, fn: (c: Consoles, t: Target, next: () => number) => Promise<T>): Promise<T> => {
      const { target, next } = targets[which];
      const consoles = await Consoles.connect(target, n);
      try {
        // Warm-up: JIT, pools and prepared plans, outside the measurement.
        await runLoad(target, consoles, 20, 1.5, next);
        return await fn(consoles, target, next);
      } finally {
        consoles.close();
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const rows: WriteRow[] = [];
    const fixedRow = async (row: string, consoles: number, rate: number, seconds: number): Promise<void> => {
      const result = {} as Record<'floor' | 'project', LoadResult>;
      for (const which of ['floor', 'project'] as const) {
        result[which] = await withConsoles(which, consoles, (c, t, next) => runLoad(t, c, rate, seconds, next));
        log(`  ${row} ${which}: p99 ${result[which].p99.toFixed(1)} ms, lost ${result[which].lost}, errors ${result[which].errors}`);
      }
      rows.push({ row, metric: 'p99 ms, create → event at every console', floor: result.floor.p99, project: result.project.p99, ratio: result.project.p99 / result.floor.p99, detail: result });
    };
    await fixedRow('200 consoles, 20 creates/s', 200, 20, 10);
    await fixedRow('1,000 consoles, 10 creates/s', 1000, 10, 10);
    const surge = {} as Record<'floor' | 'project', { held: number; steps: LoadResult[] }>;
    for (const which of ['floor', 'project'] as const) {
      surge[which] = await withConsoles(which, 20, (c, t, next) => highestRateHeld(t, c, SURGE_RATES, STEP_SECONDS, 100, next));
      log(`  surge ${which}: held ${surge[which].held}/s (${surge[which].steps.map((s) => `${s.rate}/s p99 ${s.p99.toFixed(0)}`).join(', ')})`);
    }
    rows.push({
      row: 'highest create rate held at p99 ≤ 100 ms, 20 consoles',
      metric: 'creates/s',
      floor: surge.floor.held,
      project: surge.project.held,
      ratio: surge.project.held / Math.max(1, surge.floor.held),
      detail: { floor: surge.floor.steps, project: surge.project.steps },
    });
    printTable(
      '4. Write path and fan-out (issue 12): project vs a floor (node:http + one PostgreSQL transaction + Socket.IO broadcast) in the same run',
      ['load', 'metric', 'floor', 'project', 'project / floor'],
      rows.map((r) => [r.row, r.metric, r.floor.toFixed(1), r.project.toFixed(1), `${r.ratio.toFixed(2)}×`]),
    );
    return rows;
  } finally {
    await Promise.all(children.map(stopChild));
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
