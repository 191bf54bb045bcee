import type { ErrorBody, IncidentView, KpiReport, KpiTrend } from '#contracts';
import { KPI_CSV_HEADER } from '#dispatch';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { parseCsv } from '../support/csv.js';
import { buildWorld, createIncident, createUser, sql, type World } from '../support/dispatch-world.js';

// GET /kpis filters (region, category), its CSV (Accept: text/csv and GET /kpis.csv) and GET /kpis/trend, on a
// history built through the API and moved by SQL to fixed times of two Seoul days.

let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;
let supervisor: string;

const NORTH = { lat: 37.6, lng: 127.0 };
const SOUTH = { lat: 37.5, lng: 127.0 };
// 2026-02-03 and 2026-02-04 in Seoul (UTC+9).
const PERIOD = { from: '2026-02-03T00:00:00+09:00', to: '2026-02-05T00:00:00+09:00' };
const qs = (o: Record<string, string>): string => '?' + new URLSearchParams(o).toString();

async function place(incident: IncidentView, createdAt: string, answerSeconds: number): Promise<void> {
  const created = Date.parse(createdAt);
  const callIds = await sql<{ id: string }>(
    server,
    `SELECT id FROM call WHERE incident_id = $1 UNION SELECT call_id FROM incident_call WHERE incident_id = $1`,
    [incident.id],
  );
  for (const { id } of callIds) {
    await sql(server, `UPDATE call SET received_at = $2, answered_at = $3 WHERE id = $1`, [
      id,
      new Date(created - 60_000).toISOString(),
      new Date(created - 60_000 + answerSeconds * 1000).toISOString(),
    ]);
  }
  await sql(server, `UPDATE incident SET created_at = $2 WHERE id = $1`, [
    incident.id,
    new Date(created).toISOString(),
  ]);
}

function valueAt(report: KpiReport, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  supervisor = await createUser(server, world.admin, 'supervisor');
  // North: A at 10:00 on the 3rd (answered in 10 s), C at 23:30 on the 3rd (30 s). South: A at 10:20 on the 4th (50 s).
  const north1 = await createIncident(server, world, { category: 'A', location: NORTH });
  const north2 = await createIncident(server, world, { category: 'C', location: NORTH });
  const south1 = await createIncident(server, world, { category: 'A', location: SOUTH });
  await place(north1, '2026-02-03T10:00:00+09:00', 10);
  await place(north2, '2026-02-03T23:30:00+09:00', 30);
  await place(south1, '2026-02-04T10:20:00+09:00', 50);
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

describe('GET /kpis filters', () => {
  it('filters by region and by category', async () => {
    const all = await server.api<KpiReport>('GET', `/kpis${qs(PERIOD)}`, { token: supervisor });
    expect(all.status).toBe(200);
    expect(all.body.incidents.total).toBe(3);
    expect(all.body.calls.total).toBe(3);

    const north = await server.api<KpiReport>('GET', `/kpis${qs({ ...PERIOD, regionId: world.regions.north })}`, {
      token: supervisor,
    });
    expect(north.body.incidents).toMatchObject({ total: 2, byCategory: { A: 1, C: 1 } });
    // The calls of the region's incidents only: 10 s and 30 s.
    expect(north.body.calls).toMatchObject({ total: 2, answerSecondsP50: 20, answeredWithin15sShare: 0.5 });

    const catA = await server.api<KpiReport>('GET', `/kpis${qs({ ...PERIOD, category: 'A' })}`, { token: supervisor });
    expect(catA.body.incidents).toMatchObject({ total: 2, byCategory: { A: 2, C: 0 } });
    expect(catA.body.calls).toMatchObject({ total: 2, answerSecondsP50: 30 });

    const southC = await server.api<KpiReport>(
      'GET',
      `/kpis${qs({ ...PERIOD, regionId: world.regions.south, category: 'C' })}`,
      { token: supervisor },
    );
    expect(southC.body.incidents.total).toBe(0);
    expect(southC.body.calls.total).toBe(0);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    const bad = await server.api<ErrorBody>('GET', `/kpis${qs({ ...PERIOD, category: 'Z' })}`, { token: supervisor });
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('category');
    const region = await server.api<ErrorBody>('GET', `/kpis${qs({ regionId: 'north' })}`, { token: supervisor });
    expect(region.status).toBe(400);
    expect(region.body.details![0].field).toBe('regionId');
    const unknown = await server.api<ErrorBody>('GET', `/kpis${qs({ team: 'x' })}`, { token: supervisor });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details![0].field).toBe('team');
  });
});

describe('GET /kpis/regions', () => {
  it('gives the report of each region, as GET /kpis with that regionId', async () => {
    const res = await server.api<{ regionId: string; report: KpiReport }[]>(
      'GET',
      `/kpis/regions${qs({ ...PERIOD, category: 'A' })}`,
      { token: supervisor },
    );
    expect(res.status).toBe(200);
    const byRegion = Object.fromEntries(res.body.map((r) => [r.regionId, r.report]));
    expect(byRegion[world.regions.north].incidents.total).toBe(1);
    expect(byRegion[world.regions.south].incidents.total).toBe(1);
    const south = await server.api<KpiReport>(
      'GET',
      `/kpis${qs({ ...PERIOD, category: 'A', regionId: world.regions.south })}`,
      { token: supervisor },
    );
    expect(byRegion[world.regions.south]).toEqual(south.body);
    expect((await server.api('GET', '/kpis/regions', { token: world.counselor })).status).toBe(403);
  });
});

