import type {
  ClientView,
  ErrorBody,
  IncidentDetail,
  IncidentView,
  LoginResponse,
  RegionCollection,
  SimilarIncident,
  TeamView,
} from '#contracts';
import { nextEvent, startTestServer, type TestServer } from '../support/test-server.js';
import { auditRows, createIncident, INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';

// Incidents from calls: numbers, region lookup on irregular real-world shapes (concave polygon, MultiPolygon,
// polygon with a hole and the island inside it), respondBy, the audited detail, attaching a second call, and
// the live feed.

let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;
let counselor: { id: string; token: string; username: string };
let counselor2: { id: string; token: string; username: string };
let coordinator: { id: string; token: string; username: string };
const region: Record<string, string> = {};

// Positions are [lng, lat] (GeoJSON). Shapes are irregular on purpose: district outlines are not boxes.
const features = [
  {
    // A U-shaped district: its bounding box contains the notch, the polygon does not.
    type: 'Feature',
    properties: { name_eng: 'Horseshoe-gu', code: '11901' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [126.9, 37.5],
          [126.96, 37.5],
          [126.962, 37.531],
          [126.96, 37.56],
          [126.945, 37.56],
          [126.945, 37.52],
          [126.915, 37.52],
          [126.915, 37.56],
          [126.9, 37.56],
          [126.898, 37.53],
          [126.9, 37.5],
        ],
      ],
    },
  },
  {
    // Mainland plus an island far off: a point on the island belongs to the district.
    type: 'Feature',
    properties: { name_eng: 'Islands-gun', code: '11902' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [127.05, 37.5],
            [127.1, 37.5],
            [127.1, 37.55],
            [127.07, 37.56],
            [127.05, 37.55],
            [127.05, 37.5],
          ],
        ],
        [
          [
            [127.2, 37.4],
            [127.22, 37.4],
            [127.225, 37.41],
            [127.22, 37.42],
            [127.2, 37.42],
            [127.2, 37.4],
          ],
        ],
      ],
    },
  },
  {
    // A district with a hole: the enclave in the hole is another district.
    type: 'Feature',
    properties: { name_eng: 'Ring-gu', code: '11903' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [126.98, 37.58],
          [127.04, 37.58],
          [127.04, 37.64],
          [126.98, 37.64],
          [126.98, 37.58],
        ],
        [
          [127.0, 37.6],
          [127.0, 37.62],
          [127.02, 37.62],
          [127.02, 37.6],
          [127.0, 37.6],
        ],
      ],
    },
  },
  {
    type: 'Feature',
    properties: { name_eng: 'Enclave-dong', code: '11904' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [127.0, 37.6],
          [127.02, 37.6],
          [127.02, 37.62],
          [127.0, 37.62],
          [127.0, 37.6],
        ],
      ],
    },
  },
];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  counselor = await makeUser(server, admin.accessToken, 'counselor');
  counselor2 = await makeUser(server, admin.accessToken, 'counselor');
  coordinator = await makeUser(server, admin.accessToken, 'coordinator');
  const imported = await server.api<{ created: number }>(
    'POST',
    '/regions/import?nameProperty=name_eng&codeProperty=code',
    {
      token: admin.accessToken,
      body: { type: 'FeatureCollection', features },
    },
  );
  expect(imported.status).toBe(200);
  expect(imported.body.created).toBe(4);
  const regions = (await server.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body;
  for (const f of regions.features) region[f.properties.code] = f.id;
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

async function triagedCall(
  token = counselor.token,
  input: unknown = INPUT_FOR.B,
  body: Record<string, unknown> = { channel: 'phone' },
) {
  const call = await newCall(server, token, body);
  const triage = await triageCall(server, token, call.id, input);
  return { call, triage };
}

describe('POST /incidents', () => {
  it('refuses a call without triage with 400 naming callId, and an unknown call', async () => {
    const call = await newCall(server, counselor.token);
    const res = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.53, lng: 126.905 },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'callId', message: 'triage the call first' }]);
    const unknown = await createIncident(server, counselor.token, {
      callId: '00000000-0000-4000-8000-000000000000',
      location: { lat: 1, lng: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details![0].field).toBe('callId');
    const bad = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 91, lng: 'x' },
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details!.map((d) => d.field).sort()).toEqual(['colour', 'location.lat', 'location.lng']);
    expect((await server.dataSource.query(`SELECT count(*)::int AS n FROM incident`)) as unknown).toEqual([{ n: 0 }]);
  });

  it('creates an open incident with a yearly number, the region, the category and respondBy = assessedAt + minutes', async () => {
    const { call, triage } = await triagedCall();
    const res = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.51, lng: 126.93, address: '1 Horseshoe-ro' },
      summary: 'ideation with plan',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      regionId: region['11901'],
      category: 'B',
      status: 'open',
      location: { lat: 37.51, lng: 126.93, address: '1 Horseshoe-ro' },
    });
    const year = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', year: 'numeric' }).format(new Date());
    expect(res.body.number).toMatch(new RegExp(`^${year}-\\d{6}$`));
    expect(res.body.respondBy).toBe(new Date(Date.parse(triage.assessedAt) + 120 * 60_000).toISOString());

    const next = await triagedCall(counselor.token, INPUT_FOR.A);
    const second = await createIncident(server, counselor.token, {
      callId: next.call.id,
      location: { lat: 37.51, lng: 126.91 },
    });
    expect(Number(second.body.number.slice(5))).toBe(Number(res.body.number.slice(5)) + 1);
    // Category A: respond now.
    expect(second.body.respondBy).toBe(new Date(Date.parse(next.triage.assessedAt)).toISOString());

    const again = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.51, lng: 126.93 },
    });
    expect(again.status).toBe(409);
  });

  it('gives every concurrent create its own consecutive number', async () => {
    const calls = await Promise.all(Array.from({ length: 6 }, () => triagedCall()));
    const results = await Promise.all(
      calls.map(({ call }) =>
        createIncident(server, counselor.token, { callId: call.id, location: { lat: 37.53, lng: 127.07 } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const ns = results.map((r) => Number(r.body.number.slice(5))).sort((a, b) => a - b);
    expect(ns).toEqual(Array.from({ length: 6 }, (_, i) => ns[0] + i));
  });

  it.each([
    ['inside the concave polygon', { lat: 37.51, lng: 126.905 }, '11901'],
    ['in the notch of the U (in its bounding box, not in it)', { lat: 37.54, lng: 126.93 }, null],
    ['on the mainland of the MultiPolygon', { lat: 37.52, lng: 127.07 }, '11902'],
    ['on the island, the second part of the MultiPolygon', { lat: 37.41, lng: 127.21 }, '11902'],
    ['between the mainland and the island', { lat: 37.45, lng: 127.15 }, null],
    ['in the ring around the hole', { lat: 37.59, lng: 126.99 }, '11903'],
    ['in the hole, which is the enclave', { lat: 37.61, lng: 127.01 }, '11904'],
    ['far outside every region', { lat: 35.1, lng: 129.04 }, null],
  ])('finds the region of a point %s', async (_name, location, code) => {
    const { call } = await triagedCall();
    const res = await createIncident(server, counselor.token, { callId: call.id, location });
    expect(res.status).toBe(201);
    expect(res.body.regionId).toBe(code ? region[code] : null);
  });

  it('still creates an incident on no region and says so in the timeline', async () => {
    const { call } = await triagedCall();
    const res = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 35.1, lng: 129.04 },
    });
    const detail = await server.api<IncidentDetail>('GET', `/incidents/${res.body.id}`, { token: coordinator.token });
    expect(detail.body.regionId).toBeNull();
    expect(detail.body.timeline.find((t) => t.type === 'region.not-found')).toBeDefined();
  });

  it("lets a coordinator create from a counselor's call but not another counselor (403)", async () => {
    const { call } = await triagedCall();
    expect(
      (await createIncident(server, counselor2.token, { callId: call.id, location: { lat: 37.51, lng: 126.905 } }))
        .status,
    ).toBe(403);
    expect(
      (await createIncident(server, coordinator.token, { callId: call.id, location: { lat: 37.51, lng: 126.905 } }))
        .status,
    ).toBe(201);
  });

  it('derives needed skills and danger to others from what the counselor learned', async () => {
    const { call } = await triagedCall(counselor.token, { ...INPUT_FOR.C, harmToOthers: 'threats' });
    const res = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.51, lng: 126.905 },
      subjectAge: 16,
      language: 'en',
    });
    const [row] = await server.dataSource.query<
      {
        needed_skills: string[];
        danger_to_others: boolean;
        notify: unknown;
      }[]
    >(`SELECT needed_skills, danger_to_others, notify FROM incident WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({
      needed_skills: ['adolescent', 'english'],
      danger_to_others: true,
      notify: { police: false, ems: false, fire: false },
    });
  });
});

describe('GET /incidents', () => {
  it('lists active incidents for staff (a team only its own) and gives an audited detail with the timeline', async () => {
    const responderTeam = await server.api<TeamView>('POST', '/teams', {
      token: admin.accessToken,
      body: { callsign: 'LIST-1', regionId: region['11901'], base: { lat: 37.51, lng: 126.905 }, skills: [], size: 2 },
    });
    const responder = await makeUser(server, admin.accessToken, 'responder', { teamId: responderTeam.body.id });
    const { call } = await triagedCall();
    const created = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.51, lng: 126.905 },
    });
    // Need-to-know (issue 11): a team's phone lists only incidents its team is or was dispatched to.
    const own = await server.api<IncidentView[]>('GET', '/incidents?status=active', { token: responder.token });
    expect(own.status).toBe(200);
    expect(own.body.map((i) => i.id)).not.toContain(created.body.id);
    const viewer = await makeUser(server, admin.accessToken, 'supervisor');
    const list = await server.api<IncidentView[]>('GET', '/incidents?status=active', { token: viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.map((i) => i.id)).toContain(created.body.id);
    // The list shows addresses and summaries, so the read is logged with the incidents it showed.
    const listed = await auditRows(server, `action = 'incident.listed' AND actor_id = $1`, [viewer.id]);
    expect(listed).toHaveLength(1);
    expect((listed[0].details as { ids: string[] }).ids).toContain(created.body.id);
    expect(
      (await server.api<IncidentView[]>('GET', '/incidents?status=closed', { token: coordinator.token })).body,
    ).toEqual([]);
    const bad = await server.api<ErrorBody>('GET', '/incidents?status=lost', { token: coordinator.token });
    expect(bad.status).toBe(400);

    const detail = await server.api<IncidentDetail>('GET', `/incidents/${created.body.id}`, {
      token: coordinator.token,
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: created.body.id,
      callIds: [call.id],
      dispatches: [],
      handoffs: [],
      triage: { category: 'B' },
    });
    expect(detail.body.timeline.map((t) => t.type)).toEqual([
      'call.received',
      'call.answered',
      'triage.assessed',
      'incident.created',
    ]);
    expect(detail.body.timeline[0]).toMatchObject({
      actor: counselor.username,
      data: { callId: call.id, channel: 'phone' },
    });
    const audit = await auditRows(server, `action = 'incident.read' AND entity_id = $1`, [created.body.id]);
    expect(audit).toEqual([expect.objectContaining({ actor_username: coordinator.username })]);
    expect(
      (await server.api('GET', `/incidents/00000000-0000-4000-8000-000000000000`, { token: coordinator.token })).status,
    ).toBe(404);
  });
});

describe('a second call about the same crisis', () => {
  it('suggests the open incident (same client, caller, address, within 150 m) and attaches the call to it', async () => {
    const client = (
      await server.api<ClientView>('POST', '/clients', {
        token: (await makeUser(server, admin.accessToken, 'supervisor')).token,
        body: {
          name: 'Attach Client',
          phones: ['010-0000-0042'],
          regionId: region['11903'],
          basis: { kind: 'consent', scope: 'case management', at: '2026-01-05T09:00:00+09:00' },
        },
      })
    ).body;
    const first = await triagedCall(counselor.token, INPUT_FOR.C, { channel: 'phone', callerNumber: '010-0000-0042' });
    expect(first.call.clientId).toBe(client.id);
    const incident = await createIncident(server, counselor.token, {
      callId: first.call.id,
      location: { lat: 37.59, lng: 126.99, address: '서울 링구 세종대로 110' },
    });
    const [{ client_id }] = await server.dataSource.query<{ client_id: string }[]>(
      `SELECT client_id FROM incident WHERE id = $1`,
      [incident.body.id],
    );
    expect(client_id).toBe(client.id);

    // The client's guardian calls from another phone, about the same address.
    const sock = await server.socket(counselor2.token);
    const second = await triagedCall(counselor2.token, INPUT_FOR.A, {
      channel: 'phone',
      callerNumber: '010-7777-0042',
    });
    await server.api('POST', `/calls/${second.call.id}/client`, {
      token: counselor2.token,
      body: { clientId: client.id },
    });
    const similar = await server.api<SimilarIncident[]>(
      'GET',
      `/calls/${second.call.id}/similar-incidents?lat=37.5905&lng=126.9901&address=${encodeURIComponent('서울링구 세종대로110')}`,
      { token: counselor2.token },
    );
    expect(similar.status).toBe(200);
    const hit = similar.body.find((s) => s.id === incident.body.id)!;
    expect(hit.matchedBy).toEqual(['client', 'address', 'nearby']);
    expect(hit.distanceM).toBeLessThan(150);

    const updated = nextEvent(sock, 'incident.updated', (e) => e.data.id === incident.body.id);
    const attached = await createIncident(server, counselor2.token, {
      callId: second.call.id,
      location: { lat: 37.5905, lng: 126.9901 },
      attachToIncidentId: incident.body.id,
    });
    expect(attached.status).toBe(200);
    expect(attached.body.id).toBe(incident.body.id);
    // The second caller's account is more urgent (A): the incident is raised, never lowered.
    expect(attached.body.category).toBe('A');
    expect((await updated).data.category).toBe('A');
    const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.body.id}`, {
      token: counselor.token,
    });
    expect(detail.body.callIds.sort()).toEqual([first.call.id, second.call.id].sort());
    expect(detail.body.timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['call.attached']));
    const count = await server.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM incident WHERE client_id = $1`,
      [client.id],
    );
    expect(count[0].n).toBe(1);

    // A third, calmer call attaches without lowering the category.
    const third = await triagedCall(counselor.token, INPUT_FOR.E, { channel: 'phone', callerNumber: '010-0000-0042' });
    const calm = await createIncident(server, counselor.token, {
      callId: third.call.id,
      location: { lat: 37.59, lng: 126.99 },
      attachToIncidentId: incident.body.id,
    });
    expect(calm.status).toBe(200);
    expect(calm.body.category).toBe('A');
    // The hotline hears that the call now belongs to the incident, with the call's own category (E), not the incident's.
    const [callEvent] = await server.dataSource.query<{ data: { incidentId: string; category: string } }[]>(
      `SELECT data FROM event WHERE type = 'call.updated' AND data->>'id' = $1 ORDER BY seq DESC LIMIT 1`,
      [third.call.id],
    );
    expect(callEvent.data).toMatchObject({ incidentId: incident.body.id, category: 'E' });
    // The same caller number is itself a match.
    const fourth = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-7777-0042' });
    const byCaller = await server.api<SimilarIncident[]>('GET', `/calls/${fourth.id}/similar-incidents`, {
      token: counselor.token,
    });
    expect(byCaller.body.find((s) => s.id === incident.body.id)?.matchedBy).toEqual(['caller']);
  });

  it('refuses to attach to a closed or unknown incident', async () => {
    const { call } = await triagedCall();
    const created = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.51, lng: 126.905 },
    });
    await server.dataSource.query(`UPDATE incident SET status = 'closed', closed_at = now() WHERE id = $1`, [
      created.body.id,
    ]);
    const next = await triagedCall();
    expect(
      (
        await createIncident(server, counselor.token, {
          callId: next.call.id,
          location: { lat: 37.51, lng: 126.905 },
          attachToIncidentId: created.body.id,
        })
      ).status,
    ).toBe(409);
    const unknown = await createIncident(server, counselor.token, {
      callId: next.call.id,
      location: { lat: 37.51, lng: 126.905 },
      attachToIncidentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details![0].field).toBe('attachToIncidentId');
  });
});

describe('live', () => {
  it('pushes incident.created to counselors and the control room, without summary or address', async () => {
    const counselorSock = await server.socket(counselor2.token);
    const coordinatorSock = await server.socket(coordinator.token);
    const { call } = await triagedCall();
    const atCounselor = nextEvent(counselorSock, 'incident.created', (e) => e.data.location.lat === 37.555);
    const atCoordinator = nextEvent(coordinatorSock, 'incident.created', (e) => e.data.location.lat === 37.555);
    const res = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.555, lng: 126.905, address: 'Secret street 9' },
      summary: 'private summary',
    });
    const [a, b] = await Promise.all([atCounselor, atCoordinator]);
    expect(a).toEqual(b);
    expect(a.data).toMatchObject({
      id: res.body.id,
      number: res.body.number,
      category: 'B',
      status: 'open',
      regionId: region['11901'],
    });
    expect(JSON.stringify(a)).not.toMatch(/Secret street|private summary/);
    const callEvent = await server.dataSource.query<{ data: { incidentId: string } }[]>(
      `SELECT data FROM event WHERE type = 'call.updated' AND data->>'id' = $1 ORDER BY seq DESC LIMIT 1`,
      [call.id],
    );
    expect(callEvent[0].data.incidentId).toBe(res.body.id);
  });
});

describe('region import', () => {
  it('upserts by code: importing a district again updates it and keeps its id', async () => {
    const moved = { ...features[0], properties: { name_eng: 'Horseshoe-gu (renamed)', code: '11901' } };
    const again = await server.api<{ created: number; updated: number }>(
      'POST',
      '/regions/import?nameProperty=name_eng&codeProperty=code',
      {
        token: admin.accessToken,
        body: { type: 'FeatureCollection', features: [moved] },
      },
    );
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    const regions = (await server.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body;
    expect(regions.features.find((f) => f.properties.code === '11901')).toMatchObject({
      id: region['11901'],
      properties: { name: 'Horseshoe-gu (renamed)' },
    });
  });
});

describe('GET /incidents completeness', () => {
  it('returns every active incident (the console snapshot must be complete), and caps only history lists', async () => {
    // 600 active incidents straight into the table: more than any page size the list ever had.
    await server.dataSource.query(
      `INSERT INTO incident (number, category, status, lat, lng)
       SELECT 'BULK-' || g, 'D', 'open', 37.5 + g / 100000.0, 127.0 FROM generate_series(1, 600) g`,
    );
    const active = await server.api<IncidentView[]>('GET', '/incidents?status=active', { token: coordinator.token });
    expect(active.body.filter((i) => i.number.startsWith('BULK-'))).toHaveLength(600);
    await server.dataSource.query(
      `UPDATE incident SET status = 'closed', closed_at = now() WHERE number LIKE 'BULK-%'`,
    );
    const history = await server.api<IncidentView[]>('GET', '/incidents?status=closed', { token: coordinator.token });
    expect(history.body).toHaveLength(500);
  });
});
