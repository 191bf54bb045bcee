import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The rules every screen is held to: WCAG 2.1 A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core's own minified build. @axe-core/playwright injected the 1.5 MB unminified source twice per audit and
// finished each run in a new blank page, about 3.8 s an audit on the 2-core CI machine, half of some browser files'
// time. The console has no frames, so one whole-page `axe.run` sees what that cross-frame run saw.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on what the page shows now and returns the serious and critical
 * findings, so a browser test can `expect(await seriousA11yFindings(page)).toEqual([])` on every screen it visits.
 * axe is injected once per document (a navigation drops it, and the next audit injects it again).
 */
export async function seriousA11yFindings(page: Page, opts: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  if (page.frames().length > 1) throw new Error('seriousA11yFindings audits one frame; this page has frames');
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(AXE_SOURCE);
  const context = { exclude: (opts.exclude ?? []).map((s) => [s]) };
  // Only violations are gathered in full; passes and the rest are what makes an unrestricted run slow.
  const options = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };
  const violations = await page.evaluate<AxeFinding[]>(
    `axe.run(${JSON.stringify(context)}, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')),
    })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
