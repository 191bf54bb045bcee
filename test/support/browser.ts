import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = new URL('../../test-artifacts/', import.meta.url).pathname;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserHarness {
  browser: Browser;
  newPage(opts?: { phone?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with the network chatter turned off (the machine has no internet). Playwright gives
 * every launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<BrowserHarness> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext(
        opts.phone
          ? {
              viewport: { width: 390, height: 844 },
              deviceScaleFactor: 2,
              isMobile: true,
              hasTouch: true,
              locale: 'en-US',
            }
          : { viewport: { width: 1440, height: 900 }, locale: 'en-US' },
      );
      const page = await context.newPage();
      return { page, context };
    },
    async screenshot(page, name) {
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await browser.close();
    },
  };
}
