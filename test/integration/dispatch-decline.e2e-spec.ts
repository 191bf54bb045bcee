import type { DispatchView, RecommendationView } from '#contracts';
import { nextEvent, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { createIncident, createTeam, sql, type World } from '../support/dispatch-world.js';
import { expectStatus } from '../support/expect-status.js';

// Issue 13 item 3: a decline excludes the team from that incident's recommendations, A/B go on to the next team at
// once (as on expiry), and the control room gets an alert that carries the reason.

let server: TestServer;
let world: World;
useDispatchWorld(
  (w) => {
    ({ server, world } = w);
  },
  { env: { DISPATCH_OFFER_SECONDS: '60' } },
);

const SOUTH = { lat: 37.5, lng: 127.0 };
const near = (dLat: number) => ({ lat: SOUTH.lat + dLat, lng: SOUTH.lng });

const offer = (incidentId: string, teamId: string) =>
  server.api<DispatchView>('POST', `/incidents/${incidentId}/dispatches`, {
    token: world.coordinator,
    body: { teamId },
  });
const recommendations = async (incidentId: string) =>
  (
    await server.api<RecommendationView[]>('GET', `/incidents/${incidentId}/recommendations`, {
      token: world.coordinator,
    })
  ).body;

it('category B: the declining team is out, the next team is offered at once, the coordinator is alerted with the reason', async () => {
  const first = await createTeam(server, world, { regionId: world.regions.south, base: near(0.005) });
  const second = await createTeam(server, world, { regionId: world.regions.south, base: near(0.02) });
  const incident = await createIncident(server, world, { category: 'B', location: SOUTH });
  expect((await recommendations(incident.id))[0].teamId).toBe(first.team.id);
  const d = (await offer(incident.id, first.team.id)).body;

  const control = await server.socket(world.coordinator);
  const alert = nextEvent(
    control,
    'alert.raised',
    (e) => e.data.kind === 'offer-declined' && e.data.incidentId === incident.id,
  );
  const reoffer = nextEvent(control, 'dispatch.offered', (e) => e.data.incidentId === incident.id);
  const res = await server.api<DispatchView>('POST', `/dispatches/${d.id}/decline`, {
    token: first.token,
    body: { reason: 'crew member injured' },
  });
  expect(res.status).toBe(200);
  expect((await reoffer).data).toMatchObject({ teamId: second.team.id, automatic: true });
  const raised = (await alert).data;
  expect(raised.message).toContain('crew member injured');
  expect(raised.message).toContain(first.team.callsign);
  expect(raised.teamId).toBe(first.team.id);
  control.disconnect();
}, 60_000);

it('category C: no automatic re-offer, the declined team is excluded from recommendations, an alert is still raised', async () => {
  const first = await createTeam(server, world, { regionId: world.regions.south, base: near(-0.004) });
  const incident = await createIncident(server, world, { category: 'C', location: near(-0.005) });
  expect((await recommendations(incident.id))[0].teamId).toBe(first.team.id);
  const d = (await offer(incident.id, first.team.id)).body;
  await expectStatus(
    server.api('POST', `/dispatches/${d.id}/decline`, {
      token: first.token,
      body: { reason: 'already on a call nearby' },
    }),
    200,
  );

  const after = await recommendations(incident.id);
  expect(after.map((r) => r.teamId)).not.toContain(first.team.id);
  expect(after.length).toBeGreaterThan(0);
  const offers = await sql<{ n: number }>(
    server,
    `SELECT count(*)::int AS n FROM dispatch WHERE incident_id = $1 AND status = 'offered'`,
    [incident.id],
  );
  expect(offers[0].n).toBe(0);
  const alerts = await sql<{ severity: string; message: string }>(
    server,
    `SELECT severity, message FROM alert WHERE kind = 'offer-declined' AND incident_id = $1`,
    [incident.id],
  );
  expect(alerts).toEqual([{ severity: 'warning', message: expect.stringContaining('already on a call nearby') }]);
  // The team is still recommended for other incidents.
  const other = await createIncident(server, world, { category: 'C', location: near(-0.005) });
  expect((await recommendations(other.id)).map((r) => r.teamId)).toContain(first.team.id);
}, 60_000);
