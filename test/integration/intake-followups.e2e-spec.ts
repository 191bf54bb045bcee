import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AgencyView,
  Category,
  ClientView,
  ErrorBody,
  FollowUpView,
  LoginResponse,
  RegionCollection,
  TeamView,
} from '#contracts';
import { runRegionsImport } from '../../apps/api/src/cli/regions-import-command.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { importTwoDistricts } from '../support/care.js';
import { createIncident, INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { expectStatus } from '../support/expect-status.js';

// Follow-up tasks after B–D calls that ended without a dispatch, who sees them, the regions:import command,
// and the telephony webhook on a server without a shared secret.

let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;
let counselor: { id: string; token: string; username: string };
let coordinator: { id: string; token: string; username: string };
let north: string;
let south: string;
let centreNorth: AgencyView;
let centreSouth: AgencyView;
let northCentreUser: { token: string };
let southCentreUser: { token: string };
let clientNorth: ClientView;
let team: TeamView;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  counselor = await makeUser(server, admin.accessToken, 'counselor');
  coordinator = await makeUser(server, admin.accessToken, 'coordinator');
  ({ north, south } = await importTwoDistricts(server, admin.accessToken));
  const agency = async (code: string, regionId: string): Promise<AgencyView> =>
    (
      await server.api<AgencyView>('POST', '/agencies', {
        token: admin.accessToken,
        body: {
          code,
          kind: 'community',
          name: `${code} MHWC`,
          regionIds: [regionId],
          location: { lat: 37.5, lng: 127 },
        },
      })
    ).body;
  centreNorth = await agency('C-N1', north);
  centreSouth = await agency('C-S1', south);
  // A hospital in the north region must never receive a follow-up.
  await server.api('POST', '/agencies', {
    token: admin.accessToken,
    body: {
      code: 'H-N1',
      kind: 'hospital',
      name: 'North Hospital',
      regionIds: [north],
      location: { lat: 37.65, lng: 127 },
    },
  });
  northCentreUser = await makeUser(server, admin.accessToken, 'agency', { agencyId: centreNorth.id });
  southCentreUser = await makeUser(server, admin.accessToken, 'agency', { agencyId: centreSouth.id });
  clientNorth = (
    await server.api<ClientView>('POST', '/clients', {
      token: (await makeUser(server, admin.accessToken, 'supervisor')).token,
      body: {
        name: 'North Client',
        phones: ['010-0000-0031'],
        regionId: north,
        basis: { kind: 'consent', scope: 'case management', at: '2026-01-05T09:00:00+09:00' },
      },
    })
  ).body;
  team = (
    await server.api<TeamView>('POST', '/teams', {
      token: admin.accessToken,
      body: { callsign: 'FU-1', regionId: south, base: { lat: 37.45, lng: 127.0 }, skills: [], size: 2 },
    })
  ).body;
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

const followUpOf = async (callId: string) =>
  await server.dataSource.query<
    {
      id: string;
      agency_id: string | null;
      region_id: string | null;
      category: Category;
      due_at: Date;
      client_id: string | null;
    }[]
  >(`SELECT * FROM follow_up WHERE call_id = $1`, [callId]);

async function endCall(callId: string): Promise<{ endedAt: string }> {
  const res = await server.api<{ endedAt: string }>('POST', `/calls/${callId}/end`, {
    token: counselor.token,
    body: { outcome: 'closed-after-counselling' },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('follow-up tasks', () => {
  it.each(['B', 'C', 'D'] as const)(
    "creates one for a %s call that ends without a dispatch, due 24 h later, at the client's district centre",
    async (category) => {
      const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-0000-0031' });
      await triageCall(server, counselor.token, call.id, INPUT_FOR[category]);
      const { endedAt } = await endCall(call.id);
      const rows = await followUpOf(call.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        category,
        agency_id: centreNorth.id,
        region_id: north,
        client_id: clientNorth.id,
      });
      expect(rows[0].due_at.toISOString()).toBe(new Date(Date.parse(endedAt) + 24 * 3600_000).toISOString());
    },
  );

  it.each(['A', 'E', 'F', 'G'] as const)('creates none for a %s call', async (category) => {
    const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-0000-0031' });
    await triageCall(server, counselor.token, call.id, INPUT_FOR[category]);
    await endCall(call.id);
    expect(await followUpOf(call.id)).toEqual([]);
  });

  it('creates none for an untriaged call, and uses the category current at the end (after an override)', async () => {
    const untriaged = await newCall(server, counselor.token);
    await endCall(untriaged.id);
    expect(await followUpOf(untriaged.id)).toEqual([]);
    const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-0000-0031' });
    await triageCall(server, counselor.token, call.id, INPUT_FOR.E);
    await server.api('POST', `/calls/${call.id}/triage/override`, {
      token: counselor.token,
      body: { category: 'C', reason: 'lives alone, worsening' },
    });
    await endCall(call.id);
    expect((await followUpOf(call.id))[0]?.category).toBe('C');
  });

  it('creates none when a team was dispatched, but one when every offer was declined (incident district)', async () => {
    // A category B call with an incident in the South district, left for the test to dispatch.
    const callWithIncident = async () => {
      const call = await newCall(server, counselor.token);
      await triageCall(server, counselor.token, call.id, INPUT_FOR.B);
      const inc = await createIncident(server, counselor.token, {
        callId: call.id,
        location: { lat: 37.45, lng: 127.0 },
      });
      return { call, inc };
    };
    const { call: dispatched, inc } = await callWithIncident();
    await server.dataSource.query(
      `INSERT INTO dispatch (incident_id, team_id, status, expires_at) VALUES ($1, $2, 'accepted', now() + interval '1 minute')`,
      [inc.body.id, team.id],
    );
    await endCall(dispatched.id);
    expect(await followUpOf(dispatched.id)).toEqual([]);

    const { call: declined, inc: inc2 } = await callWithIncident();
    await server.dataSource.query(
      `INSERT INTO dispatch (incident_id, team_id, status, expires_at, reason) VALUES ($1, $2, 'declined', now(), 'too far')`,
      [inc2.body.id, team.id],
    );
    await endCall(declined.id);
    const rows = await followUpOf(declined.id);
    expect(rows).toEqual([expect.objectContaining({ agency_id: centreSouth.id, region_id: south, client_id: null })]);
    const timeline = await server.dataSource.query<{ type: string }[]>(
      `SELECT type FROM timeline WHERE incident_id = $1 ORDER BY id`,
      [inc2.body.id],
    );
    expect(timeline.map((t) => t.type)).toEqual(expect.arrayContaining(['call.ended', 'follow-up.created']));
  });

  it('shows the hotline every task and each community centre only its own; done once', async () => {
    const call = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-0000-0031' });
    await triageCall(server, counselor.token, call.id, INPUT_FOR.C);
    await endCall(call.id);
    const [row] = await followUpOf(call.id);

    const all = await server.api<FollowUpView[]>('GET', '/follow-ups?status=open', { token: coordinator.token });
    expect(all.status).toBe(200);
    expect(all.body.map((f) => f.id)).toContain(row.id);
    expect(all.body.some((f) => f.agencyId === centreSouth.id)).toBe(true);
    const mine = await server.api<FollowUpView[]>('GET', '/follow-ups', { token: northCentreUser.token });
    expect(mine.body.map((f) => f.id)).toContain(row.id);
    expect(mine.body.every((f) => f.agencyId === centreNorth.id)).toBe(true);
    const theirs = await server.api<FollowUpView[]>('GET', '/follow-ups', { token: southCentreUser.token });
    expect(theirs.body.map((f) => f.id)).not.toContain(row.id);
    expect(theirs.body.every((f) => f.agencyId === centreSouth.id)).toBe(true);
    const view = mine.body.find((f) => f.id === row.id)!;
    expect(view).toMatchObject({
      callId: call.id,
      category: 'C',
      doneAt: null,
      overdue: false,
      clientId: clientNorth.id,
    });

    await expectStatus(
      server.api('POST', `/follow-ups/${row.id}/complete`, {
        token: southCentreUser.token,
        body: { outcome: 'stable' },
      }),
      403,
    );
    const done = await server.api<FollowUpView>('POST', `/follow-ups/${row.id}/complete`, {
      token: northCentreUser.token,
      body: { outcome: 'stable', notes: 'called back, safe' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ notes: 'called back, safe' });
    expect(done.body.doneAt).not.toBeNull();
    await expectStatus(
      server.api('POST', `/follow-ups/${row.id}/complete`, {
        token: northCentreUser.token,
        body: { outcome: 'stable' },
      }),
      409,
    );
    const open = await server.api<FollowUpView[]>('GET', '/follow-ups?status=open', { token: northCentreUser.token });
    expect(open.body.map((f) => f.id)).not.toContain(row.id);
    const doneList = await server.api<FollowUpView[]>('GET', '/follow-ups?status=done', { token: coordinator.token });
    expect(doneList.body.map((f) => f.id)).toContain(row.id);
    await expectStatus(server.api<ErrorBody>('GET', '/follow-ups?status=later', { token: coordinator.token }), 400);
  });
});

describe('npm run regions:import', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  const dir = mkdtempSync(join(tmpdir(), 'regions-cli-'));

  it("imports a GeoJSON file into the server's database with the given property names", async () => {
    const file = join(dir, 'districts.geojson');
    const island = {
      type: 'Feature',
      properties: { name_eng: 'Island-gun', code: '99001', pop: 1200 },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [126.0, 37.0],
              [126.1, 37.0],
              [126.1, 37.1],
              [126.0, 37.1],
              [126.0, 37.0],
            ],
          ],
          [
            [
              [126.3, 37.0],
              [126.4, 37.0],
              [126.4, 37.1],
              [126.3, 37.1],
              [126.3, 37.0],
            ],
          ],
        ],
      },
    };
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [island] }));
    const r = io();
    const code = await runRegionsImport(
      [file, '--name-property', 'name_eng', '--code-property', 'code', '--population-property', 'pop'],
      { DATABASE_URL: server.databaseUrl },
      r.io,
    );
    expect(r.err).toEqual([]);
    expect(code).toBe(0);
    expect(r.out[0]).toMatch(/1 created, 0 updated/);
    const regions = (await server.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body;
    const f = regions.features.find((x) => x.properties.code === '99001')!;
    expect(f.properties).toMatchObject({ name: 'Island-gun', population: 1200 });
    // The running server sees the new region at once: a point on the second island resolves to it.
    const call = await newCall(server, counselor.token);
    await triageCall(server, counselor.token, call.id, INPUT_FOR.G);
    const inc = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.05, lng: 126.35 },
    });
    expect(inc.body.regionId).toBe(f.id);
    const audit = await server.dataSource.query<{ actor_username: string }[]>(
      `SELECT actor_username FROM audit WHERE action = 'region.imported' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0].actor_username).toBe('cli:regions-import');
  });

  it('refuses a bad file naming the problem (exit 1) and bad usage (exit 2)', async () => {
    const file = join(dir, 'bad.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'X' }, geometry: { type: 'Point', coordinates: [1, 2] } }],
      }),
    );
    const r = io();
    expect(await runRegionsImport([file], { DATABASE_URL: server.databaseUrl }, r.io)).toBe(1);
    expect(r.err.join('\n')).toMatch(/refused/);
    expect(r.err.length).toBeGreaterThan(1);
    const missing = io();
    expect(await runRegionsImport([join(dir, 'nope.geojson')], { DATABASE_URL: server.databaseUrl }, missing.io)).toBe(
      1,
    );
    expect(missing.err[0]).toMatch(/cannot read/);
    const usage = io();
    expect(await runRegionsImport([], {}, usage.io)).toBe(2);
    expect(usage.err[0]).toMatch(/usage/);
  });
});

describe('telephony without a configured secret', () => {
  it('answers 503 rather than accepting unsigned calls', async () => {
    const res = await server.api<ErrorBody>('POST', '/telephony/incoming', {
      body: { callerNumber: '010-1234-5678' },
      headers: { 'x-signature': 'sha256=00' },
    });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
  });
});
