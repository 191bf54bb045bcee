import type { DispatchPlan, DispatchView, ErrorBody, IncidentDetail, RecommendationView, TeamView } from '#contracts';
import { haversineKm } from '#geo';
import { nextEvent, recordEvents, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { createIncident, createPoliceStation, createTeam, sql } from '../support/dispatch-world.js';
import type { TeamHandle, World } from '../support/dispatch-world.js';

let server: TestServer;
let world: World;
useDispatchWorld(
  (w) => {
    ({ server, world } = w);
  },
  { env: { DISPATCH_OFFER_SECONDS: '60', TIMER_POLL_MS: '100' } },
);

const NORTH = { lat: 37.6, lng: 127.0 };
const near = (dLat: number, dLng = 0) => ({ lat: NORTH.lat + dLat, lng: NORTH.lng + dLng });

async function recommendations(incidentId: string): Promise<RecommendationView[]> {
  const res = await server.api<RecommendationView[]>('GET', `/incidents/${incidentId}/recommendations`, {
    token: world.coordinator,
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function offer(incidentId: string, teamId: string) {
  return server.api<DispatchView & ErrorBody>('POST', `/incidents/${incidentId}/dispatches`, {
    token: world.coordinator,
    body: { teamId },
  });
}

describe('recommendations', () => {
  let close: TeamHandle;
  let far: TeamHandle;
  let solo: TeamHandle;
  let offDuty: TeamHandle;
  let south: TeamHandle;

  beforeAll(async () => {
    // Teams sit at increasing distances north-east of the incident; the off-duty one sits right on top of it.
    close = await createTeam(server, world, {
      regionId: world.regions.north,
      base: near(0.01),
      skills: ['adolescent'],
    });
    far = await createTeam(server, world, { regionId: world.regions.north, base: near(0.04, 0.04) });
    solo = await createTeam(server, world, {
      regionId: world.regions.north,
      base: near(0.02),
      size: 1,
      skills: ['adolescent'],
    });
    offDuty = await createTeam(server, world, {
      regionId: world.regions.north,
      base: near(0),
      onDuty: false,
      skills: ['adolescent'],
    });
    south = await createTeam(server, world, { regionId: world.regions.south, base: near(-0.03) });
  });

  afterAll(async () => {
    // Later tests build their own teams; these must not compete for their incidents.
    await sql(server, `DELETE FROM shift WHERE team_id = ANY($1::uuid[])`, [
      [close, far, solo, offDuty, south].map((t) => t.team.id),
    ]);
  });

  it('ranks on-duty available teams by ETA with their reasons, skills first, and leaves out the off-duty team', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: NORTH, subjectAge: 15 });
    const recs = await recommendations(incident.id);
    const ids = recs.map((r) => r.teamId);
    expect(ids).not.toContain(offDuty.team.id);
    // Both adolescent-skilled teams first (nearest first), then the rest by ETA with the out-of-region margin.
    expect(ids).toEqual([close.team.id, solo.team.id, far.team.id, south.team.id]);
    const top = await server.api<RecommendationView[]>('GET', `/incidents/${incident.id}/recommendations?limit=2`, {
      token: world.coordinator,
    });
    expect(top.body).toEqual(recs.slice(0, 2));
    expect(
      (await server.api('GET', `/incidents/${incident.id}/recommendations?limit=0`, { token: world.coordinator }))
        .status,
    ).toBe(400);

    const best = recs[0];
    const km = haversineKm(close.team.base, NORTH) * 1.4;
    expect(best.distanceKm).toBeCloseTo(Math.round(km * 10) / 10, 5);
    expect(best.etaMinutes).toBeCloseTo(Math.round((2 + (km / 30) * 60) * 10) / 10, 5);
    expect(best).toMatchObject({ callsign: close.team.callsign, inRegion: true, from: 'base' });
    expect(best.reasons).toEqual(['location.base', 'region.in', 'skill.match:adolescent', 'eta.fastest']);
    expect(recs.find((r) => r.teamId === far.team.id)!.reasons).toContain('skill.missing:adolescent');
    const southRec = recs.find((r) => r.teamId === south.team.id)!;
    expect(southRec.inRegion).toBe(false);
    expect(southRec.reasons).toContain('region.out');

    // GET /teams says why the off-duty team is missing.
    const teams = await server.api<TeamView[]>('GET', '/teams', { token: world.coordinator });
    expect(teams.body.find((t) => t.id === offDuty.team.id)).toMatchObject({ status: 'off-duty', onDuty: false });
    const refused = await offer(incident.id, offDuty.team.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'TEAM_NOT_AVAILABLE', message: expect.stringMatching(/off duty/) });
  });

  it('uses a fresh live location instead of the base, and says so', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    await server.api('POST', `/teams/${far.team.id}/location`, { token: far.token, body: near(0.001) });
    const recs = await recommendations(incident.id);
    expect(recs[0]).toMatchObject({ teamId: far.team.id, from: 'live' });
    expect(recs[0].reasons).toContain('location.live');
    // 31 minutes old: stale, so the base counts again.
    await sql(server, `UPDATE team SET location_at = now() - interval '31 minutes' WHERE id = $1`, [far.team.id]);
    const stale = (await recommendations(incident.id)).find((r) => r.teamId === far.team.id)!;
    expect(stale.from).toBe('base');
    expect(stale.reasons).toContain('location.stale-base');
  });

  it('requires two responders when there is danger to others, and names the partners the triage calls for', async () => {
    const station = await createPoliceStation(server, world, world.regions.north, near(0.005));
    const danger = await createIncident(server, world, { category: 'A', location: NORTH, danger: true });
    const ids = (await recommendations(danger.id)).map((r) => r.teamId);
    expect(ids).not.toContain(solo.team.id);
    expect((await recommendations(danger.id))[0].reasons).toContain('size.ok-for-danger');

    const plan = await server.api<DispatchPlan>('GET', `/incidents/${danger.id}/dispatch-plan`, {
      token: world.coordinator,
    });
    expect(plan.status).toBe(200);
    expect(plan.body.partners).toEqual({ police: true, ems: false, fire: false });
    expect(plan.body.partnerAgencies).toEqual([
      { kind: 'police', agencyId: station.id, name: station.name, distanceKm: expect.any(Number) },
    ]);
    expect(plan.body.excluded).toEqual(
      expect.arrayContaining([
        { teamId: solo.team.id, callsign: solo.team.callsign, reasons: ['size.too-small-for-danger'] },
        { teamId: offDuty.team.id, callsign: offDuty.team.callsign, reasons: ['duty.off'] },
      ]),
    );
    const refused = await offer(danger.id, solo.team.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/danger to others/);

    // Least restrictive response: a category C incident calls for no police.
    const calm = await createIncident(server, world, { category: 'C', location: NORTH });
    const calmPlan = await server.api<DispatchPlan>('GET', `/incidents/${calm.id}/dispatch-plan`, {
      token: world.coordinator,
    });
    expect(calmPlan.body.partners).toEqual({ police: false, ems: false, fire: false });
    expect(calmPlan.body.partnerAgencies).toEqual([]);
  });

  it('is for the control room only, and 404 for an unknown incident', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    expect((await server.api('GET', `/incidents/${incident.id}/recommendations`, { token: close.token })).status).toBe(
      403,
    );
    expect(
      (await server.api('GET', `/incidents/${incident.id}/recommendations`, { token: world.counselor })).status,
    ).toBe(403);
    expect(
      (
        await server.api('GET', `/incidents/00000000-0000-4000-8000-000000000000/recommendations`, {
          token: world.coordinator,
        })
      ).status,
    ).toBe(404);
  });
});

