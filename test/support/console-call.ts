import type { Locator, Page } from 'playwright-core';

const isCreateCall = (method: string, url: string) => method === 'POST' && new URL(url).pathname === '/api/v1/calls';

/**
 * Submits the new-call form (`submit` clicks its button) and waits for the screen of the call the server created.
 * A counselor who still has a call open from before gets that call back on sign-in, with its own caller details and
 * location picker, until the new call replaces it: waiting for "an" active call could type into the old one just
 * before it goes. The caller's details arrive after the call opens, so this also waits for those, which the
 * counselor reads first.
 */
export async function openNewCall(page: Page, submit: () => Promise<unknown>): Promise<{ id: string; call: Locator }> {
  const created = page.waitForResponse((r) => isCreateCall(r.request().method(), r.url()) && r.ok());
  await submit();
  const { id } = (await (await created).json()) as { id: string };
  const call = page.locator(`[data-testid="active-call"][data-call-id="${id}"]`);
  await call.getByTestId('client-match').waitFor();
  return { id, call };
}
