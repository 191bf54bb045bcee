import type { Socket } from 'socket.io-client';
import type {
  ErrorBody,
  LoginResponse,
  RegionCollection,
  ServerToClientEvents,
  TeamView,
  UserAdminView,
} from '#contracts';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { squareRegion } from '../support/fixtures.js';

// Sessions end when they should: logout, password change, admin reset, deactivation and role change, on REST,
// POST /auth/refresh and live sockets, across two instances on one database; and the users admin API.

type Server = TestServer & { dropDatabase(): Promise<void> };
let one: Server;
let two: Server;
let admin: LoginResponse;
let team: TeamView;
let otherTeam: TeamView;
const PASSWORD = 'long-enough-password';

beforeAll(async () => {
  one = await startTestServer();
  // The second instance shares the database; it logs people in with a different absolute lifetime.
  two = await startTestServer({ SESSION_MAX_HOURS: '2' }, one.databaseUrl);
  admin = await one.login('admin');
  await one.api('POST', '/regions/import?nameProperty=name&codeProperty=code', {
    token: admin.accessToken,
    body: { type: 'FeatureCollection', features: [squareRegion('S1', 'North', 37.6, 127.0)] },
  });
  const regions = (await one.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body;
  const mk = async (callsign: string): Promise<TeamView> =>
    (
      await one.api<TeamView>('POST', '/teams', {
        token: admin.accessToken,
        body: { callsign, regionId: regions.features[0].id, base: { lat: 37.6, lng: 127.0 }, skills: [], size: 2 },
      })
    ).body;
  team = await mk('SEC-A');
  otherTeam = await mk('SEC-B');
});
afterAll(async () => {
  await two.stop();
  await one.stop();
  await one.dropDatabase();
});

let n = 0;
async function newUser(
  role: 'responder' | 'counselor' | 'supervisor' | 'admin' = 'responder',
): Promise<{ id: string; username: string }> {
  const username = `sec-user-${++n}`;
  const res = await one.api<{ id: string }>('POST', '/users', {
    token: admin.accessToken,
    body: {
      username,
      password: PASSWORD,
      displayName: `User ${n}`,
      role,
      ...(role === 'responder' ? { teamId: team.id } : {}),
    },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, username };
}

/** Resolves when the server closes the socket, with the `session.expired` body it sent first; rejects after `ms`. */
function closedByServer(socket: Socket<ServerToClientEvents>, ms = 1000): Promise<{ code: string; message: string }> {
  const raw = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    let body: { code: string; message: string } | null = null;
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    raw.once('session.expired', (b: { code: string; message: string }) => (body = b));
    raw.once('disconnect', (reason: string) => {
      clearTimeout(timer);
      if (reason !== 'io server disconnect') reject(new Error(`disconnected by ${reason}`));
      else resolve(body ?? { code: 'none', message: 'no session.expired before the close' });
    });
  });
}

/** The token is refused on REST, on refresh, and at the socket handshake on both instances. */
async function expectRefusedEverywhere(token: string): Promise<void> {
  for (const server of [one, two]) {
    const rest = await server.api<ErrorBody>('GET', '/auth/me', { token });
    expect(rest.status).toBe(401);
    expect(rest.body.code).toBe('UNAUTHENTICATED');
    expect((await server.api('POST', '/auth/refresh', { token })).status).toBe(401);
    await expect(server.socket(token)).rejects.toThrow(/Session ended/);
  }
}

