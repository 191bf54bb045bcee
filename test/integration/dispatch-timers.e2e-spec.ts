import type { AlertView, DispatchView, IncidentDetail, TeamView } from '#contracts';
import { TimerRunner } from '../../apps/api/src/timers/timer-runner.js';
import { nextEvent, recordEvents, startTestServer, type TestServer } from '../support/test-server.js';
import { buildWorld, createIncident, createTeam, makeDue, sql, type World } from '../support/dispatch-world.js';

type Server = TestServer & { dropDatabase(): Promise<void> };

const OFFER_SECONDS = 5;
const NORTH = { lat: 37.6, lng: 127.0 };
const near = (dLat: number) => ({ lat: NORTH.lat + dLat, lng: NORTH.lng });

async function offer(server: TestServer, world: World, incidentId: string, teamId: string): Promise<DispatchView> {
  const res = await server.api<DispatchView>('POST', `/incidents/${incidentId}/dispatches`, {
    token: world.coordinator,
    body: { teamId },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** The next `dispatch.updated` on `socket` saying dispatch `id` has expired. */
const expiryOf = (socket: Parameters<typeof nextEvent>[0], id: string, ms?: number) =>
  nextEvent(socket, 'dispatch.updated', (e) => e.data.id === id && e.data.status === 'expired', ms);

async function countExpiries(
  server: TestServer,
  dispatchId: string,
): Promise<{ events: number; alerts: number; reoffers: number }> {
  const [row] = await sql<{ events: number; alerts: number; reoffers: number }>(
    server,
    `SELECT
       (SELECT count(*)::int FROM event WHERE type = 'dispatch.updated' AND data->>'id' = $1 AND data->>'status' = 'expired') AS events,
       (SELECT count(*)::int FROM alert WHERE kind = 'offer-expired' AND dedupe_key = 'offer-expired:' || $1) AS alerts,
       (SELECT count(*)::int FROM dispatch WHERE automatic AND incident_id = (SELECT incident_id FROM dispatch WHERE id = $1::uuid)) AS reoffers`,
    [dispatchId],
  );
  return row;
}

describe('offer expiry with the timer loop running', () => {
  let server: Server;
  let world: World;

  beforeAll(async () => {
    server = await startTestServer({ DISPATCH_OFFER_SECONDS: String(OFFER_SECONDS), TIMER_POLL_MS: '100' });
    world = await buildWorld(server);
  });
  afterAll(async () => {
    await server.stop();
    await server.dropDatabase();
  });

  it('expires an unanswered category B offer, alerts the control room and offers the next recommended team automatically', async () => {
    const first = await createTeam(server, world, { regionId: world.regions.north, base: near(0.005) });
    const second = await createTeam(server, world, { regionId: world.regions.north, base: near(0.02) });
    const third = await createTeam(server, world, { regionId: world.regions.north, base: near(0.04) });
    const incident = await createIncident(server, world, { category: 'B', location: NORTH });
    const control = await server.socket(world.coordinator);
    const firstPhone = await server.socket(first.token);
    const secondPhone = await server.socket(second.token);
    const seenByFirst = recordEvents(firstPhone);

    const d = await offer(server, world, incident.id, first.team.id);
    const expired = expiryOf(control, d.id, 10_000);
    const toldFirst = expiryOf(firstPhone, d.id, 10_000);
    const alert = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'offer-expired' && e.data.incidentId === incident.id,
      10_000,
    );
    const reoffer = nextEvent(secondPhone, 'dispatch.offered', (e) => e.data.incidentId === incident.id, 10_000);

    const [e, , a, r] = await Promise.all([expired, toldFirst, alert, reoffer]);
    // Not before its time.
    expect(Date.parse(e.occurredAt)).toBeGreaterThanOrEqual(Date.parse(d.expiresAt));
    expect(a.data).toMatchObject({
      severity: 'warning',
      teamId: first.team.id,
      message: expect.stringMatching(new RegExp(`offered automatically to ${second.team.callsign}`)),
    });
    expect(r.data).toMatchObject({
      teamId: second.team.id,
      status: 'offered',
      automatic: true,
      incident: { number: incident.number },
    });
    // The alert is for coordinators: the team that missed the offer learns it from dispatch.updated only.
    expect(seenByFirst.filter((x) => x.type === 'alert.raised')).toEqual([]);

    const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
    expect(detail.body.status).toBe('dispatching');
    expect(detail.body.dispatches.map((x) => [x.teamId, x.status])).toEqual([
      [first.team.id, 'expired'],
      [second.team.id, 'offered'],
    ]);
    const offeredRows = await sql<{ offered_by: string | null; automatic: boolean }>(
      server,
      `SELECT offered_by, automatic FROM dispatch WHERE id = $1`,
      [r.data.id],
    );
    expect(offeredRows[0]).toEqual({ offered_by: null, automatic: true });
    const types = detail.body.timeline.map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(['dispatch.expired', 'alert.offer-expired']));
    expect(detail.body.timeline.filter((x) => x.type === 'dispatch.offered').map((x) => x.actor)).toEqual([
      expect.stringMatching(/^coordinator-/),
      'system',
    ]);
    const teams = await server.api<TeamView[]>('GET', '/teams', { token: world.coordinator });
    expect(teams.body.find((t) => t.id === first.team.id)!.status).toBe('available');

    // The second team lets it lapse too: the third is next, never the first again.
    const next = await nextEvent(
      control,
      'dispatch.offered',
      (x) => x.data.incidentId === incident.id && x.data.teamId !== second.team.id,
      10_000,
    );
    expect(next.data.teamId).toBe(third.team.id);
    expect(await countExpiries(server, d.id)).toMatchObject({ events: 1, alerts: 1 });
    // Stop the chain of re-offers so it cannot claim the next tests' teams.
    expect(
      (
        await server.api('POST', `/incidents/${incident.id}/cancel`, {
          token: world.coordinator,
          body: { reason: 'test done' },
        })
      ).status,
    ).toBe(200);
  }, 30_000);

  it('for category C, expires without a re-offer and reopens the incident', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.005) });
    await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const control = await server.socket(world.coordinator);
    const d = await offer(server, world, incident.id, t.team.id);
    const reopened = nextEvent(
      control,
      'incident.updated',
      (e) => e.data.id === incident.id && e.data.status === 'open',
      10_000,
    );
    const alert = await nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'offer-expired' && e.data.incidentId === incident.id,
      10_000,
    );
    await reopened;
    expect(alert.data.message).toMatch(/offer it again/);
    expect(await countExpiries(server, d.id)).toEqual({ events: 1, alerts: 1, reoffers: 0 });
  }, 20_000);

  it('raises a critical alert when a category A offer expires and no other team is free', async () => {
    // Every other team in this database is busy or off shift by now, except the one offered here.
    await sql(server, `DELETE FROM shift`);
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.005) });
    const incident = await createIncident(server, world, { category: 'A', location: NORTH });
    const control = await server.socket(world.coordinator);
    await offer(server, world, incident.id, t.team.id);
    const alert = await nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'offer-expired' && e.data.incidentId === incident.id,
      10_000,
    );
    expect(alert.data).toMatchObject({
      severity: 'critical',
      message: expect.stringMatching(/no other team available/),
    });
    const open = await server.api<AlertView[]>('GET', '/alerts?open=true', { token: world.coordinator });
    expect(open.body[0].severity).toBe('critical');
  }, 20_000);
});

