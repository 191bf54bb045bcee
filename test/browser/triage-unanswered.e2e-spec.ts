import type { CallView } from '#contracts';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { openNewCall } from '../support/console-call.js';

// Issue 13 item 1, "unanswered is not no", walked by a counselor in Korean and in English: before any answer the
// panel says "not assessed" (not G); answering only Q1–Q3 is still not assessed; confirming with questions open
// takes the counselor's category and reason (an override on the server); fully answered, the guidance speaks
// to a family member about the person, not "anything you could use to hurt yourself".

const PASSWORD = DEMO_PASSWORD;
const env = useConsoleUnderTest();

const COPY = {
  ko: {
    relation: '어머니',
    notAssessed: '평가 안 됨',
    reason: '어머니가 약을 모아 둔 것을 봤다고 함',
    newCall: /^새 상담$/,
    them: '그분',
  },
  en: {
    relation: 'mother',
    notAssessed: 'Not assessed',
    reason: 'Mother saw pills collected in the room',
    newCall: /^New call$/,
    them: 'them',
  },
} as const;

describe.each(['ko', 'en'] as const)('triage with questions open (%s)', (lang) => {
  it('shows "not assessed", takes a chosen category with a reason, then guides a family caller', async () => {
    const copy = COPY[lang];
    const { page, context } = await env.browser.newPage();
    await signInAs(env, page, lang === 'ko' ? 'counselor' : 'counselor2', lang);
    await page.getByRole('button', { name: copy.newCall }).click();
    const newCall = page.getByTestId('new-call-form');
    await newCall.locator('select[name="channel"]').selectOption('phone');
    await newCall.locator('input[name="callerRelation"]').fill(copy.relation);
    const { id: callId } = await openNewCall(page, () => newCall.locator('button[type="submit"]').click());

    // Before any answer: not assessed, no category letter, no guidance, no plain confirm.
    const result = page.getByTestId('triage-result');
    await expect(result.getByTestId('triage-not-assessed').textContent()).resolves.toContain(copy.notAssessed);
    expect(await result.getByTestId('triage-category').count()).toBe(0);
    expect(await result.getByTestId('caller-guidance').count()).toBe(0);

    // Only Q1–Q3 answered: Q4 and Q5 are now on the path, so still not assessed (it used to say C).
    await page.locator('#triage-wishDead-yes').check();
    await page.locator('#triage-suicidalThoughts-yes').check();
    await page.locator('#triage-thoughtsWithMethod-yes').check();
    await expect(result.getByTestId('triage-not-assessed').isVisible()).resolves.toBe(true);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, `triage-not-assessed-${lang}`);

    // Confirming with questions open: the counselor's category and reason, recorded as an override.
    const choose = page.getByTestId('choose-category');
    await expect(choose.getByRole('button').isDisabled()).resolves.toBe(true);
    await choose.locator('select[name="chosenCategory"]').selectOption('B');
    await choose.locator('textarea[name="chosenReason"]').fill(copy.reason);
    await choose.getByRole('button').click();
    await expect(page.getByTestId('triage-recorded').getAttribute('data-category')).resolves.toBe('B');
    const { accessToken } = await env.server.login('supervisor', PASSWORD);
    const call = await env.server.api<
      CallView & { triage: { category: string; override: { from: string; to: string; reason: string } | null } }
    >('GET', `/calls/${callId}`, { token: accessToken });
    expect(call.body.triage).toMatchObject({ category: 'B', override: { from: 'C', to: 'B' } });
    expect(call.body.triage.override!.reason).toContain(copy.reason);
    expect(call.body.triage.override!.reason).toContain('cssrs.intent');

    // The rest of the path answered: assessed, and the words are for a mother calling about her child.
    for (const id of ['selfHarmInProgress', 'medicalEmergency', 'rescueNeeded', 'weaponAccess', 'planWithIntent']) {
      await page.locator(`#triage-${id}-no`).check();
    }
    await page.locator('#triage-harmToOthers-none').check();
    await page.locator('#triage-behavior-none').check();
    await page.locator('#triage-intent-yes').check();
    await expect(result.getByTestId('triage-category').textContent()).resolves.toBe('B');
    const guidance = (await result.getByTestId('caller-guidance').textContent()) ?? '';
    expect(guidance).toContain(copy.them);
    expect(guidance).not.toMatch(/hurt yourself|you could use/);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
