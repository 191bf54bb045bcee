import type {
  AuditRowView,
  CallView,
  ClientView,
  DispatchView,
  ErrorBody,
  IncidentView,
  UnusualAccessReport,
} from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  buildWorld,
  createTeam,
  createUser,
  sql,
  triageFor,
  type TeamHandle,
  type World,
} from '../support/dispatch-world.js';

// The PIPA access-log review: GET /audit with its filters, the unusual-access list, and that every query of the
// log is itself audited. The history is made through the API by real users reading a person's record.

let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;
let supervisor: string;
let supervisorId: string;
let client: ClientView;
let incident: IncidentView;
let call: CallView;
let stranger: string;
let strangerId: string;
let offDuty: TeamHandle;
let sentTeam: TeamHandle;
let startedAt: string;

const NORTH = { lat: 37.6, lng: 127.0 };
const qs = (o: Record<string, string>): string => '?' + new URLSearchParams(o).toString();
const userId = async (token: string): Promise<string> =>
  (await server.api<{ id: string }>('GET', '/auth/me', { token })).body.id;

async function ok<T>(p: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const r = await p;
  expect(r.status).toBe(status);
  return r.body;
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  supervisor = await createUser(server, world.admin, 'supervisor');
  supervisorId = await userId(supervisor);
  stranger = await createUser(server, world.admin, 'coordinator');
  strangerId = await userId(stranger);
  offDuty = await createTeam(server, world, { regionId: world.regions.north, base: NORTH, onDuty: false });
  sentTeam = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
  startedAt = new Date().toISOString();

  // The hotline's way: a registered person calls, the counselor links the call, triages it and makes an incident,
  // and the coordinator sends a team.
  client = await ok(
    server.api<ClientView>('POST', '/clients', {
      token: supervisor,
      body: {
        name: 'Kim Access',
        phones: ['010-5555-0101'],
        basis: { kind: 'consent', scope: 'crisis line and follow-up', at: '2026-01-02T09:00:00+09:00' },
      },
    }),
    201,
  );
  call = await ok(server.api<CallView>('POST', '/calls', { token: world.counselor, body: { channel: 'phone' } }), 201);
  await ok(
    server.api('POST', `/calls/${call.id}/client`, { token: world.counselor, body: { clientId: client.id } }),
    200,
  );
  await ok(server.api('POST', `/calls/${call.id}/triage`, { token: world.counselor, body: triageFor('C') }), 201);
  incident = await ok(
    server.api<IncidentView>('POST', '/incidents', {
      token: world.counselor,
      body: { callId: call.id, location: NORTH },
    }),
    201,
  );
  await ok(
    server.api<DispatchView>('POST', `/incidents/${incident.id}/dispatches`, {
      token: world.coordinator,
      body: { teamId: sentTeam.team.id },
    }),
    201,
  );

  // Reads of the person's record.
  await ok(server.api('GET', `/calls/${call.id}`, { token: world.counselor }), 200); // had the call
  await ok(server.api('GET', `/incidents/${incident.id}`, { token: sentTeam.token }), 200); // the team sent, on shift
  await ok(server.api('GET', `/incidents/${incident.id}`, { token: world.coordinator }), 200); // dispatched it
  await ok(server.api('GET', `/clients/${client.id}`, { token: stranger }), 200); // never involved
  // A team never sent reads nothing (need-to-know), and a refusal is no read of the record.
  await ok(server.api('GET', `/incidents/${incident.id}`, { token: offDuty.token }), 403);
  // The team sent reads again after its shift has ended (its offer still stands): a read outside the reader's shift.
  await sql(server, `UPDATE shift SET ends_at = now() WHERE team_id = $1 AND starts_at < now() AND ends_at > now()`, [
    sentTeam.team.id,
  ]);
  await ok(server.api('GET', `/incidents/${incident.id}`, { token: sentTeam.token }), 200);
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

describe('GET /audit', () => {
  it("answers who read the person's record, when and from where, newest first", async () => {
    const rows = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ subjectId: client.id })}`, { token: supervisor }),
      200,
    );
    expect(rows.every((r) => r.subjectId === client.id)).toBe(true);
    const reads = rows.filter((r) => r.action.endsWith('.read'));
    expect(reads.map((r) => r.actorId).reverse()).toEqual([
      await userId(world.counselor),
      await userId(sentTeam.token),
      await userId(world.coordinator),
      strangerId,
      await userId(sentTeam.token),
    ]);
    expect(reads[0]).toMatchObject({
      action: 'incident.read',
      entityType: 'incident',
      entityId: incident.id,
      role: 'responder',
    });
    for (const r of rows) {
      expect(r.ip).toMatch(/127\.0\.0\.1/);
      expect(Date.parse(r.at)).toBeGreaterThanOrEqual(Date.parse(startedAt) - 1000);
      expect(Object.keys(r).sort()).toEqual([
        'action',
        'actor',
        'actorId',
        'at',
        'entityId',
        'entityType',
        'id',
        'ip',
        'role',
        'subjectId',
      ]);
    }
    const times = rows.map((r) => Date.parse(r.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by actor, by period and limits', async () => {
    const byStranger = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ actorId: strangerId })}`, { token: supervisor }),
      200,
    );
    expect(byStranger.every((r) => r.actorId === strangerId)).toBe(true);
    expect(byStranger.map((r) => r.action)).toEqual(expect.arrayContaining(['client.read', 'auth.logged-in']));
    expect(byStranger[0]!.action).toBe('client.read');
    const both = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ actorId: strangerId, subjectId: client.id })}`, {
        token: supervisor,
      }),
      200,
    );
    expect(both.map((r) => [r.action, r.actor])).toEqual([['client.read', byStranger[0]!.actor]]);

    const cut = byStranger[0]!.at;
    const before = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ subjectId: client.id, to: cut })}`, { token: supervisor }),
      200,
    );
    const after = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ subjectId: client.id, from: cut })}`, { token: supervisor }),
      200,
    );
    expect(before.every((r) => r.at < cut)).toBe(true);
    expect(after.every((r) => r.at >= cut)).toBe(true);
    expect(after.map((r) => r.action)).toEqual(['incident.read', 'client.read']);

    const two = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ subjectId: client.id, limit: '2' })}`, { token: supervisor }),
      200,
    );
    expect(two).toHaveLength(2);
  });

  it('is itself audited, with the filters and the count returned', async () => {
    await ok(server.api('GET', `/audit${qs({ subjectId: client.id, limit: '3' })}`, { token: supervisor }), 200);
    const [row] = await sql<{
      action: string;
      actor_id: string;
      subject_id: string | null;
      ip: string;
      details: Record<string, unknown>;
    }>(
      server,
      `SELECT action, actor_id, subject_id, ip, details FROM audit WHERE action = 'audit.queried' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      action: 'audit.queried',
      actor_id: supervisorId,
      subject_id: null,
      details: { subjectId: client.id, actorId: null, limit: 3, returned: 3 },
    });
    // The review shows in the log it reviews.
    const mine = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ actorId: supervisorId, limit: '1' })}`, { token: world.admin }),
      200,
    );
    expect(mine[0]!.action).toBe('audit.queried');
  });

  it('is for supervisors and admins only, and names a bad filter', async () => {
    expect((await server.api('GET', '/audit', { token: world.coordinator })).status).toBe(403);
    expect((await server.api('GET', '/audit/unusual', { token: world.counselor })).status).toBe(403);
    for (const [query, field] of [
      [{ subjectId: 'kim' }, 'subjectId'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '5000' }, 'limit'],
      [{ from: 'last month' }, 'from'],
      [{ from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'from'],
      [{ action: 'client.read' }, 'action'],
    ] as const) {
      const res = await server.api<ErrorBody>('GET', `/audit${qs(query)}`, { token: supervisor });
      expect(res.status).toBe(400);
      expect(res.body.details![0]!.field).toBe(field);
    }
  });
});

