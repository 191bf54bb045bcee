import type { Page } from 'playwright-core';

// The in-page half of the console benchmark: instruments the console from outside (no test hooks in the app).
// `installProbe` runs inside Chromium as an init script: Playwright serialises it with toString(), so it may use
// only its own body (no imports, no module-level helpers). The project compiles without the DOM library (Node
// types only), so the few browser APIs it touches are declared here, as narrowly as they are used.

interface PageNode {
  readonly nodeType: number;
}
interface PageElement extends PageNode {
  readonly dataset: Readonly<Record<string, string | undefined>>;
  readonly textContent: string | null;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  matches(selector: string): boolean;
}
interface PageMutation {
  readonly type: string;
  readonly target: PageNode;
  readonly addedNodes: ArrayLike<PageNode>;
}
interface PageMutationObserver {
  observe(
    target: PageNode,
    options: { subtree: boolean; childList: boolean; attributes: boolean; attributeFilter?: string[] },
  ): void;
  disconnect(): void;
}
interface PageWindow {
  readonly document: {
    readonly body: PageElement;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    addEventListener(type: string, listener: () => void, capture: boolean): void;
  };
  readonly performance: { now(): number };
  readonly PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
  readonly MutationObserver: new (callback: (records: PageMutation[]) => void) => PageMutationObserver;
  requestAnimationFrame(callback: (time: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  __consoleBench?: ConsoleProbe;
}

/** A main-thread task over 50 ms (the Long Tasks API), in page milliseconds (performance.now()). */
export interface LongTask {
  start: number;
  duration: number;
}

/** What the coordinator screen shows, read from the DOM by its documented test ids. */
export interface ScreenCounts {
  /** The first catch-up after login has finished (`.shell[data-synced]`). */
  synced: boolean;
  rows: number;
  /** The number in the queue's heading: every active incident the console holds (rows stop at 200). */
  queueCount: number | null;
  markers: number;
  clusters: number;
  /** Incidents on the map: single markers plus the counts of the clusters. */
  onMap: number;
}

/** When one awaited change reached the screen, in epoch ms (comparable with server and Node clocks). */
export interface SeenUpdate {
  id: string;
  markerAt: number | null;
  rowAt: number | null;
}

export interface WatchResult {
  seen: SeenUpdate[];
  /** Element nodes inserted into the map and into the queue while watching: what was redrawn. */
  mapNodesAdded: number;
  queueNodesAdded: number;
}

export interface ConsoleProbe {
  now(): number;
  /** Page time of the last form submit / click (capture phase, so before the app handles it). */
  lastSubmit: number | null;
  lastClick: number | null;
  longTasks(from: number, to: number): LongTask[];
  /** Records requestAnimationFrame timestamps until stopFrames. */
  startFrames(): void;
  stopFrames(): number[];
  counts(): ScreenCounts;
  /** Watches for markers and queue rows showing `category` for each incident `id`. */
  watchUpdates(expected: { id: string; category: string }[]): void;
  stopWatching(): WatchResult;
  /** Starts noting DOM changes in the map, for `quiet`. */
  armQuiet(): void;
  /** Resolves, once the map has not changed for `ms`, with the page time of its last change (or at `timeoutMs`). */
  quiet(ms: number, timeoutMs: number): Promise<number>;
}

export function installProbe(): void {
  const w = globalThis as unknown as PageWindow;
  const ELEMENT = 1;
  const now = (): number => w.performance.now();
  const tasks: LongTask[] = [];
  // buffered: tasks that ran before the observer existed (page start-up) are reported too.
  new w.PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  let frames: number[] = [];
  let recording = false;
  const frame = (time: number): void => {
    if (!recording) return;
    frames.push(time);
    w.requestAnimationFrame(frame);
  };

  const counts = (): ScreenCounts => {
    const d = w.document;
    const heading = d.querySelector('[data-testid=incident-queue] .panel-count')?.textContent ?? '';
    const digits = /\d+/.exec(heading);
    const clusters = Array.from(d.querySelectorAll('[data-testid=map] [data-testid=incident-cluster]'));
    const clustered = clusters.reduce((sum, c) => sum + Number(/\d+/.exec(c.textContent ?? '')?.[0] ?? 0), 0);
    const markers = d.querySelectorAll('[data-testid=map] [data-testid=incident-marker]').length;
    // The canvas map (issue 12) draws clusters and most incidents on a canvas and states its counts on the container.
    const canvasMap = d.querySelector('[data-testid=map] .leaflet-container[data-incidents]');
    return {
      synced: d.querySelector('.shell[data-synced=true]') !== null,
      rows: d.querySelectorAll('[data-testid=incident-row]').length,
      queueCount: digits ? Number(digits[0]) : null,
      markers,
      clusters: canvasMap ? Number(canvasMap.dataset.clusters ?? 0) : clusters.length,
      onMap: canvasMap ? Number(canvasMap.dataset.incidents) : markers + clustered,
    };
  };

  // Watching updates: the callback looks only at the nodes a mutation names, never queries the whole page, so
  // the observer itself adds little to the main-thread time it helps measure.
  let watcher: PageMutationObserver | null = null;
  let expected = new Map<string, { category: string; seen: SeenUpdate }>();
  let mapNodesAdded = 0;
  let queueNodesAdded = 0;
  const noteElement = (el: PageElement): void => {
    const marker = el.matches('[data-testid=incident-marker]') ? el : el.querySelector('[data-testid=incident-marker]');
    if (marker) {
      const want = expected.get(marker.dataset.incidentId ?? '');
      if (want && want.seen.markerAt === null && marker.dataset.category === want.category)
        want.seen.markerAt = Date.now();
    }
    const row = el.closest('[data-testid=incident-row]');
    if (row) {
      const want = expected.get(row.dataset.incidentId ?? '');
      const badge = row.querySelector('[data-category]');
      if (want && want.seen.rowAt === null && badge?.dataset.category === want.category) want.seen.rowAt = Date.now();
    }
  };
  const onMutations = (records: PageMutation[]): void => {
    for (const r of records) {
      if (r.type === 'attributes') {
        noteElement(r.target as PageElement);
        continue;
      }
      for (const node of Array.from(r.addedNodes)) {
        if (node.nodeType !== ELEMENT) continue;
        const el = node as PageElement;
        if (el.closest('[data-testid=map]')) mapNodesAdded += 1;
        else if (el.closest('[data-testid=incident-queue]')) queueNodesAdded += 1;
        noteElement(el);
      }
    }
  };

  let lastMapChange = 0;
  let quietObserver: PageMutationObserver | null = null;

  const probe: ConsoleProbe = {
    now,
    lastSubmit: null,
    lastClick: null,
    longTasks: (from, to) => tasks.filter((t) => t.start + t.duration > from && t.start < to),
    startFrames() {
      frames = [];
      recording = true;
      w.requestAnimationFrame(frame);
    },
    stopFrames() {
      recording = false;
      return frames;
    },
    counts,
    watchUpdates(list) {
      expected = new Map(
        list.map((u) => [u.id, { category: u.category, seen: { id: u.id, markerAt: null, rowAt: null } }]),
      );
      mapNodesAdded = 0;
      queueNodesAdded = 0;
      watcher = new w.MutationObserver(onMutations);
      watcher.observe(w.document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-category'],
      });
    },
    stopWatching() {
      watcher?.disconnect();
      watcher = null;
      return { seen: [...expected.values()].map((e) => e.seen), mapNodesAdded, queueNodesAdded };
    },
    armQuiet() {
      quietObserver?.disconnect();
      lastMapChange = now();
      const map = w.document.querySelector('[data-testid=map]');
      if (!map) return;
      quietObserver = new w.MutationObserver(() => {
        lastMapChange = now();
      });
      quietObserver.observe(map, { subtree: true, childList: true, attributes: true });
    },
    quiet(ms, timeoutMs) {
      const started = now();
      return new Promise((resolve) => {
        const check = (): void => {
          const t = now();
          if (t - lastMapChange >= ms || t - started >= timeoutMs) {
            quietObserver?.disconnect();
            quietObserver = null;
            resolve(lastMapChange);
          } else w.setTimeout(check, 25);
        };
        check();
      });
    },
  };
  w.document.addEventListener('submit', () => void (probe.lastSubmit = now()), true);
  w.document.addEventListener('click', () => void (probe.lastClick = now()), true);
  w.__consoleBench = probe;
}

type WithProbe = { __consoleBench: ConsoleProbe };

/**
 * The Node side: each method evaluates one probe call in the page. The arrow functions run in the page, so each
 * finds the probe on its own (they cannot share a helper).
 */
export class ProbeHandle {
  private constructor(readonly page: Page) {}

