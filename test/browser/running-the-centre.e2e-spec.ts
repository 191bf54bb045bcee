import type { Page } from 'playwright-core';
import type { TeamView } from '#contracts';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, openConsoleAs } from '../support/console-sign-in.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';

// Issue 10, "Done when", in real Chromium on the demo data: an admin imports a district from a GeoJSON file
// (previewed first) and keeps the agencies; a supervisor creates a team there and its 24-hour shifts for a week
// and sees the district's coverage gap disappear; drag, delete and copy work on the week view. English first,
// then every screen again in Korean (with the bundled Korean font), axe on each.

const env = useConsoleUnderTest();

/** A square district east of the demo city, so no demo team covers it: a gap for all of the next 7 days. */
const NEW_DISTRICT = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { CODE: 'NEW-D1', NAME_EN: 'Test-dong', NAME_KO: '시험동' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [127.2, 37.5],
            [127.25, 37.5],
            [127.25, 37.55],
            [127.2, 37.55],
            [127.2, 37.5],
          ],
        ],
      },
    },
  ],
};

const signIn = (page: Page, username: string, password: string, lang: 'en' | 'ko') =>
  openConsoleAs(page, env.server.url, username, lang, { password, synced: false });

async function openTab(page: Page, id: string, screen: string): Promise<void> {
  await page.getByTestId(`workspace-${id}`).click();
  await page.getByTestId(screen).waitFor({ timeout: 10_000 });
}