describe('durable timers', () => {
  it('survive a restart: an offer made before the stop expires once after the start', async () => {
    // The loop polls rarely so the test decides when timers run; tick() is the same pass the loop makes.
    const quiet = { DISPATCH_OFFER_SECONDS: String(OFFER_SECONDS), TIMER_POLL_MS: '60000' };
    const first = await startTestServer(quiet);
    const world = await buildWorld(first);
    const t = await createTeam(first, world, { regionId: world.regions.north, base: near(0.005) });
    const incident = await createIncident(first, world, { category: 'C', location: NORTH });
    const d = await offer(first, world, incident.id, t.team.id);
    await first.stop();

    // While no server runs, the deadline passes (moved into the past below rather than waited for).
    const second = await startTestServer(quiet, first.databaseUrl);
    try {
      await sql(second, `UPDATE dispatch SET expires_at = now() - interval '1 second' WHERE id = $1`, [d.id]);
      expect(await makeDue(second, 'dispatch.offer-expiry', d.id)).toBe(1);
      // The signing secret lives in the database, so a token from before the restart is still good.
      const control = await second.socket(world.coordinator);
      const expired = expiryOf(control, d.id);
      await second.app.get(TimerRunner).tick();
      await expired;
      await second.app.get(TimerRunner).tick();
      expect(await countExpiries(second, d.id)).toEqual({ events: 1, alerts: 1, reoffers: 0 });
      const [team] = await sql<{ status: string }>(second, `SELECT status FROM team WHERE id = $1`, [t.team.id]);
      expect(team.status).toBe('available');
    } finally {
      await second.stop();
      await first.dropDatabase();
    }
  }, 60_000);

  it('fire once with two instances polling the same database', async () => {
    const a = await startTestServer({ DISPATCH_OFFER_SECONDS: String(OFFER_SECONDS), TIMER_POLL_MS: '60000' });
    const b = await startTestServer(
      { DISPATCH_OFFER_SECONDS: String(OFFER_SECONDS), TIMER_POLL_MS: '60000' },
      a.databaseUrl,
    );
    try {
      const world = await buildWorld(a);
      const pairs = [];
      for (let i = 0; i < 6; i++) {
        const t = await createTeam(a, world, { regionId: world.regions.north, base: near(0.005 * (i + 1)) });
        const incident = await createIncident(a, world, { category: 'C', location: NORTH });
        pairs.push(await offer(a, world, incident.id, t.team.id));
      }
      // A socket on each instance: each delivers every event to its own clients.
      const onA = await a.socket(world.coordinator);
      const onB = await b.socket(world.coordinator);
      const last = pairs[pairs.length - 1];
      const seenA = expiryOf(onA, last.id);
      const seenB = expiryOf(onB, last.id);
      await sql(a, `UPDATE dispatch SET expires_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [
        pairs.map((p) => p.id),
      ]);
      expect(await makeDue(a, 'dispatch.offer-expiry')).toBe(6);
      const runners = [a.app.get(TimerRunner), b.app.get(TimerRunner)];
      // Both instances drain the same due timers at the same moment.
      await Promise.all([runners[0].tick(), runners[1].tick()]);
      await Promise.all([runners[0].tick(), runners[1].tick()]);
      await Promise.all([seenA, seenB]);
      for (const p of pairs) expect(await countExpiries(a, p.id)).toEqual({ events: 1, alerts: 1, reoffers: 0 });
      const fired = await sql<{ n: number }>(
        a,
        `SELECT count(*)::int AS n FROM timer WHERE kind = 'dispatch.offer-expiry' AND fired_at IS NOT NULL AND attempts = 1`,
      );
      expect(fired[0].n).toBe(6);
    } finally {
      await b.stop();
      await a.stop();
      await a.dropDatabase();
    }
  }, 60_000);
});