  /** Installs the probe in every document the page loads from now on. */
  static async attach(page: Page): Promise<ProbeHandle> {
    await page.addInitScript(installProbe);
    return new ProbeHandle(page);
  }

  now(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.now());
  }
  lastSubmit(): Promise<number | null> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.lastSubmit);
  }
  lastClick(): Promise<number | null> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.lastClick);
  }
  longTasks(from: number, to: number): Promise<LongTask[]> {
    return this.page.evaluate(([f, t]) => (globalThis as unknown as WithProbe).__consoleBench.longTasks(f, t), [
      from,
      to,
    ] as const);
  }
  startFrames(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.startFrames());
  }
  stopFrames(): Promise<number[]> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.stopFrames());
  }
  counts(): Promise<ScreenCounts> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.counts());
  }
  watchUpdates(expected: { id: string; category: string }[]): Promise<void> {
    return this.page.evaluate(
      (list) => (globalThis as unknown as WithProbe).__consoleBench.watchUpdates(list),
      expected,
    );
  }
  stopWatching(): Promise<WatchResult> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.stopWatching());
  }
  armQuiet(): Promise<void> {
    return this.page.evaluate(() => (globalThis as unknown as WithProbe).__consoleBench.armQuiet());
  }
  quiet(ms: number, timeoutMs: number): Promise<number> {
    return this.page.evaluate(([q, t]) => (globalThis as unknown as WithProbe).__consoleBench.quiet(q, t), [
      ms,
      timeoutMs,
    ] as const);
  }

  /** Page time of the first frame with an incident row, checked every frame. */
  async firstRow(timeoutMs: number): Promise<number> {
    const handle = await this.page.waitForFunction(
      () => {
        const probe = (globalThis as unknown as WithProbe).__consoleBench;
        return probe.counts().rows > 0 ? probe.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number;
  }

  /**
   * Page time of the first frame, checked every frame, where the console has synced and both the queue and the
   * map hold `expected` incidents.
   */
  async allShown(expected: number, timeoutMs: number): Promise<number> {
    const handle = await this.page.waitForFunction(
      (n) => {
        const probe = (globalThis as unknown as WithProbe).__consoleBench;
        const c = probe.counts();
        return c.synced && c.queueCount === n && c.onMap === n ? probe.now() : false;
      },
      expected,
      { polling: 'raf', timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number;
  }
}
