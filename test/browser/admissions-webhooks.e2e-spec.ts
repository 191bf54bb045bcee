import type { BrowserContext, Page } from 'playwright-core';
import type {
  AgencyCreatedView,
  AgencyView,
  CallView,
  EmergencyAdmissionView,
  IncidentView,
  TriageInput,
} from '#contracts';
import { blankTriageInput } from '#triage';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Issue 8, webhooks and Art. 50: an admin retries a failed partner delivery and edits the holiday calendar (English);
// a coordinator sees an emergency admission's clock in the incident drawer while the hospital, in its portal,
// records the guardian's notice and ends the admission (Korean); each screen passes axe.

const PASSWORD = 'demo-1577-0199';
// One attempt only, so a delivery to a failing receiver is `failed` at once and the retry button shows.
const env = useConsoleUnderTest({ WEBHOOK_MAX_ATTEMPTS: '1' });
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function open(
  lang: 'en' | 'ko',
  username: string,
  password = PASSWORD,
  phone = false,
): Promise<{ page: Page; context: BrowserContext }> {
  const session = await env.browser.newPage({ phone });
  await session.context.addInitScript({ content: `localStorage.setItem('console.lang', '${lang}')` });
  const { page } = session;
  await page.goto(env.server.url);
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.locator('.shell[data-synced="true"]').waitFor({ timeout: 15_000 });
  expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
  return session;
}

async function incidentOverRest(): Promise<IncidentView> {
  const { accessToken: token } = await env.server.login('counselor2', PASSWORD);
  const call = await env.server.api<CallView>('POST', '/calls', { token, body: { channel: 'phone' } });
  const input: TriageInput = { ...blankTriageInput(), distress: 'high', capableSupportPresent: false };
  await env.server.api('POST', `/calls/${call.body.id}/triage`, { token, body: input });
  const incident = await env.server.api<IncidentView>('POST', '/incidents', {
    token,
    body: { callId: call.body.id, location: { lat: 37.5628, lng: 126.9962 } },
  });
  expect(incident.status).toBe(201);
  return incident.body;
}

