import type { Page } from 'playwright-core';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { signInAs } from '../support/console-sign-in.js';
import { waitForExpression } from '../support/page-wait.js';
import { openNewCall } from '../support/console-call.js';

// Issue 13 item 9, keyboard only, in Korean and in English: focus goes to the triage after a call starts, Alt+I
// without a location goes to the location, Confirm triage moves on to the location, the shortcut help is a dialog
// closed with Escape, and the district outlines are not Tab stops. The coordinator's map says, to whoever cannot
// see its canvas, where every incident drawn on it can be reached.

const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'ko' | 'en') => signInAs(env, page, username, lang);

// Page-side code as strings: this file is type-checked without the DOM library.
const focused = (page: Page) =>
  page.evaluate<{ id: string; name: string }>(
    "({ id: document.activeElement?.id ?? '', name: document.activeElement?.getAttribute('name') ?? '' })",
  );
const LAT_FOCUSED = "document.activeElement?.getAttribute('name') === 'lat'";

describe.each(['ko', 'en'] as const)('keyboard and focus (%s)', (lang) => {
  it('moves focus to the next thing to do and keeps the map out of the Tab order', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, lang === 'ko' ? 'counselor' : 'counselor2', lang);
    await page.getByRole('button', { name: lang === 'ko' ? /^새 상담$/ : /^New call$/ }).click();
    const newCall = page.getByTestId('new-call-form');
    await newCall.locator('select[name="channel"]').selectOption('phone');
    await openNewCall(page, () => newCall.locator('button[type="submit"]').click());
    await waitForExpression(page, "document.activeElement?.id.startsWith('triage-') === true");
    expect((await focused(page)).id).toBe('triage-selfHarmInProgress-yes');

    // Alt+I with no location: to the location, not a refused create.
    await page.keyboard.press('Alt+i');
    await waitForExpression(page, LAT_FOCUSED);

    // The path answered by keyboard-free clicks, then Confirm triage: focus on the location.
    for (const id of [
      'selfHarmInProgress',
      'medicalEmergency',
      'rescueNeeded',
      'weaponAccess',
      'wishDead',
      'suicidalThoughts',
    ]) {
      await page.locator(`#triage-${id}-no`).check();
    }
    await page.locator('#triage-harmToOthers-none').check();
    await page.locator('#triage-behavior-none').check();
    await page.getByRole('button', { name: lang === 'ko' ? '분류 확정' : 'Confirm triage' }).click();
    await page.getByTestId('triage-recorded').waitFor();
    await waitForExpression(page, LAT_FOCUSED);

    // The district outlines of the picker map are not focusable.
    const outlines = await page.evaluate<number[]>(
      "[...document.querySelectorAll('.leaflet-container path')].map((p) => p.tabIndex)",
    );
    expect(outlines.length).toBeGreaterThanOrEqual(25);
    expect(outlines.filter((i) => i >= 0)).toEqual([]);

    // The shortcut help: a dialog with the focus inside, closed with Escape.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog');
    await help.waitFor();
    expect(await page.evaluate<boolean>("document.activeElement?.closest('[role=dialog]') !== null")).toBe(true);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await context.close();
  }, 90_000);

  it("tells a keyboard user of the coordinator's map that the drawn incidents are all in the queue", async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'coordinator', lang);
    await page.locator('.coordinator-map .leaflet-container').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Alt+2');
    await waitForExpression(page, "document.activeElement?.classList.contains('leaflet-container') === true");
    // The description a screen reader gives the focused map, and the map frame's: the same note, in the language.
    const described = await page.evaluate<string[]>(
      "[document.activeElement, document.querySelector('.coordinator-map')].map((el) => document.getElementById(el?.getAttribute('aria-describedby') ?? '')?.textContent ?? '')",
    );
    const note = lang === 'ko' ? /사건 대기열\(Alt\+1\)에도 있습니다/ : /also in the incident queue \(Alt\+1\)/;
    expect(described).toHaveLength(2);
    for (const text of described) expect(text).toMatch(note);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await context.close();
  }, 60_000);
});

describe.each(['ko', 'en'] as const)('focus after the triage is recorded (%s)', (lang) => {
  it('stays in the location box a counselor went on to type in while the triage was on its way', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, lang === 'ko' ? 'counselor' : 'counselor2', lang);
    await page.getByRole('button', { name: lang === 'ko' ? /^새 상담$/ : /^New call$/ }).click();
    const newCall = page.getByTestId('new-call-form');
    const { id } = await openNewCall(page, () => newCall.locator('button[type="submit"]').click());
    // The triage's answer is held back (a slow line) until the counselor is halfway through the longitude.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(
      (url) => url.pathname === `/api/v1/calls/${id}/triage`,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.locator('#triage-selfHarmInProgress-yes').check();
    const recorded = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/calls/${id}/triage`);
    await page.getByTestId('confirm-and-create').click();
    await page.locator('.location-picker input[name="lat"]').click();
    await page.keyboard.type('37.5628');
    await page.locator('.location-picker input[name="lng"]').click();
    await page.keyboard.type('126.99');
    release();
    await recorded;
    await page.getByTestId('triage-recorded').waitFor();
    await page.keyboard.type('62');
    expect(await page.locator('.location-picker input[name="lat"]').inputValue()).toBe('37.5628');
    expect(await page.locator('.location-picker input[name="lng"]').inputValue()).toBe('126.9962');
    await page.getByTestId('location-status').filter({ hasText: '37.5628' }).waitFor();
    await context.close();
  }, 60_000);
});
