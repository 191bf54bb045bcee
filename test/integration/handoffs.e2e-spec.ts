import type { AgencyView, ErrorBody, HandoffView, IncidentDetail } from '#contracts';
import { nextEvent, recordEvents, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { createTwoHospitals, createIncident, createTeam, sql } from '../support/dispatch-world.js';
import type { TwoHospitals, World } from '../support/dispatch-world.js';

let server: TestServer;
let world: World;
let hospitals: TwoHospitals;
useDispatchWorld(async (w) => {
  ({ server, world } = w);
  hospitals = await createTwoHospitals(server, world, ['H-ONE', 'H-TWO'], { lat: 37.61, lng: 127.01 });
});

async function request(
  incidentId: string,
  token = world.coordinator,
  agencyId = hospitals.hospital.id,
): Promise<{ status: number; body: HandoffView & ErrorBody }> {
  return server.api('POST', `/incidents/${incidentId}/handoffs`, {
    token,
    body: { agencyId, kind: 'hospital', reason: 'Psychiatric emergency evaluation, emergency admission likely' },
  });
}

it('sends a handoff request to that hospital only, which accepts and completes it; every step on the timeline', async () => {
  const incident = await createIncident(server, world, {
    category: 'B',
    location: { lat: 37.6, lng: 127.0, address: '1 Test-ro' },
  });
  const mine = await server.socket(hospitals.hospitalUser);
  const other = await server.socket(hospitals.otherHospitalUser);
  const otherSeen = recordEvents(other);
  const created = nextEvent(mine, 'handoff.created', (e) => e.data.incidentId === incident.id);

  const res = await request(incident.id);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    status: 'requested',
    agencyId: hospitals.hospital.id,
    kind: 'hospital',
    incidentId: incident.id,
  });
  expect((await created).data).toMatchObject({ id: res.body.id, status: 'requested' });

  // The hospital sees its request in the hospital view: how urgent, the C-SSRS band, the summary; no name without a client.
  const list = await server.api<HandoffView[]>('GET', '/handoffs', { token: hospitals.hospitalUser });
  expect(list.body.map((h) => h.id)).toEqual([res.body.id]);
  expect(list.body[0].incident).toMatchObject({
    view: 'hospital',
    number: incident.number,
    category: 'B',
    personName: null,
  });
  expect(Object.keys(list.body[0].incident!).sort()).toEqual([
    'category',
    'cssrsRisk',
    'number',
    'personName',
    'summary',
    'view',
  ]);
  expect((await server.api<HandoffView[]>('GET', '/handoffs', { token: hospitals.otherHospitalUser })).body).toEqual(
    [],
  );
  const audits = await sql<{ actor_role: string; details: { ids: string[] } }>(
    server,
    `SELECT actor_role, details FROM audit WHERE action = 'handoff.listed' ORDER BY id DESC LIMIT 1`,
  );
  expect(audits[0]).toMatchObject({ actor_role: 'agency', details: { ids: [res.body.id] } });

  // Another hospital cannot answer it; a partner cannot read incidents.
  expect(
    (await server.api('POST', `/handoffs/${res.body.id}/accept`, { token: hospitals.otherHospitalUser })).status,
  ).toBe(403);
  expect((await server.api('GET', `/incidents/${incident.id}`, { token: hospitals.hospitalUser })).status).toBe(403);

  const accepted = await server.api<HandoffView>('POST', `/handoffs/${res.body.id}/accept`, {
    token: hospitals.hospitalUser,
  });
  expect(accepted.status).toBe(200);
  expect(accepted.body.status).toBe('accepted');
  const again = await server.api<ErrorBody>('POST', `/handoffs/${res.body.id}/accept`, {
    token: hospitals.hospitalUser,
  });
  expect(again.status).toBe(409);
  const done = await server.api<HandoffView>('POST', `/handoffs/${res.body.id}/complete`, {
    token: hospitals.hospitalUser,
  });
  expect(done.body).toMatchObject({ status: 'completed' });
  expect(done.body.completedAt).not.toBeNull();

  const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
  expect(detail.body.timeline.map((t) => t.type)).toEqual(
    expect.arrayContaining(['handoff.requested', 'handoff.accepted', 'handoff.completed']),
  );
  expect(otherSeen.filter((e) => e.type.startsWith('handoff.'))).toEqual([]);
});

