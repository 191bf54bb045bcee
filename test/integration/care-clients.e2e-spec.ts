import {
  EMPTY_SAFETY_PLAN,
  type CallView,
  type ClientHistoryItem,
  type ClientSearchItem,
  type ClientView,
  type ErrorBody,
  type HandoffView,
} from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { auditRows, createIncident, INPUT_FOR, newCall, triageCall } from '../support/intake.js';
import { careWorld, CONSENT, registerClient, type CareWorld } from '../support/care.js';

// The client registry (issue 9): legal basis, search normalisation, per-centre scope, the access log of every search
// and read, the safety plan, the person's history and repeat contacts at the 30-day edge.

let server: TestServer & { dropDatabase(): Promise<void> };
let w: CareWorld;
let northClient: ClientView;
let southClient: ClientView;

beforeAll(async () => {
  server = await startTestServer();
  w = await careWorld(server);
  northClient = await registerClient(server, w.northUser.token, {
    name: 'Kim Haneul',
    phones: ['010-1234-5678', '02-555-0101'],
    birthYear: 1980,
  });
  southClient = await registerClient(server, w.counselor.token, {
    name: 'Kim Sora',
    phones: ['010-7777-0002'],
    regionId: w.south,
    caution: { weapon: true, note: 'dog in the flat' },
  });
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

const search = (token: string, q: string) =>
  server.api<ClientSearchItem[] & ErrorBody>('GET', `/clients?q=${encodeURIComponent(q)}`, { token });

describe('legal basis', () => {
  it('refuses a record without a basis, and a consent without its scope, naming the field', async () => {
    const none = await server.api<ErrorBody>('POST', '/clients', {
      token: w.counselor.token,
      body: { name: 'No Basis', phones: ['010-0000-1111'] },
    });
    expect(none.status).toBe(400);
    expect(none.body.details!.map((d) => d.field)).toContain('basis');
    const noScope = await server.api<ErrorBody>('POST', '/clients', {
      token: w.counselor.token,
      body: { name: 'No Scope', phones: ['010-0000-1112'], basis: { kind: 'consent', at: CONSENT.at } },
    });
    expect(noScope.status).toBe(400);
    expect(noScope.body.details!.map((d) => d.field)).toContain('basis.scope');
    expect(
      Number(
        (
          await server.dataSource.query<{ count: string }[]>(
            `SELECT count(*) FROM client WHERE display_name IN ('No Basis','No Scope')`,
          )
        )[0].count,
      ),
    ).toBe(0);
  });

  it('keeps a vital-interest basis with when and by whom (the signed-in user)', async () => {
    const c = await registerClient(server, w.supervisor.token, {
      name: 'Vital Interest',
      phones: [],
      basis: {
        kind: 'vital-interest',
        note: 'found on a bridge, refuses to give consent',
        at: '2026-02-01T03:10:00+09:00',
      },
    });
    expect(c.basis).toEqual({
      kind: 'vital-interest',
      scope: null,
      note: 'found on a bridge, refuses to give consent',
      at: '2026-01-31T18:10:00.000Z',
      recordedBy: { id: w.supervisor.id, name: w.supervisor.username },
    });
  });

  it('asks a record kept without a basis for one before any edit', async () => {
    const [{ id }] = await server.dataSource.query<[{ id: string }]>(
      `INSERT INTO client (display_name, phone_numbers, phone_digits) VALUES ('Legacy', '{}', '{}') RETURNING id`,
    );
    const bare = await server.api<ErrorBody>('PATCH', `/clients/${id}`, {
      token: w.counselor.token,
      body: { caseManager: 'CM Yoo' },
    });
    expect(bare.status).toBe(400);
    expect(bare.body.details![0].field).toBe('basis');
    const ok = await server.api<ClientView>('PATCH', `/clients/${id}`, {
      token: w.counselor.token,
      body: { caseManager: 'CM Yoo', basis: CONSENT },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      caseManager: 'CM Yoo',
      basis: { kind: 'consent', recordedBy: { id: w.counselor.id } },
    });
  });
});

describe('search', () => {
  it.each([
    '+82 10 1234 5678',
    '+82-10-1234-5678',
    '010 1234 5678',
    '01012345678',
    '0082 10 1234 5678',
    '5678',
    '(02) 555-0101',
  ])('finds the client by %s', async (q) => {
    const res = await search(w.counselor.token, q);
    expect(res.status).toBe(200);
    expect(res.body.map((c) => c.id)).toEqual([northClient.id]);
    expect(res.body[0]).toEqual({
      id: northClient.id,
      name: 'Kim Haneul',
      phone: '010-1234-5678',
      phones: ['010-1234-5678', '02-555-0101'],
      birthYear: 1980,
      registeredWithAgencyId: w.centreNorth.id,
      caution: { weapon: false, violence: false, note: null },
    });
  });

  it('finds by part of the name in any case, and nothing for a stranger', async () => {
    expect((await search(w.counselor.token, 'kim')).body.map((c) => c.name)).toEqual(['Kim Haneul', 'Kim Sora']);
    expect((await search(w.counselor.token, 'SORA')).body.map((c) => c.id)).toEqual([southClient.id]);
    expect((await search(w.counselor.token, '010-9999-0000')).body).toEqual([]);
    expect((await search(w.counselor.token, '%')).body).toEqual([]);
  });

  it('shows the caution (never a diagnosis) in the search row', async () => {
    const [row] = (await search(w.coordinator.token, 'Sora')).body;
    expect(row.caution).toEqual({ weapon: true, violence: false, note: 'dog in the flat' });
    expect(JSON.stringify(row)).not.toMatch(/riskFlags|safetyPlan/);
  });
});

describe('each centre sees and edits only its own clients', () => {
  it("registers a centre user's client with that centre and refuses another centre", async () => {
    expect(northClient.registeredWithAgencyId).toBe(w.centreNorth.id);
    // Registered by the hotline, the district decides: South's centre.
    expect(southClient.registeredWithAgencyId).toBe(w.centreSouth.id);
    const elsewhere = await server.api('POST', '/clients', {
      token: w.southUser.token,
      body: { name: 'Moved', phones: [], basis: CONSENT, registeredWithAgencyId: w.centreNorth.id },
    });
    expect(elsewhere.status).toBe(403);
  });

  it("finds nothing and gets 403 on another centre's client, and logs the refused read", async () => {
    expect((await search(w.southUser.token, '010-1234-5678')).body).toEqual([]);
    expect((await search(w.southUser.token, 'Kim')).body.map((c) => c.id)).toEqual([southClient.id]);
    const read = await server.api<ErrorBody>('GET', `/clients/${northClient.id}`, { token: w.southUser.token });
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain('Haneul');
    expect((await server.api('GET', `/clients/${northClient.id}/history`, { token: w.southUser.token })).status).toBe(
      403,
    );
    expect(
      (
        await server.api('PATCH', `/clients/${northClient.id}`, {
          token: w.southUser.token,
          body: { caseManager: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await server.api('PUT', `/clients/${northClient.id}/safety-plan`, {
          token: w.southUser.token,
          body: EMPTY_SAFETY_PLAN,
        })
      ).status,
    ).toBe(403);
    const refused = await auditRows(server, `action = 'client.read-refused' AND subject_id = $1`, [northClient.id]);
    expect(refused.map((r) => r.actor_username)).toEqual([w.southUser.username]);
    // The owning centre reads and edits it.
    const own = await server.api<ClientView>('PATCH', `/clients/${northClient.id}`, {
      token: w.northUser.token,
      body: { caseManager: 'CM Seo', caution: { violence: true } },
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ caseManager: 'CM Seo', caution: { weapon: false, violence: true, note: null } });
  });

  it('keeps other partners out of the registry', async () => {
    expect((await search(w.hospitalUser.token, 'Kim')).status).toBe(403);
    expect((await server.api('GET', `/clients/${northClient.id}`, { token: w.hospitalUser.token })).status).toBe(403);
  });
});

describe('access log', () => {
  it('writes one row per client shown by a search, one for an empty search, and one per read and history', async () => {
    const before = Number((await server.dataSource.query<{ m: string }[]>(`SELECT max(id) AS m FROM audit`))[0].m);
    await search(w.supervisor.token, 'kim');
    await search(w.supervisor.token, 'nobody-by-this-name');
    await server.api('GET', `/clients/${southClient.id}`, { token: w.supervisor.token });
    await server.api('GET', `/clients/${southClient.id}/history`, { token: w.supervisor.token });
    const rows = await auditRows(server, `id > $1 AND actor_username = $2`, [before, w.supervisor.username]);
    expect(rows.map((r) => [r.action, r.subject_id])).toEqual([
      ['client.searched', northClient.id],
      ['client.searched', southClient.id],
      ['client.searched', null],
      ['client.read', southClient.id],
      ['client.history-read', southClient.id],
    ]);
    expect(rows[2].details).toMatchObject({ results: 0 });
  });
});

describe('safety plan', () => {
  const plan = {
    warningSigns: ['Stops sleeping'],
    copingStrategies: ['Walk by the river'],
    socialContacts: ['Café downstairs'],
    helpContacts: ['Brother 010-0000-0093'],
    professionalContacts: ['Case manager', '1577-0199'],
    meansSafety: 'Pills kept by brother',
    reasonsForLiving: ['Daughter'],
  };

  it('stores the six Stanley–Brown steps and reasons for living, with when', async () => {
    const res = await server.api<ClientView>('PUT', `/clients/${northClient.id}/safety-plan`, {
      token: w.northUser.token,
      body: plan,
    });
    expect(res.status).toBe(200);
    expect(res.body.safetyPlan).toEqual(plan);
    expect(res.body.safetyPlanUpdatedAt).not.toBeNull();
    expect(
      (await auditRows(server, `action = 'client.safety-plan-updated' AND subject_id = $1`, [northClient.id])).length,
    ).toBe(1);
  });

  it('refuses a plan with a missing step or an unknown field, naming it', async () => {
    const { meansSafety: _omit, ...missing } = plan;
    const a = await server.api<ErrorBody>('PUT', `/clients/${northClient.id}/safety-plan`, {
      token: w.counselor.token,
      body: missing,
    });
    expect(a.status).toBe(400);
    expect(a.body.details![0].field).toBe('meansSafety');
    const b = await server.api<ErrorBody>('PUT', `/clients/${northClient.id}/safety-plan`, {
      token: w.counselor.token,
      body: { ...plan, diagnosis: 'x' },
    });
    expect(b.status).toBe(400);
    expect(b.body.details![0].field).toBe('diagnosis');
  });
});

describe('history and repeat contacts', () => {
  let client: ClientView;
  beforeAll(async () => {
    client = await registerClient(server, w.counselor.token, {
      name: 'Repeat Caller',
      phones: ['010-3030-3030'],
      regionId: w.north,
    });
    // Earlier calls from the number, written straight into the table with their times: one just inside the
    // 30-day window, one just outside, one three days ago.
    await server.dataSource.query(
      `INSERT INTO call (status, channel, caller_number, caller_digits, received_at, answered_at, ended_at, outcome, client_id)
       VALUES ('ended','phone','010-3030-3030','01030303030', now() - interval '30 days' + interval '2 minutes', NULL, now() - interval '29 days', 'information-given', $1),
              ('ended','phone','010-3030-3030','01030303030', now() - interval '30 days' - interval '2 minutes', NULL, now() - interval '30 days', 'information-given', $1),
              ('ended','phone','010 3030 3030','01030303030', now() - interval '3 days', NULL, now() - interval '3 days', 'closed-after-counselling', NULL)`,
      [client.id],
    );
  });

  it('flags a call from the number with the earlier contacts of the last 30 days (the edge included) and the last outcome', async () => {
    const call = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '+82 10 3030 3030' });
    expect(call.repeatContact).toMatchObject({ count30d: 2, count7d: 1, lastOutcome: 'closed-after-counselling' });
    expect(Date.now() - Date.parse(call.repeatContact!.lastAt)).toBeGreaterThan(3 * 86_400_000 - 60_000);
    // GET /calls/:id says the same; the next call counts this one too.
    expect(
      (await server.api<CallView>('GET', `/calls/${call.id}`, { token: w.counselor.token })).body.repeatContact,
    ).toMatchObject({ count30d: 2 });
    const next = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '010-3030-3030' });
    expect(next.repeatContact).toMatchObject({ count30d: 3, count7d: 2, lastOutcome: null });
  });

  it('does not flag an unregistered number', async () => {
    await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '010-4040-4040' });
    const again = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '010-4040-4040' });
    expect(again.repeatContact).toBeNull();
  });

  it("lists the person's calls, incidents, handoffs and follow-ups newest first", async () => {
    const call = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '010-3030-3030' });
    await triageCall(server, w.counselor.token, call.id, INPUT_FOR.C);
    const incident = await createIncident(server, w.counselor.token, {
      callId: call.id,
      location: { lat: 37.65, lng: 127.0 },
      summary: 'on the roof',
    });
    expect(incident.status).toBe(201);
    const handoff = await server.api<HandoffView>('POST', `/incidents/${incident.body.id}/handoffs`, {
      token: w.coordinator.token,
      body: { agencyId: w.hospital.id, kind: 'hospital', reason: 'assessment' },
    });
    expect(handoff.status).toBe(201);
    // A C call that ends without a dispatch leaves a follow-up for the client's centre.
    const ended = await newCall(server, w.counselor.token, { channel: 'phone', callerNumber: '010-3030-3030' });
    await triageCall(server, w.counselor.token, ended.id, INPUT_FOR.C);
    const end = await server.api('POST', `/calls/${ended.id}/end`, {
      token: w.counselor.token,
      body: { outcome: 'closed-after-counselling' },
    });
    expect(end.status).toBe(200);
    const res = await server.api<ClientHistoryItem[]>('GET', `/clients/${client.id}/history`, {
      token: w.northUser.token,
    });
    expect(res.status).toBe(200);
    const kinds = res.body.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'incident')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'call').length).toBeGreaterThanOrEqual(4);
    const times = res.body.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const at = expect.any(String);
    expect(res.body.find((i) => i.kind === 'incident')).toEqual({
      kind: 'incident',
      id: incident.body.id,
      at,
      number: incident.body.number,
      category: 'C',
      status: incident.body.status,
      disposition: null,
      summary: 'on the roof',
    });
    expect(res.body.find((i) => i.id === call.id)).toEqual({
      kind: 'call',
      id: call.id,
      at,
      channel: 'phone',
      category: 'C',
      outcome: null,
      incidentId: incident.body.id,
    });
    expect(res.body.find((i) => i.id === ended.id)).toMatchObject({
      kind: 'call',
      outcome: 'closed-after-counselling',
    });
    expect(res.body.find((i) => i.kind === 'handoff')).toEqual({
      kind: 'handoff',
      id: handoff.body.id,
      at,
      incidentId: incident.body.id,
      agencyId: w.hospital.id,
      agencyName: w.hospital.name,
      agencyKind: 'hospital',
      status: 'requested',
    });
    expect(res.body.find((i) => i.kind === 'follow-up')).toEqual({
      kind: 'follow-up',
      id: expect.any(String),
      at,
      dueAt: at,
      status: 'open',
      outcome: null,
      agencyId: w.centreNorth.id,
      attempts: 0,
    });
  });
});
