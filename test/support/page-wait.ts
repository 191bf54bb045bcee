import type { Page } from 'playwright-core';

/**
 * Waits until `expression` is truthy in the page. The console runs under a CSP without 'unsafe-eval', so Playwright's
 * string predicates (`waitForFunction`) cannot run in the page; an expression evaluated through the DevTools
 * protocol (`page.evaluate`) can.
 */
export async function waitForExpression(page: Page, expression: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
