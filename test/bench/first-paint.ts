import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo.js';
import type { BrowserHarness } from '../support/browser.js';
import { installMapProbe, type WithMapProbe } from './map-probe.js';

// The team phone's first visit on a throttled profile (issue 12 item 4): Chrome DevTools' "Fast 3G" (562.5 ms
// round trip, 180 kB/s down, 84 kB/s up) and a CPU four times slower, cold cache. FCP and LCP of the login screen,
// then the time from signing in as the demo responder to the team screen, and every script the phone downloaded.

const RUNS = 3;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;

export interface FirstPaintRun {
  fcpMs: number | null;
  lcpMs: number | null;
  teamScreenMs: number | null;
}

export interface FirstPaint {
  runs: FirstPaintRun[];
  median: FirstPaintRun;
  /** Scripts the phone loaded (the last run), with their size on disk and gzipped (what a compressing proxy sends). */
  js: {
    beforeLogin: { file: string; kb: number; gzipKb: number }[];
    afterLogin: { file: string; kb: number; gzipKb: number }[];
    beforeLoginKb: number;
    beforeLoginGzipKb: number;
    afterLoginKb: number;
    afterLoginGzipKb: number;
  };
}

const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v.length ? Math.round(v[Math.floor((v.length - 1) / 2)]!) : null;
};

const kb = (n: number): number => Number((n / 1000).toFixed(1));

export async function measureFirstPaint(browser: BrowserHarness, url: string, consoleDir: string): Promise<FirstPaint> {
  const runs: FirstPaintRun[] = [];
  let scripts: { before: string[]; after: string[] } = { before: [], after: [] };
  for (let i = 0; i < RUNS; i++) {
    const { page, context } = await browser.newPage({ phone: true });
    try {
      const loaded: string[] = [];
      page.on('requestfinished', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.js')) loaded.push(path);
      });
      await page.addInitScript(installMapProbe);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const form = page.getByTestId('login-form');
      await form.waitFor({ timeout: 120_000 });
      await page.waitForTimeout(1000); // LCP candidates settle; read before any input, which ends LCP
      const paints = await page.evaluate(() => (globalThis as unknown as WithMapProbe).__mapBench.paints());
      const before = [...new Set(loaded)];
      await form.locator('input[name="username"]').fill('responder');
      await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
      const t0 = await page.evaluate(() => (globalThis as unknown as WithMapProbe).__mapBench.now());
      await form.locator('button[type="submit"]').click();
      const shown = await teamScreen(page);
      runs.push({ fcpMs: paints.fcp, lcpMs: paints.lcp, teamScreenMs: shown === null ? null : shown - t0 });
      await page.waitForTimeout(500);
      scripts = { before, after: [...new Set(loaded)].filter((f) => !before.includes(f)) };
    } finally {
      await context.close();
    }
  }
  const sized = (files: string[]) =>
    files.map((file) => {
      const bytes = readFileSync(`${consoleDir}${file.replace(/^\//, '')}`);
      return { file, kb: kb(bytes.length), gzipKb: kb(gzipSync(bytes).length) };
    });
  const before = sized(scripts.before);
  const after = sized(scripts.after);
  const sum = (xs: { kb: number; gzipKb: number }[], k: 'kb' | 'gzipKb') =>
    Number(xs.reduce((s, x) => s + x[k], 0).toFixed(1));
  return {
    runs,
    median: {
      fcpMs: median(runs.map((r) => r.fcpMs)),
      lcpMs: median(runs.map((r) => r.lcpMs)),
      teamScreenMs: median(runs.map((r) => r.teamScreenMs)),
    },
    js: {
      beforeLogin: before,
      afterLogin: after,
      beforeLoginKb: sum(before, 'kb'),
      beforeLoginGzipKb: sum(before, 'gzipKb'),
      afterLoginKb: sum(after, 'kb'),
      afterLoginGzipKb: sum(after, 'gzipKb'),
    },
  };
}

/** Page time when the team screen shows (its location indicator), or null after two minutes. */
async function teamScreen(page: Page): Promise<number | null> {
  try {
    await page.getByTestId('location-indicator').waitFor({ timeout: 120_000 });
    return await page.evaluate(() => (globalThis as unknown as WithMapProbe).__mapBench.now());
  } catch {
    return null;
  }
}
