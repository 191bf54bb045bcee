import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { CallView, ClientView, KpiReport, KpiTrend } from '#contracts';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { submitLogin } from '../support/console-sign-in.js';
import { waitForExpression } from '../support/page-wait.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';
import { parseCsv } from '../support/csv.js';
import { triageFor } from '../support/dispatch-world.js';

// Issue 10, "Done when": the supervisor opens the dashboard on a known history (made through the API here) and
// reads the right numbers from the charts' data tables and accessible labels; exports a CSV whose rows match
// GET /kpis; prints the monthly report; and reviews the access log (who read a person's record, unusual reads).
// Korean and English, axe on every screen.

const PASSWORD = 'demo-1577-0199';
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
const env = useConsoleUnderTest();

let client: ClientView;
let coordinatorId: string;

/** Signs in; `screen` opens that workspace tab directly (the open tab is kept in the URL hash). */
async function signIn(page: Page, username: string, password = PASSWORD, screen = ''): Promise<void> {
  await page.goto(`${env.server.url}/${screen ? `#/${screen}` : ''}`);
  await submitLogin(page, username, { password, synced: false });
}

async function setLanguage(page: Page, lang: 'ko' | 'en'): Promise<void> {
  if ((await page.evaluate('document.documentElement.lang')) !== lang)
    await page.getByTestId('language-switch').click();
  await waitForExpression(page, `document.documentElement.lang === ${JSON.stringify(lang)}`);
}

/** A call triaged to `category`, its incident near the Jung-gu office, and (optionally) the call linked to a client. */
async function incident(
  counselor: string,
  category: 'A' | 'C',
  clientId?: string,
): Promise<{ callId: string; incidentId: string }> {
  const call = await env.server.api<CallView>('POST', '/calls', { token: counselor, body: { channel: 'phone' } });
  expect(call.status).toBe(201);
  if (clientId)
    expect(
      (await env.server.api('POST', `/calls/${call.body.id}/client`, { token: counselor, body: { clientId } })).status,
    ).toBe(200);
  expect(
    (await env.server.api('POST', `/calls/${call.body.id}/triage`, { token: counselor, body: triageFor(category) }))
      .status,
  ).toBe(201);
  const inc = await env.server.api<{ id: string }>('POST', '/incidents', {
    token: counselor,
    body: { callId: call.body.id, location: IN_JUNG_GU },
  });
  expect(inc.status).toBe(201);
  return { callId: call.body.id, incidentId: inc.body.id };
}

const valueAt = (report: KpiReport, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);

beforeAll(async () => {
  // The known history: three incidents (two A, one C) from three calls and one call that led to nothing; one of
  // the people is a registered client whose record the coordinator then reads without being involved.
  const counselor = (await env.server.login('counselor', PASSWORD)).accessToken;
  const supervisor = (await env.server.login('supervisor', PASSWORD)).accessToken;
  const coordinator = await env.server.login('coordinator', PASSWORD);
  coordinatorId = coordinator.user.id;
  const created = await env.server.api<ClientView>('POST', '/clients', {
    token: supervisor,
    body: {
      name: 'Review Person',
      phones: ['010-3333-0199'],
      basis: { kind: 'consent', scope: 'crisis line and follow-up', at: '2026-01-02T09:00:00+09:00' },
    },
  });
  expect(created.status).toBe(201);
  client = created.body;
  const first = await incident(counselor, 'A', client.id);
  await incident(counselor, 'A');
  await incident(counselor, 'C');
  expect((await env.server.api('POST', '/calls', { token: counselor, body: { channel: 'text' } })).status).toBe(201);
  expect(
    (await env.server.api('GET', `/incidents/${first.incidentId}`, { token: coordinator.accessToken })).status,
  ).toBe(200);
}, 120_000);

describe('supervisor dashboard', () => {
  it('shows the indicators of the known history under the CRISES domains, in Korean and English, and exports them as CSV', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'supervisor');
    // The dashboard is the supervisor's home screen.
    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor();
    await setLanguage(page, 'ko');
    await page.getByRole('heading', { name: '지표', exact: true }).waitFor();
    const incidentsRow = page.getByTestId('domain-table-accessible').locator('tr[data-indicator="incidents.total"]');
    await incidentsRow.waitFor();
    expect(await incidentsRow.getAttribute('data-value')).toBe('3');
    for (const domain of ['신속성', '안전성', '접근성', '최소 제한', '효과성', '당사자 중심', '협력']) {
      await page.getByRole('heading', { name: domain, exact: true }).waitFor();
    }

    // The same numbers as GET /kpis over the period the screen shows.
    const query = (await dashboard.getAttribute('data-query'))!;
    const { accessToken } = await env.server.login('supervisor', PASSWORD);
    const kpis = (await env.server.api<KpiReport>('GET', `/kpis?${query}`, { token: accessToken })).body;
    expect(kpis.incidents.total).toBe(3);
    expect(kpis.calls.total).toBe(4);
    const byCategory = page.getByTestId('chart-table-incidents-by-category');
    expect(await byCategory.locator('tr[data-indicator="incidents.byCategory.A"]').getAttribute('data-value')).toBe(
      '2',
    );
    expect(await byCategory.locator('tr[data-indicator="incidents.byCategory.C"]').getAttribute('data-value')).toBe(
      '1',
    );
    expect(
      await page
        .getByTestId('domain-table-accessible')
        .locator('tr[data-indicator="calls.total"]')
        .getAttribute('data-value'),
    ).toBe('4');
    // The chart itself is an image named by its figures.
    const canvas = page.getByTestId('chart-incidents-by-category').locator('canvas');
    expect(await canvas.getAttribute('role')).toBe('img');
    expect(await canvas.getAttribute('aria-label')).toContain('A 분류 사건 2');
    // Every indicator row on the screen carries GET /kpis's value.
    for (const row of await page.locator('[data-testid^="domain-table-"] tr[data-indicator]').all()) {
      expect(Number(await row.getAttribute('data-value'))).toBe(
        valueAt(kpis, (await row.getAttribute('data-indicator'))!),
      );
    }
    // Targets drawn and tabled: NENA 15 s on the answer time, category B 120 min.
    expect(
      await page
        .getByTestId('chart-table-answer-times')
        .locator('tr[data-indicator="calls.answerSecondsP90"] td')
        .nth(1)
        .textContent(),
    ).toBe('15초');

    // Trends: today's bucket has the four calls.
    const trend = (
      await env.server.api<KpiTrend>(
        'GET',
        `/kpis/trend?${query}&bucket=day&timeZone=${encodeURIComponent(await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone'))}`,
        { token: accessToken },
      )
    ).body;
    const busiest = trend.points.find((p) => p.report.calls.total > 0)!;
    await page
      .getByTestId('chart-table-trend-day')
      .locator(`tr[data-bucket="${busiest.bucket}"][data-calls="4"]`)
      .waitFor();
    expect(await page.getByTestId('chart-table-trend-hour').locator('tr[data-bucket]').count()).toBe(24);

    // District map: Jung-gu has the three incidents; the staffing shading shows the gap beside who is on duty.
    await page.getByTestId('district-table').locator('tr[data-incidents="3"]').waitFor();
    await page.getByRole('radio', { name: '인력 부족' }).check();
    expect(await page.getByTestId('district-table').locator('tr[data-region-id]').count()).toBe(25);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, 'supervisor-dashboard-ko');

    // CSV export of GET /kpis: every row's value matches the JSON.
    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Timely', exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all indicators (CSV)' }).click(),
    ]);
    const [header, ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(header.slice(0, 3)).toEqual(['domain', 'indicator', 'value']);
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) expect(Number(r[2])).toBe(valueAt(kpis, r[1]));
    expect(rows.find((r) => r[1] === 'incidents.total')!.slice(0, 3)).toEqual(['accessible', 'incidents.total', '3']);
    // A chart's own table exports its rows too.
    const [chartCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV: Incidents by category' }).click(),
    ]);
    expect(
      parseCsv(await readFile(await chartCsv.path(), 'utf8').then((s) => s.replace(/^\ufeff/, '')))
        .find((r) => r[0] === 'incidents.byCategory.A')!
        .slice(2, 3),
    ).toEqual(['2']);
    expect(await seriousA11yFindings(page)).toEqual([]);

    // Filters: region and category narrow the figures.
    await page.getByRole('combobox', { name: 'Category' }).selectOption('C');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page
      .getByTestId('domain-table-accessible')
      .locator('tr[data-indicator="incidents.total"][data-value="1"]')
      .waitFor();

    // The monthly report: one button, the print stylesheet shows the report without the console around it.
    // Headless Chromium has no print dialog: count the calls instead.
    await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
    await page.getByRole('button', { name: 'Print monthly report' }).click();
    await waitForExpression(page, 'window.printed === 1');
    // It printed the whole month: indicators, the day-by-day trend of every day of the month, and the districts.
    expect(await dashboard.getAttribute('data-complete')).toBe('true');
    const daysInMonth = Number(
      await page.evaluate('new Date(new Date().getFullYear(), new Date().getMonth() + 1, 0).getDate()'),
    );
    expect(await page.getByTestId('chart-table-trend-day').locator('tr[data-bucket]').count()).toBe(daysInMonth);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('dashboard-filters').isVisible()).toBe(false);
    expect(await page.locator('.report-head').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await env.browser.screenshot(page, 'supervisor-dashboard-en');
    await context.close();
  }, 180_000);
});

