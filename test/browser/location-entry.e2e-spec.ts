import type { Page } from 'playwright-core';
import type { IncidentDetail, RegionCollection } from '#contracts';
import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest, type ConsoleUnderTest } from '../support/console-server.js';
import { waitForExpression } from '../support/page-wait.js';
import { DEMO_PASSWORD as PASSWORD, signInAs } from '../support/console-sign-in.js';
import { openNewCall } from '../support/console-call.js';
import { GAZETTEER, startFakeNominatim, type FakeNominatim } from '../support/nominatim-server.js';

// Issue 13 item 5, location entry, by a counselor in Korean and in English: the latitude typed first leaves the
// longitude empty; the address box is free before any point; district names from GET /regions on the picker map;
// a point placed with the keyboard; address search through a real local HTTP server speaking Nominatim's jsonv2
// (GEOCODER_URL), and without one the district picker; the hint worded for a caller phoning about someone else.

type Lang = 'ko' | 'en';

const COPY = {
  ko: {
    user: 'counselor',
    newCall: /^새 상담$/,
    relation: '어머니',
    selfHint: '지도에서 발신자가 있는 곳을 누르세요.',
    thirdPartyHint: '지도에서 위기 당사자가 있는 곳을 누르세요. 발신자(어머니)의 위치가 아닙니다.',
    noPoint: '아직 지점을 지정하지 않았습니다.',
    needBoth: '위도와 경도를 모두 입력해야 지점이 지정됩니다.',
    latInvalid: '위도는 −90에서 90 사이의 숫자여야 합니다',
    placed: '지정한 지점: 37.5665, 126.978',
    search: '주소 검색',
    searchButton: '검색',
    found: '주소 1건을 찾았습니다',
    unavailable: '주소 검색이 응답하지 않습니다.',
    district: '구 (주소를 모를 때)',
    approximate: '대략적 위치: 구의 중심입니다.',
    confirm: '분류 확정',
    create: '사건 생성',
  },
  en: {
    user: 'counselor2',
    newCall: /^New call$/,
    relation: 'mother',
    selfHint: 'Click the map where the caller is.',
    thirdPartyHint: 'Click the map where the person in crisis is, not where the caller (mother) is.',
    noPoint: 'No point placed yet.',
    needBoth: 'Enter both latitude and longitude to place the point.',
    latInvalid: 'Latitude must be a number from −90 to 90',
    placed: 'Point placed at 37.5665, 126.978',
    search: 'Search address',
    searchButton: 'Search',
    found: '1 address found',
    unavailable: 'Address search is not answering.',
    district: 'District (when the address is unknown)',
    approximate: 'Approximate: the centre of the district.',
    confirm: 'Confirm triage',
    create: 'Create incident',
  },
} as const;

async function startCall(env: ConsoleUnderTest, lang: Lang, relation = ''): Promise<Page> {
  const copy = COPY[lang];
  const { page } = await env.browser.newPage();
  await signInAs(env, page, copy.user, lang);
  await page.getByRole('button', { name: copy.newCall }).click();
  const form = page.getByTestId('new-call-form');
  await form.locator('select[name="channel"]').selectOption('phone');
  if (relation) await form.locator('input[name="callerRelation"]').fill(relation);
  await openNewCall(page, () => form.locator('button[type="submit"]').click());
  // The picker map has its district names once GET /regions has answered.
  await page.locator('.picker-map .region-label').first().waitFor();
  return page;
}

const picker = (page: Page) => page.locator('.location-picker');
const field = (page: Page, name: string) => picker(page).locator(`input[name="${name}"]`);
const status = (page: Page) => page.getByTestId('location-status').textContent();

/** Answers the danger-now and screener questions "no" and confirms, so an incident may be created. */
async function confirmTriage(page: Page, lang: Lang): Promise<void> {
  for (const id of ['selfHarmInProgress', 'medicalEmergency', 'rescueNeeded', 'weaponAccess', 'wishDead']) {
    await page.locator(`#triage-${id}-no`).check();
  }
  await page.locator('#triage-suicidalThoughts-no').check();
  await page.locator('#triage-harmToOthers-none').check();
  await page.locator('#triage-behavior-none').check();
  await page.getByRole('button', { name: COPY[lang].confirm }).click();
  await page.getByTestId('triage-recorded').waitFor();
}

async function createIncident(env: ConsoleUnderTest, page: Page, lang: Lang): Promise<IncidentDetail> {
  await page.getByRole('button', { name: COPY[lang].create, exact: true }).click();
  const notice = page.getByTestId('incident-created');
  await notice.waitFor();
  const number = /\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')?.[0];
  expect(number).toBeDefined();
  const token = (await env.server.login('coordinator', PASSWORD)).accessToken;
  const list = await env.server.api<IncidentDetail[]>('GET', '/incidents?status=active', { token });
  return list.body.find((i) => i.number === number)!;
}