describe('GET /audit/unusual', () => {
  it("lists reads with no call or incident behind them, and reads outside the reader's shift", async () => {
    const res = await ok(server.api<UnusualAccessReport>('GET', '/audit/unusual', { token: supervisor }), 200);
    const flagged = res.rows.filter((r) => r.subjectId === client.id).map((r) => [r.actorId, r.action, r.reasons]);
    expect(flagged).toEqual([
      [await userId(sentTeam.token), 'incident.read', ['outside-shift']],
      [strangerId, 'client.read', ['no-relationship']],
    ]);
    const [row] = await sql<{ details: Record<string, unknown> }>(
      server,
      `SELECT details FROM audit WHERE action = 'audit.unusual-queried' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.details).toMatchObject({ returned: res.rows.length });
  });

  it('keeps to the period asked for', async () => {
    const res = await ok(
      server.api<UnusualAccessReport>('GET', `/audit/unusual${qs({ from: '2020-01-01T00:00:00Z', to: startedAt })}`, {
        token: supervisor,
      }),
      200,
    );
    expect(res.rows).toEqual([]);
  });
});

describe('rows written before the past-tense names (migration 1763801100000)', () => {
  it('are shown under their current names, and an old-named read is reviewed like a new one', async () => {
    // Audit rows are hash-chained over `action`, so old rows keep their names; the insert is what the server wrote
    // before the rename.
    const reader = await createUser(server, world.admin, 'coordinator');
    const readerId = await userId(reader);
    const before = new Date(Date.now() - 1000).toISOString();
    await sql(
      server,
      `INSERT INTO audit (actor_id, actor_username, actor_role, action, entity_type, entity_id, subject_id)
       SELECT $1, username, 'coordinator', x.action, 'client', $2::uuid, $2::uuid FROM app_user, unnest($3::text[]) AS x(action)
       WHERE app_user.id = $1`,
      [readerId, client.id, ['client.search', 'client.update']],
    );
    const rows = await ok(
      server.api<AuditRowView[]>('GET', `/audit${qs({ actorId: readerId })}`, { token: supervisor }),
      200,
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['client.searched', 'client.updated']));
    expect(rows.map((r) => r.action)).not.toEqual(expect.arrayContaining(['client.search']));
    // `client.update` is a change of the record, so the reader is related to the person: the search is not flagged.
    const related = await ok(
      server.api<UnusualAccessReport>('GET', `/audit/unusual${qs({ from: before })}`, { token: supervisor }),
      200,
    );
    expect(related.rows.filter((r) => r.actorId === readerId)).toEqual([]);
    const stranger2 = await createUser(server, world.admin, 'coordinator');
    const stranger2Id = await userId(stranger2);
    await sql(
      server,
      `INSERT INTO audit (actor_id, actor_username, actor_role, action, entity_type, entity_id, subject_id)
       SELECT id, username, 'coordinator', 'client.search', 'client', $2::uuid, $2::uuid FROM app_user WHERE id = $1`,
      [stranger2Id, client.id],
    );
    const unusual = await ok(
      server.api<UnusualAccessReport>('GET', `/audit/unusual${qs({ from: before })}`, { token: supervisor }),
      200,
    );
    expect(unusual.rows.filter((r) => r.actorId === stranger2Id).map((r) => [r.action, r.reasons])).toEqual([
      ['client.searched', ['no-relationship']],
    ]);
  });
});
