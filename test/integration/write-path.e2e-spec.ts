import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../apps/api/src/database/embedded.js';
import { poolOf } from '../../apps/api/src/database/statements.js';
import { createTestDatabase } from '../support/database.js';
import { installAppInto, runApp, waitForOutput } from '../support/app-process.js';
import { INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { ADMIN_PASSWORD, startTestServer } from '../support/test-server.js';

// The write path of issue 12: incident numbers from a per-year sequence, events numbered in one final statement.
// What must survive the change: numbers unique and readable, seq gap-free, and every create the server acknowledged
// still there after the server process is killed with SIGKILL in the middle of a burst.

const year = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', year: 'numeric' }).format(new Date());

it('continues the numbers of the old per-year counter and keeps them unique under a burst', async () => {
  const server = await startTestServer();
  try {
    // A database that numbered incidents with the old counter row, up to 41 this year.
    await server.dataSource.query(`INSERT INTO incident_counter (year, n) VALUES ($1, 41)`, [Number(year)]);
    const admin = await server.login('admin');
    const counselor = await makeUser(server, admin.accessToken, 'counselor');
    const calls = await Promise.all(Array.from({ length: 12 }, async () => (await triage(server, counselor.token)).id));
    const results = await Promise.all(
      calls.map((callId) =>
        server.api<{ number: string }>('POST', '/incidents', {
          token: counselor.token,
          body: { callId, location: { lat: 37.55, lng: 126.98 } },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.body.number).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(42 + i).padStart(6, '0')}`));
  } finally {
    await server.stop();
    await server.dropDatabase();
  }
}, 60_000);

it("reaches PostgreSQL twice for a create's unit of work: the call's read (with BEGIN, drawing the number) and the commit", async () => {
  const server = await startTestServer();
  try {
    const admin = await server.login('admin');
    const counselor = await makeUser(server, admin.accessToken, 'counselor');
    const supervisor = await makeUser(server, admin.accessToken, 'supervisor');
    // A registered client of 15: the call's read brings the birth year, which sets the skills the incident needs.
    const client = await server.api<{ id: string }>('POST', '/clients', {
      token: supervisor.token,
      body: {
        basis: { kind: 'consent', scope: 'case management', at: '2026-01-05T09:00:00+09:00' },
        name: 'Round Trip Teen',
        phones: ['010-5555-0015'],
        birthYear: Number(year) - 15,
      },
    });
    expect(client.status).toBe(201);
    const writes = recordPoolWrites(server);
    const create = async (call: { id: string }) => {
      writes.length = 0;
      const res = await server.api<{ id: string; number: string }>('POST', '/incidents', {
        token: counselor.token,
        body: { callId: call.id, location: { lat: 37.55, lng: 126.98 } },
      });
      expect(res.status).toBe(201);
      // The call's id is a parameter of the unit of work's read and of its commit (the incident's link, timeline
      // and audit rows), and of nothing else a connection of the pool sends meanwhile (the session check, a timer).
      const ofCreate = writes.filter((w) => w.includes(call.id));
      expect(ofCreate).toHaveLength(2);
      expect(ofCreate[1]).toContain(res.body.id);
      // What the commit wrote is what the create answered.
      const [stored] = await server.dataSource.query<{ number: string; incident_id: string; skills: string[] }[]>(
        `SELECT i.number, c.incident_id, i.needed_skills AS skills FROM incident i JOIN call c ON c.incident_id = i.id
         WHERE c.id = $1`,
        [call.id],
      );
      expect(stored).toMatchObject({ number: res.body.number, incident_id: res.body.id });
      return stored.skills;
    };
    expect(await create(await triage(server, counselor.token))).toEqual([]);
    const known = await newCall(server, counselor.token, { channel: 'phone', callerNumber: '010-5555-0015' });
    expect(known.clientId).toBe(client.body.id);
    await triageCall(server, counselor.token, known.id, INPUT_FOR.B);
    expect(await create(known)).toEqual(['adolescent']);
  } finally {
    await server.stop();
    await server.dropDatabase();
  }
}, 60_000);

/** Every write the pool's connections make from now on, as the bytes sent (statements' parameters travel as text). */
function recordPoolWrites(server: { dataSource: Parameters<typeof poolOf>[0] }): string[] {
  const writes: string[] = [];
  const watched = new WeakSet<object>();
  poolOf(server.dataSource).on('acquire', (client) => {
    const stream = (client as unknown as { connection: { stream: RawStream } }).connection.stream;
    if (watched.has(stream)) return;
    watched.add(stream);
    const writev = stream._writev.bind(stream);
    const write = stream._write.bind(stream);
    stream._writev = (chunks, cb) => {
      writes.push(Buffer.concat(chunks.map((c) => c.chunk)).toString('latin1'));
      writev(chunks, cb);
    };
    stream._write = (chunk, encoding, cb) => {
      writes.push(chunk.toString('latin1'));
      write(chunk, encoding, cb);
    };
  });
  return writes;
}

it('draws no number for a create refused because the call is not triaged, already has its incident, or is attached', async () => {
  const server = await startTestServer();
  try {
    const admin = await server.login('admin');
    const counselor = await makeUser(server, admin.accessToken, 'counselor');
    const create = (body: Record<string, unknown>) =>
      server.api<{ id: string; number: string }>('POST', '/incidents', {
        token: counselor.token,
        body: { location: { lat: 37.55, lng: 126.98 }, ...body },
      });
    const first = await create({ callId: (await triage(server, counselor.token)).id });
    expect(first.status).toBe(201);
    const untriaged = await newCall(server, counselor.token);
    expect((await create({ callId: untriaged.id })).status).toBe(400);
    const [{ call_id: linked }] = await server.dataSource.query<{ call_id: string }[]>(
      `SELECT call_id FROM incident_call WHERE incident_id = $1`,
      [first.body.id],
    );
    expect((await create({ callId: linked })).status).toBe(409);
    const attached = await create({
      callId: (await triage(server, counselor.token)).id,
      attachToIncidentId: first.body.id,
    });
    expect(attached.status).toBe(200);
    const next = await create({ callId: (await triage(server, counselor.token)).id });
    expect(next.status).toBe(201);
    const n = (number: string): number => Number(number.split('-')[1]);
    expect(n(next.body.number)).toBe(n(first.body.number) + 1);
  } finally {
    await server.stop();
    await server.dropDatabase();
  }
}, 60_000);

interface RawStream {
  _writev: (chunks: { chunk: Buffer }[], cb: unknown) => void;
  _write: (chunk: Buffer, encoding: unknown, cb: unknown) => void;
}

async function triage(server: Parameters<typeof newCall>[0], token: string): Promise<{ id: string }> {
  const call = await newCall(server, token);
  await triageCall(server, token, call.id, INPUT_FOR.B);
  return call;
}

it('keeps every acknowledged create, with its event and a gap-free seq, after kill -9 mid-burst', async () => {
  const home = mkdtempSync(join(tmpdir(), 'crisis-kill9-'));
  const appDir = join(home, 'app');
  mkdirSync(appDir);
  // Empty, as for `npm start` on a new DATABASE_URL: the app process migrates it itself.
  const db = await createTestDatabase({ empty: true });
  try {
    await installAppInto(appDir);
    const port = await freePort();
    const app = runApp(appDir, {
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      DEMO_DATA: 'false',
      TIMER_POLL_MS: '60000',
    });
    await waitForOutput(app, /serving on http:\/\/localhost:\d+/);
    const url = `http://127.0.0.1:${port}/api/v1`;
    const call = async <T>(
      method: string,
      path: string,
      token: string | null,
      body?: unknown,
    ): Promise<{ status: number; body: T }> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    };
    const admin = (
      await call<{ accessToken: string }>('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })
    ).body.accessToken;
    await call('POST', '/users', admin, {
      username: 'kill9-counselor',
      password: 'kill9-counselor-pw',
      displayName: 'K',
      role: 'counselor',
    });
    const token = (
      await call<{ accessToken: string }>('POST', '/auth/login', null, {
        username: 'kill9-counselor',
        password: 'kill9-counselor-pw',
      })
    ).body.accessToken;
    const callIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await call<{ id: string }>('POST', '/calls', token, { channel: 'phone' });
      await call('POST', `/calls/${c.body.id}/triage`, token, INPUT_FOR.C);
      callIds.push(c.body.id);
    }

    // The burst: 40 creates at once; the process dies as soon as ten are acknowledged.
    const acknowledged: { id: string; number: string }[] = [];
    let killed = false;
    await Promise.all(
      callIds.map(async (callId) => {
        try {
          const res = await call<{ id: string; number: string }>('POST', '/incidents', token, {
            callId,
            location: { lat: 37.56, lng: 126.97 },
          });
          if (res.status === 201) acknowledged.push(res.body);
        } catch {
          // The connection died with the process: not acknowledged, so it may or may not be there.
        }
        if (acknowledged.length >= 10 && !killed) {
          killed = true;
          app.child.kill('SIGKILL');
        }
      }),
    );
    await app.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);

    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    try {
      const ids = acknowledged.map((a) => a.id);
      const { rows: incidents } = await check.query<{ id: string; number: string }>(
        `SELECT id, number FROM incident WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      expect(incidents.map((r) => `${r.id} ${r.number}`).sort()).toEqual(
        acknowledged.map((a) => `${a.id} ${a.number}`).sort(),
      );
      const { rows: created } = await check.query<{ id: string }>(
        `SELECT data->>'id' AS id FROM event WHERE type = 'incident.created' AND data->>'id' = ANY($1)`,
        [ids],
      );
      expect(created).toHaveLength(ids.length);
      // Every incident that made it (acknowledged or not) has a distinct number and its event; seq has no gap.
      const { rows: all } = await check.query<{ n: number; numbers: number; events: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers,
           (SELECT count(*)::int FROM event WHERE type = 'incident.created') AS events FROM incident`,
      );
      expect(all[0].numbers).toBe(all[0].n);
      expect(all[0].events).toBe(all[0].n);
      const { rows: seq } = await check.query<{ n: string; lo: string; hi: string; head: string }>(
        `SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi, (SELECT seq FROM event_counter) AS head FROM event`,
      );
      expect(Number(seq[0].hi) - Number(seq[0].lo) + 1).toBe(Number(seq[0].n));
      expect(seq[0].head).toBe(seq[0].hi);
    } finally {
      await check.end();
    }
  } finally {
    await db.drop();
    rmSync(home, { recursive: true, force: true });
  }
}, 120_000);
