import type {
  AlertView,
  CoverageView,
  DispatchView,
  ErrorBody,
  HandoffView,
  IncidentDetail,
  IncidentView,
  TeamView,
} from '#contracts';
import { TimerRunner } from '../../apps/api/src/timers/timer-runner.js';
import { nextEvent, recordEvents, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import {
  createIncident,
  createPoliceStation,
  createTeam,
  createUser,
  makeDue,
  sql,
  type TeamHandle,
  type World,
} from '../support/dispatch-world.js';
import { expectStatus } from '../support/expect-status.js';

let server: TestServer;
let world: World;
let runner: TimerRunner;
useDispatchWorld(
  (w) => {
    ({ server, world } = w);
    runner = server.app.get(TimerRunner);
  },
  // A slow poll: these tests make timers due by hand and fire them with tick(), deterministically.
  { env: { DISPATCH_OFFER_SECONDS: '60', TIMER_POLL_MS: '60000', CHECKIN_MINUTES: '15', SLA_WARNING_MINUTES: '15' } },
);

const NORTH = { lat: 37.6, lng: 127.0 };

async function dispatchedTeam(
  category: 'A' | 'B' | 'C' = 'C',
): Promise<{ t: TeamHandle; incident: IncidentView; dispatch: DispatchView }> {
  const t = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
  const incident = await createIncident(server, world, { category, location: NORTH });
  const offered = await server.api<DispatchView>('POST', `/incidents/${incident.id}/dispatches`, {
    token: world.coordinator,
    body: { teamId: t.team.id },
  });
  expect(offered.status).toBe(201);
  const accepted = await server.api<DispatchView>('POST', `/dispatches/${offered.body.id}/accept`, { token: t.token });
  expect(accepted.status).toBe(200);
  return { t, incident, dispatch: accepted.body };
}

async function setStatus(teamId: string, token: string, status: string, location?: { lat: number; lng: number }) {
  return server.api<TeamView & ErrorBody>('POST', `/teams/${teamId}/status`, {
    token,
    body: location ? { status, location } : { status },
  });
}

async function detail(id: string): Promise<IncidentDetail> {
  const res = await server.api<IncidentDetail>('GET', `/incidents/${id}`, { token: world.coordinator });
  expect(res.status).toBe(200);
  return res.body;
}

describe('the lifecycle of a response', () => {
  it('stamps every milestone on the incident and its timeline, from offer to close', async () => {
    const control = await server.socket(world.coordinator);
    const milestones = recordEvents(control);
    const { t, incident, dispatch } = await dispatchedTeam();

    const onScene = await setStatus(t.team.id, t.token, 'on-scene', { lat: 37.6001, lng: 127.0001 });
    expect(onScene.status).toBe(200);
    expect(onScene.body).toMatchObject({ status: 'on-scene', location: { lat: 37.6001, lng: 127.0001 } });
    expect((await detail(incident.id)).status).toBe('on-scene');
    expect((await setStatus(t.team.id, t.token, 'transporting')).body.status).toBe('transporting');
    const cleared = nextEvent(
      control,
      'dispatch.updated',
      (e) => e.data.id === dispatch.id && e.data.status === 'cleared',
    );
    expect((await setStatus(t.team.id, t.token, 'available')).body.status).toBe('available');
    await cleared;
    expect((await detail(incident.id)).status).toBe('handoff');

    const closedEvent = nextEvent(
      control,
      'incident.updated',
      (e) => e.data.id === incident.id && e.data.status === 'closed',
    );
    const closed = await server.api<IncidentView>('POST', `/incidents/${incident.id}/close`, {
      token: world.coordinator,
      body: { disposition: 'community-referral' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    await closedEvent;

    const d = await detail(incident.id);
    expect(d.disposition).toBe('community-referral');
    for (const key of [
      'createdAt',
      'firstDispatchedAt',
      'acceptedAt',
      'enRouteAt',
      'onSceneAt',
      'clearedAt',
      'closedAt',
    ]) {
      expect([key, typeof d.milestones[key]]).toEqual([key, 'string']);
    }
    const ms = (k: string): number => Date.parse(d.milestones[k]!);
    expect(
      ms('firstDispatchedAt') <= ms('acceptedAt') &&
        ms('acceptedAt') <= ms('onSceneAt') &&
        ms('onSceneAt') <= ms('clearedAt') &&
        ms('clearedAt') <= ms('closedAt'),
    ).toBe(true);
    const types = d.timeline.map((e) => e.type);
    const order = [
      'incident.created',
      'dispatch.offered',
      'dispatch.accepted',
      'team.en-route',
      'team.on-scene',
      'team.transporting',
      'team.cleared',
      'incident.closed',
    ];
    expect(types.filter((x) => order.includes(x))).toEqual(order);
    expect(d.timeline.find((e) => e.type === 'team.on-scene')!.actor).toBe(
      d.timeline.find((e) => e.type === 'team.cleared')!.actor,
    );
    expect(d.dispatches.map((x) => x.status)).toEqual(['cleared']);

    // The control room saw each milestone live, in order.
    const seen = milestones
      .filter((e) => e.type === 'incident.updated' && e.data.id === incident.id)
      .map((e) => (e.type === 'incident.updated' ? e.data.milestone : undefined));
    expect(seen).toEqual(['dispatch-offered', 'accepted', 'on-scene', 'transporting', 'cleared', 'closed']);
  });

  it('allows legal transitions only, naming from and to when refusing', async () => {
    const idle = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
    const illegal = await setStatus(idle.team.id, idle.token, 'on-scene');
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('STATE_CHANGED');
    expect(illegal.body.message).toMatch(/from available to on-scene/);
    // The reason the console words in the reader's language (issue 13 item 6).
    expect(illegal.body.reason).toBe('status-illegal');
    const selfDispatch = await setStatus(idle.team.id, world.coordinator, 'en-route');
    expect(selfDispatch.status).toBe(409);
    expect(selfDispatch.body.message).toMatch(/accepting an offer/);
    expect(selfDispatch.body.reason).toBe('status-accept-instead');
    const bad = await server.api<ErrorBody>('POST', `/teams/${idle.team.id}/status`, {
      token: idle.token,
      body: { status: 'offered' },
    });
    expect(bad.status).toBe(400);
    // Out of service and back, by the team itself; a repeat is a harmless no-op.
    expect((await setStatus(idle.team.id, idle.token, 'unavailable')).body.status).toBe('unavailable');
    expect((await setStatus(idle.team.id, idle.token, 'unavailable')).status).toBe(200);
    expect((await setStatus(idle.team.id, idle.token, 'available')).body.status).toBe('available');

    const { t } = await dispatchedTeam();
    const other = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
    expect((await setStatus(t.team.id, other.token, 'on-scene')).status).toBe(403);
    // Only the control room stands a team down.
    const standDown = await setStatus(t.team.id, t.token, 'available');
    expect(standDown.status).toBe(409);
    expect(standDown.body.message).toMatch(/from en-route to available: only the control room/);
    expect((await setStatus(t.team.id, t.token, 'on-scene')).status).toBe(200);
    const leave = await setStatus(t.team.id, t.token, 'unavailable');
    expect(leave.status).toBe(409);
    expect(leave.body.message).toMatch(/from on-scene to unavailable/);
  });

  it('stands an en-route team down, withdrawing its dispatch and reopening the incident for another team', async () => {
    const { t, incident, dispatch } = await dispatchedTeam();
    const phone = await server.socket(t.token);
    const told = nextEvent(
      phone,
      'dispatch.updated',
      (e) => e.data.id === dispatch.id && e.data.status === 'withdrawn',
    );
    const res = await setStatus(t.team.id, world.coordinator, 'available');
    expect(res.status).toBe(200);
    await told;
    const d = await detail(incident.id);
    expect(d).toMatchObject({ status: 'open', teamId: null });
    expect(d.timeline.find((e) => e.type === 'dispatch.withdrawn')!.data).toMatchObject({
      reason: 'stood down by the control room',
    });
    await expectStatus(
      server.api('POST', `/incidents/${incident.id}/dispatches`, {
        token: world.coordinator,
        body: { teamId: t.team.id },
      }),
      201,
    );
  });

  it('refuses to close while a team is on scene, and cancelling releases a team still on its way', async () => {
    const { t, incident } = await dispatchedTeam();
    await setStatus(t.team.id, t.token, 'on-scene');
    const refused = await server.api<ErrorBody>('POST', `/incidents/${incident.id}/close`, {
      token: world.coordinator,
      body: { disposition: 'stabilised-on-scene' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/still on scene.*clear first/);
    // The way out the console offers (clear the team, then close) needs the team: the refusal names it.
    expect(refused.body).toMatchObject({
      code: 'STATE_CHANGED',
      reason: 'team-on-scene',
      params: { number: incident.number, callsign: t.team.callsign, teamId: t.team.id },
    });
    await expectStatus(
      server.api('POST', `/incidents/${incident.id}/close`, { token: world.coordinator, body: {} }),
      400,
    );

    const second = await dispatchedTeam();
    const cancelled = await server.api<IncidentView>('POST', `/incidents/${second.incident.id}/cancel`, {
      token: world.coordinator,
      body: { reason: 'duplicate of another incident' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const teams = await server.api<TeamView[]>('GET', '/teams', { token: world.coordinator });
    expect(teams.body.find((x) => x.id === second.t.team.id)!.status).toBe('available');
    const d = await detail(second.incident.id);
    expect(d.dispatches.map((x) => x.status)).toEqual(['withdrawn']);
    expect(d.timeline.map((e) => e.type)).toContain('incident.cancelled');
    const again = await server.api<ErrorBody>('POST', `/incidents/${second.incident.id}/close`, {
      token: world.coordinator,
      body: { disposition: 'no-contact' },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already cancelled/);
    // Closing with an unanswered offer withdraws it and cancels its expiry.
    const t3 = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
    const i3 = await createIncident(server, world, { category: 'C', location: NORTH });
    const o3 = await server.api<DispatchView>('POST', `/incidents/${i3.id}/dispatches`, {
      token: world.coordinator,
      body: { teamId: t3.team.id },
    });
    await expectStatus(
      server.api('POST', `/incidents/${i3.id}/close`, {
        token: world.coordinator,
        body: { disposition: 'stabilised-on-scene' },
      }),
      200,
    );
    const [timer] = await sql<{ cancelled_at: Date | null }>(
      server,
      `SELECT cancelled_at FROM timer WHERE ref_id = $1`,
      [o3.body.id],
    );
    expect(timer.cancelled_at).not.toBeNull();
  });
});

describe('safety in the field', () => {
  it('raises a critical alert when a team on scene misses its check-in, and keeps checking', async () => {
    const { t, incident } = await dispatchedTeam();
    const earlyCheckin = await server.api<ErrorBody>('POST', `/teams/${t.team.id}/checkin`, { token: t.token });
    expect(earlyCheckin.status).toBe(409);
    await setStatus(t.team.id, t.token, 'on-scene', { lat: 37.6002, lng: 127.0002 });
    const [pending] = await sql<{ due_at: Date }>(
      server,
      `SELECT due_at FROM timer WHERE kind = 'team.checkin' AND ref_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [t.team.id],
    );
    expect(pending.due_at.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);

    // A check-in pushes the next one back by CHECKIN_MINUTES.
    await expectStatus(server.api('POST', `/teams/${t.team.id}/checkin`, { token: t.token }), 204);
    const other = await createTeam(server, world, { regionId: world.regions.north, base: NORTH });
    await expectStatus(server.api('POST', `/teams/${t.team.id}/checkin`, { token: other.token }), 403);

    const control = await server.socket(world.coordinator);
    const phone = await server.socket(t.token);
    const atControl = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'checkin-missed' && e.data.teamId === t.team.id,
    );
    const atPhone = nextEvent(phone, 'alert.raised', (e) => e.data.kind === 'checkin-missed');
    expect(await makeDue(server, 'team.checkin', t.team.id)).toBe(1);
    await runner.tick();
    const [alert] = await Promise.all([atControl, atPhone]);
    expect(alert.data).toMatchObject({
      severity: 'critical',
      incidentId: incident.id,
      location: { lat: 37.6002, lng: 127.0002 },
    });
    // Rescheduled: the next check-in is due again, once.
    const next = await sql(
      server,
      `SELECT id FROM timer WHERE kind = 'team.checkin' AND ref_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [t.team.id],
    );
    expect(next).toHaveLength(1);
    expect((await detail(incident.id)).timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['team.checked-in', 'alert.checkin-missed']),
    );

    // Clearing ends the check-ins.
    await setStatus(t.team.id, t.token, 'available');
    expect(
      await sql(
        server,
        `SELECT id FROM timer WHERE kind = 'team.checkin' AND ref_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
        [t.team.id],
      ),
    ).toHaveLength(0);
  });

  it("sends the panic alarm with the team's location to its phones and the control room only", async () => {
    const { t, incident } = await dispatchedTeam();
    await setStatus(t.team.id, t.token, 'on-scene');
    const bystander = await createTeam(server, world, { regionId: world.regions.north, base: NORTH });
    const control = await server.socket(world.coordinator);
    const phone = await server.socket(t.token);
    const otherPhone = await server.socket(bystander.token);
    const seenByOther = recordEvents(otherPhone);
    const atControl = nextEvent(control, 'alert.raised', (e) => e.data.kind === 'panic');
    const atPhone = nextEvent(phone, 'alert.raised', (e) => e.data.kind === 'panic');
    const res = await server.api<AlertView>('POST', `/teams/${t.team.id}/panic`, {
      token: t.token,
      body: { location: { lat: 37.6011, lng: 127.0011 } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'panic',
      severity: 'critical',
      teamId: t.team.id,
      incidentId: incident.id,
      location: { lat: 37.6011, lng: 127.0011 },
    });
    const [c] = await Promise.all([atControl, atPhone]);
    expect(c.data.id).toBe(res.body.id);
    expect(c.data.message).toMatch(/PANIC/);
    // The other team's phone was live and heard nothing of it.
    const own = nextEvent(otherPhone, 'team.updated', (e) => e.data.id === bystander.team.id);
    await server.api('POST', `/teams/${bystander.team.id}/location`, { token: bystander.token, body: NORTH });
    await own;
    expect(seenByOther.filter((e) => e.type === 'alert.raised')).toEqual([]);
    await expectStatus(server.api('POST', `/teams/${t.team.id}/panic`, { token: bystander.token, body: {} }), 403);
    await expectStatus(server.api('POST', `/teams/${t.team.id}/panic`, { token: world.coordinator, body: {} }), 403);
    // Without a position from the phone, the last known one is used.
    const noFix = await server.api<AlertView>('POST', `/teams/${t.team.id}/panic`, { token: t.token, body: {} });
    expect(noFix.body.location).toEqual({ lat: 37.6011, lng: 127.0011 });
    expect((await detail(incident.id)).timeline.filter((e) => e.type === 'alert.panic')).toHaveLength(2);
  });

  it('requests police assistance as one action: a critical alert and a police handoff to the region, once', async () => {
    const station = await createPoliceStation(server, world, world.regions.north, { lat: 37.605, lng: 127.005 });
    await createPoliceStation(server, world, world.regions.south, { lat: 37.6, lng: 127.0 });
    const policeUser = await createUser(server, world.admin, 'agency', { agencyId: station.id });
    const policeSocket = await server.socket(policeUser);
    const { t, incident } = await dispatchedTeam('B');
    await setStatus(t.team.id, t.token, 'on-scene');
    const stranger = await createTeam(server, world, { regionId: world.regions.north, base: NORTH });
    await expectStatus(server.api('POST', `/incidents/${incident.id}/police-assist`, { token: stranger.token }), 403);

    const control = await server.socket(world.coordinator);
    const handoffAtPolice = nextEvent(policeSocket, 'handoff.created', (e) => e.data.incidentId === incident.id);
    const alertAtControl = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'police-assist' && e.data.incidentId === incident.id,
    );
    const res = await server.api<AlertView>('POST', `/incidents/${incident.id}/police-assist`, { token: t.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'police-assist',
      severity: 'critical',
      incidentId: incident.id,
      teamId: t.team.id,
    });
    const [handoff] = await Promise.all([handoffAtPolice, alertAtControl]);
    // The police station of the incident's region, even though the South station is nearer.
    expect(handoff.data).toMatchObject({ agencyId: station.id, kind: 'police', status: 'requested' });

    const again = await server.api<AlertView>('POST', `/incidents/${incident.id}/police-assist`, {
      token: world.coordinator,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    const d = await detail(incident.id);
    expect(d.handoffs.map((h: HandoffView) => [h.kind, h.agencyId, h.status])).toEqual([
      ['police', station.id, 'requested'],
    ]);
    expect(d.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['handoff.requested', 'alert.police-assist']));
  });
});

describe('alerts', () => {
  it('lists open alerts most severe first and acknowledges them once', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: NORTH });
    const panic = await server.api<AlertView>('POST', `/teams/${t.team.id}/panic`, { token: t.token, body: {} });
    const open = await server.api<AlertView[]>('GET', '/alerts?open=true', { token: world.coordinator });
    expect(open.status).toBe(200);
    expect(open.body.map((a) => a.id)).toContain(panic.body.id);
    const order = open.body.map((a) => ['critical', 'warning', 'info'].indexOf(a.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const ack = await server.api<AlertView>('POST', `/alerts/${panic.body.id}/ack`, { token: world.coordinator });
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    const twice = await server.api<AlertView>('POST', `/alerts/${panic.body.id}/ack`, { token: world.admin });
    expect(twice.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(
      (await server.api<AlertView[]>('GET', '/alerts', { token: world.coordinator })).body.map((a) => a.id),
    ).not.toContain(panic.body.id);
    expect(
      (await server.api<AlertView[]>('GET', '/alerts?open=false', { token: world.coordinator })).body.map((a) => a.id),
    ).toContain(panic.body.id);
    await expectStatus(server.api('GET', '/alerts', { token: t.token }), 403);
    expect(
      (await server.api('POST', `/alerts/00000000-0000-4000-8000-000000000000/ack`, { token: world.coordinator }))
        .status,
    ).toBe(404);
  });
});

describe('roster coverage', () => {
  it('shows each region with its teams on duty and raises a gap alert per region from the periodic check', async () => {
    const before = await server.api<CoverageView>('GET', '/coverage', { token: world.coordinator });
    expect(before.status).toBe(200);
    expect(before.body.horizonHours).toBe(12);
    const north = before.body.regions.find((r) => r.regionId === world.regions.north)!;
    // Every team in this file is on a shift ending 12 h after it was made: the north is covered now.
    expect(north.gapNow).toBe(false);
    expect(north.onDutyNow.length).toBeGreaterThan(0);
    const south = before.body.regions.find((r) => r.regionId === world.regions.south)!;
    expect(south).toMatchObject({ gapNow: true, onDutyNow: [], gapWithinHorizon: true });
    await expectStatus(server.api('GET', '/coverage', { token: world.counselor }), 403);

    // Earlier tick() calls may have run the check already; acknowledged alerts let it raise afresh.
    const open = await server.api<AlertView[]>('GET', '/alerts?open=true', { token: world.coordinator });
    for (const a of open.body.filter((x) => x.kind === 'coverage-gap'))
      await server.api('POST', `/alerts/${a.id}/ack`, { token: world.coordinator });
    const control = await server.socket(world.coordinator);
    const gap = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'coverage-gap' && e.data.regionId === world.regions.south,
    );
    await makeDue(server, 'coverage.check');
    await runner.tick();
    expect((await gap).data.severity).toBe('critical');
    // One pending check remains (it reschedules itself), and a second pass raises no duplicate while the first is open.
    expect(
      await sql(
        server,
        `SELECT id FROM timer WHERE kind = 'coverage.check' AND fired_at IS NULL AND cancelled_at IS NULL`,
      ),
    ).toHaveLength(1);
    await makeDue(server, 'coverage.check');
    await runner.tick();
    const alerts = await sql(
      server,
      `SELECT id FROM alert WHERE kind = 'coverage-gap' AND region_id = $1 AND acknowledged_at IS NULL`,
      [world.regions.south],
    );
    expect(alerts).toHaveLength(1);
  });
});

describe('the response clock', () => {
  it('warns before respondBy and alerts at it while no team is on scene', async () => {
    const incident = await createIncident(server, world, { category: 'B', location: NORTH });
    expect(Date.parse(incident.respondBy!) - Date.now()).toBeGreaterThan(119 * 60_000);
    const timers = await sql<{ kind: string; due_at: Date }>(
      server,
      `SELECT kind, due_at FROM timer WHERE ref_id = $1 AND kind LIKE 'incident.sla-%' ORDER BY due_at`,
      [incident.id],
    );
    expect(timers.map((x) => [x.kind, Date.parse(incident.respondBy!) - x.due_at.getTime()])).toEqual([
      ['incident.sla-warning', 15 * 60_000],
      ['incident.sla-breach', 0],
    ]);
    const control = await server.socket(world.coordinator);
    const warning = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'sla-warning' && e.data.incidentId === incident.id,
    );
    await makeDue(server, 'incident.sla-warning', incident.id);
    await runner.tick();
    expect((await warning).data).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/no team on scene/),
    });
    const breach = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'sla-breach' && e.data.incidentId === incident.id,
    );
    await makeDue(server, 'incident.sla-breach', incident.id);
    await runner.tick();
    expect((await breach).data.severity).toBe('critical');
  });

  it('stays quiet once a team is on scene, and checks the 60-second dispatch target for category A', async () => {
    const { t, incident } = await dispatchedTeam('B');
    await setStatus(t.team.id, t.token, 'on-scene');
    const pending = await sql(
      server,
      `SELECT id FROM timer WHERE ref_id = $1 AND kind LIKE 'incident.sla-%' AND fired_at IS NULL AND cancelled_at IS NULL`,
      [incident.id],
    );
    expect(pending).toHaveLength(0);

    const urgent = await createIncident(server, world, { category: 'A', location: NORTH });
    const [timer] = await sql<{ kind: string; due_at: Date; payload: { condition: string } }>(
      server,
      `SELECT kind, due_at, payload FROM timer WHERE ref_id = $1 AND kind LIKE 'incident.sla-%'`,
      [urgent.id],
    );
    expect(timer).toMatchObject({ kind: 'incident.sla-warning', payload: { condition: 'not-dispatched' } });
    expect(timer.due_at.getTime() - Date.parse(urgent.respondBy!)).toBeGreaterThanOrEqual(59_000);
    const control = await server.socket(world.coordinator);
    const warning = nextEvent(
      control,
      'alert.raised',
      (e) => e.data.kind === 'sla-warning' && e.data.incidentId === urgent.id,
    );
    await makeDue(server, 'incident.sla-warning', urgent.id);
    await runner.tick();
    expect((await warning).data.message).toMatch(/no team offered within 60 s/);
  });
});
