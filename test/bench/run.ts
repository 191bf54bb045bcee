import 'reflect-metadata';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, TEAM_SKILLS, type Category, type TeamSkill } from '#contracts';
import {
  rankTeams,
  recommendTeams,
  StraightLineRouter,
  type CandidateTeam,
  type RecommendationIncident,
  type RecommendOptions,
} from '#geo';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';
import { benchConsole } from './console.js';
import { benchWritePath, type WriteRow } from './fanout.js';
import { benchMapScale, type MapScaleResult } from './map-scale.js';
import { benchRegionLookup, type RegionLookupRow } from './region-lookup.js';
import { seededRandom } from '../../apps/api/src/cli/simulate/seeded-random.js';
import { percentile, printTable as printRows } from './common.js';

// npm run bench: how long a coordinator waits for team recommendations with 500 teams and 2,000 open incidents.
// 1. The pure ranking (libs/geo recommendTeams) for each of the 2,000 incidents against 500 teams.
// 2. GET /incidents/:id/recommendations end to end (HTTP, auth, SQL, ranking, JSON) on an embedded PostgreSQL
//    holding the same numbers. Skip it with BENCH_HTTP=false.
// 3. The coordinator console in Chromium with 2,000 open incidents (console.ts). Skip it with BENCH_BROWSER=false.
// 4. The write path and fan-out against a floor in the same run (fanout.ts). Skip it with BENCH_WRITE=false.
// 5. Region lookup over the 25 demo districts against a bounding-box floor (region-lookup.ts; it runs right after 1,
//    before anything starts a server). Skip it with BENCH_GEO=false.
// 6. The coordinator map with 5,000 incidents and 300 teams at 20 updates/s, and the team phone's first paint
//    (map-scale.ts); BENCH_CONSOLE_BEFORE=<built console> measures an older build beside it. Skip with BENCH_MAP=false.
// The figures of 2, 4 and 6 are also written to bench/results/<date>.json with the machine they were taken on.
// No thresholds: it reports. Seeded pseudo-random data, so two runs measure the same work.

const TEAMS = 500;
const INCIDENTS = 2000;
const REGIONS_PER_SIDE = 5; // 25 regions, like Seoul's districts
const SOUTH = 37.45;
const WEST = 126.85;
const CELL = 0.06; // degrees: a 5 × 5 grid over about 33 × 27 km

interface Row {
  scenario: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  perSecond: number;
}

function summarise(scenario: string, samples: number[], wallMs: number): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => percentile(sorted, p);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return {
    scenario,
    n: samples.length,
    p50: q(50),
    p95: q(95),
    p99: q(99),
    max: sorted[sorted.length - 1],
    mean,
    perSecond: (samples.length / wallMs) * 1000,
  };
}

function printTable(title: string, rows: Row[]): void {
  const head = ['scenario', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms', 'ops/s'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.n),
    ...[r.p50, r.p95, r.p99, r.max, r.mean].map((x) => x.toFixed(3)),
    r.perSecond.toFixed(0),
  ]);
  printRows(title, head, body);
}

interface World {
  regions: { id: string; code: string; lat: number; lng: number }[];
  teams: CandidateTeam[];
  incidents: (RecommendationIncident & { id: string })[];
}

function buildWorld(now: Date): World {
  const random = seededRandom(20251122);
  const regions = Array.from({ length: REGIONS_PER_SIDE * REGIONS_PER_SIDE }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    code: `R${String(i + 1).padStart(2, '0')}`,
    lat: SOUTH + (Math.floor(i / REGIONS_PER_SIDE) + 0.5) * CELL,
    lng: WEST + ((i % REGIONS_PER_SIDE) + 0.5) * CELL,
  }));
  const regionAt = (lat: number, lng: number): string | null => {
    const row = Math.floor((lat - SOUTH) / CELL);
    const col = Math.floor((lng - WEST) / CELL);
    return row >= 0 && row < REGIONS_PER_SIDE && col >= 0 && col < REGIONS_PER_SIDE
      ? regions[row * REGIONS_PER_SIDE + col].id
      : null;
  };
  const point = (): { lat: number; lng: number } => ({
    lat: SOUTH + random() * CELL * REGIONS_PER_SIDE,
    lng: WEST + random() * CELL * REGIONS_PER_SIDE,
  });
  const skills = (): TeamSkill[] => TEAM_SKILLS.filter(() => random() < 0.2);
  const teams: CandidateTeam[] = Array.from({ length: TEAMS }, (_, i) => {
    const home = regions[i % regions.length];
    const base = { lat: home.lat + (random() - 0.5) * CELL * 0.8, lng: home.lng + (random() - 0.5) * CELL * 0.8 };
    const live =
      random() < 0.5 ? { ...point(), at: new Date(now.getTime() - random() * 60 * 60_000).toISOString() } : null;
    const roll = random();
    return {
      id: `10000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      callsign: `T-${String(i + 1).padStart(3, '0')}`,
      regionId: home.id,
      coveredRegionIds: random() < 0.2 ? [regions[(i + 1) % regions.length].id] : [],
      // About 70% dispatchable, the rest busy or off shift: the mix a busy night has.
      status: roll < 0.7 ? 'available' : roll < 0.8 ? 'en-route' : roll < 0.9 ? 'on-scene' : 'unavailable',
      onDuty: random() < 0.9,
      base,
      location: live,
      skills: skills(),
      size: random() < 0.15 ? 1 : 2 + Math.floor(random() * 3),
    };
  });
  const incidents = Array.from({ length: INCIDENTS }, (_, i) => {
    const at = point();
    const category: Category = CATEGORIES[Math.floor(random() * 5)];
    return {
      id: `20000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      location: at,
      regionId: regionAt(at.lat, at.lng),
      category,
      neededSkills: random() < 0.3 ? [TEAM_SKILLS[Math.floor(random() * TEAM_SKILLS.length)]] : [],
      dangerToOthers: random() < 0.15,
    };
  });
  return { regions, teams, incidents };
}