describe('running the centre', () => {
  it('an admin imports a district from a GeoJSON file after a preview, and edits an agency', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD, 'en');
    await openTab(page, 'regions', 'regions-page');
    await page.getByTestId('geojson-file').setInputFiles({
      name: 'new-district.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(NEW_DISTRICT)),
    });
    // The property names of this file differ from the defaults: the screen picks the likely ones, the admin fixes the Korean one.
    await page.getByLabel('Korean name property').selectOption('NAME_KO');
    const preview = page.getByTestId('region-preview');
    await expect(preview.getByRole('row', { name: /NEW-D1 Test-dong 시험동 new/ }).count()).resolves.toBe(1);
    // Nothing is saved before the button: the server still has 25 districts.
    expect(
      (
        await env.server.api<{ features: unknown[] }>('GET', '/regions', {
          token: (await env.server.login('admin')).accessToken,
        })
      ).body.features,
    ).toHaveLength(25);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, 'regions-preview');
    await page.getByTestId('save-regions').click();
    await page.getByTestId('regions-saved').filter({ hasText: '1 new, 0 updated' }).waitFor();

    await openTab(page, 'agencies', 'agencies-page');
    await page.getByTestId('agency-row-H-SMC').getByRole('button', { name: /Edit/ }).click();
    const form = page.getByTestId('agency-form');
    await form.getByLabel('Contact').fill('02-2276-7000');
    await form.getByRole('checkbox', { name: 'Test-dong' }).check();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('agencies-notice').waitFor();
    await page.getByTestId('agency-row-H-SMC').filter({ hasText: '02-2276-7000' }).waitFor();
    await page.getByTestId('agency-row-H-SMC').filter({ hasText: 'Test-dong' }).waitFor();
    await context.close();
  }, 150_000);

  it('a supervisor creates a team and its 24-hour shifts for a week, and the coverage gap disappears', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'supervisor', DEMO_PASSWORD, 'en');
    await openTab(page, 'teams', 'teams-page');
    await page.getByTestId('new-team').click();
    const form = page.getByTestId('team-form');
    await form.getByLabel('Callsign').fill('TEST-1');
    await form.getByLabel('Home region').selectOption({ label: 'Test-dong' });
    await form.getByLabel('Size (people)').fill('3');
    await form.getByRole('checkbox', { name: 'English' }).check();
    // The base by a click on the map, inside the new district (fitted to all regions, so its centre is on screen).
    await form.getByLabel('Latitude').fill('37.525');
    await form.getByLabel('Longitude').fill('127.225');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create team' }).click();
    await page.getByTestId('team-row-TEST-1').waitFor();

    await openTab(page, 'rosters', 'roster-page');
    const gap = page.getByTestId('gap-NEW-D1');
    await gap.waitFor();
    await gap.filter({ hasText: '168 h' }).waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, 'roster-gap');

    // 24-hour shifts handing over at midnight, for eight days: from the start of today past the same hour in 7 days.
    const shiftForm = page.getByTestId('shift-form');
    await shiftForm.getByLabel('Team').selectOption({ label: 'TEST-1' });
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await shiftForm.getByLabel('First day').fill(today);
    await shiftForm.getByLabel('Hand-over time').fill('00:00');
    await shiftForm.getByLabel('Length').selectOption('24');
    await shiftForm.getByLabel('Consecutive days').fill('8');
    await shiftForm.getByRole('button', { name: 'Add shifts' }).click();
    await page.getByTestId('roster-notice').filter({ hasText: '8 shifts added.' }).waitFor();
    await gap.waitFor({ state: 'detached' });
    await page.getByTestId('no-coverage-gaps').waitFor();
    const team = (
      await env.server.api<TeamView[]>('GET', '/teams', {
        token: (await env.server.login('supervisor', DEMO_PASSWORD)).accessToken,
      })
    ).body.find((t) => t.callsign === 'TEST-1')!;
    expect(team.onDuty).toBe(true);

    // The same week again overlaps: refused whole, with the reason on screen.
    await shiftForm.getByRole('button', { name: 'Add shifts' }).click();
    await page.getByTestId('roster-failure').filter({ hasText: 'overlaps' }).waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await context.close();
  }, 150_000);

  it("drags a shift onto a team's week, copies that week forward, and deletes a shift", async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'supervisor', DEMO_PASSWORD, 'en');
    await openTab(page, 'rosters', 'roster-page');
    // Three weeks ahead nothing is rostered yet.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next week →' }).click();
    const row = page.getByTestId('roster-team-TEST-1');
    await row.waitFor();
    await expect(row.getByTestId('roster-shift').count()).resolves.toBe(0);
    await row.scrollIntoViewIfNeeded();
    const box = (await row.locator('.roster-track').boundingBox())!;
    // From Tuesday 00:00 to Tuesday 12:00: 1/7 and 1.5/7 of the track, snapped to the hour.
    await page.mouse.move(box.x + box.width / 7 + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 1.5) / 7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('roster-notice').filter({ hasText: '1 shift added.' }).waitFor();
    await row
      .getByTestId('roster-shift')
      .filter({ hasText: /00:00–.*12:00$/ })
      .waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, 'roster-week');

    // The week after: copy last week brings the same shift, same weekday and hours; a second copy skips it.
    await page.getByRole('button', { name: 'Next week →' }).click();
    await expect(row.getByTestId('roster-shift').count()).resolves.toBe(0);
    await page.getByTestId('copy-last-week').click();
    await page.getByTestId('roster-notice').filter({ hasText: '1 shift copied from last week.' }).waitFor();
    await row
      .getByTestId('roster-shift')
      .filter({ hasText: /00:00–.*12:00$/ })
      .waitFor();
    await page.getByTestId('copy-last-week').click();
    await page.getByTestId('roster-notice').filter({ hasText: '1 left out' }).waitFor();

    await row.getByTestId('roster-shift').click();
    await page.getByTestId('roster-selected').getByRole('button', { name: 'Delete shift' }).click();
    await page.getByTestId('roster-notice').filter({ hasText: 'Shift deleted.' }).waitFor();
    await row.getByTestId('roster-shift').waitFor({ state: 'detached' });
    await context.close();
  }, 150_000);

  it('an admin deactivates a user who is signed in elsewhere and that session ends; creates a user and resets a password', async () => {
    const elsewhere = await env.browser.newPage();
    await signIn(elsewhere.page, 'counselor2', DEMO_PASSWORD, 'en');
    await elsewhere.page.locator('.shell[data-synced="true"]').waitFor({ timeout: 15_000 });

    const { page, context } = await env.browser.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD, 'en');
    await openTab(page, 'people', 'people-page');
    const row = page.getByTestId('user-row-counselor2');
    await row.waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);
    await row.getByRole('button', { name: 'Deactivate counselor2' }).click();
    await page.getByTestId('people-notice').filter({ hasText: 'counselor2 deactivated' }).waitFor();
    await row.filter({ hasText: 'Deactivated' }).waitFor();
    // The other browser is thrown out: its socket is closed by the server and its next check finds the session over.
    await elsewhere.page.getByTestId('login-form').waitFor({ timeout: 10_000 });
    await elsewhere.page.getByText('Your session ended').first().waitFor();
    await elsewhere.context.close();
    expect(
      (await env.server.api('POST', '/auth/login', { body: { username: 'counselor2', password: DEMO_PASSWORD } }))
        .status,
    ).toBe(401);

    await page.getByTestId('new-user').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Username').fill('night-counselor');
    await form.getByLabel('Display name').fill('Night Counselor');
    await form.getByLabel('Role').selectOption('counselor');
    await form.getByLabel(/Initial password/).fill('first-password-123');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId('user-row-night-counselor').waitFor();
    await page
      .getByTestId('user-row-night-counselor')
      .getByRole('button', { name: 'Reset password night-counselor' })
      .click();
    await page
      .getByTestId('password-form')
      .getByLabel(/New password/)
      .fill('second-password-456');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await page.getByTestId('password-form').getByRole('button', { name: 'Set password' }).click();
    await page.getByTestId('people-notice').filter({ hasText: 'New password set for night-counselor' }).waitFor();
    expect(
      (
        await env.server.api('POST', '/auth/login', {
          body: { username: 'night-counselor', password: 'first-password-123' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await env.server.api('POST', '/auth/login', {
          body: { username: 'night-counselor', password: 'second-password-456' },
        })
      ).status,
    ).toBe(200);
    // No password or hash ever reaches the screen: the typed one is cleared, none comes from the API.
    const html = await page.content();
    expect(html).not.toMatch(/\$argon2|second-password-456|first-password-123/);
    await context.close();
  }, 150_000);

  it('shows every screen in Korean with the bundled Korean font, and passes axe', async () => {
    const { page, context } = await env.browser.newPage();
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.woff2')) fonts.push(r.url());
    });
    await signIn(page, 'admin', ADMIN_PASSWORD, 'ko');
    for (const [tab, screen, heading] of [
      ['rosters', 'roster-page', '근무표'],
      ['people', 'people-page', '사용자와 권한'],
      ['teams', 'teams-page', '팀과 역량'],
      ['agencies', 'agencies-page', '협력기관'],
      ['regions', 'regions-page', '관할 구역'],
    ] as const) {
      await openTab(page, tab, screen);
      await page.getByTestId(screen).getByRole('heading', { name: heading, exact: true }).first().waitFor();
      if (tab === 'teams') await page.getByTestId('skills-editor').waitFor();
      expect(await seriousA11yFindings(page)).toEqual([]);
    }
    await page.evaluate('document.fonts.ready.then(() => true)');
    const loaded = await page.evaluate<number>(
      "[...document.fonts].filter((f) => f.family.includes('Noto Sans KR') && f.status === 'loaded').length",
    );
    // Only the unicode-range slices of the characters on screen are fetched, never the whole family.
    expect(loaded).toBeGreaterThan(0);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.length).toBeLessThan(124);
    await env.browser.screenshot(page, 'teams-ko');
    await context.close();
  }, 150_000);
});
