// The in-page half of the map benchmark (map-scale.ts, first-paint.ts), installed as an init script: Playwright
// serialises `installMapProbe` with toString(), so it uses only its own body. The project compiles without the DOM
// library, so the few browser APIs it touches are declared here, as narrowly as they are used.

interface ProbeWindow {
  readonly document: { querySelector(selector: string): { textContent: string | null } | null };
  readonly performance: { now(): number };
  readonly PerformanceObserver: new (
    callback: (list: {
      getEntries(): { entryType: string; name: string; startTime: number; duration: number }[];
    }) => void,
  ) => { observe(options: { type: string; buffered: boolean }): void };
  __mapBench?: MapProbe;
}

/** A main-thread task over 50 ms (the Long Tasks API), in page milliseconds. */
export interface LongTask {
  start: number;
  duration: number;
}

export interface MapProbe {
  now(): number;
  longTasks(): LongTask[];
  /** The number in the incident queue's heading (every active incident the console holds). */
  queueCount(): number;
  /** First contentful paint and the latest largest-contentful-paint candidate, page ms (null: none yet). */
  paints(): { fcp: number | null; lcp: number | null };
}

export type WithMapProbe = { __mapBench: MapProbe };

export function installMapProbe(): void {
  const w = globalThis as unknown as ProbeWindow;
  const tasks: LongTask[] = [];
  let fcp: number | null = null;
  let lcp: number | null = null;
  const observe = (type: string): void => {
    try {
      new w.PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.entryType === 'longtask') tasks.push({ start: e.startTime, duration: e.duration });
          else if (e.entryType === 'paint' && e.name === 'first-contentful-paint') fcp = e.startTime;
          else if (e.entryType === 'largest-contentful-paint') lcp = e.startTime;
        }
      }).observe({ type, buffered: true });
    } catch {
      // an entry type this browser does not know: its figure stays null
    }
  };
  for (const type of ['longtask', 'paint', 'largest-contentful-paint']) observe(type);
  w.__mapBench = {
    now: () => w.performance.now(),
    longTasks: () => tasks.slice(),
    queueCount: () => {
      const text = w.document.querySelector('[data-testid=incident-queue] .panel-count')?.textContent ?? '';
      return Number(/\d+/.exec(text.replace(/,/g, ''))?.[0] ?? 0);
    },
    paints: () => ({ fcp, lcp }),
  };
}
