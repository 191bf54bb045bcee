import type {
  CallView,
  ClientView,
  ErrorBody,
  LoginResponse,
  RegionCollection,
  TelephonyIncomingResponse,
} from '#contracts';
import { signBody } from '../../apps/api/src/telephony/signature.js';
import { nextEvent, recordEvents, startTestServer, type TestServer } from '../support/test-server.js';
import { importSquareRegion } from '../support/fixtures.js';
import { auditRows, INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { expectStatus } from '../support/expect-status.js';

// Calls: creation (idempotent), the queue, known callers and the audit of their records, ownership and
// takeover, the live feed, and the signed telephony webhook.

const SECRET = 'pbx-shared-secret-for-tests';
let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;
let counselor: { id: string; token: string; username: string };
let counselor2: { id: string; token: string; username: string };
let supervisor: { id: string; token: string; username: string };
let coordinator: { id: string; token: string; username: string };
let regionId: string;
let client: ClientView;
let sharedA: ClientView;
let sharedB: ClientView;

beforeAll(async () => {
  server = await startTestServer({ TELEPHONY_SECRET: SECRET });
  admin = await server.login('admin');
  counselor = await makeUser(server, admin.accessToken, 'counselor');
  counselor2 = await makeUser(server, admin.accessToken, 'counselor');
  supervisor = await makeUser(server, admin.accessToken, 'supervisor');
  coordinator = await makeUser(server, admin.accessToken, 'coordinator');
  await importSquareRegion(server, admin.accessToken, 'C1', 'Central', 37.56, 126.98);
  regionId = (await server.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body.features[0].id;
  const mk = async (body: Record<string, unknown>): Promise<ClientView> => {
    const res = await server.api<ClientView>('POST', '/clients', {
      token: supervisor.token,
      body: { basis: { kind: 'consent', scope: 'case management', at: '2026-01-05T09:00:00+09:00' }, ...body },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  client = await mk({
    name: 'Test Client One',
    phones: ['010-0000-0011'],
    regionId,
    caseManager: 'CM Park',
    riskFlags: ['prior-attempt', 'violence'],
    guardianContact: 'Sister 010-0000-0099',
    birthYear: 1990,
  });
  const plan = {
    warningSigns: [],
    copingStrategies: [],
    socialContacts: [],
    helpContacts: [],
    professionalContacts: [],
    meansSafety: 'Call sister; walk.',
  };
  await expectStatus(
    server.api('PUT', `/clients/${client.id}/safety-plan`, { token: supervisor.token, body: plan }),
    200,
  );
  // Two people on one line (a group home): both are shown, neither is linked automatically.
  sharedA = await mk({ name: 'Shared Line A', phones: ['02-0000-0077'] });
  sharedB = await mk({ name: 'Shared Line B', phones: ['+82 2 0000 0077'] });
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

describe('POST /calls', () => {
  it('creates an active call owned by the counselor, with receivedAt and answeredAt', async () => {
    const res = await server.api<CallView>('POST', '/calls', {
      token: counselor.token,
      body: { channel: 'text', notes: 'texting from school' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'active',
      channel: 'text',
      counselorId: counselor.id,
      clientMatches: [],
      triage: null,
      incidentId: null,
    });
    expect(res.body.answeredAt).toBe(res.body.receivedAt);
    expect(Date.now() - Date.parse(res.body.receivedAt)).toBeLessThan(10_000);
  });

  it('accepts every channel and refuses others with 400 naming the field', async () => {
    for (const channel of ['phone', 'text', 'police', 'fire', 'walk-in']) {
      await expectStatus(server.api('POST', '/calls', { token: counselor.token, body: { channel } }), 201);
    }
    const bad = await server.api<ErrorBody>('POST', '/calls', {
      token: counselor.token,
      body: { channel: 'fax', callerNumber: 'abc', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details!.map((d) => d.field).sort()).toEqual(['callerNumber', 'channel', 'extra']);
  });

  it('is for counselors only', async () => {
    await expectStatus(server.api('POST', '/calls', { token: coordinator.token, body: { channel: 'phone' } }), 403);
    await expectStatus(server.api('POST', '/calls', { body: { channel: 'phone' } }), 401);
  });

  it('returns the same call for a retry with the same Idempotency-Key (201 both times, one row)', async () => {
    const key = `retry-${Date.now()}`;
    const body = { channel: 'phone', callerNumber: '010-5555-1234', notes: 'first attempt' };
    const first = await server.api<CallView>('POST', '/calls', {
      token: counselor.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const second = await server.api<CallView>('POST', '/calls', {
      token: counselor.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const rows = await server.dataSource.query<unknown[]>(`SELECT id FROM call WHERE idempotency_key = $1`, [key]);
    expect(rows).toHaveLength(1);
    const events = await server.dataSource.query<unknown[]>(
      `SELECT seq FROM event WHERE type = 'call.created' AND data->>'id' = $1`,
      [first.body.id],
    );
    expect(events).toHaveLength(1);
  });

  it('settles concurrent retries with the same key in the database: one call', async () => {
    const key = `race-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        server.api<CallView>('POST', '/calls', {
          token: counselor.token,
          body: { channel: 'phone' },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses a key reused with a different body (409) and scopes keys per counselor', async () => {
    const key = `reuse-${Date.now()}`;
    const first = await server.api<CallView>('POST', '/calls', {
      token: counselor.token,
      body: { channel: 'phone' },
      headers: { 'Idempotency-Key': key },
    });
    const other = await server.api<ErrorBody>('POST', '/calls', {
      token: counselor.token,
      body: { channel: 'text' },
      headers: { 'Idempotency-Key': key },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('CONFLICT');
    // Another counselor's identical key is their own request, not a replay of someone else's call.
    const mine = await server.api<CallView>('POST', '/calls', {
      token: counselor2.token,
      body: { channel: 'phone' },
      headers: { 'Idempotency-Key': key },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.id).not.toBe(first.body.id);
    const bad = await server.api<ErrorBody>('POST', '/calls', {
      token: counselor.token,
      body: { channel: 'phone' },
      headers: { 'Idempotency-Key': 'has spaces' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('Idempotency-Key');
  });
});

describe('known callers', () => {
  it('matches the client whether the number is written +82 10… or 010…, and links the single match', async () => {
    for (const callerNumber of ['+82 10-0000-0011', '010 0000 0011', '01000000011']) {
      const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber });
      expect(call.clientMatches).toEqual([
        { id: client.id, displayName: 'Test Client One', regionId, riskFlags: ['prior-attempt', 'violence'] },
      ]);
      expect(call.clientId).toBe(client.id);
      // Minimal fields only: the safety plan and guardian stay behind GET /clients/:id.
      expect(Object.keys(call.clientMatches[0]).sort()).toEqual(['displayName', 'id', 'regionId', 'riskFlags']);
    }
    const stranger = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-9999-0011' });
    expect(stranger.clientMatches).toEqual([]);
    expect(stranger.clientId).toBeNull();
  });

  it('shows every client of a shared line without linking, and lets the counselor link one', async () => {
    const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '(02) 0000-0077' });
    expect(call.clientMatches.map((m) => m.id).sort()).toEqual([sharedA.id, sharedB.id].sort());
    expect(call.clientId).toBeNull();
    const linked = await server.api<CallView>('POST', `/calls/${call.id}/client`, {
      token: counselor.token,
      body: { clientId: sharedB.id },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.clientId).toBe(sharedB.id);
    const audit = await auditRows(server, `action = 'call.client-linked' AND entity_id = $1`, [call.id]);
    expect(audit.map((a) => a.subject_id)).toEqual([sharedB.id]);
    const unknown = await server.api<ErrorBody>('POST', `/calls/${call.id}/client`, {
      token: counselor.token,
      body: { clientId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details![0].field).toBe('clientId');
  });

  it('audits every read of a client record with the client as subject', async () => {
    const res = await server.api<ClientView>('GET', `/clients/${client.id}`, {
      token: coordinator.token,
      headers: { 'user-agent': 'pipa-check' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: client.id,
      safetyPlan: { meansSafety: 'Call sister; walk.' },
      guardianContact: 'Sister 010-0000-0099',
      caseManager: 'CM Park',
    });
    const rows = await server.dataSource.query<
      { actor_username: string; subject_id: string; ip: string; user_agent: string }[]
    >(
      `SELECT actor_username, subject_id, entity_id, ip, user_agent FROM audit WHERE action = 'client.read' AND subject_id = $1`,
      [client.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_username: coordinator.username,
      subject_id: client.id,
      user_agent: 'pipa-check',
    });
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
    await expectStatus(server.api('GET', `/clients/${client.id}`, { token: admin.accessToken }), 403);
    await expectStatus(
      server.api('GET', `/clients/00000000-0000-4000-8000-000000000000`, { token: counselor.token }),
      404,
    );
  });

  it('audits GET /calls/:id with the linked client as subject, and logs other clients shown as matches', async () => {
    const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-0000-0011' });
    const before = await auditRows(server, `action = 'call.read' AND entity_id = $1`, [call.id]);
    expect(before).toHaveLength(0);
    const res = await server.api<CallView>('GET', `/calls/${call.id}`, { token: supervisor.token });
    expect(res.status).toBe(200);
    expect(res.body.callerNumber).toBe('010-0000-0011');
    const rows = await auditRows(server, `action = 'call.read' AND entity_id = $1`, [call.id]);
    expect(rows).toEqual([expect.objectContaining({ actor_username: supervisor.username, subject_id: client.id })]);

    const shared = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '02-0000-0077' });
    await server.api('GET', `/calls/${shared.id}`, { token: coordinator.token });
    const read = await auditRows(server, `action = 'call.read' AND entity_id = $1`, [shared.id]);
    expect(read.map((r) => r.subject_id)).toEqual([null]);
    const shown = await auditRows(server, `action = 'client.match-shown' AND entity_id = $1 AND actor_username = $2`, [
      shared.id,
      coordinator.username,
    ]);
    expect(shown.map((r) => r.subject_id).sort()).toEqual([sharedA.id, sharedB.id].sort());
  });
});

describe('the queue and ownership', () => {
  it('lists ringing and active calls without personal fields, oldest first', async () => {
    const call = await newCall(server, counselor.token, {
      channel: 'phone',
      callerNumber: '010-0000-0011',
      notes: 'private',
    });
    const res = await server.api<CallView[]>('GET', '/calls?status=ringing,active', { token: coordinator.token });
    expect(res.status).toBe(200);
    const row = res.body.find((c) => c.id === call.id)!;
    expect(row).toMatchObject({ status: 'active', callerNumber: null, notes: null, clientMatches: [], triage: null });
    const times = res.body.map((c) => c.receivedAt);
    expect(times).toEqual([...times].sort());
    expect(res.body.every((c) => c.status !== 'ended')).toBe(true);
    const bad = await server.api<ErrorBody>('GET', '/calls?status=lost', { token: counselor.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toMatch(/^status/);
  });

  it('refuses another counselor on an active call (403) until an explicit, recorded takeover', async () => {
    const call = await newCall(server, counselor.token);
    const sock = await server.socket(counselor.token);
    const triage = await server.api<ErrorBody>('POST', `/calls/${call.id}/triage`, {
      token: counselor2.token,
      body: INPUT_FOR.D,
    });
    expect(triage.status).toBe(403);
    expect(triage.body.code).toBe('FORBIDDEN');
    await expectStatus(
      server.api('POST', `/calls/${call.id}/end`, { token: counselor2.token, body: { outcome: 'information-given' } }),
      403,
    );
    await expectStatus(
      server.api('POST', `/calls/${call.id}/triage/override`, {
        token: counselor2.token,
        body: { category: 'A', reason: 'xyz' },
      }),
      403,
    );
    await expectStatus(server.api('POST', `/calls/${call.id}/answer`, { token: counselor2.token }), 409);
    const noReason = await server.api<ErrorBody>('POST', `/calls/${call.id}/takeover`, {
      token: counselor2.token,
      body: {},
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details![0].field).toBe('reason');

    const updated = nextEvent(
      sock,
      'call.updated',
      (e) => e.data.id === call.id && e.data.counselorId === counselor2.id,
    );
    const took = await server.api<CallView>('POST', `/calls/${call.id}/takeover`, {
      token: counselor2.token,
      body: { reason: 'first counselor went offline' },
    });
    expect(took.status).toBe(200);
    expect(took.body.counselorId).toBe(counselor2.id);
    expect((await updated).data).toMatchObject({ status: 'active', counselorId: counselor2.id });
    const audit = await auditRows(server, `action = 'call.taken-over' AND entity_id = $1`, [call.id]);
    expect(audit).toEqual([
      expect.objectContaining({
        actor_username: counselor2.username,
        details: { fromCounselorId: counselor.id, reason: 'first counselor went offline' },
      }),
    ]);
    // Now the new owner may act and the former owner may not.
    await expectStatus(
      server.api('POST', `/calls/${call.id}/triage`, { token: counselor2.token, body: INPUT_FOR.G }),
      201,
    );
    await expectStatus(
      server.api('POST', `/calls/${call.id}/triage`, { token: counselor.token, body: INPUT_FOR.G }),
      403,
    );
  });

  it('ends a call with an outcome once; a second end is a 409', async () => {
    const call = await newCall(server, counselor.token);
    const bad = await server.api<ErrorBody>('POST', `/calls/${call.id}/end`, {
      token: counselor.token,
      body: { outcome: 'hung-up' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('outcome');
    const ended = await server.api<CallView>('POST', `/calls/${call.id}/end`, {
      token: counselor.token,
      body: { outcome: 'closed-after-counselling', notes: 'calmer' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', outcome: 'closed-after-counselling' });
    expect(Date.parse(ended.body.endedAt!)).toBeGreaterThanOrEqual(Date.parse(ended.body.answeredAt!));
    const again = await server.api<ErrorBody>('POST', `/calls/${call.id}/end`, {
      token: counselor.token,
      body: { outcome: 'information-given' },
    });
    expect(again.status).toBe(409);
    await expectStatus(
      server.api('POST', `/calls/${call.id}/triage`, { token: counselor.token, body: INPUT_FOR.D }),
      409,
    );
  });
});

describe('live feed', () => {
  it('pushes call.created and call.updated to counselors without personal data', async () => {
    const sock = await server.socket(counselor2.token);
    const seen = recordEvents(sock);
    const created = nextEvent(sock, 'call.created', (e) => e.data.channel === 'walk-in');
    const call = await newCall(server, counselor.token, {
      channel: 'walk-in',
      callerNumber: '010-0000-0011',
      notes: 'secret note',
    });
    const env = await created;
    expect(env.data).toMatchObject({
      id: call.id,
      status: 'active',
      counselorId: counselor.id,
      category: null,
      incidentId: null,
    });
    const updated = nextEvent(sock, 'call.updated', (e) => e.data.id === call.id && e.data.category === 'C');
    await triageCall(server, counselor.token, call.id, INPUT_FOR.C);
    await updated;
    const text = JSON.stringify(seen.filter((e) => 'id' in e.data && e.data.id === call.id));
    for (const secret of ['010-0000-0011', '01000000011', 'secret note', 'Test Client One', client.id])
      expect(text).not.toContain(secret);
  });
});

describe('telephony webhook', () => {
  const now = (): number => Math.floor(Date.now() / 1000);
  const post = (body: unknown, signature?: string, timestamp = now()) => {
    const raw = JSON.stringify(body);
    const sig = signature === undefined ? signBody(SECRET, raw, timestamp) : signature;
    return server.api<TelephonyIncomingResponse & ErrorBody>('POST', '/telephony/incoming', {
      body: raw,
      headers: { 'x-timestamp': String(timestamp), ...(sig ? { 'x-signature': sig } : {}) },
    });
  };

  it('creates a ringing call with no owner from a signed push, live to counselors, idempotent by externalId', async () => {
    const sock = await server.socket(counselor.token);
    const externalId = `pbx-${Date.now()}`;
    const created = nextEvent(sock, 'call.created', (e) => e.data.status === 'ringing');
    const res = await post({ callerNumber: '+82-10-0000-0011', externalId });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('ringing');
    expect(Object.keys(res.body).sort()).toEqual(['id', 'receivedAt', 'status']);
    expect((await created).data).toMatchObject({ id: res.body.id, counselorId: null, answeredAt: null });
    const again = await post({ callerNumber: '+82-10-0000-0011', externalId });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const view = await server.api<CallView>('GET', `/calls/${res.body.id}`, { token: counselor.token });
    expect(view.body).toMatchObject({ status: 'ringing', counselorId: null, clientId: client.id });
    // Answering takes it; a second counselor's answer is refused.
    const answered = await server.api<CallView>('POST', `/calls/${res.body.id}/answer`, { token: counselor.token });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'active', counselorId: counselor.id });
    expect(answered.body.answeredAt).not.toBeNull();
    await expectStatus(server.api('POST', `/calls/${res.body.id}/answer`, { token: counselor2.token }), 409);
    const audit = await auditRows(server, `action = 'call.created' AND entity_id = $1`, [res.body.id]);
    expect(audit[0]).toMatchObject({ actor_username: 'telephony', subject_id: client.id });
  });

  it('refuses a missing or wrong signature with 401 and a bad body with 400', async () => {
    expect((await post({ callerNumber: '010-1111-2222' }, '')).status).toBe(401);
    expect(
      (
        await post(
          { callerNumber: '010-1111-2222' },
          signBody('wrong-secret', '{"callerNumber":"010-1111-2222"}', now()),
        )
      ).status,
    ).toBe(401);
    // A signature over other bytes (same JSON, different spacing) does not match.
    expect(
      (await post({ callerNumber: '010-1111-2222' }, signBody(SECRET, '{ "callerNumber": "010-1111-2222" }', now())))
        .status,
    ).toBe(401);
    // A correctly signed request captured and replayed after the allowed skew is refused.
    const stale = now() - 10 * 60;
    expect(
      (
        await post(
          { callerNumber: '010-1111-2222' },
          signBody(SECRET, '{"callerNumber":"010-1111-2222"}', stale),
          stale,
        )
      ).status,
    ).toBe(401);
    const bad = await post({ callerNumber: 'nope', receivedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.details!.map((d) => d.field).sort()).toEqual(['callerNumber', 'receivedAt']);
  });

  it('keeps the PBX receivedAt so waiting time counts from the first ring', async () => {
    const receivedAt = new Date(Date.now() - 45_000).toISOString();
    const res = await post({ callerNumber: '010-2222-3333', receivedAt });
    expect(res.status).toBe(201);
    expect(res.body.receivedAt).toBe(receivedAt);
  });
});