it('admin (English): a failed partner delivery is retried from the deliveries screen; a holiday is added to the calendar', async () => {
  const { accessToken: admin } = await env.server.login('admin', ADMIN_PASSWORD);
  receiver.script('/partner', [503]);
  const agency = await env.server.api<AgencyCreatedView>('POST', '/agencies', {
    token: admin,
    body: {
      code: 'H-WEBHOOK',
      kind: 'hospital',
      name: 'Webhook Test Hospital',
      regionIds: [],
      location: { lat: 37.56, lng: 126.99 },
      webhookUrl: receiver.url('/partner'),
    },
  });
  expect(agency.body.webhookSecret).toMatch(/^whsec_/);
  const { accessToken: coordinator } = await env.server.login('coordinator', PASSWORD);
  const incident = await incidentOverRest();
  await env.server.api('POST', `/incidents/${incident.id}/handoffs`, {
    token: coordinator,
    body: { agencyId: agency.body.id, kind: 'hospital', reason: 'Psychiatric evaluation' },
  });
  await receiver.waitFor('/partner', 1);

  const { page, context } = await open('en', 'admin', ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Partner deliveries' }).click();
  await page.getByTestId('deliveries-page').waitFor();
  await page.locator(`[data-testid="delivery-agency"][data-agency-id="${agency.body.id}"]`).click();
  const row = page.getByTestId('delivery-row').first();
  await row.locator('xpath=self::*[@data-status="failed"]').waitFor({ timeout: 10_000 });
  await expect(row.textContent()).resolves.toContain('HTTP 503');
  expect(await seriousA11yFindings(page)).toEqual([]);
  // The receiver is back; the retry is delivered and the row says so without a reload.
  receiver.script('/partner', [200]);
  await row.getByRole('button', { name: /^Retry handoff\.created/ }).click();
  await page.locator('[data-testid="delivery-row"][data-status="delivered"]').waitFor({ timeout: 10_000 });
  expect(receiver.on('/partner')).toHaveLength(2);
  await env.browser.screenshot(page, 'partner-deliveries-en');

  await page.getByRole('link', { name: 'Holidays' }).click();
  const editor = page.getByTestId('holidays-editor');
  await editor.waitFor();
  await editor.locator('select[name="year"]').selectOption('2026');
  await editor.locator('[data-day="2026-02-17"]').waitFor();
  await editor.locator('input[name="day"]').fill('2026-12-31');
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  await editor.locator('[data-day="2026-12-31"]').waitFor();
  await editor.getByRole('button', { name: 'Remove 2026-06-03' }).click();
  await editor.getByRole('button', { name: 'Save calendar' }).click();
  await page.getByTestId('holidays-saved').waitFor();
  const saved = await env.server.api<string[]>('GET', '/holidays', { token: admin });
  expect(saved.body).toContain('2026-12-31');
  expect(saved.body).not.toContain('2026-06-03');
  expect(await seriousA11yFindings(page)).toEqual([]);
  await env.browser.screenshot(page, 'holidays-en');
  await context.close();
}, 180_000);

it('coordinator and hospital (Korean): the coordinator records the admission in the drawer; the hospital records the notice and the end, seen live', async () => {
  const { accessToken: coordinatorToken } = await env.server.login('coordinator', PASSWORD);
  const hospitals = await env.server.api<AgencyView[]>('GET', '/agencies?kind=hospital', { token: coordinatorToken });
  const smc = hospitals.body.find((a) => a.code === 'H-SMC')!;
  const incident = await incidentOverRest();

  const coordinator = await open('ko', 'coordinator');
  await coordinator.page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
  const clocks = coordinator.page.getByTestId('admission-clocks');
  await clocks.getByRole('button', { name: '응급입원 기록' }).click();
  const form = clocks.getByTestId('emergency-admission-form');
  await form.locator('select[name="hospitalAgencyId"]').selectOption(smc.id);
  await form.locator('input[name="doctorName"]').fill('김민지');
  await form.locator('input[name="policeName"]').fill('이준호');
  await form.locator('input[name="policeBadge"]').fill('SPD-1');
  expect(await seriousA11yFindings(coordinator.page)).toEqual([]);
  await form.getByRole('button', { name: '시한 시작' }).click();
  const drawerCard = clocks.getByTestId('admission-card');
  await drawerCard.waitFor();
  const [created] = (
    await env.server.api<EmergencyAdmissionView[]>('GET', `/emergency-admissions?incidentId=${incident.id}`, {
      token: coordinatorToken,
    })
  ).body;
  expect(created).toMatchObject({
    status: 'active',
    hospitalAgencyId: smc.id,
    doctor: { name: '김민지' },
    police: { name: '이준호', badge: 'SPD-1' },
  });
  await expect(drawerCard.getAttribute('data-admission-id')).resolves.toBe(created.id);
  await expect(clocks.getByRole('timer').textContent()).resolves.toMatch(/남음$/);
  await expect(clocks.getByTestId('guardian-notice').getAttribute('data-status')).resolves.toBe('due');

  const hospital = await open('ko', 'hospital', PASSWORD, true);
  const section = hospital.page.getByTestId('portal-section-admissions');
  const card = section.locator(`[data-testid="admission-card"][data-admission-id="${created.id}"]`);
  await card.waitFor({ timeout: 10_000 });
  await expect(card.getByTestId('admission-ends-at').getAttribute('datetime')).resolves.toBe(created.endsAt);
  expect(await seriousA11yFindings(hospital.page)).toEqual([]);
  const notice = card.getByTestId('guardian-notice-form');
  await notice.locator('input[name="guardianName"]').fill('박소연');
  await notice.locator('input[name="relation"]').fill('어머니');
  await notice.getByRole('button', { name: '통지 기록' }).click();
  await card.locator('[data-testid="guardian-notice"][data-status="done"]').waitFor();
  // The coordinator's drawer follows without a reload.
  await clocks.locator('[data-testid="guardian-notice"][data-status="done"]').waitFor({ timeout: 5000 });

  await card.getByTestId('end-admission-form').locator('select[name="outcome"]').selectOption('voluntary');
  await card.getByRole('button', { name: '응급입원 종료' }).click();
  await section
    .locator(`[data-testid="admission-card"][data-admission-id="${created.id}"][data-status="ended"]`)
    .waitFor();
  await clocks.locator('[data-testid="admission-card"][data-status="ended"]').waitFor({ timeout: 5000 });
  await expect(clocks.getByTestId('admission-clock').textContent()).resolves.toContain('자의입원');
  await env.browser.screenshot(hospital.page, 'hospital-admissions-ko');
  await env.browser.screenshot(coordinator.page, 'coordinator-admission-clock-ko');

  await coordinator.page.getByRole('link', { name: '협력기관 전송' }).click();
  await coordinator.page.getByTestId('deliveries-page').waitFor();
  await coordinator.page.getByTestId('delivery-agency').first().waitFor();
  expect(await seriousA11yFindings(coordinator.page)).toEqual([]);
  await Promise.all([coordinator.context.close(), hospital.context.close()]);
}, 180_000);