describe('sessions end when they should', () => {
  it('ends a session at logout: its tokens and sockets, not the same user’s other session', async () => {
    const u = await newUser();
    const a = await one.login(u.username, PASSWORD);
    const b = await two.login(u.username, PASSWORD);
    const sockA = await two.socket(a.accessToken);
    const sockB = await two.socket(b.accessToken);
    const closed = closedByServer(sockA);
    expect((await one.api('POST', '/auth/logout', { token: a.accessToken })).status).toBe(204);
    expect(await closed).toEqual({ code: 'UNAUTHENTICATED', message: 'Session ended' });
    await expectRefusedEverywhere(a.accessToken);
    expect((await one.api('GET', '/auth/me', { token: b.accessToken })).status).toBe(200);
    expect(sockB.connected).toBe(true);
    const [row] = await one.dataSource.query<
      {
        end_reason: string;
      }[]
    >(`SELECT end_reason FROM user_session WHERE user_id = $1 AND ended_at IS NOT NULL`, [u.id]);
    expect(row?.end_reason).toBe('logout');
  });

  it('refuses every earlier token after a password change, on REST, refresh and socket, on both instances', async () => {
    const u = await newUser();
    const before = await one.login(u.username, PASSWORD);
    const elsewhere = await two.login(u.username, PASSWORD);
    const sock = await two.socket(elsewhere.accessToken);
    const closed = closedByServer(sock);
    const changed = await one.api('POST', '/auth/password', {
      token: before.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(204);
    await closed;
    await expectRefusedEverywhere(before.accessToken);
    await expectRefusedEverywhere(elsewhere.accessToken);
    const after = await one.login(u.username, 'a-brand-new-password');
    expect((await two.api('GET', '/auth/me', { token: after.accessToken })).status).toBe(200);
  });

  it('refuses every earlier token after an admin reset (204), and the new password works', async () => {
    const u = await newUser();
    const before = await two.login(u.username, PASSWORD);
    const sock = await one.socket(before.accessToken);
    const closed = closedByServer(sock);
    const reset = await one.api('POST', `/users/${u.id}/password`, {
      token: admin.accessToken,
      body: { password: 'reset-by-the-admin' },
    });
    expect(reset.status).toBe(204);
    await closed;
    await expectRefusedEverywhere(before.accessToken);
    expect((await one.api('POST', '/auth/login', { body: { username: u.username, password: PASSWORD } })).status).toBe(
      401,
    );
    await one.login(u.username, 'reset-by-the-admin');
  });

  it('refuses a deactivated user at once: tokens, sockets on the other instance, and login', async () => {
    const u = await newUser();
    const token = (await one.login(u.username, PASSWORD)).accessToken;
    const sock = await two.socket(token);
    const closed = closedByServer(sock);
    const started = Date.now();
    const res = await one.api<UserAdminView>('PATCH', `/users/${u.id}`, {
      token: admin.accessToken,
      body: { active: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    await closed;
    expect(Date.now() - started).toBeLessThan(1000);
    await expectRefusedEverywhere(token);
    expect((await one.api('POST', '/auth/login', { body: { username: u.username, password: PASSWORD } })).status).toBe(
      401,
    );
    // Reactivating does not revive old tokens: the person logs in again.
    expect(
      (await one.api('PATCH', `/users/${u.id}`, { token: admin.accessToken, body: { active: true } })).status,
    ).toBe(200);
    expect((await one.api('GET', '/auth/me', { token })).status).toBe(401);
    await one.login(u.username, PASSWORD);
  });

  it('ends the sessions of a user whose role or team changes (their tokens carry the old claims)', async () => {
    const u = await newUser();
    const token = (await one.login(u.username, PASSWORD)).accessToken;
    const moved = await one.api<UserAdminView>('PATCH', `/users/${u.id}`, {
      token: admin.accessToken,
      body: { teamId: otherTeam.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.teamId).toBe(otherTeam.id);
    expect((await one.api('GET', '/auth/me', { token })).status).toBe(401);
    const fresh = await one.login(u.username, PASSWORD);
    expect(fresh.user.teamId).toBe(otherTeam.id);
    // A new display name changes no claim, so the session lives on.
    expect(
      (await one.api('PATCH', `/users/${u.id}`, { token: admin.accessToken, body: { displayName: 'Renamed' } })).status,
    ).toBe(200);
    expect((await one.api('GET', '/auth/me', { token: fresh.accessToken })).status).toBe(200);
  });

  it('gives a session an absolute lifetime (SESSION_MAX_HOURS) that refresh never extends', async () => {
    expect(loadConfig({}).sessionMaxHours).toBe(14);
    expect(loadConfig({ SESSION_MAX_HOURS: '10' }).sessionMaxHours).toBe(10);
    expect(() => loadConfig({ SESSION_MAX_HOURS: '0' })).toThrow(/SESSION_MAX_HOURS/);
    const u = await newUser();
    const onOne = await one.login(u.username, PASSWORD);
    const onTwo = await two.login(u.username, PASSWORD);
    const hours = await one.dataSource.query<{ h: string }[]>(
      `SELECT extract(epoch FROM expires_at - started_at) / 3600 AS h FROM user_session WHERE user_id = $1 ORDER BY started_at`,
      [u.id],
    );
    expect(hours.map((r) => Math.round(Number(r.h)))).toEqual([14, 2]);

    // Near the end of its lifetime a refresh gives a token that expires with the session, not 15 minutes later.
    await one.dataSource.query(
      `UPDATE user_session SET expires_at = now() + interval '90 seconds' WHERE user_id = $1`,
      [u.id],
    );
    const late = await one.api<LoginResponse>('POST', '/auth/refresh', { token: onOne.accessToken });
    expect(late.status).toBe(200);
    expect(late.body.expiresIn).toBeLessThanOrEqual(90);
    const payload = JSON.parse(Buffer.from(late.body.accessToken.split('.')[1], 'base64url').toString()) as {
      exp: number;
    };
    expect(payload.exp * 1000).toBeLessThanOrEqual(Date.now() + 91_000);

    // Past it, the chain is over: REST and refresh refuse, and the person logs in again.
    await one.dataSource.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      u.id,
    ]);
    for (const token of [onOne.accessToken, onTwo.accessToken, late.body.accessToken]) {
      expect((await one.api('GET', '/auth/me', { token })).status).toBe(401);
      expect((await two.api('POST', '/auth/refresh', { token })).status).toBe(401);
    }
    await one.login(u.username, PASSWORD);
  });

  it('closes a socket whose session ended while no notification reached it (the sweep)', async () => {
    const u = await newUser();
    const token = (await one.login(u.username, PASSWORD)).accessToken;
    const sock = await one.socket(token);
    const closed = closedByServer(sock, 3000);
    // Ended behind the application's back: no NOTIFY, so only the sweep can find it.
    await one.dataSource.query(`UPDATE user_session SET ended_at = now(), end_reason = 'logout' WHERE user_id = $1`, [
      u.id,
    ]);
    const { SessionWatcher } = await import('../../apps/api/src/realtime/session-watcher.js');
    await one.app.get(SessionWatcher).sweep();
    await closed;
  });

  // Guards that run together share one lookup (auth/session-checks.ts): each pair in it must get its own answer.
  it('answers each session of a shared lookup by itself: live, logged out, another user’s, deactivated', async () => {
    const claims = (token: string): { sid: string; sub: string } =>
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string; sub: string };
    const live = claims((await one.login((await newUser()).username, PASSWORD)).accessToken);
    const loggedOutToken = (await one.login((await newUser()).username, PASSWORD)).accessToken;
    expect((await one.api('POST', '/auth/logout', { token: loggedOutToken })).status).toBe(204);
    const loggedOut = claims(loggedOutToken);
    const gone = await newUser();
    const deactivated = claims((await one.login(gone.username, PASSWORD)).accessToken);
    await one.api('PATCH', `/users/${gone.id}`, { token: admin.accessToken, body: { active: false } });

    const { liveSessions } = await import('../../apps/api/src/auth/sessions.repository.js');
    const { Db } = await import('../../apps/api/src/database/db.js');
    const answers = await liveSessions(
      new Db(one.dataSource),
      [loggedOut, live, { sid: live.sid, sub: loggedOut.sub }, deactivated, live].map((c) => ({
        sessionId: c.sid,
        userId: c.sub,
      })),
    );
    expect(answers.map((a) => a !== undefined)).toEqual([false, true, false, false, true]);
    expect(answers[1]?.expires_at).toBeInstanceOf(Date);
  });
});

describe('users admin API', () => {
  it('lists users for the admin only, without any password data', async () => {
    const u = await newUser('counselor');
    const res = await one.api<UserAdminView[]>('GET', '/users', { token: admin.accessToken });
    expect(res.status).toBe(200);
    const listed = res.body.find((x) => x.id === u.id)!;
    expect(listed).toMatchObject({ username: u.username, role: 'counselor', active: true, lastLoginAt: null });
    expect(Date.parse(listed.createdAt)).not.toBeNaN();
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
    const adminRow = res.body.find((x) => x.username === 'admin')!;
    expect(adminRow.lastLoginAt).not.toBeNull();
    const counselor = await one.login(u.username, PASSWORD);
    expect((await one.api('GET', '/users', { token: counselor.accessToken })).status).toBe(403);
    expect(
      (await one.api('PATCH', `/users/${u.id}`, { token: counselor.accessToken, body: { active: false } })).status,
    ).toBe(403);
    expect(
      (
        await one.api('POST', `/users/${u.id}/password`, {
          token: counselor.accessToken,
          body: { password: 'x'.repeat(12) },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses bad changes with 400 naming the field, unknown users with 404, and writes nothing', async () => {
    const u = await newUser('counselor');
    const cases: [unknown, string][] = [
      [{ role: 'responder' }, 'teamId'],
      [{ teamId: team.id }, 'teamId'],
      [{ role: 'agency', agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId'],
      [{ password: 'sneaky-mass-assignment' }, 'password'],
      [{ active: 'no' }, 'active'],
      [{}, '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await one.api<ErrorBody>('PATCH', `/users/${u.id}`, { token: admin.accessToken, body });
      expect(res.status).toBe(400);
      expect(res.body.details?.map((d) => d.field).join(' ')).toContain(field);
    }
    const [row] = await one.dataSource.query<
      {
        role: string;
        team_id: null;
      }[]
    >(`SELECT role, team_id FROM app_user WHERE id = $1`, [u.id]);
    expect(row).toEqual({ role: 'counselor', team_id: null });
    expect(
      (await one.api('PATCH', '/users/not-a-uuid', { token: admin.accessToken, body: { active: false } })).status,
    ).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000001';
    expect(
      (await one.api('PATCH', `/users/${missing}`, { token: admin.accessToken, body: { active: false } })).status,
    ).toBe(404);
    expect(
      (
        await one.api('POST', `/users/${missing}/password`, {
          token: admin.accessToken,
          body: { password: 'long-enough-pass' },
        })
      ).status,
    ).toBe(404);
    const short = await one.api<ErrorBody>('POST', `/users/${u.id}/password`, {
      token: admin.accessToken,
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.details?.[0]?.field).toBe('password');
  });

  it('moves a responder to the hotline by dropping the team binding, and audits each change', async () => {
    const u = await newUser('responder');
    const res = await one.api<UserAdminView>('PATCH', `/users/${u.id}`, {
      token: admin.accessToken,
      body: { role: 'counselor' },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('counselor');
    expect(res.body.teamId).toBeUndefined();
    const audit = await one.dataSource.query<
      {
        action: string;
        details: { changed?: string[] };
      }[]
    >(`SELECT action, details FROM audit WHERE entity_id = $1 AND action LIKE 'user.%' ORDER BY id`, [u.id]);
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.updated']);
    expect(audit[1].details.changed).toEqual(['role', 'teamId']);
  });

  it('does not let an admin deactivate or demote their own account (409)', async () => {
    const res = await one.api<ErrorBody>('PATCH', `/users/${admin.user.id}`, {
      token: admin.accessToken,
      body: { active: false },
    });
    expect(res.status).toBe(409);
    expect(
      (await one.api('PATCH', `/users/${admin.user.id}`, { token: admin.accessToken, body: { role: 'supervisor' } }))
        .status,
    ).toBe(409);
    expect((await one.api('GET', '/auth/me', { token: admin.accessToken })).status).toBe(200);
  });
});