it('records a decline with its reason code, and refuses an unknown code naming the field', async () => {
  const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
  const res = await request(incident.id);
  const bad = await server.api<ErrorBody>('POST', `/handoffs/${res.body.id}/decline`, {
    token: hospitals.hospitalUser,
    body: { reasonCode: 'busy-today' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.details![0].field).toBe('reasonCode');
  const declined = await server.api<HandoffView>('POST', `/handoffs/${res.body.id}/decline`, {
    token: hospitals.hospitalUser,
    body: { reasonCode: 'no-beds' },
  });
  expect(declined.body).toMatchObject({ status: 'declined', reasonCode: 'no-beds' });
  // After a refusal the coordinator may ask the same hospital again later (the open-request rule no longer holds).
  expect((await request(incident.id)).status).toBe(201);
});

it('refuses a duplicate open request, a kind that does not match the agency, and a responder of another team', async () => {
  const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127.0 } });
  expect((await request(incident.id)).status).toBe(201);
  const dup = await request(incident.id);
  expect(dup.status).toBe(409);
  expect(dup.body.code).toBe('DUPLICATE');
  const wrongKind = await server.api<ErrorBody>('POST', `/incidents/${incident.id}/handoffs`, {
    token: world.coordinator,
    body: { agencyId: hospitals.otherHospital.id, kind: 'police', reason: 'x' },
  });
  expect(wrongKind.status).toBe(400);
  expect(wrongKind.body.details).toEqual([{ field: 'kind', message: 'the agency is a hospital' }]);
  const { token } = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.6, lng: 127.0 } });
  expect((await request(incident.id, token, hospitals.otherHospital.id)).status).toBe(403);
  const rows = await sql<{ n: number }>(server, `SELECT count(*)::int AS n FROM handoff WHERE incident_id = $1`, [
    incident.id,
  ]);
  expect(rows[0].n).toBe(1);
});

it('lets a hospital report its free beds, pushed to staff as hospital.updated', async () => {
  const coordinatorSocket = await server.socket(world.coordinator);
  const pushed = nextEvent(coordinatorSocket, 'hospital.updated', (e) => e.data.agencyId === hospitals.hospital.id);
  const res = await server.api('POST', `/agencies/${hospitals.hospital.id}/beds`, {
    token: hospitals.hospitalUser,
    body: { available: 3, accepting: false },
  });
  expect(res.status).toBe(200);
  expect((await pushed).data).toMatchObject({ bedsAvailable: 3, accepting: false });
  const agencies = await server.api<AgencyView[]>('GET', '/agencies?kind=hospital', { token: world.coordinator });
  expect(agencies.body.find((a) => a.id === hospitals.hospital.id)).toMatchObject({
    bedsAvailable: 3,
    accepting: false,
  });
  expect(agencies.body.find((a) => a.id === hospitals.hospital.id)!.bedsUpdatedAt).toEqual(
    (res.body as { bedsUpdatedAt: string }).bedsUpdatedAt,
  );
  expect(
    (
      await server.api('POST', `/agencies/${hospitals.otherHospital.id}/beds`, {
        token: hospitals.hospitalUser,
        body: { available: 1, accepting: true },
      })
    ).status,
  ).toBe(403);
  const bad = await server.api<ErrorBody>('POST', `/agencies/${hospitals.hospital.id}/beds`, {
    token: hospitals.hospitalUser,
    body: { available: -1, accepting: true },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.details![0].field).toBe('available');
});