describe('offers', () => {
  it("reaches only the offered team's phones, refuses other teams' responders with 403, and accepting starts the response", async () => {
    const a = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const b = await createTeam(server, world, { regionId: world.regions.north, base: near(0.02) });
    const incident = await createIncident(server, world, {
      category: 'B',
      location: { ...NORTH, address: '1 Test-ro' },
    });
    const phoneA = await server.socket(a.token);
    const phoneB = await server.socket(b.token);
    const control = await server.socket(world.coordinator);
    const seenB = recordEvents(phoneB);

    const atA = nextEvent(phoneA, 'dispatch.offered', (e) => e.data.incidentId === incident.id);
    const atControl = nextEvent(control, 'dispatch.offered', (e) => e.data.incidentId === incident.id);
    const res = await offer(incident.id, a.team.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ incidentId: incident.id, teamId: a.team.id, status: 'offered' });
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.offeredAt)).toBe(60_000);
    const [offered] = await Promise.all([atA, atControl]);
    expect(offered.data).toMatchObject({
      id: res.body.id,
      status: 'offered',
      incident: {
        number: incident.number,
        category: 'B',
        location: { lat: NORTH.lat, lng: NORTH.lng, address: '1 Test-ro' },
      },
    });
    // The phone gets what it needs to go, nothing personal.
    expect(JSON.stringify(offered.data)).not.toMatch(/summary|client|caller/i);

    const board = await server.api<TeamView[]>('GET', '/teams', { token: world.coordinator });
    expect(board.body.find((t) => t.id === a.team.id)!.status).toBe('offered');

    // B's phone was live (its own event arrives) but never saw A's offer.
    const ownB = nextEvent(phoneB, 'team.updated', (e) => e.data.id === b.team.id);
    await server.api('POST', `/teams/${b.team.id}/location`, { token: b.token, body: near(0.02) });
    await ownB;
    expect(
      seenB.filter((e) => e.type === 'dispatch.offered' || (e.type === 'team.updated' && e.data.id === a.team.id)),
    ).toEqual([]);

    const byB = await server.api<ErrorBody>('POST', `/dispatches/${res.body.id}/accept`, { token: b.token });
    expect(byB.status).toBe(403);
    expect(
      (await server.api('POST', `/dispatches/${res.body.id}/decline`, { token: b.token, body: { reason: 'not ours' } }))
        .status,
    ).toBe(403);
    expect((await server.api('POST', `/dispatches/${res.body.id}/accept`, { token: world.coordinator })).status).toBe(
      403,
    );

    const teamMoves = nextEvent(
      control,
      'team.updated',
      (e) => e.data.id === a.team.id && e.data.status === 'en-route',
    );
    const accepted = await server.api<DispatchView>('POST', `/dispatches/${res.body.id}/accept`, { token: a.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    await teamMoves;
    // A retried accept is harmless.
    expect(
      (await server.api<DispatchView>('POST', `/dispatches/${res.body.id}/accept`, { token: a.token })).body.status,
    ).toBe('accepted');

    const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
    expect(detail.body).toMatchObject({ status: 'dispatched', teamId: a.team.id });
    expect(detail.body.milestones.firstDispatchedAt).toBe(res.body.offeredAt);
    expect(detail.body.milestones.acceptedAt).toBe(accepted.body.respondedAt);
    expect(detail.body.milestones.enRouteAt).toBe(accepted.body.respondedAt);
    expect(detail.body.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining(['dispatch.offered', 'dispatch.accepted', 'team.en-route']),
    );

    // The incident has its team; the busy team cannot take another one.
    const again = await offer(incident.id, b.team.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    const other = await createIncident(server, world, { category: 'C', location: NORTH });
    const busy = await offer(other.id, a.team.id);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'TEAM_NOT_AVAILABLE', message: expect.stringMatching(/en-route/) });
  });

  it('declines with a reason, freeing the team and reopening the incident', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const { body: d } = await offer(incident.id, t.team.id);
    const noReason = await server.api<ErrorBody>('POST', `/dispatches/${d.id}/decline`, { token: t.token, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details![0].field).toBe('reason');

    const control = await server.socket(world.coordinator);
    const updated = nextEvent(control, 'dispatch.updated', (e) => e.data.id === d.id);
    const declined = await server.api<DispatchView>('POST', `/dispatches/${d.id}/decline`, {
      token: t.token,
      body: { reason: 'vehicle at the garage' },
    });
    expect(declined.status).toBe(200);
    expect((await updated).data).toMatchObject({ status: 'declined', reason: 'vehicle at the garage' });
    const teams = await server.api<TeamView[]>('GET', '/teams', { token: world.coordinator });
    expect(teams.body.find((x) => x.id === t.team.id)!.status).toBe('available');
    const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
    expect(detail.body.status).toBe('open');
    expect(detail.body.timeline.find((e) => e.type === 'dispatch.declined')!.data).toMatchObject({
      reason: 'vehicle at the garage',
      teamId: t.team.id,
    });
    // Answering again is refused; the expiry timer was cancelled with the answer.
    const late = await server.api<ErrorBody>('POST', `/dispatches/${d.id}/accept`, { token: t.token });
    expect(late.status).toBe(409);
    const [timer] = await sql<{ cancelled_at: Date | null }>(
      server,
      `SELECT cancelled_at FROM timer WHERE kind = 'dispatch.offer-expiry' AND ref_id = $1`,
      [d.id],
    );
    expect(timer.cancelled_at).not.toBeNull();
  });

  it('lets a coordinator withdraw an unanswered offer, and refuses accepting a withdrawn one as expired', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const { body: d } = await offer(incident.id, t.team.id);
    const res = await server.api<DispatchView>('POST', `/dispatches/${d.id}/withdraw`, {
      token: world.coordinator,
      body: { reason: 'closer team free' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', reason: 'closer team free' });
    const late = await server.api<ErrorBody>('POST', `/dispatches/${d.id}/accept`, { token: t.token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('OFFER_EXPIRED');
    expect((await offer(incident.id, t.team.id)).status).toBe(201);
  });

  it('refuses an answer after the deadline even before the timer has fired', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const { body: d } = await offer(incident.id, t.team.id);
    // Push the deadline into the past but keep the timer pending far in the future.
    await sql(server, `UPDATE dispatch SET expires_at = now() - interval '1 second' WHERE id = $1`, [d.id]);
    await sql(server, `UPDATE timer SET due_at = now() + interval '1 hour' WHERE ref_id = $1`, [d.id]);
    const res = await server.api<ErrorBody>('POST', `/dispatches/${d.id}/accept`, { token: t.token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('OFFER_EXPIRED');
    // The refused answer changed nothing: the timer is still there to expire it.
    const [timer] = await sql<{ cancelled_at: Date | null }>(
      server,
      `SELECT cancelled_at FROM timer WHERE ref_id = $1`,
      [d.id],
    );
    expect(timer.cancelled_at).toBeNull();
  });

  it('lists dispatches for a team phone (own team only) and for the control room', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const u = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const { body: d } = await offer(incident.id, t.team.id);
    const mine = await server.api<DispatchView[]>('GET', `/dispatches?status=offered`, { token: t.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: d.id,
        status: 'offered',
        incident: expect.objectContaining({ number: incident.number }),
      }),
    ]);
    expect((await server.api('GET', `/dispatches?teamId=${t.team.id}`, { token: u.token })).status).toBe(403);
    expect(
      (
        await server.api<DispatchView[]>('GET', `/dispatches?teamId=${u.team.id}&status=offered,accepted`, {
          token: u.token,
        })
      ).body,
    ).toEqual([]);
    const byIncident = await server.api<DispatchView[]>('GET', `/dispatches?incidentId=${incident.id}`, {
      token: world.coordinator,
    });
    expect(byIncident.body.map((x) => x.id)).toEqual([d.id]);
    const bad = await server.api<ErrorBody>('GET', `/dispatches?status=lost`, { token: world.coordinator });
    expect(bad.status).toBe(400);
    expect((await server.api('GET', `/dispatches`, { token: world.counselor })).status).toBe(403);
  });
});

