import type { Page } from 'playwright-core';
import type { AgencyView } from '#contracts';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';
import { DEMO_PASSWORD, signInAs } from '../support/console-sign-in.js';
import { openNewCall } from '../support/console-call.js';

// Issue 13 item 8, in Korean and in English: 24-hour time on the call screen and the incident timeline, the tab
// title in the screen's language, bilingual names Korean first on Korean screens, the demo stations 중부경찰서 and
// 중부소방서, the particle after an incident number chosen by its last syllable, "tell the caller".

const PASSWORD = DEMO_PASSWORD;
const env = useConsoleUnderTest();

const signIn = (page: Page, username: string, lang: 'ko' | 'en') => signInAs(env, page, username, lang);

/** The 24-hour clock time of `iso` in the page's time zone, as both languages must show it: "13:05:09". */
async function clock(page: Page, iso: string): Promise<string> {
  const timeZone = await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone');
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

const TWELVE_HOUR = /오전|오후|\bAM\b|\bPM\b/i;

const COPY = {
  ko: {
    counselor: 'counselor',
    title: '위기 출동 관제',
    newCall: /^새 상담$/,
    start: '상담 시작',
    tellCaller: '전화한 분께 안내',
    create: '사건 생성',
    jungbuPolice: '중부경찰서 (Jungbu Police Station)',
  },
  en: {
    counselor: 'counselor2',
    title: 'Crisis dispatch',
    newCall: /^New call$/,
    start: 'Start call',
    tellCaller: 'Tell the caller',
    create: 'Create incident',
    jungbuPolice: 'Jungbu Police Station (중부경찰서)',
  },
} as const;

describe('demo data', () => {
  it('names the Jung-gu stations 중부경찰서 and 중부소방서', async () => {
    const token = (await env.server.login('coordinator', PASSWORD)).accessToken;
    const agencies = (await env.server.api<AgencyView[]>('GET', '/agencies', { token })).body;
    const byCode = (code: string) => agencies.find((a) => a.code === code)?.name;
    expect(byCode('P-11140')).toBe('Jungbu Police Station (중부경찰서)');
    expect(byCode('F-11140')).toBe('Jungbu Fire Station (중부소방서)');
    expect(agencies.filter((a) => /\(중(경찰서|소방서)\)/.test(a.name))).toEqual([]);
  });
});

describe.each(['ko', 'en'] as const)('Korean details (%s)', (lang) => {
  it('shows 24-hour times, the translated tab title, Korean names first, the right particle', async () => {
    const copy = COPY[lang];
    const counselor = await env.browser.newPage();
    await signIn(counselor.page, copy.counselor, lang);
    const { page } = counselor;
    expect(await page.title()).toBe(copy.title);

    // The call screen: the received time on a 24-hour clock, "tell the caller".
    await page.getByRole('button', { name: copy.newCall }).click();
    const { call } = await openNewCall(page, () =>
      page.getByTestId('new-call-form').getByRole('button', { name: copy.start }).click(),
    );
    await page.locator('#triage-selfHarmInProgress-yes').check();
    const header = (await call.locator('.active-call-head span').textContent()) ?? '';
    expect(header).not.toMatch(TWELVE_HOUR);
    const receivedAt = /(\d{2}:\d{2}:\d{2})/.exec(header)?.[1];
    expect(receivedAt).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
    await page.getByTestId('triage-result').getByRole('heading', { name: copy.tellCaller }).waitFor();

    // Create the incident; the Korean notice puts 이 or 가 after the number by how its last digit is read.
    await page.getByTestId('confirm-and-create').click();
    await page.locator('.location-picker input[name="lat"]').fill('37.5628');
    await page.locator('.location-picker input[name="lng"]').fill('126.9962');
    // As a counselor would: create once the picker says where the point is.
    await page.getByTestId('location-status').filter({ hasText: '37.5628' }).waitFor();
    await page.getByRole('button', { name: copy.create, exact: true }).click();
    const notice = (await page.getByTestId('incident-created').textContent()) ?? '';
    const number = /\d{4}-\d{6}/.exec(notice)?.[0] ?? '';
    expect(number).not.toBe('');
    if (lang === 'ko') {
      // 영 일 삼 육 칠 팔 end in a consonant (이); 이 사 오 구 do not (가).
      const particle = '2459'.includes(number.at(-1)!) ? '가' : '이';
      expect(notice).toBe(`사건 ${number}${particle} 생성되었습니다.`);
    }
    expect(await seriousA11yFindings(page)).toEqual([]);

    // The coordinator: the timeline on a 24-hour clock, the police station Korean first on Korean screens.
    const coordinator = await env.browser.newPage();
    await signIn(coordinator.page, 'coordinator', lang);
    expect(await coordinator.page.title()).toBe(copy.title);
    await coordinator.page.locator(`[data-testid="incident-row"][data-number="${number}"] button`).click();
    const detail = coordinator.page.getByTestId('incident-detail');
    const times = detail.locator('[data-testid="timeline"] time');
    await times.first().waitFor();
    for (const time of await times.all()) {
      const at = (await time.getAttribute('datetime'))!;
      await expect(time.textContent()).resolves.toBe(await clock(coordinator.page, at));
    }
    const token = (await env.server.login('coordinator', PASSWORD)).accessToken;
    const police = (await env.server.api<AgencyView[]>('GET', '/agencies', { token })).body.find(
      (a) => a.code === 'P-11140',
    )!;
    const option = detail.locator(`select[name="agency"] option[value="${police.id}"]`);
    await option.waitFor({ state: 'attached' });
    await expect(option.textContent()).resolves.toContain(copy.jungbuPolice);
    expect(await seriousA11yFindings(coordinator.page, { exclude: ['[data-testid="map"]'] })).toEqual([]);
    await coordinator.context.close();
    await counselor.context.close();
  }, 120_000);
});
