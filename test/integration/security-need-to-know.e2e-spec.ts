import type { AgencyView, ErrorBody, FieldIncidentView, HandoffView, IncidentDetail, IncidentView } from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  buildWorld,
  createIncident,
  createPoliceStation,
  createTeam,
  type TeamHandle,
  type World,
} from '../support/dispatch-world.js';

// Need-to-know for responders (issue 11): team A's phone reads its incident in the field view; team B's phone, and a
// team that declined the offer, get 403 or nothing on every route that shows an incident.

let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;
let a: TeamHandle;
let b: TeamHandle;
let declined: TeamHandle;
let incident: IncidentView;
let police: AgencyView;
let handoff: HandoffView;

const SUMMARY = 'Person on the bridge railing, agitated, shouting at passers-by';
// The family's callback (issue 13 item 4): the team may need it; the call's notes stay with the hotline.
const CALLER = { callerNumber: '010-4444-0101', callerRelation: 'sister', notes: 'He stopped his medication in May' };

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const base = { lat: 37.6, lng: 127.0 };
  a = await createTeam(server, world, { regionId: world.regions.north, base });
  // Off duty: a category B decline is re-offered at once to the next team on duty (issue 13), which must be team A.
  b = await createTeam(server, world, { regionId: world.regions.north, base, onDuty: false });
  declined = await createTeam(server, world, { regionId: world.regions.north, base });
  police = await createPoliceStation(server, world, world.regions.north, base);
  incident = await createIncident(server, world, {
    category: 'B',
    danger: true,
    location: { ...base, address: '1 Bridge-ro' },
    caller: CALLER,
  });
  // The summary is written by the counselor; set it here through the row so the test does not depend on the form.
  await server.dataSource.query(`UPDATE incident SET summary = $2 WHERE id = $1`, [incident.id, SUMMARY]);

  const offerTo = async (t: TeamHandle): Promise<string> => {
    const res = await server.api<{ id: string }>('POST', `/incidents/${incident.id}/dispatches`, {
      token: world.coordinator,
      body: { teamId: t.team.id },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  expect(
    (
      await server.api('POST', `/dispatches/${await offerTo(declined)}/decline`, {
        token: declined.token,
        body: { reason: 'Too far away' },
      })
    ).status,
  ).toBe(200);
  const reoffered = await server.api<{ id: string }[]>('GET', `/dispatches?teamId=${a.team.id}&status=offered`, {
    token: a.token,
  });
  expect(reoffered.body).toHaveLength(1);
  expect((await server.api('POST', `/dispatches/${reoffered.body[0].id}/accept`, { token: a.token })).status).toBe(200);
  const h = await server.api<HandoffView>('POST', `/incidents/${incident.id}/handoffs`, {
    token: world.coordinator,
    body: { agencyId: police.id, kind: 'police', reason: 'Secure the bridge' },
  });
  expect(h.status).toBe(201);
  handoff = h.body;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await server?.dropDatabase();
});

describe('a team reads only its own incidents, and only what the field needs', () => {
  it('gives team A the field view: where, what, cautions, what is asked, the summary; nothing clinical', async () => {
    const res = await server.api<FieldIncidentView>('GET', `/incidents/${incident.id}`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      view: 'field',
      id: incident.id,
      category: 'B',
      location: { lat: 37.6, lng: 127.0, address: '1 Bridge-ro' },
      summary: SUMMARY,
      teamId: a.team.id,
      handoffs: [{ id: handoff.id, agencyId: police.id, kind: 'police', status: 'requested' }],
      callback: { number: CALLER.callerNumber, relation: CALLER.callerRelation },
    });
    expect(res.body.cautions).toEqual([{ code: 'harm-to-others-imminent', severity: 'highest' }]);
    expect(res.body.dispatches.map((d) => d.teamId)).toEqual([a.team.id]);
    for (const key of ['clientId', 'triage', 'timeline', 'callIds', 'milestones', 'notes', 'callerNumber'])
      expect(res.body).not.toHaveProperty(key);
    expect(JSON.stringify(res.body)).not.toMatch(/cssrs|harmToOthers|Secure the bridge|Too far away|medication/);
    // The coordinator still reads everything.
    const full = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
    expect(full.body.timeline.length).toBeGreaterThan(0);
    expect(full.body.triage?.input.harmToOthers).toBe('imminent');
    expect(full.body.callback).toEqual({ number: CALLER.callerNumber, relation: CALLER.callerRelation });
  });

  it('lists the incident for team A only', async () => {
    const ids = async (token: string): Promise<string[]> =>
      (await server.api<IncidentView[]>('GET', '/incidents?status=active', { token })).body.map((i) => i.id);
    expect(await ids(a.token)).toEqual([incident.id]);
    expect(await ids(b.token)).toEqual([]);
    expect(await ids(declined.token)).toEqual([]);
    expect(await ids(world.coordinator)).toContain(incident.id);
  });

  it('refuses team B (and the team that declined) on the detail, handoffs, EIDO and FHIR routes', async () => {
    for (const t of [b, declined]) {
      const detail = await server.api<ErrorBody>('GET', `/incidents/${incident.id}`, { token: t.token });
      expect(detail.status).toBe(403);
      expect(detail.body.code).toBe('FORBIDDEN');
      expect(
        (await server.api<HandoffView[]>('GET', `/handoffs?incidentId=${incident.id}`, { token: t.token })).body,
      ).toEqual([]);
      expect((await server.api<HandoffView[]>('GET', '/handoffs', { token: t.token })).body).toEqual([]);
      expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: t.token })).status).toBe(403);
      expect((await server.api('GET', `/handoffs/${handoff.id}/fhir`, { token: t.token })).status).toBe(403);
    }
  });

  it('lets team A read the handoffs and the EIDO of its incident, and audits the field read', async () => {
    const list = await server.api<HandoffView[]>('GET', `/handoffs?incidentId=${incident.id}`, { token: a.token });
    expect(list.body.map((h) => h.id)).toEqual([handoff.id]);
    expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: a.token })).status).toBe(200);
    const rows = await server.dataSource.query<{ details: { view?: string } }[]>(
      `SELECT details FROM audit WHERE action = 'incident.read' AND entity_id = $1 AND actor_role = 'responder'`,
      [incident.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.details.view === 'field')).toBe(true);
  });

  it('keeps a team that has cleared able to read the incident it worked (it "was dispatched")', async () => {
    await server.dataSource.query(`UPDATE dispatch SET status = 'cleared' WHERE incident_id = $1 AND team_id = $2`, [
      incident.id,
      a.team.id,
    ]);
    await server.dataSource.query(`UPDATE incident SET team_id = NULL WHERE id = $1`, [incident.id]);
    expect((await server.api('GET', `/incidents/${incident.id}`, { token: a.token })).status).toBe(200);
    expect((await server.api('GET', `/incidents/${incident.id}`, { token: b.token })).status).toBe(403);
  });
});
