import type { Page } from 'playwright-core';
import type { ConsoleUnderTest } from './console-server.js';

/** The demo data's password for every demo user. */
export const DEMO_PASSWORD = 'demo-1577-0199';

/**
 * Signs in from the login screen with the console in `lang`, and waits until the first catch-up has completed
 * (the lists are complete).
 */
export async function signInAs(env: ConsoleUnderTest, page: Page, username: string, lang: 'ko' | 'en'): Promise<void> {
  await page.addInitScript(`localStorage.setItem('console.lang', '${lang}')`);
  await page.goto(env.server.url);
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.locator('.shell[data-synced="true"]').waitFor({ timeout: 15_000 });
}
