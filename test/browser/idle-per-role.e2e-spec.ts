import type { Page } from 'playwright-core';
import type { CallView, DispatchView, IncidentView, TeamView } from '#contracts';
import { blankTriageInput } from '#triage';
import { seriousA11yFindings } from '../support/axe.js';
import { launchBrowser, type BrowserHarness } from '../support/browser.js';
import { submitLogin } from '../support/console-sign-in.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 13 item 2, in Korean and in English, with a 1-minute idle limit and 1-minute tokens: team phones left
// untouched past the limit are still signed in and receive an offer; the coordinator's console locks instead of
// logging off, lists a new alert while locked, and opens again only with the password.

const PASSWORD = 'demo-1577-0199';
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
let server: TestServer & { dropDatabase(): Promise<void> };
let browser: BrowserHarness;

beforeAll(async () => {
  server = await startTestServer({
    DEMO_DATA: 'true',
    CONSOLE_DIR: new URL('../../dist/console', import.meta.url).pathname,
    IDLE_LOGOFF_MINUTES: '1',
    ACCESS_TOKEN_MINUTES: '1',
  });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.dropDatabase();
}, 30_000);

async function signIn(page: Page, username: string, lang: 'ko' | 'en'): Promise<void> {
  await page.addInitScript(`localStorage.setItem('console.lang', '${lang}')`);
  await page.goto(server.url);
  await submitLogin(page, username, { password: PASSWORD });
}

it('keeps idle phones on and offered, locks the idle control room with alerts still listed (ko and en)', async () => {
  const langs = ['ko', 'en'] as const;
  const phones = await Promise.all(langs.map(() => browser.newPage({ phone: true })));
  const desks = await Promise.all(langs.map(() => browser.newPage()));
  await Promise.all(langs.map((lang, i) => signIn(phones[i].page, 'responder', lang)));
  await Promise.all(langs.map((lang, i) => signIn(desks[i].page, 'coordinator', lang)));
  const signedInAt = Date.now();

  // Nobody touches anything. The desks lock after a minute; the phones show no warning and stay signed in.
  await Promise.all(desks.map((d) => d.page.getByTestId('lock-screen').waitFor({ timeout: 120_000 })));
  await new Promise((r) => setTimeout(r, Math.max(0, signedInAt + 75_000 - Date.now())));
  for (const { page } of phones) {
    expect(await page.getByTestId('login-form').count()).toBe(0);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
  }

  // An offer reaches both idle phones (their tokens were renewed without input).
  const counselor = (await server.login('counselor', PASSWORD)).accessToken;
  const coordinator = (await server.login('coordinator', PASSWORD)).accessToken;
  const responder = (await server.login('responder', PASSWORD)).accessToken;
  const call = await server.api<CallView>('POST', '/calls', { token: counselor, body: { channel: 'phone' } });
  await server.api('POST', `/calls/${call.body.id}/triage`, {
    token: counselor,
    body: { ...blankTriageInput(), harmToOthers: 'threats' },
  });
  const incident = await server.api<IncidentView>('POST', '/incidents', {
    token: counselor,
    body: { callId: call.body.id, location: IN_JUNG_GU },
  });
  const jung = (await server.api<TeamView[]>('GET', '/teams', { token: coordinator })).body.find(
    (t) => t.callsign === 'JUNG-1',
  )!;
  const offered = await server.api<DispatchView>('POST', `/incidents/${incident.body.id}/dispatches`, {
    token: coordinator,
    body: { teamId: jung.id },
  });
  expect(offered.status).toBe(201);
  for (const { page } of phones)
    await expect(page.getByTestId('offer-card').textContent({ timeout: 10_000 })).resolves.toContain(
      incident.body.number,
    );
  expect(await seriousA11yFindings(phones[0].page)).toEqual([]);

  // A decline raises an alert: the locked desks list it.
  await server.api('POST', `/dispatches/${offered.body.id}/decline`, {
    token: responder,
    body: { reason: 'idle-test decline' },
  });
  for (const { page } of desks) {
    await page.getByTestId('lock-alert').filter({ hasText: 'idle-test decline' }).waitFor({ timeout: 10_000 });
  }
  const [ko, en] = desks.map((d) => d.page) as [Page, Page];
  await expect(ko.getByTestId('lock-screen').textContent()).resolves.toContain('화면 잠김');
  await expect(en.getByTestId('lock-screen').textContent()).resolves.toContain('Console locked');
  expect(await seriousA11yFindings(ko)).toEqual([]);
  await browser.screenshot(ko, 'lock-screen-ko');

  // The password opens it; a wrong one does not, and does not log the desk out.
  for (const page of [ko, en]) {
    const lock = page.getByTestId('lock-screen');
    await lock.locator('input[name="unlock-password"]').fill('not-the-password');
    await lock.locator('button[type="submit"]').click();
    await lock.getByRole('alert').waitFor();
    await lock.locator('input[name="unlock-password"]').fill(PASSWORD);
    await lock.locator('button[type="submit"]').click();
    await lock.waitFor({ state: 'detached' });
    await page.getByTestId('incident-queue').waitFor();
  }
  await Promise.all([...phones, ...desks].map((p) => p.context.close()));
}, 240_000);
