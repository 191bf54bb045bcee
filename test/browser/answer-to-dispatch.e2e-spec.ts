import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CallView, ClientView, IncidentView } from '#contracts';
import { blankTriageInput } from '#triage';
import { ActionCounter } from '../support/action-counter.js';
import { seriousA11yFindings } from '../support/axe.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { openNewCall } from '../support/console-call.js';

// Issue 13 item 10, in Korean and in English: the counselor's actions (clicks and keystrokes) from answering a
// category A and a category B call until the coordinator sees the incident, the way the console worked before
// (Confirm triage, then type the location and the summary, then Create incident) and with what this change adds
// (A goes straight on to the incident, a registered client's last location fills the location in, the summary is
// picked from the triage reasons). Both flows run on this build: the old one is still there, only longer.

const PASSWORD = DEMO_PASSWORD;
const KIM = '010-0000-0001'; // Kim Min-jun, a registered client of the demo data
const UNKNOWN = '010-9999-0001'; // the same length, matching no client: nothing is filled in
const LOCATION = { lat: '37.5628', lng: '126.9962', address: '24 Eulji-ro, Jung-gu' };
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'ko' | 'en') => signInAs(env, page, username, lang);

/** Kim Min-jun was attended before at LOCATION: an earlier incident of his, cancelled. */
async function earlierIncidentOfKim(): Promise<void> {
  const token = (await env.server.login('supervisor', PASSWORD)).accessToken;
  const counselor = (await env.server.login('counselor2', PASSWORD)).accessToken;
  const coordinator = (await env.server.login('coordinator', PASSWORD)).accessToken;
  const kim = (await env.server.api<ClientView[]>('GET', `/clients?q=${KIM}`, { token })).body[0];
  const call = await env.server.api<CallView>('POST', '/calls', {
    token: counselor,
    body: { channel: 'phone', callerNumber: KIM, callerRelation: 'self' },
  });
  expect(
    (await env.server.api('POST', `/calls/${call.body.id}/client`, { token: counselor, body: { clientId: kim.id } }))
      .status,
  ).toBe(200);
  const triage = { ...blankTriageInput(), harmToOthers: 'threats' as const };
  await env.server.api('POST', `/calls/${call.body.id}/triage`, { token: counselor, body: triage });
  const incident = await env.server.api<IncidentView>('POST', '/incidents', {
    token: counselor,
    body: {
      callId: call.body.id,
      location: { lat: Number(LOCATION.lat), lng: Number(LOCATION.lng), address: LOCATION.address },
    },
  });
  expect(incident.status).toBe(201);
  expect(
    (
      await env.server.api('POST', `/incidents/${incident.body.id}/cancel`, {
        token: coordinator,
        body: { reason: 'resolved by phone' },
      })
    ).status,
  ).toBe(200);
  await env.server.api('POST', `/calls/${call.body.id}/end`, {
    token: counselor,
    body: { outcome: 'closed-after-counselling' },
  });
}

const COPY = {
  ko: { newCall: /^새 상담$/, start: '상담 시작', confirm: '분류 확정', create: '사건 생성', summary: '자해 진행 중' },
  en: {
    newCall: /^New call$/,
    start: 'Start call',
    confirm: 'Confirm triage',
    create: 'Create incident',
    summary: 'Self-harm in progress',
  },
} as const;

type Category = 'A' | 'B';
type Flow = 'before' | 'after';

// The answers that decide the category: A from one danger-now answer; B from the whole path.
const ANSWERS: Record<Category, string[]> = {
  A: ['#triage-selfHarmInProgress-yes'],
  B: [
    '#triage-selfHarmInProgress-no',
    '#triage-medicalEmergency-no',
    '#triage-rescueNeeded-no',
    '#triage-wishDead-no',
    '#triage-suicidalThoughts-no',
    '#triage-behavior-none',
    '#triage-harmToOthers-imminent',
    '#triage-weaponAccess-no',
  ],
};

