import type { AgencyAdminView, ErrorBody, ShiftBatchResult, ShiftView, SkillView, TeamView } from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { buildWorld, createTeam, createUser, type World } from '../support/dispatch-world.js';

// Issue 10 on a real server and database: the roster's overlap rule (an exclusion constraint), the skill
// vocabulary that POST/PATCH /teams enforce, and the team and agency edits.

let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;
let supervisor: string;
let counselor: string;

const H = 3_600_000;
const at = (base: number, hours: number): string => new Date(base + hours * H).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  supervisor = await createUser(server, world.admin, 'supervisor');
  counselor = world.counselor;
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
}, 30_000);

/** A team in the North that is not on duty (its shifts are the test's to make). */
const offDutyNorthTeam = async (): Promise<TeamView> =>
  (await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.6, lng: 127.0 }, onDuty: false }))
    .team;

describe('rosters', () => {
  // A fixed future week, so the demo-free database has no other shifts in it.
  const monday = Date.parse('2031-03-03T00:00:00Z');

  it('refuses an overlapping shift of the same team with 409, allows touching shifts and other teams', async () => {
    const team = await offDutyNorthTeam();
    const other = await offDutyNorthTeam();
    const post = (teamId: string, from: number, to: number, token = supervisor) =>
      server.api<ShiftView | ErrorBody>('POST', '/shifts', {
        token,
        body: { teamId, startsAt: at(monday, from), endsAt: at(monday, to) },
      });

    const first = await post(team.id, 0, 24);
    expect(first.status).toBe(201);
    // A day/night split that overlaps the 24-hour shift by one hour.
    const clash = await post(team.id, 23, 35);
    expect(clash.status).toBe(409);
    expect((clash.body as ErrorBody).code).toBe('CONFLICT');
    // Half-open: the next shift starting at the hand-over instant touches, it does not overlap.
    expect((await post(team.id, 24, 36)).status).toBe(201);
    expect((await post(team.id, 36, 48)).status).toBe(201);
    // Another team may be on duty at the same hours.
    expect((await post(other.id, 0, 24)).status).toBe(201);
    // Two writers racing for overlapping hours: exactly one wins, settled by the database.
    const race = await Promise.all([post(other.id, 30, 40), post(other.id, 35, 45)]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    // Only the roster's editors may write it.
    expect((await post(team.id, 100, 110, counselor)).status).toBe(403);

    const week = await server.api<ShiftView[]>(
      'GET',
      `/shifts?from=${at(monday, 0)}&to=${at(monday, 7 * 24)}&teamId=${team.id}`,
      { token: counselor },
    );
    expect(week.status).toBe(200);
    expect(week.body.map((s) => [s.startsAt, s.endsAt])).toEqual([
      [at(monday, 0), at(monday, 24)],
      [at(monday, 24), at(monday, 36)],
      [at(monday, 36), at(monday, 48)],
    ]);
    // A window that only overlaps the middle shift returns it alone.
    const middle = await server.api<ShiftView[]>(
      'GET',
      `/shifts?from=${at(monday, 30)}&to=${at(monday, 31)}&teamId=${team.id}`,
      { token: counselor },
    );
    expect(middle.body.map((s) => s.startsAt)).toEqual([at(monday, 24)]);
  }, 30_000);

  it('creates a week in one batch: all or nothing, or skipping the overlaps when asked (copy last week)', async () => {
    const { team } = await createTeam(server, world, {
      regionId: world.regions.south,
      base: { lat: 37.5, lng: 127.0 },
      onDuty: false,
    });
    const week = Array.from({ length: 7 }, (_, d) => ({
      teamId: team.id,
      startsAt: at(monday, d * 24 + 9),
      endsAt: at(monday, d * 24 + 33),
    }));
    const created = await server.api<ShiftBatchResult>('POST', '/shifts/batch', {
      token: supervisor,
      body: { shifts: week },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ skipped: 0 });
    expect(created.body.created).toHaveLength(7);

    // The same week again plus one new shift: refused whole, nothing written.
    const later = { teamId: team.id, startsAt: at(monday, 7 * 24 + 9), endsAt: at(monday, 8 * 24 + 9) };
    const again = await server.api<ErrorBody>('POST', '/shifts/batch', {
      token: supervisor,
      body: { shifts: [...week, later] },
    });
    expect(again.status).toBe(409);
    const list = (from: number, to: number) =>
      server.api<ShiftView[]>('GET', `/shifts?from=${at(monday, from)}&to=${at(monday, to)}&teamId=${team.id}`, {
        token: supervisor,
      });
    expect((await list(0, 9 * 24)).body).toHaveLength(7);

    // With skipConflicts the overlapping ones are left out and counted.
    const skipping = await server.api<ShiftBatchResult>('POST', '/shifts/batch', {
      token: supervisor,
      body: { shifts: [...week, later], skipConflicts: true },
    });
    expect(skipping.status).toBe(201);
    expect(skipping.body.skipped).toBe(7);
    expect(skipping.body.created.map((s) => s.startsAt)).toEqual([later.startsAt]);

    // An unknown team is a 400 naming the item.
    const ghost = await server.api<ErrorBody>('POST', '/shifts/batch', {
      token: supervisor,
      body: {
        shifts: [{ teamId: '00000000-0000-4000-8000-000000000000', startsAt: at(monday, 0), endsAt: at(monday, 1) }],
      },
    });
    expect(ghost.status).toBe(400);
    expect(ghost.body.details).toEqual([{ field: 'shifts[0].teamId', message: 'no such team' }]);
  }, 30_000);

  it('deletes a shift (404 the second time) and tells the boards the duty flag changed', async () => {
    const { team } = await createTeam(server, world, {
      regionId: world.regions.north,
      base: { lat: 37.6, lng: 127.0 },
    });
    const now = Date.now();
    const [current] = (
      await server.api<ShiftView[]>('GET', `/shifts?from=${at(now, 0)}&to=${at(now, 1)}&teamId=${team.id}`, {
        token: supervisor,
      })
    ).body;
    expect(current).toBeDefined();
    const removed = await server.api('DELETE', `/shifts/${current.id}`, { token: supervisor });
    expect(removed.status).toBe(204);
    const teams = (await server.api<TeamView[]>('GET', '/teams', { token: supervisor })).body;
    expect(teams.find((t) => t.id === team.id)?.onDuty).toBe(false);
    expect((await server.api('DELETE', `/shifts/${current.id}`, { token: supervisor })).status).toBe(404);
    expect((await server.api('DELETE', `/shifts/${current.id}`, { token: counselor })).status).toBe(403);
  }, 30_000);

  it('names the bad query field', async () => {
    const res = await server.api<ErrorBody>('GET', '/shifts?from=yesterday&to=2031-03-03T00:00:00Z', {
      token: supervisor,
    });
    expect(res.status).toBe(400);
    expect(res.body.details?.[0]?.field).toBe('from');
  }, 30_000);
});

describe('skill vocabulary', () => {
  it("is the centre's list: a new skill works without a code change, an unknown one is refused, a used one stays", async () => {
    const initial = await server.api<SkillView[]>('GET', '/skills', { token: counselor });
    expect(initial.status).toBe(200);
    expect(initial.body.map((s) => s.code)).toContain('adolescent');
    expect(initial.body.find((s) => s.code === 'elderly')).toEqual({
      code: 'elderly',
      label: 'older adults',
      labelKo: '노인',
    });

    const teamBody = (skills: string[]) => ({
      callsign: `V-${Math.random().toString(36).slice(2, 8)}`,
      regionId: world.regions.north,
      base: { lat: 37.6, lng: 127.0 },
      skills,
      size: 2,
    });
    const refused = await server.api<ErrorBody>('POST', '/teams', {
      token: world.admin,
      body: teamBody(['vietnamese']),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'skills', message: 'unknown skill: vietnamese' }]);

    // Only the admin edits the vocabulary.
    const withVietnamese = [...initial.body, { code: 'vietnamese', label: 'Vietnamese', labelKo: '베트남어' }];
    expect((await server.api('PUT', '/skills', { token: supervisor, body: withVietnamese })).status).toBe(403);
    const put = await server.api<SkillView[]>('PUT', '/skills', { token: world.admin, body: withVietnamese });
    expect(put.status).toBe(200);
    expect(put.body.at(-1)).toEqual({ code: 'vietnamese', label: 'Vietnamese', labelKo: '베트남어' });

    const team = await server.api<TeamView>('POST', '/teams', {
      token: world.admin,
      body: teamBody(['vietnamese', 'elderly']),
    });
    expect(team.status).toBe(201);
    expect(team.body.skills).toEqual(['vietnamese', 'elderly']);

    // A skill a team carries cannot be removed; the whole PUT is refused and nothing changes.
    const dropping = await server.api<ErrorBody>('PUT', '/skills', { token: world.admin, body: initial.body });
    expect(dropping.status).toBe(409);
    expect(dropping.body.message).toContain('vietnamese');
    expect((await server.api<SkillView[]>('GET', '/skills', { token: counselor })).body.map((s) => s.code)).toContain(
      'vietnamese',
    );

    // PATCH /teams enforces the same list.
    const patchBad = await server.api<ErrorBody>('PATCH', `/teams/${team.body.id}`, {
      token: supervisor,
      body: { skills: ['peer-support'] },
    });
    expect(patchBad.status).toBe(400);
    expect(patchBad.body.details?.[0]?.field).toBe('skills');
    const patched = await server.api<TeamView>('PATCH', `/teams/${team.body.id}`, {
      token: supervisor,
      body: { skills: ['elderly'], size: 3 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ skills: ['elderly'], size: 3, callsign: team.body.callsign });
    // Now no team carries it, so it may go.
    expect((await server.api('PUT', '/skills', { token: world.admin, body: initial.body })).status).toBe(200);

    const dup = await server.api<ErrorBody>('PUT', '/skills', {
      token: world.admin,
      body: [initial.body[0], initial.body[0]],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.details?.[0]?.field).toBe('[1].code');
  }, 30_000);
});

describe('team and agency edits', () => {
  it('PATCH /teams/:id moves a team and refuses a taken callsign or an unknown region', async () => {
    const a = await offDutyNorthTeam();
    const b = await offDutyNorthTeam();
    const moved = await server.api<TeamView>('PATCH', `/teams/${a.id}`, {
      token: supervisor,
      body: { regionId: world.regions.south, base: { lat: 37.5, lng: 127.01 } },
    });
    expect(moved.status).toBe(200);
    // The fields not sent keep their values.
    expect(moved.body).toMatchObject({
      regionId: world.regions.south,
      base: { lat: 37.5, lng: 127.01 },
      callsign: a.callsign,
      skills: a.skills,
      size: a.size,
    });
    const taken = await server.api<ErrorBody>('PATCH', `/teams/${a.id}`, {
      token: supervisor,
      body: { callsign: b.callsign },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.details?.[0]?.field).toBe('callsign');
    const unknown = await server.api<ErrorBody>('PATCH', `/teams/${a.id}`, {
      token: supervisor,
      body: { regionId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect((await server.api('PATCH', `/teams/${a.id}`, { token: supervisor, body: {} })).status).toBe(400);
    expect((await server.api('PATCH', `/teams/${a.id}`, { token: counselor, body: { size: 4 } })).status).toBe(403);
  }, 30_000);

  it('PATCH /agencies/:id edits kind, regions, contact and webhook URL (admin only); null clears', async () => {
    const created = await server.api<{ id: string }>('POST', '/agencies', {
      token: world.admin,
      body: {
        code: `cmh-${Date.now()}`,
        kind: 'community',
        name: 'North CMHC',
        regionIds: [world.regions.north],
        location: { lat: 37.6, lng: 127.0 },
        contact: '02-000-0000',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const patched = await server.api<AgencyAdminView>('PATCH', `/agencies/${id}`, {
      token: world.admin,
      body: {
        regionIds: [world.regions.north, world.regions.south],
        webhookUrl: 'https://partner.example/hooks',
        name: 'North and South CMHC',
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'North and South CMHC',
      contact: '02-000-0000',
      webhookUrl: 'https://partner.example/hooks',
    });
    expect(patched.body.regionIds).toHaveLength(2);
    // An empty contact is stored as none; the fields not sent keep their values.
    const moved = await server.api<AgencyAdminView>('PATCH', `/agencies/${id}`, {
      token: world.admin,
      body: { contact: '', location: { lat: 37.61, lng: 127.01 } },
    });
    expect(moved.body).toMatchObject({
      contact: null,
      location: { lat: 37.61, lng: 127.01 },
      webhookUrl: 'https://partner.example/hooks',
      name: 'North and South CMHC',
      kind: 'community',
    });
    const cleared = await server.api<AgencyAdminView>('PATCH', `/agencies/${id}`, {
      token: world.admin,
      body: { contact: null, webhookUrl: null },
    });
    expect(cleared.body).toMatchObject({ contact: null, webhookUrl: null, name: 'North and South CMHC' });
    expect((await server.api('PATCH', `/agencies/${id}`, { token: supervisor, body: { name: 'x' } })).status).toBe(403);
    const badUrl = await server.api<ErrorBody>('PATCH', `/agencies/${id}`, {
      token: world.admin,
      body: { webhookUrl: 'ftp://x' },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.details?.[0]?.field).toBe('webhookUrl');
    const list = await server.api<AgencyAdminView[]>('GET', '/admin/agencies', { token: world.admin });
    expect(list.body.find((a) => a.id === id)).toMatchObject({ contact: null });
    expect((await server.api('GET', '/admin/agencies', { token: supervisor })).status).toBe(403);
  }, 30_000);
});
