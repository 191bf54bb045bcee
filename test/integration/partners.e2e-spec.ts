import {
  EMPTY_SAFETY_PLAN,
  type AgencyView,
  type BedRequestView,
  type ErrorBody,
  type HandoffView,
  type HospitalSuggestion,
  type IncidentView,
} from '#contracts';
import { TimerRunner } from '../../apps/api/src/timers/timer-runner.js';
import { nextEvent, recordEvents, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import {
  createHospital,
  createIncident,
  createPoliceStation,
  createTeam,
  createUser,
  makeDue,
  requestHandoff,
  sql,
} from '../support/dispatch-world.js';
import type { TeamHandle, World } from '../support/dispatch-world.js';
import { clientCaseWithTeam } from '../support/client-case.js';
import { expectStatus } from '../support/expect-status.js';

// Partners in the loop (issue 8) on a real server, PostgreSQL and Socket.IO: the multi-hospital bed request and
// its race, each reader's view of a handoff, contact confirmation, cancellation and the unanswered-handoff alert.

const SAFETY_PLAN = 'SAFETYPLAN-PX19 lock away the pills, call brother Minho';
const CALL_NOTES = 'CLINICALNOTE-RT55 stopped lithium, not sleeping for four days';
const SUMMARY = 'CLINICALSUMMARY-KM33 manic, threatening neighbours';

let server: TestServer;
let world: World;
const hospitals: { agency: AgencyView; token: string }[] = [];

async function hospital(
  code: string,
  lat: number,
  beds: number | null,
  accepting = true,
): Promise<{ agency: AgencyView; token: string }> {
  const agency = await createHospital(server, world, code, { lat, lng: 127.0 });
  const token = await createUser(server, world.admin, 'agency', { agencyId: agency.id });
  if (beds !== null)
    await expectStatus(
      server.api('POST', `/agencies/${agency.id}/beds`, { token, body: { available: beds, accepting } }),
      200,
    );
  return { agency, token };
}

useDispatchWorld(
  async (w) => {
    ({ server, world } = w);
    // Ten hospitals north of the incidents (37.6, 127.0), 1.1 km apart; every third one full or closed.
    for (let i = 0; i < 10; i++) {
      hospitals.push(await hospital(`H-${i}`, 37.61 + i * 0.01, i % 3 === 0 ? 0 : 2, i !== 4));
    }
  },
  { env: { HANDOFF_ANSWER_MINUTES: '3' }, timeoutMs: 120_000 },
);

async function bedRequest(
  incidentId: string,
  agencyIds: string[],
  token = world.coordinator,
): Promise<{ status: number; body: BedRequestView & ErrorBody }> {
  return server.api('POST', `/incidents/${incidentId}/bed-requests`, {
    token,
    body: { agencyIds, reason: 'Emergency admission likely, psychiatric evaluation' },
  });
}

describe('multi-hospital bed requests', () => {
  it('suggests hospitals accepting with free beds first, then by distance', async () => {
    const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
    const res = await server.api<HospitalSuggestion[]>('GET', `/incidents/${incident.id}/hospital-suggestions`, {
      token: world.coordinator,
    });
    expect(res.status).toBe(200);
    const codes = res.body.map((s) => s.name.replace('Hospital ', ''));
    // Free: 1, 2, 5, 7, 8 (4 is not accepting; 0, 3, 6, 9 are full), then the rest by distance.
    expect(codes).toEqual(['H-1', 'H-2', 'H-5', 'H-7', 'H-8', 'H-0', 'H-3', 'H-4', 'H-6', 'H-9']);
    expect(res.body[0]).toMatchObject({ bedsAvailable: 2, accepting: true, distanceKm: 2.2 });
    expect(res.body[0].bedsUpdatedAt).not.toBeNull();
    await expectStatus(
      server.api('GET', `/incidents/${incident.id}/hospital-suggestions`, { token: world.counselor }),
      403,
    );
  });

  it('gives exactly one winner when 10 hospitals accept at once; the others are withdrawn in the same transaction and told live', async () => {
    const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
    const loser = await server.socket(hospitals[9].token);
    const coordinator = await server.socket(world.coordinator);
    const coordinatorSeen = recordEvents(coordinator);
    const created = nextEvent(loser, 'handoff.created', (e) => e.data.incidentId === incident.id);

    const res = await bedRequest(
      incident.id,
      hospitals.map((h) => h.agency.id),
    );
    expect(res.status).toBe(201);
    expect(res.body.handoffs).toHaveLength(10);
    expect(res.body.handoffs.every((h) => h.status === 'requested')).toBe(true);
    expect((await created).data).toMatchObject({ bedRequestId: res.body.id, status: 'requested' });
    const byAgency = new Map(res.body.handoffs.map((h) => [h.agencyId, h.id]));
    // Listen before anyone answers: the last hospital hears what became of its request, the coordinator all ten.
    const mine = byAgency.get(hospitals[9].agency.id)!;
    const loserHears = nextEvent(loser, 'handoff.updated', (e) => e.data.id === mine && e.data.status !== 'requested');
    let heard = 0;
    const coordinatorHearsAll = nextEvent(
      coordinator,
      'handoff.updated',
      (e) => e.data.bedRequestId === res.body.id && ++heard === 10,
    );

    const answers = await Promise.all(
      hospitals.map((h) =>
        server.api<HandoffView & ErrorBody>('POST', `/handoffs/${byAgency.get(h.agency.id)}/accept`, {
          token: h.token,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!.body;

    const rows = await sql<{ id: string; status: string }>(
      server,
      `SELECT id, status FROM handoff WHERE bed_request_id = $1`,
      [res.body.id],
    );
    expect(rows.filter((r) => r.status === 'accepted').map((r) => r.id)).toEqual([winner.id]);
    expect(rows.filter((r) => r.status === 'withdrawn')).toHaveLength(9);
    const [request] = await sql<{ accepted_handoff_id: string }>(
      server,
      `SELECT accepted_handoff_id FROM bed_request WHERE id = $1`,
      [res.body.id],
    );
    expect(request.accepted_handoff_id).toBe(winner.id);

    // The accept and the nine withdrawals were committed together: consecutive seqs of one transaction.
    const [accepted] = await sql<{ seq: string }>(
      server,
      `SELECT seq FROM event WHERE type = 'handoff.updated' AND data->>'id' = $1 AND data->>'status' = 'accepted'`,
      [winner.id],
    );
    const withdrawn = await sql<{ seq: string }>(
      server,
      `SELECT seq FROM event WHERE type = 'handoff.updated' AND data->>'bedRequestId' = $1 AND data->>'status' = 'withdrawn' ORDER BY seq`,
      [res.body.id],
    );
    expect(withdrawn.map((w) => Number(w.seq))).toEqual(
      Array.from({ length: 9 }, (_, i) => Number(accepted.seq) + 1 + i),
    );

    // Every hospital hears what became of its own request; the coordinator hears all ten answers.
    expect((await loserHears).data.status).toBe(winner.id === mine ? 'accepted' : 'withdrawn');
    await coordinatorHearsAll;
    expect(
      coordinatorSeen
        .filter((e) => e.type === 'handoff.updated' && e.data.bedRequestId === res.body.id)
        .map((e) => e.seq),
    ).toEqual([Number(accepted.seq), ...withdrawn.map((w) => Number(w.seq))]);
    const late = await server.api<ErrorBody>('POST', `/handoffs/${byAgency.get(hospitals[0].agency.id)}/accept`, {
      token: hospitals[0].token,
    });
    expect(late.status).toBe(409);

    const incidentRows = await sql<{ type: string }>(
      server,
      `SELECT type FROM timeline WHERE incident_id = $1 ORDER BY id`,
      [incident.id],
    );
    expect(incidentRows.map((r) => r.type)).toEqual(
      expect.arrayContaining(['bed-request.created', 'handoff.accepted', 'handoff.withdrawn']),
    );
  }, 60_000);

  it('refuses a non-hospital naming the entry, more than 10 hospitals, a duplicate, and a responder of another team', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127.0 } });
    const police = await createPoliceStation(server, world, world.regions.north, { lat: 37.6, lng: 127.0 });
    const wrong = await bedRequest(incident.id, [hospitals[1].agency.id, police.id]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'agencyIds[1]', message: 'the agency is a police, not a hospital' }]);
    const eleven = await bedRequest(incident.id, [...hospitals.map((h) => h.agency.id), police.id]);
    expect(eleven.status).toBe(400);
    expect(eleven.body.details![0].field).toBe('agencyIds');
    const twice = await bedRequest(incident.id, [hospitals[1].agency.id, hospitals[1].agency.id]);
    expect(twice.status).toBe(400);
    expect((await bedRequest(incident.id, [hospitals[1].agency.id])).status).toBe(201);
    // An open request to the same hospital exists: nothing of the second request is written.
    const dup = await bedRequest(incident.id, [hospitals[2].agency.id, hospitals[1].agency.id]);
    expect(dup.status).toBe(409);
    const rows = await sql<{ n: number }>(server, `SELECT count(*)::int AS n FROM handoff WHERE incident_id = $1`, [
      incident.id,
    ]);
    expect(rows[0].n).toBe(1);
    const { token } = await createTeam(server, world, {
      regionId: world.regions.north,
      base: { lat: 37.6, lng: 127.0 },
    });
    expect((await bedRequest(incident.id, [hospitals[3].agency.id], token)).status).toBe(403);
  });
});