describe('access-log review', () => {
  it("answers who read a person's record and lists the unusual read, for a supervisor in Korean and English", async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'supervisor', PASSWORD, 'access-log');
    await setLanguage(page, 'en');
    await page.getByRole('link', { name: 'Access log' }).click();
    const unusual = page
      .getByTestId('unusual-access')
      .locator(`[data-testid="unusual-row"][data-subject-id="${client.id}"][data-actor-id="${coordinatorId}"]`);
    await unusual.waitFor();
    expect(await unusual.getAttribute('data-reasons')).toBe('no-relationship');
    expect(await unusual.textContent()).toContain('No call or incident with the person');
    expect(await seriousA11yFindings(page)).toEqual([]);

    // From the unusual read to everyone who touched that person's record.
    await unusual.getByRole('button', { name: /Show this person/ }).click();
    const results = page.getByTestId('access-log-results');
    await waitForExpression(
      page,
      `(() => {
      const rows = [...document.querySelectorAll('[data-testid="access-log-results"] [data-testid="audit-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-subject-id') === ${JSON.stringify(client.id)});
    })()`,
    );
    await results
      .locator(`[data-testid="audit-row"][data-action="incident.read"][data-actor-id="${coordinatorId}"]`)
      .waitFor();
    const subjects = await results
      .locator('[data-testid="audit-row"]')
      .evaluateAll((rows: { getAttribute(name: string): string | null }[]) =>
        rows.map((r) => r.getAttribute('data-subject-id')),
      );
    expect(new Set(subjects)).toEqual(new Set([client.id]));
    expect(await results.locator('[data-testid="audit-row"]').first().textContent()).toMatch(/127\.0\.0\.1/);

    await setLanguage(page, 'ko');
    await page.getByRole('heading', { name: '이상 접근' }).waitFor();
    expect(await page.getByTestId('unusual-access').textContent()).toContain('당사자와의 상담·사건 없음');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, 'access-log-ko');

    // A search it cannot run says why: the id, or the period's order, each with its own words.
    const filters = page.getByTestId('access-log-filters');
    const search = filters.locator('button[type="submit"]');
    await filters.locator('input[name="subjectId"]').fill('not-an-id');
    await search.click();
    await filters.getByRole('alert').filter({ hasText: '전체 ID(UUID)를 입력하거나 비워 두세요.' }).waitFor();
    await filters.locator('input[name="subjectId"]').fill('');
    await filters.locator('input[name="from"]').fill('2026-03-02');
    await filters.locator('input[name="to"]').fill('2026-03-01');
    await search.click();
    await filters.getByRole('alert').filter({ hasText: '시작일이 종료일보다 늦을 수 없습니다.' }).waitFor();
    await context.close();
  }, 120_000);

  it("is the admin's second screen, and its searches are recorded", async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await setLanguage(page, 'en');
    await page.getByRole('link', { name: 'Access log' }).click();
    await page.getByLabel('Person (client id)').fill(client.id);
    await page.getByRole('button', { name: 'Search' }).click();
    // The same screen as the supervisor's (audited with axe above).
    await page
      .getByTestId('access-log-results')
      .locator(`[data-testid="audit-row"][data-actor-id="${coordinatorId}"]`)
      .first()
      .waitFor();
    const { accessToken } = await env.server.login('supervisor', PASSWORD);
    const log = await env.server.api<{ action: string; actor: string }[]>('GET', '/audit?limit=20', {
      token: accessToken,
    });
    expect(log.body.some((r) => r.action === 'audit.queried' && r.actor === 'admin')).toBe(true);
    await context.close();
  }, 90_000);
});
