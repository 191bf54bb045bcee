import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { blankTriageInput } from '#triage';
import { defaultPoolSize } from '../../apps/api/src/config/config.js';
import { freePort, startEmbeddedPostgres } from '../../apps/api/src/database/embedded.js';
import { printTable } from './common.js';
import {
  Consoles,
  highestRatesHeld,
  runLoad,
  stepHeld,
  type CpuSampler,
  type LoadResult,
  type Target,
} from './fanout-load.js';

// The write path and fan-out against a floor measured in the same run (issue 12, items 1, 2 and 5). One embedded
// PostgreSQL (synchronous commit, as `npm start` runs it) holds two databases; the project (`node
// dist/apps/api/src/main.js`, Seoul demo data) and the floor (floor-server.ts) each run as their own process and the
// load comes from this one, all on 127.0.0.1. The rows are the issue's table.

type Name = 'floor' | 'project' | 'baseline';

export interface WriteRow {
  row: string;
  metric: string;
  floor: number;
  project: number;
  /** The same figure for another build (BENCH_BASELINE), e.g. the code before a change, in the same run. */
  baseline?: number;
  /** project ÷ floor (for latencies lower is better, for the rate higher is better). */
  ratio: number;
  detail: Partial<Record<Name, LoadResult | LoadResult[]>>;
}

const DIST = fileURLToPath(new URL('../..', import.meta.url)); // dist/ when compiled
const SURGE_RATES = process.env.BENCH_SURGE_RATES
  ? process.env.BENCH_SURGE_RATES.split(',').map(Number)
  : // From 50/s each step is 10–20% above the one before, so the rate a server holds is read to within a step of the
    // same size at every rate. (The steps of 50% at 100–150/s and of 20% at 250–300/s cost a server at 140/s a
    // third of its rate and one at 290/s a sixth: the ratio of two servers came out lower than it was.) Up to
    // 2,400/s: on a quiet machine the floor held the old top step, 1,200/s, so its figure was a bound, not its rate.
    [
      10, 20, 35, 50, 60, 70, 80, 90, 100, 115, 130, 150, 175, 200, 230, 265, 300, 350, 400, 460, 530, 600, 700, 800,
      920, 1050, 1200, 1400, 1600, 1850, 2100, 2400,
    ];
const STEP_SECONDS = 4;
/** The rate row's bound: the highest rate held at p99 within it. */
const SURGE_BOUND_MS = 100;
/** The issue's two fixed-rate rows. */
const FIXED_ROWS = [
  { row: '200 consoles, 20 creates/s', consoles: 200, rate: 20, seconds: 10 },
  { row: '1,000 consoles, 10 creates/s', consoles: 1000, rate: 10, seconds: 10 },
];
/** Closed incidents in each project database before the first create (prepareProject says why). */
const HISTORY_INCIDENTS = 20_000;
/** Before each row's measurement: JIT, pools and prepared plans. */
const WARM_UP = { rate: 20, seconds: 1.5 };
// One triaged call per create: every surge step up to the last, the fixed rows and a warm-up before each row, with
// a tenth to spare. (12,000 ran out during the 600/s step, so no build could hold it: the creates failed in here.)
const CALLS = Math.ceil(
  (SURGE_RATES.reduce((sum, rate) => sum + rate * STEP_SECONDS, 0) +
    // Each failed step is run once again. A climb that ran every one of its steps twice uses twice the sum of its
    // rates, which the default ladder's sum covers for any climb that ends at 1,200/s or below; plus the top step once.
    // (Run out, a create fails and its step with it: body() throws.)
    Math.max(...SURGE_RATES) * STEP_SECONDS +
    FIXED_ROWS.reduce((sum, f) => sum + f.rate * f.seconds, 0) +
    (FIXED_ROWS.length + 1) * WARM_UP.rate * WARM_UP.seconds) *
    1.1,
);

