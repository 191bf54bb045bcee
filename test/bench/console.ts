import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Category, EventsPage, IncidentView, LoginResponse, RegionCollection, TriageInput } from '#contracts';
import { geometryBBox, pointInGeometry } from '#geo';
import { blankTriageInput } from '#triage';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo.js';
import { launchBrowser, type BrowserHarness } from '../support/browser.js';
import { seededRandom as rng } from '../../apps/api/src/cli/simulate/seeded-random.js';
import { percentile, printTable } from './common.js';
import { ProbeHandle, type LongTask, type ScreenCounts, type SeenUpdate } from './console-probe.js';
import {
  CONSOLE_DIR,
  CONSOLE_UPDATES_PER_SECOND as UPDATES_PER_SECOND,
  startDemoServer,
  type DemoServer,
} from './demo-server.js';

// npm run bench, part 3: the coordinator console in Chromium with thousands of open incidents. The issue asks
// for marker clustering when zoomed out and for a console that stays smooth, without redrawing the whole map per
// event. Measured on the real server (embedded PostgreSQL, Seoul demo data) and the built console (dist/console):
//   load     login → queue and map show every incident the console holds;
//   arrival  2,000 incidents created through the API while a console is open (4 events each for it to apply);
//   updates  200 re-triages at 20/s: main-thread long tasks, event → DOM latency, how much of the map is redrawn;
//   zoom     zooming out and in: the cost of re-clustering;
//   memory   JS heap after garbage collection, DOM nodes.
// No thresholds: it reports. Server, browser and this client share the machine's CPUs.

const INCIDENTS = 2000;
/** Every 25th incident is category B (2 h to respond): 80 pressing incidents, all within the console's 100 unclustered ones. */
const PRESSING_EVERY = 25;
const UPDATES = 200;
/** Every 4th update re-triages a pressing incident, whose marker and row are on screen: 50 latency samples. */
const SAMPLE_EVERY = 4;
const SEED_CONCURRENCY = 6;
/** The map counts as settled once its DOM has not changed for this long. */
const QUIET_MS = 500;
/** Zoom steps through the control buttons: out twice (towards minZoom 8), in past disableClusteringAtZoom (15), back to the fitted view. */
const ZOOM_STEPS: readonly ('in' | 'out')[] = [
  'out',
  'out',
  'in',
  'in',
  'in',
  'in',
  'in',
  'in',
  'in',
  'out',
  'out',
  'out',
  'out',
  'out',
];

type Api = <T>(method: string, path: string, token?: string, body?: unknown) => Promise<T>;

interface Session {
  server: DemoServer['server'];
  browser: BrowserHarness;
  api: Api;
  /** Demo counselor: creates and re-triages the calls. */
  counselor: string;
  /** Demo coordinator (API side): reads the incident list and the event log. */
  coordinator: string;
}

interface PlannedIncident {
  category: Category;
  location: { lat: number; lng: number };
}

interface SeededIncident {
  id: string;
  callId: string;
  category: Category;
}

interface Opened {
  page: Page;
  context: BrowserContext;
  probe: ProbeHandle;
}

interface MainThread {
  tasks: number;
  /** Total blocking time: the part of each long task beyond 50 ms. */
  blockedMs: number;
  longestMs: number;
}

interface Memory {
  heapUsedMb: number;
  heapTotalMb: number;
  domNodes: number;
  listeners: number;
}

/** Rows of the tables, collected while the scenario runs and printed at the end. */
interface Report {
  setup: string;
  seeding: string;
  load: string[][];
  mainThread: string[][];
  latency: string[][];
  redraw: string;
  zoom: string[][];
  memory: string[][];
  notes: string[];
}

export async function benchConsole(): Promise<void> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    process.stdout.write(
      `\n3. Browser benchmark skipped: no built console in ${CONSOLE_DIR} (run npm run build:console).\n`,
    );
    return;
  }
  const demo = await startDemoServer('console');
  const session = await openSession(demo);
  try {
    printReport(await runScenario(session));
  } finally {
    await session.browser.close();
    await demo.stop();
  }
}

