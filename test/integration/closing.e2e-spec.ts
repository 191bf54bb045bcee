import type { AlertView, DispositionView, ErrorBody, IncidentDetail } from '#contracts';
import type { TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { createIncident, type World } from '../support/dispatch-world.js';
import { expectStatus } from '../support/expect-status.js';

// Issue 13 item 7 through the API: dispositions from a list, police assistance naming who asked, and the alerts
// of an incident resolved when it closes.

let server: TestServer;
let world: World;
useDispatchWorld((w) => {
  ({ server, world } = w);
});

it('lists the field outcomes in English and Korean, and closes only with one of their codes', async () => {
  const res = await server.api<DispositionView[]>('GET', '/dispositions', { token: world.counselor });
  expect(res.status).toBe(200);
  expect(res.body.map((d) => d.code)).toEqual([
    'emergency-admission',
    'other-admission',
    'stabilised-guardian',
    'stabilised-on-scene',
    'community-referral',
    'police-custody',
    'no-contact',
  ]);
  expect(res.body.find((d) => d.code === 'emergency-admission')).toMatchObject({ labelKo: '응급입원' });
  await expectStatus(server.api('GET', '/dispositions'), 401);

  const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127.0 } });
  const refused = await server.api<ErrorBody>('POST', `/incidents/${incident.id}/close`, {
    token: world.coordinator,
    body: { disposition: 'resolved by phone' },
  });
  expect(refused.status).toBe(400);
  expect(refused.body.details!.map((d) => d.field)).toEqual(['disposition']);
  const closed = await server.api('POST', `/incidents/${incident.id}/close`, {
    token: world.coordinator,
    body: { disposition: 'stabilised-on-scene' },
  });
  expect(closed.status).toBe(200);
  const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
  expect(detail.body.disposition).toBe('stabilised-on-scene');
}, 60_000);

it('names who asked for police assistance, and resolves the incident’s alerts when it closes', async () => {
  const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
  const alert = await server.api<AlertView>('POST', `/incidents/${incident.id}/police-assist`, {
    token: world.coordinator,
  });
  expect(alert.status).toBe(201);
  expect(alert.body.message).toMatch(/by coordinator-[\w-]+ \(coordinator\)/);
  const open = async () =>
    (await server.api<AlertView[]>('GET', '/alerts?open=true', { token: world.coordinator })).body.filter(
      (a) => a.incidentId === incident.id,
    );
  expect((await open()).length).toBeGreaterThan(0);
  await expectStatus(
    server.api('POST', `/incidents/${incident.id}/close`, {
      token: world.coordinator,
      body: { disposition: 'police-custody' },
    }),
    200,
  );
  expect(await open()).toEqual([]);
}, 60_000);
