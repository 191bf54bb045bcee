import type { Page, Route } from 'playwright-core';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { openNewCall } from '../support/console-call.js';
import { waitForExpression } from '../support/page-wait.js';

// The questions hold still while the caller's details arrive, in Korean and in English: a registered client calls,
// the call's record and then his safety plan load after the questions are on screen (each held back here for a
// moment, as on a slow line), and the first answer a counselor may reach for stays exactly where it was, so a
// click aimed at it cannot land on another question.

const KIM = '010-0000-0001'; // Kim Min-jun, a registered client of the demo data, with a safety plan
const HOLD_MS = 800;
const env = useConsoleUnderTest();

const COPY = {
  ko: { user: 'counselor', newCall: /^새 상담$/, start: '상담 시작' },
  en: { user: 'counselor2', newCall: /^New call$/, start: 'Start call' },
} as const;

/** Holds back GET responses whose path matches `pattern` for HOLD_MS. */
async function slow(page: Page, pattern: RegExp): Promise<void> {
  await page.route(
    (url) => pattern.test(url.pathname),
    async (route: Route) => {
      if (route.request().method() !== 'GET') return route.continue();
      await new Promise((r) => setTimeout(r, HOLD_MS));
      return route.continue();
    },
  );
}

const firstAnswerTop = async (page: Page): Promise<number> =>
  (await page.locator('label[for="triage-selfHarmInProgress-yes"]').boundingBox())!.y;

// Wide: the details beside the questions. Narrow (a tablet upright): above them, in a box of fixed height.
const SCREENS = { wide: null, narrow: { width: 820, height: 1180 } } as const;

describe.each([
  ['ko', 'wide'],
  ['en', 'wide'],
  ['ko', 'narrow'],
  ['en', 'narrow'],
] as const)('the questions while the caller details load (%s, %s screen)', (lang, screen) => {
  it("keeps the first answer in place as the call's record and the safety plan arrive", async () => {
    const copy = COPY[lang];
    const { page, context } = await env.browser.newPage();
    const size = SCREENS[screen];
    if (size) await page.setViewportSize(size);
    await signInAs(env, page, copy.user, lang);
    await slow(page, /^\/api\/v1\/calls\/[^/]+$/);
    await slow(page, /^\/api\/v1\/clients\/[^/]+$/);
    await page.getByRole('button', { name: copy.newCall }).click();
    const form = page.getByTestId('new-call-form');
    await form.locator('input[name="callerNumber"]').fill(KIM);

    // The questions are on screen before the call's record has come back.
    const opened = openNewCall(page, () => form.getByRole('button', { name: copy.start }).click());
    await page.locator('label[for="triage-selfHarmInProgress-yes"]').waitFor();
    expect(await page.getByTestId('client-match').count()).toBe(0);
    // Their place is held, saying so in the screen's language.
    expect(await page.getByTestId('client-match-pending').textContent()).toContain(
      lang === 'ko' ? '불러오는 중' : 'Loading',
    );
    const before = await firstAnswerTop(page);

    const { id, call } = await opened;
    await call.getByTestId('safety-plan').waitFor();
    expect(await call.getByTestId('safety-plan').textContent()).toMatch(/김민준|Kim Min-jun/);
    expect(await firstAnswerTop(page)).toBe(before);
    if (screen === 'narrow') {
      // Above the questions, and the plan scrolls inside its box: reachable by keyboard (the box takes the focus).
      const match = (await call.getByTestId('client-match').boundingBox())!;
      expect(match.y + match.height).toBeLessThanOrEqual(before);
      await call.getByTestId('client-match').focus();
      await page.keyboard.press('End');
      await waitForExpression(
        page,
        `document.querySelector('[data-testid="active-call"] [data-testid="client-match"]').scrollTop > 0`,
      );
      expect(await firstAnswerTop(page)).toBe(before);
    }
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, `triage-${screen === 'wide' ? 'beside' : 'above'}-client-${lang}`);
    await context.close();
    // Ended, so this counselor's next sign-in does not resume it in place of the next test's new call.
    const { accessToken: token } = await env.server.login(copy.user, DEMO_PASSWORD);
    const ended = await env.server.api('POST', `/calls/${id}/end`, {
      token,
      body: { outcome: 'closed-after-counselling' },
    });
    expect(ended.status).toBe(200);
  }, 60_000);
});