function benchPure(world: World, now: Date): Row[] {
  const opts: RecommendOptions = { now, router: new StraightLineRouter(), regionMarginMinutes: { A: 0, B: 5 } };
  const rows: Row[] = [];
  const run = (scenario: string, fn: (incident: RecommendationIncident) => unknown): void => {
    for (let i = 0; i < 300; i++) fn(world.incidents[i % world.incidents.length]); // warm up the JIT
    const samples: number[] = [];
    const started = performance.now();
    for (const incident of world.incidents) {
      const t0 = performance.now();
      fn(incident);
      samples.push(performance.now() - t0);
    }
    rows.push(summarise(scenario, samples, performance.now() - started));
  };
  run('recommendTeams, all ranked', (i) => recommendTeams(i, world.teams, opts));
  run('recommendTeams, limit 10', (i) => recommendTeams(i, world.teams, { ...opts, limit: 10 }));
  run('rankTeams (+ exclusions)', (i) => rankTeams(i, world.teams, opts));
  // The API hands the ranking only available teams (filtered in SQL): the realistic input.
  const available = world.teams.filter((t) => t.status === 'available');
  run(`recommendTeams, ${available.length} available`, (i) => recommendTeams(i, available, opts));
  return rows;
}

async function seedDatabase(server: RunningServer, world: World, now: Date): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => server.dataSource.query(sql, params);
  const half = CELL / 2;
  for (const r of world.regions) {
    const ring = [
      [r.lng - half, r.lat - half],
      [r.lng + half, r.lat - half],
      [r.lng + half, r.lat + half],
      [r.lng - half, r.lat + half],
      [r.lng - half, r.lat - half],
    ];
    await q(`INSERT INTO region (id, code, name, geometry, bbox) VALUES ($1, $2, $2, $3::jsonb, $4)`, [
      r.id,
      r.code,
      JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      [r.lng - half, r.lat - half, r.lng + half, r.lat + half],
    ]);
  }
  const t = world.teams;
  await q(
    `INSERT INTO team (id, callsign, region_id, covered_region_ids, base_lat, base_lng, skills, size, status, location_lat, location_lng, location_at)
     SELECT id, callsign, region_id, coalesce(string_to_array(nullif(covered, ''), ',')::uuid[], '{}'), base_lat, base_lng,
       coalesce(string_to_array(nullif(skills, ''), ','), '{}'), size, status,
       location_lat, location_lng, location_at
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::int[], $9::text[], $10::float8[], $11::float8[], $12::timestamptz[])
       AS x(id, callsign, region_id, covered, base_lat, base_lng, skills, size, status, location_lat, location_lng, location_at)`,
    [
      t.map((x) => x.id),
      t.map((x) => x.callsign),
      t.map((x) => x.regionId),
      t.map((x) => x.coveredRegionIds.join(',')),
      t.map((x) => x.base.lat),
      t.map((x) => x.base.lng),
      t.map((x) => x.skills.join(',')),
      t.map((x) => x.size),
      t.map((x) => (x.status === 'off-duty' ? 'available' : x.status)),
      t.map((x) => x.location?.lat ?? null),
      t.map((x) => x.location?.lng ?? null),
      t.map((x) => x.location?.at ?? null),
    ],
  );
  const onDuty = t.filter((x) => x.onDuty).map((x) => x.id);
  await q(
    `INSERT INTO shift (team_id, starts_at, ends_at) SELECT unnest($1::uuid[]), $2::timestamptz - interval '2 hours', $2::timestamptz + interval '10 hours'`,
    [onDuty, now.toISOString()],
  );
  const inc = world.incidents;
  await q(
    `INSERT INTO incident (id, number, region_id, category, status, respond_by, lat, lng, needed_skills, danger_to_others)
     SELECT id, 'BENCH-' || lpad(n::text, 5, '0'), region_id, category, 'open', $7::timestamptz + interval '2 hours', lat, lng,
       coalesce(string_to_array(nullif(skills, ''), ','), '{}'), danger
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::text[], $8::bool[]) WITH ORDINALITY
       AS x(id, region_id, category, lat, lng, skills, danger, n)`,
    [
      inc.map((x) => x.id),
      inc.map((x) => x.regionId),
      inc.map((x) => x.category),
      inc.map((x) => x.location.lat),
      inc.map((x) => x.location.lng),
      inc.map((x) => x.neededSkills.join(',')),
      now.toISOString(),
      inc.map((x) => x.dangerToOthers),
    ],
  );
  await q(`ANALYZE`);
}

