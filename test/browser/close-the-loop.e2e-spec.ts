import type { CallView, DispatchView, IncidentView, TeamView } from '#contracts';
import { blankTriageInput } from '#triage';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { waitForExpression } from '../support/page-wait.js';

// Issue 13 items 4 and 6, in Korean and in English. The counselor still on the call sees the team, its ETA and its
// status change live; the coordinator hears and sees the new incident; the drawer and the team's phone show the
// callback number and relation; the phone's status buttons that are not allowed now are disabled with the reason;
// closing while the team is on scene is refused next to the close button, in the screen's language, with the way
// out (clear the team and close).

const PASSWORD = DEMO_PASSWORD;
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
const env = useConsoleUnderTest();

// Counts the tones the console plays (Web Audio oscillators): the real audio still plays, the count is read back.
const COUNT_TONES = `(() => {
  window.__tones = 0;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__tones += 1; return create.call(this); };
})()`;

const COPY = {
  ko: {
    counselor: 'counselor',
    relation: '어머니',
    enRoute: '이동 중',
    onScene: '현장',
    eta: /^약 \d+분$/,
    waiting: '팀 배정을 기다리는 중',
    acceptInstead: '출동 요청을 수락하면 출동 중이 됩니다',
    notNow: '지금은 바꿀 수 없습니다',
    refused: 'JUNG-1이 아직 현장에 있어 사건을 끝낼 수 없습니다. 팀을 먼저 복귀 처리하세요.',
    clearAndClose: 'JUNG-1을 복귀 처리하고 종결',
    close: '사건 종결',
    closed: '종결',
  },
  en: {
    counselor: 'counselor2',
    relation: 'mother',
    enRoute: 'En route',
    onScene: 'On scene',
    eta: /^about \d+ min$/,
    waiting: 'Waiting for a team',
    acceptInstead: 'A team goes en route by accepting an offer',
    notNow: 'Not possible now',
    refused: 'JUNG-1 is still on scene, so the incident cannot end yet. Clear the team first.',
    clearAndClose: 'Clear JUNG-1 and close',
    close: 'Close incident',
    closed: 'Closed',
  },
} as const;