async function openSession(demo: DemoServer): Promise<Session> {
  const { server } = demo;
  try {
    const api = apiClient(server.url);
    const login = async (username: string): Promise<string> =>
      (await api<LoginResponse>('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).accessToken;
    const [counselor, coordinator] = [await login('counselor'), await login('coordinator')];
    return { server, browser: await launchBrowser(), api, counselor, coordinator };
  } catch (e) {
    await demo.stop();
    throw e;
  }
}

function apiClient(baseUrl: string): Api {
  return async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

async function runScenario(s: Session): Promise<Report> {
  const setup =
    `Chromium ${s.browser.browser.version()} headless, software rendering (--disable-gpu), 1440 × 900; ` +
    `${availableParallelism()} CPUs shared by the server, its PostgreSQL, the browser and this client.`;
  const report: Report = {
    setup,
    seeding: '',
    load: [],
    mainThread: [],
    latency: [],
    redraw: '',
    zoom: [],
    memory: [],
    notes: [],
  };
  // The live console is open before the incidents exist, so it learns of all 2,000 through events.
  const live = await openConsole(s);
  const plan = planIncidents(await s.api<RegionCollection>('GET', '/regions', s.coordinator));
  const incidents = await measureArrival(s, live, plan, report);
  report.notes.push(
    `screenshot of the live console with ${INCIDENTS} incidents: ${await s.browser.screenshot(live.page, `bench-console-${INCIDENTS}`)}`,
  );
  report.memory.push(memoryRow(`live console, ${INCIDENTS} incidents`, await memory(live)));

  await measureLoad(s, report);
  await measureUpdates(s, live, incidents, report);
  await measureZoom(live, report);
  return report;
}

/** Spreads the incidents over Seoul's districts (inside a region polygon); every 25th is pressing (B), the rest D or E. */
function planIncidents(regions: RegionCollection): PlannedIncident[] {
  const random = rng(20251123);
  const boxes = regions.features.map((f) => geometryBBox(f.geometry));
  const [west, south, east, north] = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const inSeoul = (p: { lat: number; lng: number }): boolean =>
    regions.features.some((f) => pointInGeometry(p, f.geometry));
  const point = (): { lat: number; lng: number } => {
    for (;;) {
      const p = { lat: south + random() * (north - south), lng: west + random() * (east - west) };
      if (inSeoul(p)) return { lat: Number(p.lat.toFixed(6)), lng: Number(p.lng.toFixed(6)) };
    }
  };
  return Array.from({ length: INCIDENTS }, (_, i) => ({
    category: i % PRESSING_EVERY === 0 ? 'B' : random() < 0.5 ? 'D' : 'E',
    location: point(),
  }));
}

/** Hotline answers the triage rules turn into each category used here (libs/triage). */
function triageInput(category: Category): TriageInput {
  const calm = { ...blankTriageInput(), capableSupportPresent: true };
  switch (category) {
    case 'B':
      return {
        ...calm,
        cssrs: { ...calm.cssrs, wishDead: true, suicidalThoughts: true, thoughtsWithMethod: true, intent: true },
      };
    case 'D':
      return { ...calm, psychosis: 'stable' };
    case 'E':
      return { ...calm, distress: 'moderate' };
    case 'A':
    case 'C':
    case 'F':
    case 'G':
      throw new Error(`no seed answers for category ${category}`);
  }
}

/** One incident the hotline's way: POST /calls → POST /calls/:id/triage → POST /incidents. */
async function createIncident(s: Session, plan: PlannedIncident): Promise<SeededIncident> {
  const call = await s.api<{ id: string }>('POST', '/calls', s.counselor, { channel: 'phone' });
  const triage = await s.api<{ category: Category }>(
    'POST',
    `/calls/${call.id}/triage`,
    s.counselor,
    triageInput(plan.category),
  );
  if (triage.category !== plan.category)
    throw new Error(`triage gave ${triage.category}, the plan wanted ${plan.category}`);
  const incident = await s.api<IncidentView>('POST', '/incidents', s.counselor, {
    callId: call.id,
    location: plan.location,
  });
  return { id: incident.id, callId: call.id, category: incident.category };
}

/** Creates the incidents with a few requests in flight, roughly in plan order. */
async function seedIncidents(s: Session, plan: readonly PlannedIncident[]): Promise<SeededIncident[]> {
  const seeded: SeededIncident[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.length) {
      const i = next++;
      seeded[i] = await createIncident(s, plan[i]);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return seeded;
}

/** Signs in as the demo coordinator from the login screen; resolves once the first catch-up has finished. */
async function openConsole(s: Session): Promise<Opened & { submittedAt: number }> {
  const { page, context } = await s.browser.newPage();
  const probe = await ProbeHandle.attach(page);
  await page.goto(s.server.url);
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill('coordinator');
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.locator('.shell[data-synced="true"]').waitFor({ timeout: 30_000 });
  const submittedAt = await probe.lastSubmit();
  if (submittedAt === null) throw new Error('the login form was not submitted');
  return { page, context, probe, submittedAt };
}

/** The 2,000 incidents are created through the API while `live` is open; how the console keeps up. */
async function measureArrival(
  s: Session,
  live: Opened,
  plan: readonly PlannedIncident[],
  report: Report,
): Promise<SeededIncident[]> {
  const head = async (): Promise<number> =>
    (await s.api<{ lastSeq: number }>('GET', '/events/head', s.coordinator)).lastSeq;
  const seqBefore = await head();
  const from = await live.probe.now();
  const started = performance.now();
  const incidents = await seedIncidents(s, plan);
  const seedMs = performance.now() - started;
  const lastResponse = await live.probe.now();
  const events = (await head()) - seqBefore;
  report.seeding =
    `${INCIDENTS} incidents created through the API (POST /calls → /triage → /incidents, ${SEED_CONCURRENCY} in flight, demo counselor) in ` +
    `${(seedMs / 1000).toFixed(1)} s (${((INCIDENTS / seedMs) * 1000).toFixed(0)}/s): ${events} events (${(events / INCIDENTS).toFixed(1)} per incident) for the open console to apply.`;
  const shownAt = await allShownOrNull(live.probe, INCIDENTS, 60_000);
  const to = shownAt ?? (await live.probe.now());
  report.mainThread.push(
    mainThreadRow(
      `arrival: ${INCIDENTS} incidents created live (${(seedMs / 1000).toFixed(0)} s)`,
      to - from,
      summariseTasks(await live.probe.longTasks(from, to)),
    ),
  );
  report.load.push([
    `live console: last POST /incidents answered → queue and map show all ${INCIDENTS}`,
    since(shownAt, lastResponse),
    await shownText(live.probe, INCIDENTS),
  ]);
  return incidents;
}

/** A second coordinator signs in with the incidents already there: the login-to-complete-screen time. */
async function measureLoad(s: Session, report: Report): Promise<void> {
  // What the console is given at login: the active list of GET /incidents (what a fresh console can show).
  const listed = (await s.api<IncidentView[]>('GET', '/incidents?status=active', s.coordinator)).length;
  if (listed < INCIDENTS) {
    report.notes.unshift(
      `GET /incidents?status=active answers ${listed} of the ${INCIDENTS} open incidents (LIST_LIMIT in apps/api/src/incidents/incidents.service.ts), ` +
        `so a console that signs in now shows only ${listed}; the other ${INCIDENTS - listed} appear only once an event changes them.`,
    );
  }
  const opened = await openConsole(s);
  const { probe } = opened;
  try {
    // Caught at once: a timeout here must not become an unhandled rejection while allShown is awaited.
    const firstRow = probe.firstRow(30_000).catch(() => null);
    const shownAt = await allShownOrNull(probe, listed, 60_000);
    await probe.armQuiet();
    const settledAt = await probe.quiet(QUIET_MS, 30_000);
    const t0 = opened.submittedAt;
    report.load.push(
      ['fresh login: submit → first queue row', since(await firstRow, t0), ''],
      [
        `fresh login: submit → synced, queue and map show the ${listed} listed`,
        since(shownAt, t0),
        await shownText(probe, listed),
      ],
      [`fresh login: submit → map settled (no DOM change for ${QUIET_MS} ms)`, (settledAt - t0).toFixed(0), ''],
    );
    report.mainThread.unshift(
      mainThreadRow(
        'load: login submit → map settled',
        settledAt - t0,
        summariseTasks(await probe.longTasks(t0, settledAt)),
      ),
    );
    report.memory.unshift(memoryRow(`fresh login, ${listed} incidents`, await memory(opened)));
  } finally {
    await opened.context.close();
  }
}

/** Milliseconds from `start` to `at`, for the load table. */
function since(at: number | null, start: number): string {
  return at === null ? 'not reached' : (at - start).toFixed(0);
}

/** Page time when the queue and map first show `n` incidents, or null (the counts are reported instead). */
async function allShownOrNull(probe: ProbeHandle, n: number, timeoutMs: number): Promise<number | null> {
  try {
    return await probe.allShown(n, timeoutMs);
  } catch {
    return null;
  }
}

async function shownText(probe: ProbeHandle, expected: number): Promise<string> {
  const c: ScreenCounts = await probe.counts();
  return `queue ${c.queueCount ?? '?'} (${c.rows} rows), map ${c.onMap} (${c.markers} markers + ${c.clusters} clusters) of ${expected}`;
}

interface UpdateJob {
  incident: SeededIncident;
  to: Category;
  sampled: boolean;
}

interface SentUpdate extends UpdateJob {
  sentAt: number;
  answeredAt: number;
  ok: boolean;
}

/**
 * Re-triage overrides (POST /calls/:id/triage/override) change an incident's category and deadline: one
 * incident.updated (plus a call.updated) per request. Pressing incidents go B → C (still unclustered and listed,
 * so their marker and row can be watched); the others D ↔ E, inside clusters.
 */
function planUpdates(incidents: readonly SeededIncident[]): UpdateJob[] {
  const random = rng(7);
  const pressing = incidents.filter((i) => i.category === 'B');
  const others = shuffle(
    incidents.filter((i) => i.category !== 'B'),
    random,
  );
  return Array.from({ length: UPDATES }, (_, k): UpdateJob => {
    if (k % SAMPLE_EVERY === 0) return { incident: pressing[k / SAMPLE_EVERY], to: 'C', sampled: true };
    const incident = others[k];
    return { incident, to: incident.category === 'D' ? 'E' : 'D', sampled: false };
  });
}

/** Fisher–Yates with the seeded generator: the same incidents every run. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function sendPaced(s: Session, jobs: readonly UpdateJob[]): Promise<SentUpdate[]> {
  const start = performance.now();
  return Promise.all(
    jobs.map(async (job, k): Promise<SentUpdate> => {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, start + (k * 1000) / UPDATES_PER_SECOND - performance.now())),
      );
      const sentAt = Date.now();
      const ok = await s
        .api('POST', `/calls/${job.incident.callId}/triage/override`, s.counselor, {
          category: job.to,
          reason: 'benchmark: re-assessed on a follow-up call',
        })
        .then(() => true)
        .catch(() => false);
      return { ...job, sentAt, answeredAt: Date.now(), ok };
    }),
  );
}

async function measureUpdates(
  s: Session,
  live: Opened,
  incidents: readonly SeededIncident[],
  report: Report,
): Promise<void> {
  const jobs = planUpdates(incidents);
  const { lastSeq } = await s.api<{ lastSeq: number }>('GET', '/events/head', s.coordinator);
  await live.probe.watchUpdates(jobs.filter((j) => j.sampled).map((j) => ({ id: j.incident.id, category: j.to })));
  const from = await live.probe.now();
  const sent = await sendPaced(s, jobs);
  await live.probe.armQuiet();
  const to = await live.probe.quiet(QUIET_MS, 15_000);
  const watched = await live.probe.stopWatching();
  const onScreen = await live.probe.counts();

  const failed = sent.filter((u) => !u.ok).length;
  const wallS = (sent[sent.length - 1].answeredAt - sent[0].sentAt) / 1000;
  const label = `updates: ${UPDATES} incident.updated at ${UPDATES_PER_SECOND}/s (${wallS.toFixed(1)} s)${failed ? `, ${failed} failed` : ''}`;
  report.mainThread.push(mainThreadRow(label, to - from, summariseTasks(await live.probe.longTasks(from, to))));
  report.latency.push(...latencyRows(sent, watched.seen, await incidentEventTimes(s, lastSeq)));
  report.redraw =
    `While the ${UPDATES} updates applied, ${watched.mapNodesAdded} element nodes were inserted into the map ` +
    `(${(watched.mapNodesAdded / UPDATES).toFixed(1)} per update; redrawing the map would insert its ${onScreen.markers + onScreen.clusters} markers and clusters) ` +
    `and ${watched.queueNodesAdded} into the queue (rows re-ordered by their new deadline).`;
}

/**
 * Latency of the watched updates from the server's event (occurredAt, the start of its transaction) and from the
 * request, to the marker and the queue row showing the new category; all times are epoch ms on one machine.
 */
function latencyRows(
  sent: readonly SentUpdate[],
  seen: readonly SeenUpdate[],
  occurred: ReadonlyMap<string, number>,
): string[][] {
  const sentById = new Map(sent.map((u) => [u.incident.id, u]));
  const row = (
    label: string,
    pick: (x: SeenUpdate, sentAt: number, occurredAt: number | null) => number | null,
  ): string[] => {
    const values = seen
      .map((x) => pick(x, sentById.get(x.id)!.sentAt, occurred.get(x.id) ?? null))
      .filter((v): v is number => v !== null);
    return latencyRow(label, values, seen.length);
  };
  const gap = (at: number | null, start: number | null): number | null =>
    at !== null && start !== null ? at - start : null;
  return [
    row('event occurredAt → marker restyled', (x, _, o) => gap(x.markerAt, o)),
    row('event occurredAt → queue row restyled', (x, _, o) => gap(x.rowAt, o)),
    row('API request sent → marker restyled', (x, t) => gap(x.markerAt, t)),
    row('API request sent → queue row restyled', (x, t) => gap(x.rowAt, t)),
    latencyRow(
      'API request sent → answered (all updates)',
      sent.filter((u) => u.ok).map((u) => u.answeredAt - u.sentAt),
      sent.length,
    ),
  ];
}

/** occurredAt (epoch ms) of the incident.updated events after `after`, by incident id, from GET /events. */
async function incidentEventTimes(s: Session, after: number): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const LIMIT = 1000;
  for (let cursor = after; ;) {
    const page = await s.api<EventsPage>('GET', `/events?after=${cursor}&limit=${LIMIT}`, s.coordinator);
    for (const e of page.events) {
      if (e.type === 'incident.updated' && !times.has(e.data.id)) times.set(e.data.id, Date.parse(e.occurredAt));
      cursor = e.seq;
    }
    if (page.events.length < LIMIT) return times;
  }
}

/** Zooms with the map's own +/- buttons and waits for the DOM to settle after each step. */
async function measureZoom(live: Opened, report: Report): Promise<void> {
  const { page, probe } = live;
  let total: LongTask[] = [];
  let totalMs = 0;
  let level = 0;
  for (const step of ZOOM_STEPS) {
    level += step === 'in' ? 1 : -1;
    await probe.armQuiet();
    await probe.startFrames();
    await page.locator(`.leaflet-control-zoom-${step}`).click();
    const settledAt = await probe.quiet(QUIET_MS, 15_000);
    const frames = await probe.stopFrames();
    const clickAt = (await probe.lastClick()) ?? settledAt;
    const tasks = await probe.longTasks(clickAt, settledAt);
    const c = await probe.counts();
    total = total.concat(tasks);
    totalMs += settledAt - clickAt;
    report.zoom.push(
      zoomRow(
        `${step} → ${level >= 0 ? '+' : ''}${level} from fitted`,
        settledAt - clickAt,
        frames.filter((f) => f >= clickAt && f <= settledAt),
        summariseTasks(tasks),
        c,
      ),
    );
  }
  report.mainThread.push(
    mainThreadRow(`zoom: ${ZOOM_STEPS.length} steps, click → settled`, totalMs, summariseTasks(total)),
  );
}

async function memory({ context, page }: Opened): Promise<Memory> {
  const cdp = await context.newCDPSession(page);
  try {
    // After a collection the heap holds what the console keeps, not garbage waiting to be collected.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      heapUsedMb: metric('JSHeapUsedSize') / 2 ** 20,
      heapTotalMb: metric('JSHeapTotalSize') / 2 ** 20,
      domNodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
    };
  } finally {
    await cdp.detach();
  }
}

function summariseTasks(tasks: readonly LongTask[]): MainThread {
  return {
    tasks: tasks.length,
    blockedMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

function mainThreadRow(phase: string, windowMs: number, m: MainThread): string[] {
  return [
    phase,
    (windowMs / 1000).toFixed(1),
    String(m.tasks),
    m.blockedMs.toFixed(0),
    ((m.blockedMs / windowMs) * 100).toFixed(1),
    m.longestMs.toFixed(0),
  ];
}

function latencyRow(label: string, values: number[], of: number): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [
    label,
    `${values.length}/${of}`,
    ...[50, 95].map((p) => percentile(sorted, p).toFixed(0)),
    (sorted[sorted.length - 1] ?? Number.NaN).toFixed(0),
  ];
}

function zoomRow(label: string, settleMs: number, frames: readonly number[], m: MainThread, c: ScreenCounts): string[] {
  const gaps = frames.slice(1).map((f, i) => f - frames[i]);
  const longestFrame = gaps.reduce((max, g) => Math.max(max, g), 0);
  return [
    label,
    settleMs.toFixed(0),
    String(frames.length),
    longestFrame.toFixed(0),
    String(gaps.filter((g) => g > 50).length),
    String(m.tasks),
    m.longestMs.toFixed(0),
    String(c.clusters),
    String(c.markers),
  ];
}

function memoryRow(label: string, m: Memory): string[] {
  return [label, m.heapUsedMb.toFixed(1), m.heapTotalMb.toFixed(1), String(m.domNodes), String(m.listeners)];
}

function printReport(r: Report): void {
  process.stdout.write(
    `\n3. Coordinator console in Chromium (${INCIDENTS} open incidents over Seoul, real server, built console)\n   ${r.setup}\n   ${r.seeding}\n`,
  );
  printTable('3a. Load (ms)', ['milestone', 'ms', 'on screen'], r.load);
  printTable(
    '3b. Main thread (Long Tasks API: tasks over 50 ms; blocked = the part of each beyond 50 ms)',
    ['phase', 'window s', 'long tasks', 'blocked ms', 'blocked %', 'longest ms'],
    r.mainThread,
  );
  printTable(
    `3c. Live updates: ${UPDATES} re-triages at ${UPDATES_PER_SECOND}/s; latency (ms) of the ${UPDATES / SAMPLE_EVERY} on screen (occurredAt: server transaction start)`,
    ['path', 'seen', 'p50', 'p95', 'max'],
    r.latency,
  );
  process.stdout.write(`   ${r.redraw}\n`);
  printTable(
    '3d. Zoom with the map buttons (frames: requestAnimationFrame between click and settled)',
    [
      'step',
      'settle ms',
      'frames',
      'longest frame ms',
      'frames > 50 ms',
      'long tasks',
      'longest task ms',
      'clusters',
      'markers',
    ],
    r.zoom,
  );
  printTable(
    '3e. Memory (after a forced garbage collection; CDP Performance.getMetrics)',
    ['page', 'JS heap used MB', 'JS heap total MB', 'DOM nodes', 'listeners'],
    r.memory,
  );
  if (r.notes.length) process.stdout.write(`\nNotes:\n${r.notes.map((n) => `  - ${n}\n`).join('')}`);
}