async function benchHttp(world: World, now: Date): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-bench-'));
  chmodSync(dataDir, 0o755);
  const password = 'bench-admin-password-1';
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: password,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    TIMER_POLL_MS: '60000',
  });
  const server = await startServer(config);
  try {
    await seedDatabase(server, world, now);
    const api = async (
      method: string,
      path: string,
      token?: string,
      body?: unknown,
    ): Promise<{ status: number; json: unknown }> => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: await res.json() };
    };
    const admin = (
      (await api('POST', '/auth/login', undefined, { username: 'admin', password })).json as { accessToken: string }
    ).accessToken;
    await api('POST', '/users', admin, {
      username: 'bench-coordinator',
      password,
      displayName: 'Bench',
      role: 'coordinator',
    });
    const token = (
      (await api('POST', '/auth/login', undefined, { username: 'bench-coordinator', password })).json as {
        accessToken: string;
      }
    ).accessToken;

    const rows: Row[] = [];
    const one = async (id: string, query = ''): Promise<number> => {
      const t0 = performance.now();
      const res = await api('GET', `/incidents/${id}/recommendations${query}`, token);
      if (res.status !== 200) throw new Error(`recommendations answered ${res.status}: ${JSON.stringify(res.json)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 100; i++) await one(world.incidents[i].id); // warm up
    const runs: { concurrency: number; query: string; label: string }[] = [
      { concurrency: 1, query: '', label: 'all ranked, 1 client' },
      { concurrency: 1, query: '?limit=10', label: 'limit=10, 1 client' },
      { concurrency: 8, query: '', label: 'all ranked, 8 clients' },
    ];
    for (const { concurrency, query, label } of runs) {
      const samples: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < world.incidents.length) {
            const incident = world.incidents[next++];
            samples.push(await one(incident.id, query));
          }
        }),
      );
      rows.push(summarise(`GET recommendations, ${label}`, samples, performance.now() - started));
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const now = new Date();
  const world = buildWorld(now);
  const available = world.teams.filter((t) => t.status === 'available' && t.onDuty).length;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
  const results: {
    recommendations?: Row[];
    writePath?: WriteRow[];
    regionLookup?: RegionLookupRow[];
    mapScale?: MapScaleResult[];
  } = {};
  process.stdout.write(
    `Benchmark on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, load average ${machine.loadAverageAtStart.join(' ')}; ` +
      `node ${process.version}, ${process.platform}/${process.arch}\n` +
      `Recommendations: ${TEAMS} teams (${available} on duty and available), ${INCIDENTS} open incidents, ${world.regions.length} regions\n`,
  );
  printTable(
    `1. Pure ranking (libs/geo), one call per open incident, ${INCIDENTS} calls per row`,
    benchPure(world, now),
  );
  if (process.env.BENCH_GEO !== 'false') results.regionLookup = benchRegionLookup();
  if (process.env.BENCH_HTTP !== 'false') {
    try {
      results.recommendations = await benchHttp(world, now);
      printTable(
        `2. GET /incidents/:id/recommendations on an embedded PostgreSQL (${INCIDENTS} open incidents, ${TEAMS} teams), each incident once per row;\n` +
          `   end to end: HTTP + token check + SQL + ranking + JSON, with the client in the same process (its JSON parsing is counted)`,
        results.recommendations,
      );
    } catch (e) {
      process.stdout.write(`\n2. HTTP benchmark skipped: ${(e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  if (process.env.BENCH_BROWSER !== 'false') {
    try {
      await benchConsole();
    } catch (e) {
      process.stdout.write(`\n3. Browser benchmark failed: ${(e as Error).stack ?? (e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  if (process.env.BENCH_WRITE !== 'false') {
    try {
      results.writePath = await benchWritePath((line) => process.stdout.write(`${line}\n`));
    } catch (e) {
      process.stdout.write(`\n4. Write-path benchmark failed: ${(e as Error).stack ?? (e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  if (process.env.BENCH_MAP !== 'false') {
    try {
      results.mapScale = await benchMapScale((line) => process.stdout.write(`${line}\n`));
    } catch (e) {
      process.stdout.write(`\n6. Map benchmark failed: ${(e as Error).stack ?? (e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${now.toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
  const command = `${['BENCH_GEO', 'BENCH_HTTP', 'BENCH_BROWSER', 'BENCH_WRITE', 'BENCH_WRITE_ROWS', 'BENCH_BASELINE', 'BENCH_FLOOR_POOL', 'BENCH_SURGE_RATES', 'BENCH_MAP', 'BENCH_MAP_SECONDS', 'BENCH_CONSOLE_BEFORE'].map((k) => (process.env[k] ? `${k}=${process.env[k]} ` : '')).join('')}npm run bench`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: now.toISOString(),
        command,
        machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`\nresults written to ${file}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