describe.each(['ko', 'en'] as const)('closing the loop (%s)', (lang) => {
  it('shows the team live to the counselor, the callback to the drawer and phone, and the refusal in place', async () => {
    const copy = COPY[lang];
    const callbackNumber = lang === 'ko' ? '010-5555-0101' : '010-5555-0202';
    const counselorToken = (await env.server.login(copy.counselor, PASSWORD)).accessToken;
    const coordinatorToken = (await env.server.login('coordinator', PASSWORD)).accessToken;
    const responderToken = (await env.server.login('responder', PASSWORD)).accessToken;

    const coordinator = await env.browser.newPage();
    await coordinator.page.addInitScript(COUNT_TONES);
    await signInAs(env, coordinator.page, 'coordinator', lang);
    const counselor = await env.browser.newPage();
    await signInAs(env, counselor.page, copy.counselor, lang);

    // The call, its triage and its incident, made over REST as the counselor whose screen then follows it.
    const call = await env.server.api<CallView>('POST', '/calls', {
      token: counselorToken,
      body: { channel: 'phone', callerNumber: callbackNumber, callerRelation: copy.relation },
    });
    expect(call.status).toBe(201);
    const triage = { ...blankTriageInput(), harmToOthers: 'threats' as const };
    expect(
      (await env.server.api('POST', `/calls/${call.body.id}/triage`, { token: counselorToken, body: triage })).status,
    ).toBe(201);
    const tonesBefore = await coordinator.page.evaluate<number>('window.__tones');
    const incident = await env.server.api<IncidentView>('POST', '/incidents', {
      token: counselorToken,
      body: { callId: call.body.id, location: IN_JUNG_GU },
    });
    expect(incident.status).toBe(201);

    // The coordinator: the new incident sounds (the alert tone) and its row flashes.
    const row = coordinator.page.locator(`[data-testid="incident-row"][data-incident-id="${incident.body.id}"]`);
    await row.and(coordinator.page.locator('[data-fresh="true"]')).waitFor({ timeout: 10_000 });
    await waitForExpression(coordinator.page, `window.__tones > ${tonesBefore}`, 10_000);

    // The counselor's call screen: waiting for a team, then the team, its status and ETA, live.
    const progress = counselor.page.getByTestId('call-progress');
    await progress.getByTestId('call-progress-waiting').filter({ hasText: copy.waiting }).waitFor({ timeout: 15_000 });
    expect(await seriousA11yFindings(counselor.page)).toEqual([]);

    const teams = await env.server.api<TeamView[]>('GET', '/teams', { token: coordinatorToken });
    const jung = teams.body.find((t) => t.callsign === 'JUNG-1')!;
    const offer = await env.server.api<DispatchView>('POST', `/incidents/${incident.body.id}/dispatches`, {
      token: coordinatorToken,
      body: { teamId: jung.id },
    });
    expect(offer.status).toBe(201);
    expect(
      (await env.server.api('POST', `/dispatches/${offer.body.id}/accept`, { token: responderToken })).status,
    ).toBe(200);
    await counselor.page.locator('[data-testid="call-progress"][data-team-status="en-route"]').waitFor();
    await expect(progress.getByTestId('call-progress-team').textContent()).resolves.toBe('JUNG-1');
    await expect(progress.getByTestId('call-progress-team-status').textContent()).resolves.toContain(copy.enRoute);
    expect((await progress.getByTestId('call-progress-eta').textContent())?.trim()).toMatch(copy.eta);

    // The team's phone: the callback contact, and status buttons that say why they are off.
    const phone = await env.browser.newPage({ phone: true });
    await signInAs(env, phone.page, 'responder', lang);
    const assignment = phone.page.getByTestId('assignment');
    await assignment.waitFor({ timeout: 10_000 });
    await expect(assignment.getByTestId('callback-number').textContent()).resolves.toBe(callbackNumber);
    await expect(assignment.getByTestId('callback-relation').textContent()).resolves.toBe(copy.relation);
    const transporting = phone.page.getByTestId('status-transporting');
    expect(await transporting.isDisabled()).toBe(true);
    await expect(transporting.textContent()).resolves.toContain(copy.notNow);
    await phone.page.getByTestId('status-on-scene').click();
    await phone.page.locator('[data-testid="status-on-scene"][aria-pressed="true"]').waitFor();
    const enRoute = phone.page.getByTestId('status-en-route');
    expect(await enRoute.isDisabled()).toBe(true);
    await expect(enRoute.getAttribute('data-why')).resolves.toBe(copy.acceptInstead);
    expect(await seriousA11yFindings(phone.page)).toEqual([]);

    // The counselor sees the arrival without reloading.
    await counselor.page.locator('[data-testid="call-progress"][data-team-status="on-scene"]').waitFor();
    await expect(progress.getByTestId('call-progress-team-status').textContent()).resolves.toContain(copy.onScene);

    // The drawer: the callback contact; closing while on scene is refused next to the button, with the way out.
    await row.locator('button').click();
    const detail = coordinator.page.getByTestId('incident-detail');
    await expect(detail.getByTestId('callback-number').textContent()).resolves.toBe(callbackNumber);
    await expect(detail.getByTestId('callback-relation').textContent()).resolves.toBe(copy.relation);
    const section = detail.getByTestId('close-section');
    const disposition = section.locator('select[name="disposition"]');
    await disposition.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    await disposition.selectOption({ index: 1 });
    await section.getByRole('button', { name: copy.close, exact: true }).click();
    const refusal = section.getByTestId('close-failure');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(copy.refused);
    expect(await seriousA11yFindings(coordinator.page, { exclude: ['[data-testid="map"]'] })).toEqual([]);
    await env.browser.screenshot(coordinator.page, `close-refused-${lang}`);
    await section.getByTestId('clear-and-close').filter({ hasText: copy.clearAndClose }).click();
    await coordinator.page
      .locator('[data-testid="incident-detail"][data-status="closed"]')
      .waitFor({ timeout: 10_000 });

    // The counselor's screen follows the incident to its end.
    await progress.getByTestId('call-progress-status').filter({ hasText: copy.closed }).waitFor({ timeout: 10_000 });
    for (const p of [coordinator, counselor, phone]) await p.context.close();
  }, 120_000);
});
