import type { ConsoleConfig, ErrorBody, GeocodeAnswer } from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { buildWorld, createTeam, createUser, type World } from '../support/dispatch-world.js';
import { LICENCE, startFakeNominatim, type FakeNominatim } from '../support/nominatim-server.js';

// Issue 13 item 5 through the API: address search proxied to a real local HTTP server speaking Nominatim's jsonv2,
// constrained to the centre's regions (the two squares of the dispatch world: North 37.55–37.65, South 37.45–37.55,
// both 126.95–127.05), with its failures turned into coded errors. The fake ignores `bounded`, as a provider may, so
// a place outside the regions proves the API's own filter.

const TIMEOUT_MS = 400;
const INTERVAL_MS = 250;
const USER_AGENT = 'test-centre-dispatch/1.0 (ops@centre.example)';

let geocoder: FakeNominatim;
let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;

beforeAll(async () => {
  geocoder = await startFakeNominatim(5000);
  server = await startTestServer({
    GEOCODER_URL: geocoder.url,
    GEOCODER_TIMEOUT_MS: String(TIMEOUT_MS),
    GEOCODER_MIN_INTERVAL_MS: String(INTERVAL_MS),
    GEOCODER_USER_AGENT: USER_AGENT,
  });
  world = await buildWorld(server);
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
  await geocoder.close();
}, 30_000);

const search = (query: string, token = world.counselor) =>
  server.api<GeocodeAnswer & ErrorBody>('GET', `/geocoding/search?${query}`, { token });

it('says in /config that geocoding is configured', async () => {
  const res = await server.api<ConsoleConfig>('GET', '/config');
  expect(res.body.geocoding).toBe(true);
});

it('finds a Korean road-name address inside the regions, asking the provider politely', async () => {
  const before = geocoder.requests.length;
  const res = await search(`q=${encodeURIComponent('세종대로 110')}`);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    results: [
      {
        label: '서울특별시청, 110, 세종대로, 중구, 서울특별시, 04524, 대한민국',
        lat: 37.5662952,
        lng: 126.9779451,
        regionId: world.regions.north,
      },
    ],
    attribution: LICENCE,
  });
  const sent = geocoder.requests.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0].path).toBe('/search');
  expect(sent[0].query).toEqual({
    q: '세종대로 110',
    format: 'jsonv2',
    countrycodes: 'kr',
    limit: '5',
    'accept-language': 'ko',
    viewbox: '126.95,37.45,127.05,37.65',
    bounded: '1',
  });
  expect(sent[0].headers['user-agent']).toBe(USER_AGENT);

  const english = await search(`q=${encodeURIComponent('Hangang-daero 405')}&lang=en&limit=3`, world.coordinator);
  expect(english.status).toBe(200);
  expect(english.body.results).toEqual([
    expect.objectContaining({
      label: expect.stringMatching(/^Seoul Station, 405, Hangang-daero/),
      regionId: world.regions.north,
    }),
  ]);
  expect(geocoder.requests.at(-1)!.query).toMatchObject({ 'accept-language': 'en', limit: '3' });
});

it('leaves out places outside every region, and caches a repeated search', async () => {
  const outside = await search(`q=${encodeURIComponent('중앙대로 1001')}`);
  expect(outside.status).toBe(200);
  expect(outside.body.results).toEqual([]);

  const before = geocoder.requests.length;
  const first = await search(`q=${encodeURIComponent('한강대로 405 서울역')}`);
  const again = await search(`q=${encodeURIComponent('  한강대로 405 서울역 ')}`);
  expect(again.body).toEqual(first.body);
  expect(geocoder.requests.length - before).toBe(1);
});

