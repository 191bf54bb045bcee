import type { Page } from 'playwright-core';
import type { CallView, DispatchView, IncidentView, TeamView } from '#contracts';
import { blankTriageInput } from '#triage';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';

// Issue 13 item 3 on the coordinator's screen, in Korean and in English: after JUNG-1 declines, its reason is shown
// where the next team is chosen, JUNG-1 is not recommended again for that incident, and an alert names the reason.

const PASSWORD = DEMO_PASSWORD;
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'ko' | 'en') => signInAs(env, page, username, lang);

/** A category C incident in Jung-gu, offered to JUNG-1 and declined by its responder, all over REST. */
async function declinedIncident(reason: string): Promise<{ incident: IncidentView; jung: TeamView }> {
  const counselor = (await env.server.login('counselor2', PASSWORD)).accessToken;
  const coordinator = (await env.server.login('coordinator', PASSWORD)).accessToken;
  const responder = (await env.server.login('responder', PASSWORD)).accessToken;
  const call = await env.server.api<CallView>('POST', '/calls', { token: counselor, body: { channel: 'phone' } });
  const input = { ...blankTriageInput(), harmToOthers: 'threats' as const };
  expect(
    (await env.server.api('POST', `/calls/${call.body.id}/triage`, { token: counselor, body: input })).status,
  ).toBe(201);
  const incident = await env.server.api<IncidentView>('POST', '/incidents', {
    token: counselor,
    body: { callId: call.body.id, location: IN_JUNG_GU },
  });
  expect(incident.status).toBe(201);
  const teams = await env.server.api<TeamView[]>('GET', '/teams', { token: coordinator });
  const jung = teams.body.find((t) => t.callsign === 'JUNG-1')!;
  const offered = await env.server.api<DispatchView>('POST', `/incidents/${incident.body.id}/dispatches`, {
    token: coordinator,
    body: { teamId: jung.id },
  });
  expect(offered.status).toBe(201);
  expect(
    (await env.server.api('POST', `/dispatches/${offered.body.id}/decline`, { token: responder, body: { reason } }))
      .status,
  ).toBe(200);
  return { incident: incident.body, jung };
}

describe.each(['ko', 'en'] as const)('decline and re-offer on the coordinator screen (%s)', (lang) => {
  it('shows who declined and why, leaves the team out of the recommendations, raises an alert', async () => {
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'coordinator', lang);
    const reason = lang === 'ko' ? '차량 고장' : 'vehicle broke down';
    const { incident, jung } = await declinedIncident(reason);

    const alert = page.locator(`[data-testid="alert-row"][data-kind="offer-declined"]`).filter({ hasText: reason });
    await alert.first().waitFor({ timeout: 10_000 });
    await expect(alert.first().textContent()).resolves.toContain(lang === 'ko' ? '출동 요청 거절' : 'Offer declined');

    await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"] button`).click();
    const detail = page.getByTestId('incident-detail');
    const declined = detail.getByTestId('declined-team');
    await declined.waitFor();
    await expect(declined.textContent()).resolves.toContain(`JUNG-1 · ${reason}`);
    await expect(detail.getByTestId('declined-teams').textContent()).resolves.toContain(
      lang === 'ko' ? '출동을 거절한 팀' : 'Declined by',
    );
    await detail.getByTestId('recommendation').first().waitFor();
    expect(await detail.locator(`[data-testid="recommendation"][data-team-id="${jung.id}"]`).count()).toBe(0);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, `decline-${lang}`);
    await context.close();
  }, 90_000);
});