describe('CSV', () => {
  it('gives one row per indicator whose values are those of GET /kpis, by Accept and by .csv', async () => {
    const query = qs({ ...PERIOD, regionId: world.regions.north });
    const json = await server.api<KpiReport>('GET', `/kpis${query}`, { token: supervisor });
    const byAccept = await server.api<string>('GET', `/kpis${query}`, {
      token: supervisor,
      headers: { accept: 'text/csv' },
    });
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/csv/);
    // JSON stays the answer when the client prefers it or accepts anything.
    for (const accept of ['application/json, text/csv;q=0.5', '*/*']) {
      expect(
        (await server.api<KpiReport>('GET', `/kpis${query}`, { token: supervisor, headers: { accept } })).body,
      ).toEqual(json.body);
    }
    const byPath = await server.api<string>('GET', `/kpis.csv${query}`, { token: supervisor });
    expect(byPath.status).toBe(200);
    expect(byPath.body).toBe(byAccept.body);

    const [header, ...rows] = parseCsv(byAccept.body);
    expect(header).toEqual([...KPI_CSV_HEADER]);
    const indicators = rows.map((r) => r[1]);
    expect(new Set(indicators).size).toBe(rows.length);
    for (const r of rows) {
      expect(r).toHaveLength(KPI_CSV_HEADER.length);
      expect(Number(r[2])).toBe(valueAt(json.body, r[1]));
      expect(r[7]).toBe(json.body.from);
    }
    // Every number of the report is in the file: counts per category, decline reasons, shares and times.
    expect(indicators).toEqual(
      expect.arrayContaining([
        'calls.answeredWithin15sShare',
        'incidents.byCategory.C',
        'handoffs.declineReasons.no-beds',
        'policeInvolvementShare',
        'followUps.doneWithin24hShare',
      ]),
    );
    const p90 = rows.find((r) => r[1] === 'calls.answerSecondsP90')!;
    expect(p90.slice(0, 7)).toEqual([
      'timely',
      'calls.answerSecondsP90',
      String(json.body.calls.answerSecondsP90),
      'seconds',
      '<=',
      '15',
      'NENA-STA-020.1-2020',
    ]);
    expect(rows.find((r) => r[1] === 'response.onSceneMinutesP50ByCategory.B')!.slice(4, 6)).toEqual(['<=', '120']);
  });

  it('is refused to a counselor like the JSON', async () => {
    expect((await server.api('GET', '/kpis.csv', { token: world.counselor })).status).toBe(403);
  });
});

describe('GET /kpis/trend', () => {
  it('gives one point per Seoul day whose report equals GET /kpis over that day', async () => {
    const res = await server.api<KpiTrend>('GET', `/kpis/trend${qs({ ...PERIOD, bucket: 'day' })}`, {
      token: supervisor,
    });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Asia/Seoul');
    expect(res.body.points.map((p) => p.bucket)).toEqual(['2026-02-03', '2026-02-04']);
    expect(res.body.points.map((p) => p.report.incidents.total)).toEqual([2, 1]);
    const day2 = await server.api<KpiReport>(
      'GET',
      `/kpis${qs({ from: '2026-02-04T00:00:00+09:00', to: PERIOD.to })}`,
      { token: supervisor },
    );
    expect(res.body.points[1].report).toEqual(day2.body);
  });

  it('gathers each hour of day over the period', async () => {
    const res = await server.api<KpiTrend>('GET', `/kpis/trend${qs({ ...PERIOD, bucket: 'hour' })}`, {
      token: supervisor,
    });
    expect(res.status).toBe(200);
    expect(res.body.points).toHaveLength(24);
    const incidentsByHour = Object.fromEntries(
      res.body.points.filter((p) => p.report.incidents.total > 0).map((p) => [p.bucket, p.report.incidents.total]),
    );
    expect(incidentsByHour).toEqual({ '10': 2, '23': 1 });
    // Calls were received a minute before their incident: 09:59, 23:29 and 10:19.
    const callsByHour = Object.fromEntries(
      res.body.points.filter((p) => p.report.calls.total > 0).map((p) => [p.bucket, p.report.calls.total]),
    );
    expect(callsByHour).toEqual({ '09': 1, '10': 1, '23': 1 });
  });

  it('exports CSV and refuses a period longer than a quarter', async () => {
    const csv = await server.api<string>('GET', `/kpis/trend${qs({ ...PERIOD, bucket: 'day' })}`, {
      token: supervisor,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(['bucket_kind', 'bucket', 'domain', 'indicator', 'value', 'unit']);
    expect(rows).toContainEqual(['day', '2026-02-03', 'accessible', 'incidents.total', '2', 'count']);
    const long = await server.api<ErrorBody>(
      'GET',
      `/kpis/trend${qs({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })}`,
      { token: supervisor },
    );
    expect(long.status).toBe(400);
    expect(long.body.details![0].field).toBe('from');
    const tz = await server.api<ErrorBody>('GET', `/kpis/trend${qs({ ...PERIOD, timeZone: 'Mars/Olympus' })}`, {
      token: supervisor,
    });
    expect(tz.status).toBe(400);
    expect(tz.body.details![0].field).toBe('timeZone');
  });
});
