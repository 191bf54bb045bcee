import type { Page } from 'playwright-core';
import type { CallView, ClientSearchItem } from '#contracts';
import { useConsoleUnderTest } from '../support/console-server.js';
import { openConsoleAs } from '../support/console-sign-in.js';
import { seriousA11yFindings } from '../support/axe.js';
import { openNewCall } from '../support/console-call.js';

// Issue 9, "Done when": a counselor finds a client by a differently formatted number, opens the record and edits
// the safety plan; the next call from that number shows the updated plan and the repeat-contact flag at once.
// Walked in English (counselor, Kim Min-jun) and in Korean (counselor2, Choi Young-ja), with an axe audit of each screen.

const PASSWORD = 'demo-1577-0199';
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'en' | 'ko') => openConsoleAs(page, env.server.url, username, lang);

/** Earlier calls from the number, ended over REST by the other counselor: this week's contacts. */
async function earlierCalls(number: string, n: number): Promise<void> {
  const { accessToken: token } = await env.server.login('counselor2', PASSWORD);
  for (let i = 0; i < n; i++) {
    const call = await env.server.api<CallView>('POST', '/calls', {
      token,
      body: { channel: 'phone', callerNumber: number },
    });
    expect(call.status).toBe(201);
    expect(
      (
        await env.server.api('POST', `/calls/${call.body.id}/end`, {
          token,
          body: { outcome: 'closed-after-counselling' },
        })
      ).status,
    ).toBe(200);
  }
}

const cases = [
  {
    lang: 'en' as const,
    user: 'counselor',
    name: 'Kim Min-jun',
    stored: '010-0000-0001',
    searchAs: '+82 10 0000 0001',
    callAs: '010 0000 0001',
    newSign: 'Calls the line at 3 am',
    text: {
      tab: 'Clients',
      calls: 'Calls',
      search: 'Search',
      edit: 'Edit safety plan',
      save: 'Save safety plan',
      newCall: 'New call',
      repeat: 'Third call this week',
    },
  },
  {
    lang: 'ko' as const,
    user: 'counselor2',
    name: '최영자',
    stored: '010-0000-0004',
    searchAs: '+821000000004',
    callAs: '+82 (0)10-0000-0004',
    newSign: '새벽에 집을 나섬',
    text: {
      tab: '대상자',
      calls: '상담',
      search: '검색',
      edit: '안전계획 수정',
      save: '안전계획 저장',
      newCall: '새 상담',
      repeat: '이번 주 3번째 전화',
    },
  },
];

describe.each(cases)('counselor in $lang: registry, safety plan, the next call', (c) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await env.browser.newPage());
    await signIn(page, c.user, c.lang);
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
  });

  it('finds the client by a differently formatted number, opens the record and edits the safety plan', async () => {
    await page.getByRole('link', { name: c.text.tab }).click();
    const registry = page.getByTestId('clients-page');
    await registry.waitFor();
    await registry.locator('input[name="q"]').fill(c.searchAs);
    await registry.getByRole('button', { name: c.text.search, exact: true }).click();
    const result = registry.getByTestId('client-result');
    await result.first().waitFor();
    await expect(result.count()).resolves.toBe(1);
    await expect(result.textContent()).resolves.toContain(c.stored);
    await result.getByRole('button').click();

    const record = page.getByTestId('client-record');
    await record.waitFor();
    await expect(record.getByTestId('client-basis').textContent()).resolves.not.toBe('');
    await record.getByTestId('client-history').waitFor();
    expect(await seriousA11yFindings(page)).toEqual([]);

    await record.getByRole('button', { name: c.text.edit }).click();
    const editor = record.getByTestId('safety-plan-editor');
    const signs = editor.locator('textarea[name="warningSigns"]');
    await signs.fill(`${await signs.inputValue()}\n${c.newSign}`);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await editor.getByRole('button', { name: c.text.save }).click();
    await record.locator('[data-step="warningSigns"] li', { hasText: c.newSign }).waitFor();
    await env.browser.screenshot(page, `care-registry-${c.lang}`);

    // Saved in the record: the API answers with it too.
    const { accessToken } = await env.server.login(c.user, PASSWORD);
    const found = await env.server.api<ClientSearchItem[]>('GET', `/clients?q=${encodeURIComponent(c.stored)}`, {
      token: accessToken,
    });
    const client = await env.server.api<{ safetyPlan: { warningSigns: string[] } }>(
      'GET',
      `/clients/${found.body[0].id}`,
      { token: accessToken },
    );
    expect(client.body.safetyPlan.warningSigns).toContain(c.newSign);
  }, 90_000);

  it('shows the updated plan and "third call this week" the moment the next call from the number starts', async () => {
    await earlierCalls(c.stored, 2);
    await page.getByRole('link', { name: c.text.calls }).click();
    await page.getByRole('button', { name: c.text.newCall, exact: true }).click();
    const form = page.getByTestId('new-call-form');
    await form.locator('select[name="channel"]').selectOption('phone');
    await form.locator('input[name="callerNumber"]').fill(c.callAs);
    const { call } = await openNewCall(page, () => form.locator('button[type="submit"]').click());
    const match = call.getByTestId('client-match');
    // No click: the single match opens by itself.
    await match
      .getByTestId('safety-plan')
      .locator('[data-step="warningSigns"] li', { hasText: c.newSign })
      .waitFor({ timeout: 5000 });
    await expect(match.getByTestId('safety-plan').textContent()).resolves.toContain(c.name);
    await expect(match.getByTestId('repeat-contact').textContent()).resolves.toContain(c.text.repeat);
    expect(await seriousA11yFindings(page)).toEqual([]);
    await env.browser.screenshot(page, `care-call-match-${c.lang}`);
  }, 90_000);
});