it('sends one request at a time, spaced by GEOCODER_MIN_INTERVAL_MS', async () => {
  const before = geocoder.requests.length;
  const answers = await Promise.all(
    ['올림픽로 300 a', '올림픽로 300 b', '올림픽로 300 c'].map((q) => search(`q=${encodeURIComponent(q)}`)),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
  const times = geocoder.requests.slice(before).map((r) => r.at);
  expect(times).toHaveLength(3);
  // Stamped on arrival, in this process (which also runs the server), so each gap is the spacer's interval blurred by
  // how long each request took to arrive: on a loaded machine one arrival late by 70 ms made a gap of 181 ms for 250
  // (and the next gap longer by as much). Over both gaps a late arrival in the middle cancels out, and requests sent
  // together would arrive within a few milliseconds of each other: four fifths of two intervals tells spaced from not.
  expect(times[2] - times[0]).toBeGreaterThanOrEqual(2 * INTERVAL_MS * 0.8);
  // And no two together: a spacer that let two out at once and held the third long enough would pass the span alone.
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
});

it('refuses a bad query with 400 naming the field, without asking the provider', async () => {
  const before = geocoder.requests.length;
  for (const [query, field] of [
    ['', 'q'],
    ['q=a', 'q'],
    [`q=${'가'.repeat(201)}`, 'q'],
    ['q=%EC%84%B8%EC%A2%85&limit=50', 'limit'],
    ['q=%EC%84%B8%EC%A2%85&lang=fr', 'lang'],
    ['q=%EC%84%B8%EC%A2%85&email=x', 'email'],
  ] as const) {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details?.map((d) => d.field).join(' ')).toContain(field);
  }
  expect(geocoder.requests.length).toBe(before);
});

it('is for counselors and coordinators only', async () => {
  const { token: responder } = await createTeam(server, world, {
    regionId: world.regions.north,
    base: { lat: 37.6, lng: 127.0 },
    onDuty: false,
  });
  const supervisor = await createUser(server, world.admin, 'supervisor');
  expect((await server.api('GET', '/geocoding/search?q=%EC%84%B8%EC%A2%85')).status).toBe(401);
  expect((await search('q=%EC%84%B8%EC%A2%85', responder)).status).toBe(403);
  expect((await search('q=%EC%84%B8%EC%A2%85', supervisor)).status).toBe(403);
});

it('answers 503 SERVICE_UNAVAILABLE when the provider is slow, broken or failing', async () => {
  const started = Date.now();
  const slow = await search(`q=${encodeURIComponent('느린 주소')}`);
  expect(slow.status).toBe(503);
  expect(slow.body).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    message: expect.stringContaining(`${TIMEOUT_MS} ms`),
  });
  // The fake answers after 5 s: the 503 came from our timeout, not from the provider.
  expect(Date.now() - started).toBeLessThan(4000);

  for (const q of ['깨진 주소', '고장 주소']) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    // Nothing of the query or the provider's address in what the caller reads.
    expect(res.body.message).not.toContain('주소');
    expect(res.body.message).not.toContain(geocoder.url);
  }
});

it('passes on the provider asking to slow down as 429 with Retry-After', async () => {
  const res = await search(`q=${encodeURIComponent('과부하 주소')}`);
  expect(res.status).toBe(429);
  expect(res.body.code).toBe('RATE_LIMITED');
  expect(res.headers.get('retry-after')).toBe('1');
});

describe('without GEOCODER_URL', () => {
  let plain: TestServer & { dropDatabase(): Promise<void> };
  beforeAll(async () => {
    plain = await startTestServer();
  }, 60_000);
  afterAll(async () => {
    await plain.stop();
    await plain.dropDatabase();
  });

  it('tells the console to offer the district picker, and answers a search with 503', async () => {
    expect((await plain.api<ConsoleConfig>('GET', '/config')).body.geocoding).toBe(false);
    const admin = (await plain.login('admin')).accessToken;
    const counselor = await createUser(plain, admin, 'counselor');
    const res = await plain.api<ErrorBody>('GET', '/geocoding/search?q=%EC%84%B8%EC%A2%85', { token: counselor });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('GEOCODER_URL') });
  });
});
