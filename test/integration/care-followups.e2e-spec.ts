import type { FollowUpView, ErrorBody, KpiReport, AlertEventData, EventEnvelope } from '#contracts';
import { nextEvent, recordEvents, startTestServer, type TestServer } from '../support/test-server.js';
import { auditRows, createIncident, INPUT_FOR, newCall, triageCall } from '../support/intake.js';
import { careWorld, registerClient, type CareWorld } from '../support/care.js';

// The follow-up queue (issue 9): live events to the centre and the control room only, attempts and completion,
// the overdue alert on a durable timer, the follow-up after an incident closes, the warm hand-back, the indicator.

let server: TestServer & { dropDatabase(): Promise<void> };
let w: CareWorld;
const NUMBER = '010-5151-0001';

beforeAll(async () => {
  server = await startTestServer();
  w = await careWorld(server);
  await registerClient(server, w.counselor.token, { name: 'Follow Me', phones: [NUMBER], regionId: w.north });
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

/** A C call from the registered client that ends without a dispatch: its follow-up goes to the north centre. */
async function endedCall(): Promise<string> {
  const call = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: NUMBER });
  await triageCall(server, w.counselor.token, call.id, INPUT_FOR.C);
  const end = await server.api('POST', `/calls/${call.id}/end`, {
    token: w.counselor.token,
    body: { outcome: 'closed-after-counselling' },
  });
  expect(end.status).toBe(200);
  return call.id;
}

const list = async (token: string, query = '') =>
  server.api<FollowUpView[] & ErrorBody>('GET', `/follow-ups${query}`, { token });

