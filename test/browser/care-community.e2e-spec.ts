import type { Page } from 'playwright-core';
import type { CallView, ClientSearchItem, IncidentView } from '#contracts';
import { blankTriageInput } from '#triage';
import { useConsoleUnderTest } from '../support/console-server.js';
import { openConsoleAs } from '../support/console-sign-in.js';
import { seriousA11yFindings } from '../support/axe.js';

// Issue 9, "Done when": a community-centre user sees a new follow-up arrive live in the partner portal, logs a
// failed attempt and completes it; another centre's user can neither find nor open that client. The coordinator
// hands a closed incident back from the drawer and the centre sees the note with the incident summary.
// The Jung-gu centre works in Korean, then in English; the Mapo-gu centre in English.

const PASSWORD = 'demo-1577-0199';
const KIM = '010-0000-0001'; // Kim Min-jun, registered with the Jung-gu centre
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'en' | 'ko') => openConsoleAs(page, env.server.url, username, lang);

const token = async (username: string) => (await env.server.login(username, PASSWORD)).accessToken;
/** C: suicidal thoughts with a method, support present. */
const CATEGORY_C = {
  ...blankTriageInput(),
  cssrs: { ...blankTriageInput().cssrs, wishDead: true, suicidalThoughts: true, thoughtsWithMethod: true },
  capableSupportPresent: true,
};

/** Kim calls, is triaged C and the call ends without a dispatch: a follow-up for the Jung-gu centre. */
async function callEndsWithoutDispatch(): Promise<void> {
  const t = await token('counselor2');
  const call = await env.server.api<CallView>('POST', '/calls', {
    token: t,
    body: { channel: 'phone', callerNumber: KIM },
  });
  expect((await env.server.api('POST', `/calls/${call.body.id}/triage`, { token: t, body: CATEGORY_C })).status).toBe(
    201,
  );
  expect(
    (
      await env.server.api('POST', `/calls/${call.body.id}/end`, {
        token: t,
        body: { outcome: 'closed-after-counselling' },
      })
    ).status,
  ).toBe(200);
}

