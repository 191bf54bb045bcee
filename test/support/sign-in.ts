import type { Page } from 'playwright-core';

/** The demo data's password for every seeded user but the admin. */
export const DEMO_PASSWORD = 'demo-1577-0199';

export interface SignInOptions {
  password?: string;
  /** Wait for the first snapshot too (`data-synced`), not only for the shell; on by default. */
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

/** Opens the console at `url` in `lang` (the stored language choice) and signs in as `username`. */
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
