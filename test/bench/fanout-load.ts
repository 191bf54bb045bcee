import { io, type Socket } from 'socket.io-client';
import { climb } from './climb.js';
import { percentile } from './common.js';

// The load side of the write-path benchmark: N consoles (real Socket.IO clients) listening for incident.created,
// and an open-loop generator that fires creates at a fixed rate whether or not earlier ones have answered (a surge
// does not wait for the server). Latency is measured from sending the create to the event at each console.

export interface Target {
  name: 'floor' | 'project';
  url: string;
  /** The body of the i-th create. */
  body(i: number): unknown;
  path: string;
  headers: Record<string, string>;
  socketAuth?: Record<string, string>;
}

export interface LoadResult {
  consoles: number;
  rate: number;
  seconds: number;
  created: number;
  errors: number;
  /** Creates per second actually answered over the run. */
  achievedRate: number;
  /** Create request → incident.created at a console, over every (create, console) pair. */
  p50: number;
  p99: number;
  max: number;
  /** Create request → 201. */
  createP99: number;
  /** (create, console) pairs whose event never arrived. */
  lost: number;
  /** CPU time per create of the server process and of PostgreSQL: what a loaded machine cannot blur. */
  serverCpuMsPerCreate: number;
  postgresCpuMsPerCreate: number;
  /** The load generator's own CPU per create (this process: HTTP client and the consoles' Socket.IO clients). */
  generatorCpuMsPerCreate: number;
  /**
   * The five creates whose event reached its last console latest: when each was sent (ms after the step began), its
   * answer's and that event's latency. Whether a step failed on a stall at its start, a periodic one, or throughout.
   */
  slowest: { sentAtMs: number; createMs: number; eventMs: number }[];
}

/** CPU milliseconds used so far by the server process and by PostgreSQL (all its processes). */
export type CpuSampler = () => { server: number; postgres: number };

export class Consoles {
  private sockets: Socket[] = [];
  /** incident id → arrival times (performance.now()) at the consoles. */
  readonly arrivals = new Map<string, number[]>();

  static async connect(target: Target, n: number): Promise<Consoles> {
    const c = new Consoles();
    for (let i = 0; i < n; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async () => {
          const s = io(target.url, {
            transports: ['websocket'],
            auth: target.socketAuth,
            reconnection: false,
            forceNew: true,
          });
          s.on('incident.created', (e: { data: { id: string } }) => {
            const at = performance.now();
            const list = c.arrivals.get(e.data.id);
            if (list) list.push(at);
            else c.arrivals.set(e.data.id, [at]);
          });
          await new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', (e) => reject(e));
          });
          c.sockets.push(s);
        }),
      );
    }
    return c;
  }

  get size(): number {
    return this.sockets.length;
  }

  close(): void {
    for (const s of this.sockets) s.disconnect();
    this.sockets = [];
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Fires `rate` creates a second for `seconds`, waits for the events, and summarises. */
export async function runLoad(
  target: Target,
  consoles: Consoles,
  rate: number,
  seconds: number,
  nextIndex: () => number,
  cpu?: CpuSampler,
): Promise<LoadResult> {
  consoles.arrivals.clear();
  const cpuBefore = cpu?.();
  const generatorBefore = process.cpuUsage();
  const total = Math.round(rate * seconds);
  const sent: { id: string | null; t0: number; t1: number; ok: boolean }[] = [];
  const inFlight: Promise<void>[] = [];
  const fire = async (): Promise<void> => {
    const record = { id: null as string | null, t0: performance.now(), t1: 0, ok: false };
    sent.push(record);
    try {
      const res = await fetch(`${target.url}${target.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: JSON.stringify(target.body(nextIndex())),
      });
      const json = (await res.json()) as { id?: string };
      record.t1 = performance.now();
      record.ok = res.status === 201 && typeof json.id === 'string';
      record.id = json.id ?? null;
    } catch {
      record.t1 = performance.now();
    }
  };
  const started = performance.now();
  let fired = 0;
  while (fired < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (fired < due) {
      inFlight.push(fire());
      fired++;
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const lastAnswer = Math.max(...sent.map((s) => s.t1));
  // Events still on their way: wait until every console has every event, or 3 s.
  const ok = sent.filter((s) => s.ok);
  const complete = (): boolean => ok.every((s) => (consoles.arrivals.get(s.id!)?.length ?? 0) >= consoles.size);
  for (const until = performance.now() + 3000; !complete() && performance.now() < until;) await sleep(20);

  const latencies: number[] = [];
  const lastArrival: { s: (typeof ok)[number]; ms: number }[] = [];
  let lost = 0;
  for (const s of ok) {
    const arrived = consoles.arrivals.get(s.id!) ?? [];
    for (const at of arrived) latencies.push(at - s.t0);
    if (arrived.length > 0) lastArrival.push({ s, ms: Math.max(...arrived) - s.t0 });
    lost += Math.max(0, consoles.size - arrived.length);
  }
  const slowest = lastArrival
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ s, ms }) => ({
      sentAtMs: Math.round(s.t0 - started),
      createMs: Math.round(s.t1 - s.t0),
      eventMs: Math.round(ms),
    }));
  latencies.sort((a, b) => a - b);
  const cpuAfter = cpu?.();
  const generator = process.cpuUsage(generatorBefore);
  const perCreate = (k: 'server' | 'postgres'): number =>
    cpuBefore && cpuAfter ? (cpuAfter[k] - cpuBefore[k]) / Math.max(1, sent.length) : Number.NaN;
  const creates = ok.map((s) => s.t1 - s.t0).sort((a, b) => a - b);
  return {
    consoles: consoles.size,
    rate,
    seconds,
    created: ok.length,
    errors: sent.length - ok.length,
    achievedRate: (ok.length / Math.max(1, lastAnswer - started)) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    createP99: percentile(creates, 99),
    lost,
    serverCpuMsPerCreate: perCreate('server'),
    postgresCpuMsPerCreate: perCreate('postgres'),
    generatorCpuMsPerCreate: (generator.user + generator.system) / 1000 / Math.max(1, sent.length),
    slowest,
  };
}

/** A rate step held: p99 within the bound, at least 90% of the rate answered, no create failed, no event lost. */
export function stepHeld(r: LoadResult, boundMs: number): boolean {
  return r.p99 <= boundMs && r.errors === 0 && r.lost === 0 && r.achievedRate >= r.rate * 0.9;
}

/** One server in the rate search: its consoles, its next create, its CPU. */
export interface Climber {
  target: Target;
  consoles: Consoles;
  next: () => number;
  cpu?: CpuSampler;
}

/** The sustained-rate search (the rule is `climb.ts`'s), each step real load with half a second's rest after it. */
export function highestRatesHeld(
  climbers: Climber[],
  rates: readonly number[],
  seconds: number,
  boundMs: number,
): Promise<{ held: number; steps: LoadResult[] }[]> {
  return climb(
    climbers.length,
    rates,
    async (i, rate) => {
      const c = climbers[i];
      const r = await runLoad(c.target, c.consoles, rate, seconds, c.next, c.cpu);
      await sleep(500);
      return r;
    },
    (r) => stepHeld(r, boundMs),
  );
}