describe('community centre follow-ups and the warm hand-back', () => {
  let centre: Page;
  let followUpId: string;

  beforeAll(async () => {
    ({ page: centre } = await env.browser.newPage());
    await signIn(centre, 'centre', 'ko');
  }, 60_000);
  afterAll(async () => {
    await centre?.context().close();
  });

  it('Jung-gu centre (Korean): a new follow-up arrives live; a failed attempt, then completed', async () => {
    const section = centre.getByTestId('portal-section-follow-ups');
    await section.waitFor();
    await expect(centre.getByTestId('partner-portal').getAttribute('data-agency-kind')).resolves.toBe('community');
    await callEndsWithoutDispatch();
    const card = section.locator('[data-testid="follow-up"][data-status="open"]').first();
    await card.waitFor({ timeout: 5000 });
    await section.getByTestId('follow-up-arrived').waitFor();
    followUpId = (await card.getAttribute('data-follow-up-id'))!;
    await expect(card.textContent()).resolves.toContain('김민준');
    await expect(card.textContent()).resolves.toContain(KIM);
    expect(await seriousA11yFindings(centre)).toEqual([]);

    await card.getByLabel('시도 결과').selectOption('no-answer');
    await card.getByLabel('메모').fill('신호만 감');
    await card.getByRole('button', { name: '시도 기록' }).click();
    await card
      .locator('[data-testid="follow-up-attempts"] li[data-outcome="no-answer"]', { hasText: '신호만 감' })
      .waitFor();
    await expect(card.getAttribute('data-status')).resolves.toBe('open');

    await card.getByLabel('완료 결과').selectOption('linked-case-management');
    await card.getByRole('button', { name: '사후관리 완료' }).click();
    await section.locator(`[data-follow-up-id="${followUpId}"]`).waitFor({ state: 'detached' });
    await section.getByRole('checkbox', { name: '완료 항목 보기' }).check();
    const done = section.locator(`[data-follow-up-id="${followUpId}"][data-status="done"]`);
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('사례관리 연계');
    expect(await seriousA11yFindings(centre)).toEqual([]);
    await env.browser.screenshot(centre, 'care-centre-followup-ko');
  }, 90_000);

  it('Mapo-gu centre (English): finds nothing for that client and is refused its record', async () => {
    const other = await env.browser.newPage();
    try {
      await signIn(other.page, 'centre2', 'en');
      const clients = other.page.getByTestId('portal-section-clients');
      await clients.waitFor();
      await clients.locator('input[name="q"]').fill('+82 10 0000 0001');
      await clients.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(clients.getByTestId('client-result-count').textContent()).resolves.toBe('No client found.');
      await clients.locator('input[name="q"]').fill('Kim Min-jun');
      await clients.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(clients.getByTestId('client-result-count').textContent()).resolves.toBe('No client found.');
      // Their own client (Lee Seo-yeon, Mapo-gu) is there.
      await clients.locator('input[name="q"]').fill('Lee');
      await clients.getByRole('button', { name: 'Search', exact: true }).click();
      await clients.getByTestId('client-result').first().waitFor();
      expect(await seriousA11yFindings(other.page)).toEqual([]);

      // The centre registers a person of its own, on consent with its scope: the record is the centre's.
      await clients.getByRole('button', { name: 'New client' }).click();
      const form = clients.getByTestId('client-form');
      await form.locator('input[name="name"]').fill('Yoon Bora');
      await form.locator('textarea[name="phones"]').fill('+82 10 4242 0101');
      await form.getByLabel('Consent of the person').check();
      await form.getByLabel('What the person consented to').fill('case management by the Mapo-gu centre');
      await form.getByLabel('Violence').check();
      expect(await seriousA11yFindings(other.page)).toEqual([]);
      await form.getByRole('button', { name: 'Register client' }).click();
      const record = clients.getByTestId('client-record');
      await record.waitFor();
      await expect(record.getByTestId('client-basis').textContent()).resolves.toContain(
        'case management by the Mapo-gu centre',
      );
      await expect(record.getByTestId('caution').textContent()).resolves.toContain('Violence');
      expect(
        await other.page
          .getByTestId('portal-section-follow-ups')
          .locator(`[data-follow-up-id="${followUpId}"]`)
          .count(),
      ).toBe(0);

      const staff = await env.server.api<ClientSearchItem[]>('GET', `/clients?q=${encodeURIComponent(KIM)}`, {
        token: await token('counselor'),
      });
      const kimId = staff.body[0].id;
      const centre2 = await token('centre2');
      expect((await env.server.api('GET', `/clients/${kimId}`, { token: centre2 })).status).toBe(403);
      expect(
        (await env.server.api<ClientSearchItem[]>('GET', `/clients?q=${encodeURIComponent(KIM)}`, { token: centre2 }))
          .body,
      ).toEqual([]);
    } finally {
      await other.context.close();
    }
  }, 90_000);

  it('coordinator hands a closed incident back from the drawer; the centre (English) sees the note and the summary', async () => {
    const t = await token('counselor2');
    const call = await env.server.api<CallView>('POST', '/calls', {
      token: t,
      body: { channel: 'phone', callerNumber: KIM },
    });
    expect(
      (
        await env.server.api('POST', `/calls/${call.body.id}/triage`, {
          token: t,
          body: { ...blankTriageInput(), distress: 'moderate' },
        })
      ).status,
    ).toBe(201);
    const incident = await env.server.api<IncidentView>('POST', '/incidents', {
      token: t,
      body: {
        callId: call.body.id,
        location: IN_JUNG_GU,
        summary: 'Met at the station, calmer, going home with his sister',
      },
    });
    expect(incident.status).toBe(201);

    await centre.getByTestId('language-switch').click();
    const coordinator = await env.browser.newPage();
    try {
      await signIn(coordinator.page, 'coordinator', 'en');
      // The coordinator closes the incident in the drawer; the hand-back appears there once it is closed.
      const p = coordinator.page;
      await p.locator(`[data-testid="incident-row"][data-incident-id="${incident.body.id}"] button`).first().click();
      const drawer = p.getByTestId('incident-detail');
      await drawer.locator('select[name="disposition"]').selectOption({ label: 'Stabilised on scene' });
      await drawer.getByRole('button', { name: 'Close incident', exact: true }).click();
      await p.locator('[data-testid="incident-detail"][data-status="closed"]').waitFor();
      const handBack = drawer.getByTestId('hand-back');
      await handBack.getByLabel('Note for the centre').fill('Please call him tomorrow morning; sister stays tonight');
      expect(await seriousA11yFindings(coordinator.page)).toEqual([]);
      await handBack.getByRole('button', { name: 'Hand back' }).click();
      await expect(handBack.getByTestId('hand-back-done').textContent()).resolves.toContain('Jung-gu');
      // The same drawer in Korean.
      await p.getByTestId('language-switch').click();
      await expect(handBack.getByRole('heading').textContent()).resolves.toBe('지역 정신건강복지센터로 인계');
      await expect(handBack.getByTestId('hand-back-done').textContent()).resolves.toContain('에 인계함');
      expect(await seriousA11yFindings(p)).toEqual([]);

      const section = centre.getByTestId('portal-section-follow-ups');
      const card = section.locator('[data-testid="follow-up"][data-status="open"]', {
        hasText: 'sister stays tonight',
      });
      await card.waitFor({ timeout: 5000 });
      await expect(card.getByTestId('follow-up-incident').textContent()).resolves.toContain('Met at the station');
      await card.getByLabel('Attempt result').selectOption('reached');
      await card.getByRole('button', { name: 'Log attempt' }).click();
      await card.locator('[data-testid="follow-up-attempts"] li[data-outcome="reached"]').waitFor();
      await card.getByLabel('Completion outcome').selectOption('stable');
      await card.getByRole('button', { name: 'Complete follow-up' }).click();
      await card.waitFor({ state: 'detached' });
      expect(await seriousA11yFindings(centre)).toEqual([]);
    } finally {
      await coordinator.context.close();
    }
  }, 120_000);
});
