import type { Page } from 'playwright-core';
import type { AgencyView, CallView, IncidentView } from '#contracts';
import { blankTriageInput } from '#triage';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { localName } from '../../apps/console/src/common/local-name.js';

// Issue 13 item 7 on the coordinator's drawer, in Korean and in English: police assistance asks first and its alert
// names who asked; the disposition comes from the list (Korean labels on Korean screens); closing with a handoff
// still requested asks first; once closed, the incident's alerts leave the alerts panel.

const PASSWORD = DEMO_PASSWORD;
const IN_JUNG_GU = { lat: 37.5628, lng: 126.9962 };
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'ko' | 'en') => signInAs(env, page, username, lang);

/** A category C incident in Jung-gu with a hospital handoff still requested, made over REST. */
async function incidentWithRequestedHandoff(): Promise<{ incident: IncidentView; hospital: AgencyView }> {
  const counselor = (await env.server.login('counselor2', PASSWORD)).accessToken;
  const coordinator = (await env.server.login('coordinator', PASSWORD)).accessToken;
  const call = await env.server.api<CallView>('POST', '/calls', { token: counselor, body: { channel: 'phone' } });
  await env.server.api('POST', `/calls/${call.body.id}/triage`, {
    token: counselor,
    body: { ...blankTriageInput(), harmToOthers: 'threats' },
  });
  const incident = await env.server.api<IncidentView>('POST', '/incidents', {
    token: counselor,
    body: { callId: call.body.id, location: IN_JUNG_GU },
  });
  const hospital = (await env.server.api<AgencyView[]>('GET', '/agencies?kind=hospital', { token: coordinator }))
    .body[0];
  const handoff = await env.server.api('POST', `/incidents/${incident.body.id}/handoffs`, {
    token: coordinator,
    body: { agencyId: hospital.id, kind: 'hospital', reason: 'assessment' },
  });
  expect(handoff.status).toBe(201);
  return { incident: incident.body, hospital };
}

const COPY = {
  ko: {
    dispositionLabel: '현장 안정화',
    policeYes: '예, 경찰 요청',
    closeAnyway: '그래도 종결',
    ask: '연계 요청이 2건',
  },
  en: {
    dispositionLabel: 'Stabilised on scene',
    policeYes: 'Yes, request police',
    closeAnyway: 'Close anyway',
    ask: '2 handoffs are still requested',
  },
} as const;

describe.each(['ko', 'en'] as const)('closing and police assistance (%s)', (lang) => {
  it('asks before police assistance and before closing with a requested handoff; the alerts resolve', async () => {
    const copy = COPY[lang];
    const { page, context } = await env.browser.newPage();
    await signIn(page, 'coordinator', lang);
    const { incident, hospital } = await incidentWithRequestedHandoff();
    await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"] button`).click();
    const section = page.getByTestId('incident-detail').getByTestId('close-section');
    await section.waitFor();

    // The agency picker: searchable, grouped by kind, each with its distance from the incident.
    const detailPanel = page.getByTestId('incident-detail');
    await detailPanel.locator('input[name="agency-search"]').fill(hospital.name.slice(0, 4));
    const picker = detailPanel.locator('select[name="agency"]');
    await picker.locator(`option[value="${hospital.id}"]`).waitFor({ state: 'attached' });
    await expect(picker.locator('optgroup').first().getAttribute('label')).resolves.toBe(
      lang === 'ko' ? '병원' : 'Hospital',
    );
    await expect(picker.locator(`option[value="${hospital.id}"]`).textContent()).resolves.toMatch(/km/);

    // Police assistance: a confirmation first, then an alert naming who asked.
    await section.getByRole('button', { name: lang === 'ko' ? '경찰 지원 요청' : 'Request police assistance' }).click();
    await section.getByTestId('close-confirm').getByRole('button', { name: copy.policeYes }).click();
    const alert = page
      .locator(`[data-testid="alert-row"][data-kind="police-assist"]`)
      .filter({ hasText: incident.number });
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.textContent()).resolves.toContain('coordinator (coordinator)');

    // The disposition list in the screen's language; closing asks first while the handoff is requested.
    await section.waitFor();
    await section.locator('select[name="disposition"]').selectOption({ label: copy.dispositionLabel });
    await section
      .getByRole('button', { name: lang === 'ko' ? '사건 종결' : 'Close incident' })
      .first()
      .click();
    const confirm = section.getByTestId('close-confirm');
    await expect(confirm.textContent()).resolves.toContain(copy.ask);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await confirm.getByRole('button', { name: copy.closeAnyway }).click();
    await page.locator(`[data-testid="incident-detail"][data-status="closed"]`).waitFor({ timeout: 10_000 });
    await alert.waitFor({ state: 'detached', timeout: 10_000 });
    // After closing: the disposition by its label, and the handoff rows still name their agencies.
    const detail = page.getByTestId('incident-detail');
    await detail
      .getByTestId('disposition-shown')
      .filter({ hasText: copy.dispositionLabel })
      .waitFor({ timeout: 10_000 });
    // Korean screens put the Korean name first (issue 13 item 8).
    const hospitalName = localName(hospital.name, lang);
    await detail.getByTestId('handoff-row').filter({ hasText: hospitalName }).waitFor({ timeout: 10_000 });
    await detail
      .locator('[data-testid="timeline"] li[data-type="handoff.requested"]')
      .filter({ hasText: hospitalName })
      .first()
      .waitFor({ timeout: 10_000 });
    await context.close();
  }, 90_000);
});
