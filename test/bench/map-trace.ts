import { readFileSync } from 'node:fs';

// BENCH_MAP_TRACE (map-scale.ts): where the page's main thread spends the first idle window, by the phases Chrome's
// trace names. A CPU profile sees only JavaScript; with software rendering most of the main thread goes to style,
// layout, paint and canvas work, which the profile shows as one "(program)".

/** The phases reported, as the trace's event names. Nested ones (a layout inside a script) are counted in both. */
const PHASES = [
  'RunTask',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
] as const;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Milliseconds per phase on the busiest renderer main thread of a Chrome trace file. */
export function mainThreadPhases(file: string): Record<string, number> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals: Record<string, number> = Object.fromEntries(PHASES.map((p) => [p, 0]));
  for (const e of events)
    if (e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.name in totals) totals[e.name] += (e.dur ?? 0) / 1000;
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v)]));
}
