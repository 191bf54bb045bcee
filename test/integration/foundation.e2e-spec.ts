import type { ErrorBody, EventsPage, LoginResponse, RegionCollection, TeamView, UserView } from '#contracts';
import { ADMIN_PASSWORD, nextEvent, recordEvents, startTestServer, type TestServer } from '../support/test-server.js';
import { squareRegion } from '../support/fixtures.js';

let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;

beforeAll(async () => {
  server = await startTestServer({ LOGIN_MAX_FAILURES: '3' });
  admin = await server.login('admin');
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

async function setupTwoTeams(): Promise<{
  teamA: TeamView;
  teamB: TeamView;
  tokenA: string;
  tokenB: string;
  coordinator: string;
}> {
  const imported = await server.api('POST', '/regions/import?nameProperty=name&codeProperty=code', {
    token: admin.accessToken,
    body: {
      type: 'FeatureCollection',
      features: [squareRegion('R1', 'North', 37.6, 127.0), squareRegion('R2', 'South', 37.5, 127.0)],
    },
  });
  expect(imported.status).toBe(200);
  const regions = (await server.api<RegionCollection>('GET', '/regions', { token: admin.accessToken })).body;
  const regionId = regions.features.find((f) => f.properties.code === 'R1')!.id;
  const mk = async (callsign: string): Promise<TeamView> => {
    const res = await server.api<TeamView>('POST', '/teams', {
      token: admin.accessToken,
      body: { callsign, regionId, base: { lat: 37.6, lng: 127.0 }, skills: ['adolescent'], size: 2 },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const teamA = await mk(`A-${Date.now()}`);
  const teamB = await mk(`B-${Date.now()}`);
  const user = async (username: string, role: string, teamId?: string): Promise<string> => {
    const res = await server.api('POST', '/users', {
      token: admin.accessToken,
      body: { username, password: 'long-enough-password', displayName: username, role, ...(teamId ? { teamId } : {}) },
    });
    expect(res.status).toBe(201);
    return (await server.login(username, 'long-enough-password')).accessToken;
  };
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    teamA,
    teamB,
    tokenA: await user(`resp-a-${suffix}`, 'responder', teamA.id),
    tokenB: await user(`resp-b-${suffix}`, 'responder', teamB.id),
    coordinator: await user(`coord-${suffix}`, 'coordinator'),
  };
}

describe('auth on REST', () => {
  /** Creates a user as the admin and signs them in with the password given. */
  const addAndSignIn = async (username: string, displayName: string, role: string) => {
    await server.api('POST', '/users', {
      token: admin.accessToken,
      body: { username, password: 'long-enough-password', displayName, role },
    });
    return server.login(username, 'long-enough-password');
  };

  it('logs in with the right password and returns a short-lived token and the user', async () => {
    expect(admin.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(admin.expiresIn).toBe(15 * 60);
    const [, payload] = admin.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      exp: number;
      iat: number;
      jti: string;
    };
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(Buffer.from(claims.jti, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('refuses a wrong password with 401 in the error shape', async () => {
    const res = await server.api<ErrorBody>('POST', '/auth/login', { body: { username: 'admin', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong username or password' });
  });

  it('throttles repeated failures for a username with 429 and Retry-After', async () => {
    const username = 'throttled-user';
    for (let i = 0; i < 3; i++) {
      expect((await server.api('POST', '/auth/login', { body: { username, password: 'x' } })).status).toBe(401);
    }
    const res = await server.api<ErrorBody>('POST', '/auth/login', { body: { username, password: 'x' } });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires a bearer token (401), rejects a forged one (401) and a wrong role (403)', async () => {
    expect((await server.api<ErrorBody>('GET', '/teams')).status).toBe(401);
    const forged = admin.accessToken.slice(0, -4) + 'AAAA';
    const bad = await server.api<ErrorBody>('GET', '/teams', { token: forged });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('UNAUTHENTICATED');
    const counselor = await addAndSignIn('counselor-x', 'C', 'counselor');
    const res = await server.api<ErrorBody>('POST', '/users', {
      token: counselor.accessToken,
      body: { username: 'y', password: 'long-enough-password', displayName: 'Y', role: 'counselor' },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('refuses a duplicate username with 409 regardless of case', async () => {
    const body = { username: 'Dup-User', password: 'long-enough-password', displayName: 'D', role: 'supervisor' };
    expect((await server.api('POST', '/users', { token: admin.accessToken, body })).status).toBe(201);
    const again = await server.api<ErrorBody>('POST', '/users', {
      token: admin.accessToken,
      body: { ...body, username: 'dup-user' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
  });

  it('lets a user change their own password, only with the current one', async () => {
    const me = await addAndSignIn('pw-changer', 'P', 'supervisor');
    const wrong = await server.api<ErrorBody>('POST', '/auth/password', {
      token: me.accessToken,
      body: { currentPassword: 'not-it', newPassword: 'another-long-password' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'is wrong' }]);
    const ok = await server.api('POST', '/auth/password', {
      token: me.accessToken,
      body: { currentPassword: 'long-enough-password', newPassword: 'another-long-password' },
    });
    expect(ok.status).toBe(204);
    await server.login('pw-changer', 'another-long-password');
    expect(
      (await server.api('POST', '/auth/login', { body: { username: 'pw-changer', password: 'long-enough-password' } }))
        .status,
    ).toBe(401);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await server.dataSource.query<
      {
        password_hash: string;
      }[]
    >(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });
});

describe('the error shape', () => {
  it('names every bad field and refuses unknown fields with 400', async () => {
    const res = await server.api<ErrorBody>('POST', '/users', {
      token: admin.accessToken,
      body: { username: 'ok-name', password: 'short', displayName: 'X', role: 'pilot', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details!.map((d) => d.field).sort();
    expect(fields).toEqual(['extra', 'password', 'role']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await server.api<ErrorBody>('POST', '/auth/login', { body: '{"username": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers a malformed id with 400 naming it, and an unknown route with 404', async () => {
    const bad = await server.api<ErrorBody>('GET', '/incidents/not-a-uuid', { token: admin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    const missing = await server.api<ErrorBody>('GET', '/nothing-here', { token: admin.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('writes nothing when validation fails', async () => {
    const before = await server.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM app_user`);
    await server.api('POST', '/users', { token: admin.accessToken, body: { username: 'half', role: 'counselor' } });
    const after = await server.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM app_user`);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('realtime spine', () => {
  it('refuses a socket without a token or with a bad one (connect_error)', async () => {
    await expect(server.socket('')).rejects.toThrow(/token/i);
    await expect(server.socket('garbage.token.value')).rejects.toThrow(/token/i);
  });

  it('refuses a browser socket from an origin that is not allowed', async () => {
    const { io } = await import('socket.io-client');
    const s = io(server.url, {
      auth: { token: admin.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'https://evil.example' },
    });
    await expect(
      new Promise((resolve, reject) => {
        s.once('connect', () => resolve('connected'));
        s.once('connect_error', reject);
      }),
    ).rejects.toBeDefined();
    s.disconnect();
  });

  it('answers a bad socket message with the error body, and accepts a refreshed token', async () => {
    const s = await server.socket(admin.accessToken);
    const raw = s as unknown as {
      once(ev: string, fn: (b: ErrorBody) => void): void;
      emit(ev: string, body: unknown): void;
    };
    const error = new Promise<ErrorBody>((resolve) => raw.once('exception', resolve));
    raw.emit('auth.refresh', { token: 42 });
    expect(await error).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'token', message: 'is required' }],
    });
    const fresh = await server.login('admin');
    const ack = await (s as unknown as { emitWithAck(ev: string, body: unknown): Promise<unknown> }).emitWithAck(
      'auth.refresh',
      { token: fresh.accessToken },
    );
    expect(ack).toEqual({ ok: true });
  });

  it('re-establishes its LISTEN connection after the database drops it', async () => {
    const { teamA, tokenA, coordinator } = await setupTwoTeams();
    const sock = await server.socket(coordinator);
    // One listening connection for every channel: PostgreSQL wakes each listener at every notifying commit.
    const listening = await server.dataSource.query<{ application_name: string }[]>(
      `SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'crisis-dispatch-%'`,
    );
    expect(listening.map((r) => r.application_name)).toEqual(['crisis-dispatch-listener']);
    await server.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'crisis-dispatch-listener' AND datname = current_database()`,
    );
    // Wait until the listener is back, then check an event is pushed without waiting for the fallback poll.
    for (let i = 0; i < 50; i++) {
      const rows = await server.dataSource.query<unknown[]>(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'crisis-dispatch-listener' AND datname = current_database()`,
      );
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const got = nextEvent(sock, 'team.updated', (e) => e.data.id === teamA.id, 1500);
    await server.api('POST', `/teams/${teamA.id}/location`, { token: tokenA, body: { lat: 37.63, lng: 127.0 } });
    expect((await got).data.location).toMatchObject({ lat: 37.63 });
    // The sessions channel came back on the same connection: a logout closes its socket at once, not at the sweep.
    const admin = await server.login('admin');
    const adminSock = await server.socket(admin.accessToken);
    const closed = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket still open after 1500 ms')), 1500);
      adminSock.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
    expect((await server.api('POST', '/auth/logout', { token: admin.accessToken })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });

  it('delivers an event written on one instance to sockets on another (the database is the bus)', async () => {
    const { startTestServer: start } = await import('../support/test-server.js');
    const second = await start({}, server.databaseUrl);
    try {
      const { teamA, tokenA } = await setupTwoTeams();
      const remote = await second.socket(tokenA);
      const got = nextEvent(remote, 'team.updated', (e) => e.data.id === teamA.id);
      await server.api('POST', `/teams/${teamA.id}/location`, { token: tokenA, body: { lat: 37.62, lng: 127.02 } });
      expect((await got).data.location).toMatchObject({ lat: 37.62 });
    } finally {
      await second.stop();
    }
  });

  it('delivers a team event only to that team and the control room, in the envelope', async () => {
    const { teamA, teamB, tokenA, tokenB, coordinator } = await setupTwoTeams();
    const sockA = await server.socket(tokenA);
    const sockB = await server.socket(tokenB);
    const sockC = await server.socket(coordinator);
    const seenB = recordEvents(sockB);
    const atA = nextEvent(sockA, 'team.updated', (e) => e.data.id === teamA.id);
    const atC = nextEvent(sockC, 'team.updated', (e) => e.data.id === teamA.id);
    const res = await server.api('POST', `/teams/${teamA.id}/location`, {
      token: tokenA,
      body: { lat: 37.61, lng: 127.01 },
    });
    expect(res.status).toBe(204);
    const [envA, envC] = await Promise.all([atA, atC]);
    expect(envA).toEqual(envC);
    expect(Object.keys(envA).sort()).toEqual(['data', 'occurredAt', 'seq', 'type']);
    expect(envA.type).toBe('team.updated');
    expect(Number.isInteger(envA.seq)).toBe(true);
    expect(new Date(envA.occurredAt).toISOString()).toBe(envA.occurredAt);
    expect(envA.data.location).toMatchObject({ lat: 37.61, lng: 127.01 });
    // Team B's own update arrives at B, proving B's socket was live while A's event was not delivered to it.
    const ownB = nextEvent(sockB, 'team.updated', (e) => e.data.id === teamB.id);
    await server.api('POST', `/teams/${teamB.id}/location`, { token: tokenB, body: { lat: 37.5, lng: 127.0 } });
    await ownB;
    expect(seenB.filter((e) => e.type === 'team.updated' && e.data.id === teamA.id)).toEqual([]);
    // A responder may not move another team.
    const other = await server.api<ErrorBody>('POST', `/teams/${teamA.id}/location`, {
      token: tokenB,
      body: { lat: 1, lng: 1 },
    });
    expect(other.status).toBe(403);
  });

  it('lets a client that missed events catch up with GET /events, in order, gap-free, scoped', async () => {
    const { teamA, teamB, tokenA, coordinator } = await setupTwoTeams();
    const sock = await server.socket(coordinator);
    const first = nextEvent(sock, 'team.updated', (e) => e.data.id === teamA.id);
    await server.api('POST', `/teams/${teamA.id}/location`, { token: tokenA, body: { lat: 37.6, lng: 127.0 } });
    const lastSeen = (await first).seq;
    sock.disconnect();
    // While disconnected: three more changes, one of them another team's.
    for (const lat of [37.601, 37.602]) {
      await server.api('POST', `/teams/${teamA.id}/location`, { token: tokenA, body: { lat, lng: 127.0 } });
    }
    await server.api('POST', '/shifts', {
      token: admin.accessToken,
      body: {
        teamId: teamB.id,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
      },
    });
    const page = await server.api<EventsPage>('GET', `/events?after=${lastSeen}`, { token: coordinator });
    expect(page.status).toBe(200);
    const seqs = page.body.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => lastSeen + 1 + i));
    expect(page.body.events.map((e) => (e.type === 'team.updated' ? e.data.id : null))).toEqual([
      teamA.id,
      teamA.id,
      teamB.id,
    ]);
    expect(page.body.lastSeq).toBe(seqs[seqs.length - 1]);
    // The responder of team A sees its own events but not team B's.
    const scoped = await server.api<EventsPage>('GET', `/events?after=${lastSeen}`, { token: tokenA });
    expect(scoped.body.events.map((e) => (e.type === 'team.updated' ? e.data.id : null))).toEqual([teamA.id, teamA.id]);
    expect(scoped.body.lastSeq).toBe(page.body.lastSeq);
    // Paging: limit 1 gives one event and a cursor at it.
    const one = await server.api<EventsPage>('GET', `/events?after=${lastSeen}&limit=1`, { token: coordinator });
    expect(one.body.events).toHaveLength(1);
    expect(one.body.lastSeq).toBe(lastSeen + 1);
    // The head is where a client that loads a fresh snapshot starts from.
    const head = await server.api<{ lastSeq: number }>('GET', '/events/head', { token: coordinator });
    expect(head.body.lastSeq).toBe(page.body.lastSeq);
    const bad = await server.api<ErrorBody>('GET', '/events?after=-1', { token: coordinator });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('after');
  });

  it('keeps seq gap-free and commit-ordered under concurrent writers', async () => {
    const { teamA, tokenA } = await setupTwoTeams();
    const [{ seq: before }] = await server.dataSource.query<{ seq: string }[]>(`SELECT seq FROM event_counter`);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server.api('POST', `/teams/${teamA.id}/location`, { token: tokenA, body: { lat: 37.6 + i / 1000, lng: 127 } }),
      ),
    );
    const rows = await server.dataSource.query<
      {
        seq: string;
      }[]
    >(`SELECT seq FROM event WHERE seq > $1 ORDER BY seq`, [before]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => Number(before) + 1 + i));
  });
});

describe('audit', () => {
  it('writes an audit row with the change, who did it and from where, in the same transaction', async () => {
    const res = await server.api<UserView>('POST', '/users', {
      token: admin.accessToken,
      body: { username: 'audited-user', password: 'long-enough-password', displayName: 'A', role: 'counselor' },
      headers: { 'user-agent': 'audit-test' },
    });
    const rows = await server.dataSource.query<
      {
        actor_username: string;
        actor_role: string;
        ip: string;
        user_agent: string;
      }[]
    >(`SELECT * FROM audit WHERE action = 'user.created' AND entity_id = $1`, [res.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_username: 'admin', actor_role: 'admin', user_agent: 'audit-test' });
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
  });

  it('records failed logins and refuses to alter audit rows', async () => {
    await server.api('POST', '/auth/login', { body: { username: 'nobody-here', password: 'x' } });
    const rows = await server.dataSource.query<
      {
        id: string;
      }[]
    >(`SELECT id FROM audit WHERE action = 'auth.login-failed' AND actor_username = 'nobody-here'`);
    expect(rows.length).toBeGreaterThan(0);
    await expect(server.dataSource.query(`UPDATE audit SET action = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(
      /append-only/,
    );
    await expect(server.dataSource.query(`DELETE FROM audit WHERE id = $1`, [rows[0].id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('health, docs and metrics', () => {
  it('answers 503 while the database refuses connections, and 200 again when it is back', async () => {
    const own = await startTestServer();
    const dbName = new URL(own.databaseUrl).pathname.slice(1);
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      expect((await own.api('GET', '/health')).status).toBe(200);
      const { accessToken } = await own.login('admin');
      await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
      const down = await own.api<ErrorBody>('GET', '/health');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      // Any other request says the same and when to try again, not a 500 (database/unavailable.ts).
      const refused = await fetch(`${own.url}/api/v1/regions`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await refused.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
      expect((await own.api('GET', '/health')).status).toBe(200);
      expect((await own.api('GET', '/regions', { token: accessToken })).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
      await admin.end();
      await own.stop().catch(() => undefined);
      await own.dropDatabase();
    }
  }, 30_000);

  it('serves health, OpenAPI JSON and Prometheus metrics', async () => {
    expect((await server.api('GET', '/health')).body).toEqual({ status: 'ok' });
    const docs = await fetch(`${server.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    const doc = (await docs.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/events', '/api/v1/teams']),
    );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
    expect(metrics).toContain('crisis_events_published_total');
  });
});