describe('what each reader sees', () => {
  let incident: IncidentView;
  let team: TeamHandle;
  let police: AgencyView;
  let policeToken: string;
  let policeHandoff: HandoffView;
  let hospitalHandoff: HandoffView;

  beforeAll(async () => {
    ({ incident, team } = await clientCaseWithTeam(server, world, {
      supervisor: await createUser(server, world.admin, 'supervisor'),
      client: {
        name: 'Choi Minseo',
        phones: ['+82 10 7777 0202'],
        riskFlags: ['violence', 'prior-attempt'],
        birthYear: 1979,
      },
      safetyPlan: { ...EMPTY_SAFETY_PLAN, meansSafety: SAFETY_PLAN },
      call: { callerNumber: '+82 10 7777 0202', notes: CALL_NOTES, address: '7 Partner-ro', summary: SUMMARY },
      team: { regionId: world.regions.north, base: { lat: 37.6, lng: 127.0 }, callsign: 'MCT-PARTNER' },
    }));
    police = await createPoliceStation(server, world, world.regions.north, { lat: 37.6, lng: 127.0 });
    policeToken = await createUser(server, world.admin, 'agency', { agencyId: police.id });
    policeHandoff = await requestHandoff(server, world, incident.id, police, 'Secure the scene for the crisis team');
    hospitalHandoff = await requestHandoff(server, world, incident.id, hospitals[5].agency, 'Psychiatric evaluation');
  }, 60_000);

  it('shows police the location, safety cautions and team, never notes, summary, answers or the plan', async () => {
    const list = await server.api<HandoffView[]>('GET', '/handoffs', { token: policeToken });
    const one = await server.api<HandoffView>('GET', `/handoffs/${policeHandoff.id}`, { token: policeToken });
    expect(one.status).toBe(200);
    expect(one.body.incident).toEqual({
      view: 'emergency',
      number: incident.number,
      category: incident.category,
      location: { lat: 37.6, lng: 127.0, address: '7 Partner-ro' },
      cautions: ['weapon-access', 'violence-history', 'harm-to-others-imminent', 'danger-to-others'],
      team: { callsign: 'MCT-PARTNER', status: 'en-route' },
    });
    for (const body of [JSON.stringify(list.body), JSON.stringify(one.body)]) {
      for (const secret of [SAFETY_PLAN, CALL_NOTES, SUMMARY, 'Choi Minseo', 'cssrs', 'wishDead'])
        expect(body).not.toContain(secret);
    }
    const [audit] = await sql<{ subject_id: string; details: { view: string } }>(
      server,
      `SELECT subject_id, details FROM audit WHERE action = 'handoff.read' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details.view).toBe('emergency');
    expect(audit.subject_id).not.toBeNull();
    // Another agency cannot read it.
    await expectStatus(server.api('GET', `/handoffs/${policeHandoff.id}`, { token: hospitals[5].token }), 403);
  });

  it('shows a hospital the registered name, category, C-SSRS band and summary, never the plan or the notes', async () => {
    const one = await server.api<HandoffView>('GET', `/handoffs/${hospitalHandoff.id}`, { token: hospitals[5].token });
    expect(one.body.incident).toEqual({
      view: 'hospital',
      number: incident.number,
      category: incident.category,
      cssrsRisk: 'none',
      summary: SUMMARY,
      personName: 'Choi Minseo',
    });
    expect(JSON.stringify(one.body)).not.toContain(SAFETY_PLAN);
    expect(JSON.stringify(one.body)).not.toContain(CALL_NOTES);
    const statusOnly = await server.api<HandoffView[]>('GET', '/handoffs?status=accepted', {
      token: hospitals[5].token,
    });
    expect(statusOnly.body).toEqual([]);
  });

  it('completes a police handoff only after contact is confirmed, by the agency or the team on the incident', async () => {
    await expectStatus(server.api('POST', `/handoffs/${policeHandoff.id}/accept`, { token: policeToken }), 200);
    const early = await server.api<ErrorBody>('POST', `/handoffs/${policeHandoff.id}/complete`, { token: policeToken });
    expect(early.status).toBe(409);
    const { token: otherTeam } = await createTeam(server, world, {
      regionId: world.regions.north,
      base: { lat: 37.6, lng: 127.0 },
    });
    await expectStatus(
      server.api('POST', `/handoffs/${policeHandoff.id}/contact-confirmed`, { token: otherTeam }),
      403,
    );
    const coordinatorSocket = await server.socket(world.coordinator);
    const pushed = nextEvent(
      coordinatorSocket,
      'handoff.updated',
      (e) => e.data.id === policeHandoff.id && !!e.data.contactConfirmedAt,
    );
    const confirmed = await server.api<HandoffView>('POST', `/handoffs/${policeHandoff.id}/contact-confirmed`, {
      token: team.token,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.contactConfirmedAt).not.toBeNull();
    await pushed;
    await expectStatus(
      server.api('POST', `/handoffs/${policeHandoff.id}/contact-confirmed`, { token: policeToken }),
      200,
    );
    const done = await server.api<HandoffView>('POST', `/handoffs/${policeHandoff.id}/complete`, {
      token: policeToken,
    });
    expect(done.body.status).toBe('completed');
  });

  it('lets a coordinator cancel with a reason; the partner can no longer answer', async () => {
    const noReason = await server.api<ErrorBody>('POST', `/handoffs/${hospitalHandoff.id}/cancel`, {
      token: world.coordinator,
      body: {},
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details![0].field).toBe('reason');
    await expectStatus(
      server.api('POST', `/handoffs/${hospitalHandoff.id}/cancel`, {
        token: hospitals[5].token,
        body: { reason: 'x' },
      }),
      403,
    );
    const cancelled = await server.api<HandoffView>('POST', `/handoffs/${hospitalHandoff.id}/cancel`, {
      token: world.coordinator,
      body: { reason: 'Person calmed down, stays with family' },
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Person calmed down, stays with family',
    });
    await expectStatus(
      server.api('POST', `/handoffs/${hospitalHandoff.id}/accept`, { token: hospitals[5].token }),
      409,
    );
    await expectStatus(
      server.api('POST', `/handoffs/${hospitalHandoff.id}/cancel`, {
        token: world.coordinator,
        body: { reason: 'again' },
      }),
      409,
    );
  });
});

describe('HANDOFF_ANSWER_MINUTES', () => {
  it('raises handoff-unanswered for a request still unanswered when its durable timer fires, and stays quiet for an answered one', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127.0 } });
    const res = await bedRequest(incident.id, [hospitals[7].agency.id, hospitals[8].agency.id]);
    expect(res.status).toBe(201);
    const [unanswered, answered] = res.body.handoffs;
    const [timer] = await sql<{ due_at: Date }>(
      server,
      `SELECT due_at FROM timer WHERE kind = 'handoff-unanswered' AND ref_id = $1`,
      [unanswered.id],
    );
    const [row] = await sql<{ requested_at: Date }>(server, `SELECT requested_at FROM handoff WHERE id = $1`, [
      unanswered.id,
    ]);
    expect(timer.due_at.getTime() - row.requested_at.getTime()).toBe(3 * 60_000);
    const declined = await server.api('POST', `/handoffs/${answered.id}/decline`, {
      token: hospitals[8].token,
      body: { reasonCode: 'no-psychiatrist' },
    });
    expect(declined.status).toBe(200);

    const socket = await server.socket(world.coordinator);
    const seen = recordEvents(socket);
    const alert = nextEvent(
      socket,
      'alert.raised',
      (e) => e.data.kind === 'handoff-unanswered' && e.data.incidentId === incident.id,
    );
    // The answered handoff's timer was cancelled with its answer; the unanswered one is made due now.
    expect(await makeDue(server, 'handoff-unanswered', answered.id)).toBe(0);
    expect(await makeDue(server, 'handoff-unanswered', unanswered.id)).toBe(1);
    const raised = await alert;
    expect(raised.data).toMatchObject({ severity: 'warning', incidentId: incident.id });
    expect(raised.data.message).toContain('Hospital H-7');
    const alerts = await sql<{ n: number }>(
      server,
      `SELECT count(*)::int AS n FROM alert WHERE kind = 'handoff-unanswered' AND incident_id = $1`,
      [incident.id],
    );
    expect(alerts[0].n).toBe(1);
    expect(seen.filter((e) => e.type === 'alert.raised' && e.data.incidentId === incident.id)).toHaveLength(1);
  });

  it('stays quiet for a request whose incident was cancelled meanwhile', async () => {
    const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127.0 } });
    const res = await bedRequest(incident.id, [hospitals[2].agency.id]);
    expect(res.status).toBe(201);
    await expectStatus(
      server.api('POST', `/incidents/${incident.id}/cancel`, {
        token: world.coordinator,
        body: { reason: 'Duplicate of another call' },
      }),
      200,
    );
    expect(await makeDue(server, 'handoff-unanswered', res.body.handoffs[0].id)).toBe(1);
    await server.app.get(TimerRunner).tick();
    const [timer] = await sql<{ fired_at: Date | null }>(
      server,
      `SELECT fired_at FROM timer WHERE kind = 'handoff-unanswered' AND ref_id = $1`,
      [res.body.handoffs[0].id],
    );
    expect(timer.fired_at).not.toBeNull();
    const alerts = await sql<{ n: number }>(
      server,
      `SELECT count(*)::int AS n FROM alert WHERE kind = 'handoff-unanswered' AND incident_id = $1`,
      [incident.id],
    );
    expect(alerts[0].n).toBe(0);
  });

  it('refuses HANDOFF_ANSWER_MINUTES below 1 at start', async () => {
    const { loadConfig } = await import('../../apps/api/src/config/config.js');
    expect(() => loadConfig({ HANDOFF_ANSWER_MINUTES: '0' })).toThrow(/HANDOFF_ANSWER_MINUTES/);
    expect(loadConfig({}).handoffAnswerMinutes).toBe(10);
  });
});