async function regionNames(env: ConsoleUnderTest, lang: Lang): Promise<Map<string, string>> {
  const token = (await env.server.login('counselor', PASSWORD)).accessToken;
  const regions = await env.server.api<RegionCollection>('GET', '/regions', { token });
  return new Map(
    regions.body.features.map((f) => [
      f.id,
      lang === 'ko' ? (f.properties.nameKo ?? f.properties.name) : f.properties.name,
    ]),
  );
}

describe('with a geocoder (GEOCODER_URL)', () => {
  const settings: Record<string, string> = { GEOCODER_MIN_INTERVAL_MS: '0' };
  let geocoder: FakeNominatim;
  beforeAll(async () => {
    geocoder = await startFakeNominatim();
    settings.GEOCODER_URL = geocoder.url;
  });
  const env = useConsoleUnderTest(settings);
  afterAll(() => geocoder.close());

  describe.each(['ko', 'en'] as const)('%s', (lang) => {
    const copy = COPY[lang];

    it('keeps the longitude empty when the latitude is typed first, and the address box free before a point', async () => {
      const page = await startCall(env, lang);
      expect(await page.getByTestId('location-hint').textContent()).toBe(copy.selfHint);
      expect(await status(page)).toBe(copy.noPoint);

      await field(page, 'address').fill('3층 302호');
      await field(page, 'lat').pressSequentially('37.5665');
      expect(await field(page, 'lng').inputValue()).toBe('');
      expect(await status(page)).toBe(copy.noPoint);
      expect(await picker(page).getByTestId('need-both').textContent()).toBe(copy.needBoth);

      await field(page, 'lng').pressSequentially('126.978');
      expect(await field(page, 'lat').inputValue()).toBe('37.5665');
      expect(await status(page)).toContain(copy.placed);
      expect(await field(page, 'address').inputValue()).toBe('3층 302호');

      // Out of range: said next to the box, and no point.
      await field(page, 'lat').fill('137.5665');
      expect(await field(page, 'lat').getAttribute('aria-invalid')).toBe('true');
      expect(await picker(page).getByTestId('lat-problem').textContent()).toContain(copy.latInvalid);
      expect(await status(page)).toBe(copy.noPoint);
      expect(await seriousA11yFindings(page)).toEqual([]);
      await page.context().close();
    }, 90_000);

    it('places a point with the keyboard: the map focused, arrow keys under the crosshair, Enter', async () => {
      const page = await startCall(env, lang);
      expect(await picker(page).locator('#location-keyboard-hint').isVisible()).toBe(true);
      // Keyboard only from the instructions: the next Tab stop is the map.
      await picker(page).locator('#location-keyboard-hint').click();
      await page.keyboard.press('Tab');
      await waitForExpression(page, "document.activeElement?.classList.contains('leaflet-container') === true");
      expect(await page.locator('[data-testid="map-crosshair"]').isVisible()).toBe(true);

      await page.keyboard.press('Enter');
      await waitForExpression(page, "document.querySelector('.location-picker input[name=\"lat\"]').value !== ''");
      const first = {
        lat: Number(await field(page, 'lat').inputValue()),
        lng: Number(await field(page, 'lng').inputValue()),
      };

      // Leaflet ignores a pan key while the previous pan is still animating (as a held key would): one at a time.
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp']) {
        await page.keyboard.press(key);
        await waitForExpression(page, "document.querySelector('.picker-map .leaflet-pan-anim') === null");
      }
      await page.keyboard.press('Enter');
      await waitForExpression(
        page,
        `Number(document.querySelector('.location-picker input[name="lng"]').value) > ${first.lng}`,
      );
      const second = {
        lat: Number(await field(page, 'lat').inputValue()),
        lng: Number(await field(page, 'lng').inputValue()),
      };
      expect(second.lng).toBeGreaterThan(first.lng);
      expect(second.lat).toBeGreaterThan(first.lat);
      expect(await status(page)).toMatch(lang === 'ko' ? /^지정한 지점: / : /^Point placed at /);
      // The focus stayed on the map, so the counselor can go on adjusting.
      expect(
        await page.evaluate<boolean>("document.activeElement?.classList.contains('leaflet-container') === true"),
      ).toBe(true);
      await page.context().close();
    }, 90_000);

    it('finds a road-name address through the geocoder and uses it; says so when the geocoder fails', async () => {
      const page = await startCall(env, lang);
      const names = await regionNames(env, lang);
      const tower = GAZETTEER[1];
      const search = page.getByRole('search', { name: copy.search });
      await search.getByRole('searchbox', { name: copy.search }).fill('올림픽로 300');
      await page.keyboard.press('Enter');
      await page.getByTestId('address-results').waitFor();
      expect(await page.getByTestId('address-search-status').textContent()).toBe(copy.found);
      expect(geocoder.requests.at(-1)!.query).toMatchObject({ q: '올림픽로 300', 'accept-language': lang });
      const label = lang === 'ko' ? tower.ko : tower.en;
      const songpa = [...names.values()].find((n) => n === (lang === 'ko' ? '송파구' : 'Songpa-gu'))!;
      const result = page.getByTestId('address-results').getByRole('button');
      expect(await result.textContent()).toBe(`${label} · ${songpa}`);
      expect(await seriousA11yFindings(page)).toEqual([]);

      await result.click();
      expect(await field(page, 'lat').inputValue()).toBe(String(Number(tower.lat.toFixed(6))));
      expect(await field(page, 'lng').inputValue()).toBe(String(Number(tower.lon.toFixed(6))));
      expect(await field(page, 'address').inputValue()).toBe(label);
      expect(await status(page)).toContain(songpa);
      await picker(page).scrollIntoViewIfNeeded();
      await env.browser.screenshot(page, `location-search-${lang}`);

      await confirmTriage(page, lang);
      const incident = await createIncident(env, page, lang);
      expect(incident.location).toMatchObject({
        lat: Number(tower.lat.toFixed(6)),
        lng: Number(tower.lon.toFixed(6)),
        address: label,
      });
      expect(names.get(incident.regionId!)).toBe(songpa);

      // A failing geocoder: the reason in the reader's language next to the box, and the district picker offered.
      expect(await picker(page).locator('select[name="district"]').count()).toBe(0);
      await search.getByRole('searchbox').fill('고장 난 주소');
      await search.getByRole('button', { name: copy.searchButton }).click();
      const problem = page.getByTestId('address-search-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toContain(copy.unavailable);
      await picker(page).getByLabel(copy.district).waitFor();
      await page.context().close();
    }, 90_000);

    it('writes the district names the API serves on the picker map, and words the hint for a third-party caller', async () => {
      const page = await startCall(env, lang, copy.relation);
      const names = await regionNames(env, lang);
      const labels = await page.locator('.picker-map .region-label').allTextContents();
      expect(labels.sort()).toEqual([...names.values()].sort());
      // Names are context, not Tab stops or click targets.
      expect(await page.locator('.picker-map .region-label[tabindex]').count()).toBe(0);
      const hint = await page.getByTestId('location-hint').textContent();
      expect(hint).toBe(copy.thirdPartyHint);
      expect(hint).not.toMatch(/caller’s location|caller's location|내담자 위치/);
      expect(await seriousA11yFindings(page)).toEqual([]);
      await page.context().close();
    }, 90_000);
  });
});

describe('without a geocoder', () => {
  const env = useConsoleUnderTest();

  describe.each(['ko', 'en'] as const)('%s', (lang) => {
    const copy = COPY[lang];

    it('offers the district picker instead, placing an approximate point inside the district', async () => {
      const page = await startCall(env, lang);
      expect(await page.getByRole('search').count()).toBe(0);
      const names = await regionNames(env, lang);
      const gangnam = lang === 'ko' ? '강남구' : 'Gangnam-gu';
      const regionId = [...names].find(([, n]) => n === gangnam)![0];
      await picker(page).getByLabel(copy.district).selectOption(regionId);
      expect(await status(page)).toContain(copy.approximate);
      expect(await status(page)).toContain(gangnam);
      expect(await field(page, 'address').inputValue()).toContain(gangnam);
      expect(await field(page, 'lat').inputValue()).not.toBe('');
      expect(await seriousA11yFindings(page)).toEqual([]);

      await confirmTriage(page, lang);
      const incident = await createIncident(env, page, lang);
      expect(incident.regionId).toBe(regionId);
      expect(incident.location.address).toContain(gangnam);

      // Clicking the map afterwards makes it exact again.
      await page.locator('.picker-map .leaflet-container').click({ position: { x: 150, y: 150 } });
      await waitForExpression(
        page,
        "!document.querySelector('[data-testid=\"location-status\"]').textContent.includes('" + copy.approximate + "')",
      );
      expect(await picker(page).locator('select[name="district"]').inputValue()).toBe('');
      await page.context().close();
    }, 90_000);
  });
});