function spawnNode(script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

const seoul = (i: number): { lat: number; lng: number } => ({
  lat: 37.48 + ((i * 7919) % 1000) / 10_000,
  lng: 126.9 + ((i * 104729) % 1500) / 10_000,
});

/** Logs in the demo counselor and coordinator, triages one call, and clones it so every create has its own call. */
async function prepareProject(
  url: string,
  databaseUrl: string,
): Promise<{ counselor: string; coordinator: string; calls: string[] }> {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const login = async (username: string): Promise<string> =>
    (await post<{ accessToken: string }>('/auth/login', { username, password: 'demo-1577-0199' })).accessToken;
  const counselor = await login('counselor');
  const coordinator = await login('coordinator');
  const call = await post<{ id: string }>('/calls', { channel: 'phone' }, counselor);
  const base = blankTriageInput();
  await post(
    `/calls/${call.id}/triage`,
    { ...base, cssrs: { ...base.cssrs, wishDead: true, suicidalThoughts: true, intent: true } },
    counselor,
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const columns = async (table: string, skip: string[]): Promise<string[]> =>
    (
      await db.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND NOT (column_name = ANY($2))`,
        [table, skip],
      )
    ).rows.map((r) => `"${r.c}"`);
  const callCols = await columns('call', ['id', 'idempotency_key', 'idempotency_fingerprint']);
  const triageCols = await columns('triage', ['id', 'call_id']);
  const { rows } = await db.query<{ id: string }>(
    `WITH c AS (INSERT INTO call (${callCols.join(',')}) SELECT ${callCols.map((c) => `t.${c}`).join(',')} FROM call t, generate_series(1, $2) WHERE t.id = $1 RETURNING id)
     INSERT INTO triage (call_id, ${triageCols.join(',')}) SELECT c.id, ${triageCols.map((c) => `t.${c}`).join(',')} FROM c, triage t WHERE t.call_id = $1 RETURNING call_id AS id`,
    [call.id, CALLS],
  );
  // A running centre's history, before the statistics are taken. PostgreSQL plans a foreign key's check once per
  // connection and keeps the plan: planned against an empty incident table it is a sequential scan, which the
  // creates then ran six times each (the timeline's four rows, the call's link, the call) over a table they were
  // filling, until autovacuum's next ANALYZE (up to a minute): at 450/s PostgreSQL's CPU per create went from 2.1 to
  // 4.1 ms between two 8-s rounds (docs/performance.md, eighth round). A database in service has its incidents and
  // its statistics.
  await db.query(
    `INSERT INTO incident (number, category, status, lat, lng, region_id, created_at, closed_at)
     SELECT 'H-' || g, 'C', 'closed', 37.5, 127.0, r.ids[1 + g % array_length(r.ids, 1)], t.at, t.at + interval '2 hours'
     FROM generate_series(1, $1) g, (SELECT array_agg(id) AS ids FROM region) r,
          LATERAL (SELECT now() - interval '400 days' + g * interval '25 minutes' AS at) t`,
    [HISTORY_INCIDENTS],
  );
  // Then the upkeep the bulk writes above call for, before any measurement rather than during one: autovacuum's pass
  // over the new rows and the checkpoint their WAL brings on (with 92,000 calls each in two project databases, the
  // first steps of a run failed at 70–90/s while they ran).
  await db.query('VACUUM (ANALYZE)');
  await db.query('CHECKPOINT');
  await db.end();
  return { counselor, coordinator, calls: rows.map((r) => r.id) };
}

// utime + stime of a process, in ms (clock ticks of 10 ms on Linux).
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

// The backends serving one database (their process title is "postgres: <user> <database> …"): background work of
// PostgreSQL itself (autovacuum, checkpoints) and of the other servers' databases is not charged to this one.
function backendsOf(postmaster: number, database: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]) !== postmaster) continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split(' ')[2] === database) pids.push(Number(name));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

interface Running {
  target: Target;
  next: () => number;
  cpu: CpuSampler;
}

const CPU_RATE = Number(process.env.BENCH_CPU_RATE ?? 60);
const CPU_ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const CPU_SECONDS = 8;

/**
 * BENCH_WRITE_ROWS=cpu: the CPU per create of the server and its PostgreSQL at one fixed rate (BENCH_CPU_RATE,
 * default 60/s, low enough for every build to keep up), 20 consoles, the builds taking turns over BENCH_CPU_ROUNDS
 * (default 3) rounds and the median kept. On a machine whose speed drifts (a shared host), latency steps compare
 * builds poorly; the CPU one create costs does not depend on what else runs, and taking turns spreads any drift over
 * every build alike.
 */
async function cpuRow(
  names: Name[],
  withConsoles: <T>(name: Name, fn: (c: Consoles, r: Running) => Promise<T>) => Promise<T>,
  log: (line: string) => void,
): Promise<WriteRow> {
  const runs = Object.fromEntries(names.map((n) => [n, [] as LoadResult[]])) as Record<Name, LoadResult[]>;
  for (let round = 0; round < CPU_ROUNDS; round++)
    for (const name of names) {
      const r = await withConsoles(name, (c, run) => runLoad(run.target, c, CPU_RATE, CPU_SECONDS, run.next, run.cpu));
      runs[name].push(r);
      log(
        `  CPU at ${CPU_RATE}/s, ${name}, round ${round + 1}: server ${r.serverCpuMsPerCreate.toFixed(2)} + PostgreSQL ${r.postgresCpuMsPerCreate.toFixed(2)} ms (generator ${r.generatorCpuMsPerCreate.toFixed(2)}), p99 ${r.p99.toFixed(0)} ms, lost ${r.lost}, errors ${r.errors}`,
      );
    }
  const median = (name: Name): number => {
    const sums = runs[name].map((r) => r.serverCpuMsPerCreate + r.postgresCpuMsPerCreate).sort((a, b) => a - b);
    return sums[Math.floor(sums.length / 2)];
  };
  return {
    row: `CPU per create at ${CPU_RATE}/s, 20 consoles (median of ${CPU_ROUNDS} rounds taken in turn)`,
    metric: 'ms, server + PostgreSQL',
    floor: median('floor'),
    project: median('project'),
    ...(runs.baseline?.length ? { baseline: median('baseline') } : {}),
    ratio: median('project') / median('floor'),
    detail: runs,
  };
}

/**
 * The write-path rows. BENCH_BASELINE=<folder of another checkout, built> adds that build as a third column, measured
 * in the same run on its own database (how docs/performance.md compares before and after a change).
 */
export async function benchWritePath(log: (line: string) => void): Promise<WriteRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-bench-write-'));
  chmodSync(dataDir, 0o755);
  const db = await startEmbeddedPostgres(join(dataDir, 'db'));
  const postmaster = Number(readFileSync(join(db.clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children: ChildProcess[] = [];
  const baselineDir = process.env.BENCH_BASELINE;
  const names: Name[] = baselineDir ? ['floor', 'baseline', 'project'] : ['floor', 'project'];
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    for (const name of names) if (name !== 'project') await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const urlOf = (name: Name): string => (name === 'project' ? db.url : db.url.replace(/\/crisis$/, `/${name}`));
    // A backend that ended (the pool closes idle connections) keeps the CPU it last showed: summing only the live
    // ones made the PostgreSQL figure drop, even below zero, whenever a connection closed during a step.
    const sampler = (child: ChildProcess, database: string): CpuSampler => {
      const seen = new Map<number, number>();
      return () => {
        for (const pid of backendsOf(postmaster, database)) seen.set(pid, Math.max(seen.get(pid) ?? 0, cpuMsOf(pid)));
        return { server: cpuMsOf(child.pid!), postgres: [...seen.values()].reduce((sum, ms) => sum + ms, 0) };
      };
    };

    const running = {} as Record<Name, Running>;
    for (const name of names) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      if (name === 'floor') {
        const child = spawnNode(join(DIST, 'test/bench/floor-server.js'), {
          FLOOR_DATABASE_URL: urlOf(name),
          // BENCH_FLOOR_POOL: another size, to see what the pool alone does to the floor.
          FLOOR_POOL_SIZE: process.env.BENCH_FLOOR_POOL ?? String(defaultPoolSize(availableParallelism())),
          PORT: String(port),
        });
        children.push(child);
        await waitHealthy(`${url}/`, child);
        let n = 0;
        running.floor = {
          target: { name: 'floor', url, path: '/incidents', headers: {}, body: (i) => ({ location: seoul(i) }) },
          next: () => n++,
          cpu: sampler(child, 'floor'),
        };
        continue;
      }
      const main =
        name === 'baseline' ? join(baselineDir!, 'dist/apps/api/src/main.js') : join(DIST, 'apps/api/src/main.js');
      const child = spawnNode(
        main,
        {
          DATABASE_URL: urlOf(name),
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO_DATA: 'true',
          ADMIN_PASSWORD: 'bench-admin-password-1',
          LOG_LEVEL: 'error',
          NODE_ENV: 'production',
        },
        name === 'project' && process.env.BENCH_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
          : [],
      );
      children.push(child);
      await waitHealthy(`${url}/api/v1/health`, child);
      const prepared = await prepareProject(url, urlOf(name));
      let n = 0;
      running[name] = {
        target: {
          name: 'project',
          url,
          path: '/api/v1/incidents',
          headers: { authorization: `Bearer ${prepared.counselor}` },
          socketAuth: { token: prepared.coordinator },
          body: (i) => {
            const callId = prepared.calls[i];
            if (!callId) throw new Error('the benchmark ran out of prepared calls');
            return { callId, location: seoul(i) };
          },
        },
        next: () => n++,
        cpu: sampler(child, name === 'project' ? 'crisis' : name),
      };
    }
    log(`write path: ${names.join(', ')} up, ${CALLS} triaged calls ready for each project build`);

    const withConsoles = async <T>(name: Name, n: number, fn: (c: Consoles, r: Running) => Promise<T>): Promise<T> => {
      const r = running[name];
      const consoles = await Consoles.connect(r.target, n);
      try {
        // Warm-up, outside the measurement.
        await runLoad(r.target, consoles, WARM_UP.rate, WARM_UP.seconds, r.next);
        return await fn(consoles, r);
      } finally {
        consoles.close();
        await new Promise((res) => setTimeout(res, 500));
      }
    };
    const describe = (l: LoadResult): string =>
      `p99 ${l.p99.toFixed(1)} ms, create p99 ${l.createP99.toFixed(1)} ms, ${l.achievedRate.toFixed(1)}/s answered, lost ${l.lost}, errors ${l.errors}, ` +
      `CPU/create server ${l.serverCpuMsPerCreate.toFixed(1)} ms + PostgreSQL ${l.postgresCpuMsPerCreate.toFixed(1)} ms`;
    const rows: WriteRow[] = [];
    const fixedRow = async (row: string, consoles: number, rate: number, seconds: number): Promise<void> => {
      const result: Partial<Record<Name, LoadResult>> = {};
      for (const name of names) {
        const r = await withConsoles(name, consoles, (c, run) =>
          runLoad(run.target, c, rate, seconds, run.next, run.cpu),
        );
        result[name] = r;
        log(`  ${row}, ${name}: ${describe(r)}`);
      }
      rows.push({
        row,
        metric: 'p99 ms, create → event at every console',
        floor: result.floor!.p99,
        project: result.project!.p99,
        ...(result.baseline ? { baseline: result.baseline.p99 } : {}),
        ratio: result.project!.p99 / result.floor!.p99,
        detail: result,
      });
    };
    // BENCH_WRITE_ROWS=surge (or fixed) runs one kind of row only, for a quick look at one change.
    const only = process.env.BENCH_WRITE_ROWS;
    if (only !== 'surge' && only !== 'cpu') {
      for (const f of FIXED_ROWS) await fixedRow(f.row, f.consoles, f.rate, f.seconds);
    }
    if (only === 'fixed') return rows;
    if (only === 'cpu') {
      const row = await cpuRow(names, (name, fn) => withConsoles(name, 20, fn), log);
      log(
        `  ${row.row}: floor ${row.floor.toFixed(2)}${row.baseline === undefined ? '' : `, baseline ${row.baseline.toFixed(2)}`}, project ${row.project.toFixed(2)} ms`,
      );
      rows.push(row);
      return rows;
    }
    // Every server's consoles at once, warmed up, then the servers take turns at each rate (fanout-load.ts).
    const climbing: { name: Name; consoles: Consoles }[] = [];
    const surge: Partial<Record<Name, { held: number; steps: LoadResult[] }>> = {};
    try {
      for (const name of names) {
        const consoles = await Consoles.connect(running[name].target, 20);
        climbing.push({ name, consoles });
        await runLoad(running[name].target, consoles, WARM_UP.rate, WARM_UP.seconds, running[name].next);
      }
      const results = await highestRatesHeld(
        climbing.map(({ name, consoles }) => ({ ...running[name], consoles })),
        SURGE_RATES,
        STEP_SECONDS,
        SURGE_BOUND_MS,
      );
      climbing.forEach(({ name }, i) => (surge[name] = results[i]));
    } finally {
      for (const { consoles } of climbing) consoles.close();
    }
    for (const name of names) {
      const s = surge[name]!;
      log(
        `  surge, ${name}: held ${s.held}/s (${s.steps.map((x) => `${x.rate}/s p99 ${x.p99.toFixed(0)} ms, ${x.serverCpuMsPerCreate.toFixed(1)}+${x.postgresCpuMsPerCreate.toFixed(1)} CPU ms (generator ${x.generatorCpuMsPerCreate.toFixed(1)})`).join('; ')})`,
      );
      for (const failed of s.steps.filter((x) => !stepHeld(x, SURGE_BOUND_MS)))
        log(
          `    slowest at ${failed.rate}/s (sent at, answer, event; ms): ${failed.slowest.map((w) => `${w.sentAtMs}: ${w.createMs}, ${w.eventMs}`).join('; ')}`,
        );
    }
    rows.push({
      row: `highest create rate held at p99 ≤ ${SURGE_BOUND_MS} ms, 20 consoles`,
      metric: 'creates/s',
      floor: surge.floor!.held,
      project: surge.project!.held,
      ...(surge.baseline ? { baseline: surge.baseline.held } : {}),
      ratio: surge.project!.held / Math.max(1, surge.floor!.held),
      detail: Object.fromEntries(Object.entries(surge).map(([k, v]) => [k, v.steps])),
    });
    printTable(
      '4. Write path and fan-out (issue 12): the project against a floor (node:http + one PostgreSQL transaction + Socket.IO broadcast) in the same run',
      ['load', 'metric', 'floor', ...(baselineDir ? ['baseline'] : []), 'project', 'project / floor'],
      rows.map((r) => [
        r.row,
        r.metric,
        r.floor.toFixed(1),
        ...(baselineDir ? [(r.baseline ?? Number.NaN).toFixed(1)] : []),
        r.project.toFixed(1),
        `${r.ratio.toFixed(2)}×`,
      ]),
    );
    return rows;
  } finally {
    await Promise.all(children.map(stopChild));
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