/** One call from answer to the coordinator's screen; returns the counselor's actions. */
async function answerToDispatch(
  lang: 'ko' | 'en',
  category: Category,
  flow: Flow,
  coordinator: Page,
): Promise<ActionCounter> {
  const copy = COPY[lang];
  const { page, context } = await env.browser.newPage();
  await signIn(page, lang === 'ko' ? 'counselor' : 'counselor2', lang);
  const act = new ActionCounter(page);

  await act.click(page.getByRole('button', { name: copy.newCall }));
  const form = page.getByTestId('new-call-form');
  await act.type(form.locator('input[name="callerNumber"]'), flow === 'after' ? KIM : UNKNOWN);
  // The caller's details (and a recognised client's plan) arrive after the call opens, beside the questions: answer
  // once they are in, as the counselor reads them first.
  const { call } = await openNewCall(page, () => act.click(form.getByRole('button', { name: copy.start })));
  if (flow === 'after') await call.getByTestId('safety-plan').waitFor();
  for (const answer of ANSWERS[category]) await act.check(page.locator(answer));
  await expect(page.getByTestId('triage-category').textContent()).resolves.toBe(category);

  if (flow === 'before') {
    await act.click(page.getByRole('button', { name: copy.confirm, exact: true }));
    await page.getByTestId('triage-recorded').waitFor();
    const picker = page.locator('.location-picker');
    await act.type(picker.locator('input[name="lat"]'), LOCATION.lat);
    await act.type(picker.locator('input[name="lng"]'), LOCATION.lng);
    await act.type(picker.locator('input[name="address"]'), LOCATION.address);
    await act.type(
      page.locator('textarea[name="summary"]'),
      category === 'A' ? copy.summary : 'Threatens his neighbour',
    );
    await act.click(page.getByRole('button', { name: copy.create, exact: true }));
  } else {
    // The registered client's last location is filled in (a wait, not an action), the summary is one click.
    await page.getByTestId('location-prefilled').waitFor();
    await act.click(page.getByTestId('summary-reasons').getByRole('button').first());
    if (category === 'A') {
      await act.click(page.getByTestId('confirm-and-create'));
    } else {
      await act.click(page.getByRole('button', { name: copy.confirm, exact: true }));
      await page.getByTestId('triage-recorded').waitFor();
      // Confirm triage moves the focus to Create incident (the location is there): Enter creates it.
      await act.press('Enter');
    }
  }
  const notice = page.getByTestId('incident-created');
  await notice.waitFor({ timeout: 10_000 });
  const number = /\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')?.[0];
  expect(number).toBeDefined();
  await coordinator.locator(`[data-testid="incident-row"][data-number="${number}"]`).waitFor({ timeout: 10_000 });
  if (flow === 'after') {
    await expect(page.locator('textarea[name="summary"]').inputValue()).resolves.not.toBe('');
    expect(await seriousA11yFindings(page)).toEqual([]);
  }
  // The call is ended over REST, so the next run starts with no call to resume.
  const callId = await call.getAttribute('data-call-id');
  const token = (await env.server.login(lang === 'ko' ? 'counselor' : 'counselor2', PASSWORD)).accessToken;
  await env.server.api('POST', `/calls/${callId}/end`, { token, body: { outcome: 'field-dispatch' } });
  await context.close();
  return act;
}

const measured: Record<string, { clicks: number; keystrokes: number }> = {};

beforeAll(async () => {
  await earlierIncidentOfKim();
}, 60_000);

afterAll(() => {
  writeFileSync(`${ARTIFACTS_DIR}answer-to-dispatch.json`, `${JSON.stringify(measured, null, 2)}\n`);
});

describe.each(['ko', 'en'] as const)('actions from answer to dispatch (%s)', (lang) => {
  it.each(['A', 'B'] as const)(
    'category %s takes fewer actions than before',
    async (category) => {
      const coordinator = await env.browser.newPage();
      await signIn(coordinator.page, 'coordinator', lang);
      const before = await answerToDispatch(lang, category, 'before', coordinator.page);
      const after = await answerToDispatch(lang, category, 'after', coordinator.page);
      for (const [flow, a] of [
        ['before', before],
        ['after', after],
      ] as const)
        measured[`${lang} ${category} ${flow}`] = { clicks: a.clicks, keystrokes: a.keystrokes };
      expect(after.clicks).toBeLessThan(before.clicks);
      expect(after.keystrokes).toBeLessThan(before.keystrokes);
      await coordinator.context.close();
    },
    150_000,
  );
});