describe('the queue', () => {
  let followUp: FollowUpView;

  it('pushes follow-up.created to its centre and the control room, never to another centre', async () => {
    const [north, south, supervisor] = await Promise.all([
      server.socket(w.northUser.token),
      server.socket(w.southUser.token),
      server.socket(w.supervisor.token),
    ]);
    const southSeen = recordEvents(south);
    const arrivals = Promise.all([nextEvent(north, 'follow-up.created'), nextEvent(supervisor, 'follow-up.created')]);
    const callId = await endedCall();
    const [atCentre, atControl] = await arrivals;
    expect(atCentre.data).toMatchObject({
      status: 'open',
      source: 'call-ended',
      agencyId: w.centreNorth.id,
      category: 'C',
      attempts: 0,
      outcome: null,
    });
    expect(atControl.data.id).toBe(atCentre.data.id);
    // Ids and state only: no name or number in the event.
    expect(JSON.stringify(atCentre)).not.toMatch(/Follow Me|5151/);
    const mine = await list(w.northUser.token);
    followUp = mine.body.find((f) => f.id === atCentre.data.id)!;
    expect(followUp).toMatchObject({
      callId,
      status: 'open',
      person: { name: 'Follow Me', phone: NUMBER },
      attempts: [],
      overdue: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(southSeen.filter((e) => e.type.startsWith('follow-up.'))).toEqual([]);
    expect((await list(w.southUser.token)).body.map((f) => f.id)).not.toContain(followUp.id);
    expect((await list(w.hospitalUser.token)).status).toBe(403);
    // Listing names the person: logged with the client as subject.
    expect(
      (await auditRows(server, `action = 'follow-up.read' AND entity_id = $1`, [followUp.id])).map(
        (r) => r.actor_username,
      ),
    ).toEqual([w.northUser.username]);
  }, 30_000);

  it('sorts open follow-ups by due time', async () => {
    await endedCall();
    const open = (await list(w.coordinator.token, '?status=open')).body;
    const due = open.map((f) => f.dueAt);
    expect(due).toEqual([...due].sort());
    expect(open.every((f) => f.status === 'open')).toBe(true);
  }, 30_000);

  it('logs attempts (its centre only), pushes follow-up.updated, then completes once with an outcome', async () => {
    const south = await server.api('POST', `/follow-ups/${followUp.id}/attempts`, {
      token: w.southUser.token,
      body: { at: new Date().toISOString(), outcome: 'no-answer' },
    });
    expect(south.status).toBe(403);
    const bad = await server.api<ErrorBody>('POST', `/follow-ups/${followUp.id}/attempts`, {
      token: w.northUser.token,
      body: { at: new Date().toISOString(), outcome: 'voicemail' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('outcome');

    const socket = await server.socket(w.supervisor.token);
    const updated = nextEvent(socket, 'follow-up.updated', (e) => e.data.id === followUp.id);
    const at = new Date(Date.now() - 60_000).toISOString();
    const attempt = await server.api<FollowUpView>('POST', `/follow-ups/${followUp.id}/attempts`, {
      token: w.northUser.token,
      body: { at, outcome: 'no-answer', note: 'rang 8 times' },
    });
    expect(attempt.status).toBe(201);
    expect(attempt.body.attempts).toEqual([
      { id: expect.any(String), at, outcome: 'no-answer', note: 'rang 8 times', by: w.northUser.username },
    ]);
    expect((await updated).data).toMatchObject({ attempts: 1, status: 'open' });

    const counselorAttempt = await server.api<FollowUpView>('POST', `/follow-ups/${followUp.id}/attempts`, {
      token: w.counselor.token,
      body: { at: new Date().toISOString(), outcome: 'reached' },
    });
    expect(counselorAttempt.body.attempts.map((a) => a.outcome)).toEqual(['no-answer', 'reached']);

    const done = nextEvent(socket, 'follow-up.updated', (e) => e.data.id === followUp.id && e.data.status === 'done');
    const complete = await server.api<FollowUpView>('POST', `/follow-ups/${followUp.id}/complete`, {
      token: w.northUser.token,
      body: { outcome: 'linked-case-management' },
    });
    expect(complete.status).toBe(200);
    expect(complete.body).toMatchObject({ status: 'done', outcome: 'linked-case-management' });
    expect((await done).data.outcome).toBe('linked-case-management');
    expect(
      (
        await server.api('POST', `/follow-ups/${followUp.id}/complete`, {
          token: w.northUser.token,
          body: { outcome: 'stable' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await server.api('POST', `/follow-ups/${followUp.id}/attempts`, {
          token: w.northUser.token,
          body: { at, outcome: 'reached' },
        })
      ).status,
    ).toBe(409);
    // The overdue timer went with it.
    const timers = await server.dataSource.query<{ cancelled_at: Date | null }[]>(
      `SELECT cancelled_at FROM timer WHERE kind = 'follow-up.overdue' AND ref_id = $1`,
      [followUp.id],
    );
    expect(timers.map((t) => t.cancelled_at !== null)).toEqual([true]);
  }, 30_000);

  it('counts real completions in followUps.doneWithin24hShare', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const kpis = async () =>
      (
        await server.api<KpiReport>('GET', `/kpis?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
          token: w.supervisor.token,
        })
      ).body.followUps;
    const before = await kpis();
    const id = (await list(w.northUser.token)).body.find((f) => f.status === 'open')!.id;
    expect(
      (
        await server.api('POST', `/follow-ups/${id}/complete`, {
          token: w.northUser.token,
          body: { outcome: 'stable' },
        })
      ).status,
    ).toBe(200);
    const after = await kpis();
    expect(after.due).toBe(before.due);
    expect(after.doneWithin24hShare * after.due).toBeCloseTo(before.doneWithin24hShare * before.due + 1, 5);
  }, 30_000);
});

describe('overdue', () => {
  it('raises one follow-up-overdue alert to the centre and the supervisors from the durable timer', async () => {
    const [north, south, supervisor] = await Promise.all([
      server.socket(w.northUser.token),
      server.socket(w.southUser.token),
      server.socket(w.supervisor.token),
    ]);
    const created = nextEvent(north, 'follow-up.created');
    await endedCall();
    const id = (await created).data.id;
    const southSeen = recordEvents(south);
    const alerts = Promise.all([
      nextEvent(north, 'alert.raised', (e) => e.data.kind === 'follow-up-overdue'),
      nextEvent(supervisor, 'alert.raised', (e) => e.data.kind === 'follow-up-overdue'),
    ]);
    // The task's clock runs out: due and its timer moved into the past (the runner polls every 200 ms).
    await server.dataSource.query(`UPDATE follow_up SET due_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    await server.dataSource.query(
      `UPDATE timer SET due_at = now() - interval '1 minute' WHERE kind = 'follow-up.overdue' AND ref_id = $1`,
      [id],
    );
    const [atCentre, atSupervisor] = (await alerts) as EventEnvelope<'alert.raised'>[];
    expect(atCentre.data).toMatchObject<Partial<AlertEventData>>({
      kind: 'follow-up-overdue',
      severity: 'warning',
      regionId: w.north,
    });
    expect(atSupervisor.data.id).toBe(atCentre.data.id);
    expect(atCentre.data.message).not.toMatch(/Follow Me|5151/);
    expect((await list(w.northUser.token)).body.find((f) => f.id === id)!.overdue).toBe(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(southSeen.filter((e) => e.type === 'alert.raised')).toEqual([]);
    const rows = await server.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM alert WHERE kind = 'follow-up-overdue' AND dedupe_key = $1`,
      [`follow-up-overdue:${id}`],
    );
    expect(rows[0].n).toBe(1);
  }, 30_000);
});

describe('closed incidents and the warm hand-back', () => {
  async function incident(category: 'A' | 'B' | 'C' | 'D', callerNumber: string | null) {
    const call = await newCall(
      server,
      w.counselor.token,
      callerNumber ? { channel: 'phone', callerNumber } : { channel: 'phone' },
    );
    await triageCall(server, w.counselor.token, call.id, INPUT_FOR[category]);
    const inc = await createIncident(server, w.counselor.token, {
      callId: call.id,
      location: { lat: 37.45, lng: 127.0 },
      summary: 'talked down on the bridge',
    });
    expect(inc.status).toBe(201);
    return inc.body;
  }
  const close = (id: string) =>
    server.api('POST', `/incidents/${id}/close`, {
      token: w.coordinator.token,
      body: { disposition: 'stabilised-on-scene' },
    });

  it("creates a follow-up when an A–C incident closes (none for D), at the district's centre", async () => {
    const b = await incident('B', null);
    const socket = await server.socket(w.southUser.token);
    const created = nextEvent(socket, 'follow-up.created', (e) => e.data.incidentId === b.id);
    expect((await close(b.id)).status).toBe(200);
    expect((await created).data).toMatchObject({
      source: 'incident-closed',
      category: 'B',
      agencyId: w.centreSouth.id,
    });
    const d = await incident('D', null);
    expect((await close(d.id)).status).toBe(200);
    expect((await list(w.coordinator.token, `?status=all&incidentId=${d.id}`)).body).toEqual([]);
  }, 30_000);

  it("hands a closed incident back to the person's centre with a note: one task, with the incident summary in its view", async () => {
    const inc = await incident('C', NUMBER);
    expect(
      (
        await server.api('POST', `/incidents/${inc.id}/hand-back`, {
          token: w.coordinator.token,
          body: { note: 'too early' },
        })
      ).status,
    ).toBe(409);
    expect((await close(inc.id)).status).toBe(200);
    const wrongKind = await server.api<ErrorBody>('POST', `/incidents/${inc.id}/hand-back`, {
      token: w.coordinator.token,
      body: { note: 'x', agencyId: w.hospital.id },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.details![0].field).toBe('agencyId');
    expect(
      (await server.api('POST', `/incidents/${inc.id}/hand-back`, { token: w.counselor.token, body: { note: 'x' } }))
        .status,
    ).toBe(403);

    const socket = await server.socket(w.northUser.token);
    const updated = nextEvent(socket, 'follow-up.updated', (e) => e.data.incidentId === inc.id);
    const res = await server.api<FollowUpView>('POST', `/incidents/${inc.id}/hand-back`, {
      token: w.coordinator.token,
      body: { note: 'Please see him tomorrow; sister will be there' },
    });
    expect(res.status).toBe(201);
    // The client is registered with the north centre: the task goes there, not to the incident's district.
    expect(res.body).toMatchObject({
      agencyId: w.centreNorth.id,
      source: 'incident-closed',
      handBack: { note: 'Please see him tomorrow; sister will be there', by: w.coordinator.username },
      incident: {
        number: inc.number,
        category: 'C',
        summary: 'talked down on the bridge',
        disposition: 'stabilised-on-scene',
      },
      person: { name: 'Follow Me', phone: NUMBER },
    });
    expect((await updated).data.id).toBe(res.body.id);
    const forIncident = (await list(w.coordinator.token, `?status=all&incidentId=${inc.id}`)).body;
    expect(forIncident.map((f) => f.id)).toEqual([res.body.id]);
    expect((await list(w.northUser.token)).body.find((f) => f.id === res.body.id)?.handBack?.note).toMatch(/sister/);
    const timeline = await server.dataSource.query<
      {
        type: string;
      }[]
    >(`SELECT type FROM timeline WHERE incident_id = $1`, [inc.id]);
    expect(timeline.map((t) => t.type)).toContain('follow-up.handed-back');
  }, 30_000);

  it('creates the hand-back task when the incident had none (category D)', async () => {
    const inc = await incident('D', null);
    expect((await close(inc.id)).status).toBe(200);
    const res = await server.api<FollowUpView>('POST', `/incidents/${inc.id}/hand-back`, {
      token: w.coordinator.token,
      body: { note: 'known to the centre' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'hand-back', agencyId: w.centreSouth.id, category: 'D', status: 'open' });
  }, 30_000);
});