describe('races settled in SQL', () => {
  it('N parallel offers of one team for N incidents leave exactly one', async () => {
    const t = await createTeam(server, world, { regionId: world.regions.north, base: near(0.01) });
    const incidents = await Promise.all(
      Array.from({ length: 8 }, () => createIncident(server, world, { category: 'C', location: NORTH })),
    );
    const results = await Promise.all(incidents.map((i) => offer(i.id, t.team.id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'TEAM_NOT_AVAILABLE')).toBe(true);
    const live = await sql(server, `SELECT id FROM dispatch WHERE team_id = $1 AND status IN ('offered','accepted')`, [
      t.team.id,
    ]);
    expect(live).toHaveLength(1);
    const dispatching = await sql(
      server,
      `SELECT id FROM incident WHERE id = ANY($1::uuid[]) AND status = 'dispatching'`,
      [incidents.map((i) => i.id)],
    );
    expect(dispatching).toHaveLength(1);
  });

  it('N parallel offers of one incident to N teams leave exactly one, and the other teams stay available', async () => {
    const teams = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createTeam(server, world, { regionId: world.regions.north, base: near(0.01 * (i + 1)) }),
      ),
    );
    const incident = await createIncident(server, world, { category: 'C', location: NORTH });
    const results = await Promise.all(teams.map((t) => offer(incident.id, t.team.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const winner = results.find((r) => r.status === 201)!.body.teamId;
    const rows = await sql<{ id: string; status: string }>(
      server,
      `SELECT id, status FROM team WHERE id = ANY($1::uuid[])`,
      [teams.map((t) => t.team.id)],
    );
    for (const r of rows) expect([r.id, r.status]).toEqual([r.id, r.id === winner ? 'offered' : 'available']);
    expect(await sql(server, `SELECT id FROM dispatch WHERE incident_id = $1`, [incident.id])).toHaveLength(1);
  });
});
