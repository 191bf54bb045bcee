import type { Page } from 'playwright-core';
import type { ConsoleUnderTest } from './console-server.js';

/** The demo data's password for every demo user. */
export const DEMO_PASSWORD = 'demo-1577-0199';

export interface SignInOptions {
  password?: string;
  /** Wait for the first catch-up too (`data-synced`: the lists are complete), not only for the shell; on by default. */
  synced?: boolean;
}

/** Fills the login form on the current page, submits it and waits for the console's shell. */
export async function submitLogin(page: Page, username: string, options: SignInOptions = {}): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(options.password ?? DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.locator(options.synced === false ? '.shell' : '.shell[data-synced="true"]').waitFor({ timeout: 15_000 });
}

/**
 * Signs in from the login screen with the console in `lang`, and waits until the first catch-up has completed
 * (the lists are complete).
 */
export async function signInAs(env: ConsoleUnderTest, page: Page, username: string, lang: 'ko' | 'en'): Promise<void> {
  await page.addInitScript(`localStorage.setItem('console.lang', '${lang}')`);
  await page.goto(env.server.url);
  await submitLogin(page, username);
}

/** Opens the console at `url`, stores `lang` as the language choice, reloads and signs in as `username`. */
export async function openConsoleAs(
  page: Page,
  url: string,
  username: string,
  lang: 'en' | 'ko',
  options: SignInOptions = {},
): Promise<void> {
  await page.goto(url);
  await page.evaluate(`localStorage.setItem('console.lang', '${lang}')`);
  await page.reload();
  await submitLogin(page, username, options);
}
