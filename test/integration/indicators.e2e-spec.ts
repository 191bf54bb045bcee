import type { DispatchView, ErrorBody, IncidentView, KpiReport, StaffingPlan } from '#contracts';
import type { TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import {
  createHospital,
  createIncident,
  createPoliceStation,
  createTeam,
  createUser,
  sql,
  type World,
} from '../support/dispatch-world.js';
import { squareRegion } from '../support/fixtures.js';
import { kpiReport } from '../support/kpi-report.js';

// A small world built through the API (calls, triage, incidents, offers, handoffs), then moved by SQL into a fixed
// past day with deterministic durations, so every indicator has an exact expected value.

let server: TestServer;
let world: World;
let supervisor: string;

const NORTH = { lat: 37.6, lng: 127.0 };
const T0 = Date.parse('2026-01-10T10:00:00Z');
const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();
const DAY = { from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00+00:00' };

const zeros = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 };
const noReasons = {
  'no-beds': 0,
  'no-psychiatrist': 0,
  'medical-clearance-needed': 0,
  'outside-catchment': 0,
  'not-meeting-criteria': 0,
  other: 0,
};

async function kpis(query: string, token = supervisor) {
  return server.api<KpiReport & ErrorBody>('GET', `/kpis${query}`, { token });
}

/** The query string of a period. */
const period = (p: { from: string; to: string }): string =>
  `?from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

/** The report of a period, as a supervisor reads it (200). */
async function reportFor(p: { from: string; to: string }): Promise<KpiReport> {
  const res = await kpis(period(p));
  expect(res.status).toBe(200);
  return res.body;
}

async function callOf(incidentId: string): Promise<string> {
  const rows = await sql<{ call_id: string }>(
    server,
    `SELECT call_id FROM incident_call WHERE incident_id = $1 UNION SELECT id FROM call WHERE incident_id = $1`,
    [incidentId],
  );
  expect(rows).toHaveLength(1);
  return rows[0].call_id;
}

useDispatchWorld(async (w) => {
  ({ server, world } = w);
  supervisor = await createUser(server, world.admin, 'supervisor');
});

describe('GET /kpis', () => {
  let i1: IncidentView;
  let i2: IncidentView;
  let i3: IncidentView;

  beforeAll(async () => {
    const hospital = await createHospital(server, world, 'H-KPI', { lat: 37.61, lng: 127.01 });
    const hospitalUser = await createUser(server, world.admin, 'agency', { agencyId: hospital.id });
    const police = await createPoliceStation(server, world, world.regions.north, { lat: 37.62, lng: 127.0 });

    const t1 = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.0 } });
    const t2 = await createTeam(server, world, { regionId: world.regions.north, base: { lat: 37.61, lng: 127.01 } });
    i1 = await createIncident(server, world, { category: 'A', location: NORTH });
    i2 = await createIncident(server, world, { category: 'C', location: NORTH });
    i3 = await createIncident(server, world, { category: 'E', location: NORTH });
    // A call that led to no incident.
    const c4 = await server.api<{ id: string }>('POST', '/calls', {
      token: world.counselor,
      body: { channel: 'phone' },
    });
    expect(c4.status).toBe(201);

    // i1: offered, accepted, on scene. i2: offered only.
    const d1 = await server.api<DispatchView>('POST', `/incidents/${i1.id}/dispatches`, {
      token: world.coordinator,
      body: { teamId: t1.team.id },
    });
    expect(d1.status).toBe(201);
    expect((await server.api('POST', `/dispatches/${d1.body.id}/accept`, { token: t1.token })).status).toBe(200);
    expect(
      (await server.api('POST', `/teams/${t1.team.id}/status`, { token: t1.token, body: { status: 'on-scene' } }))
        .status,
    ).toBe(200);
    const d2 = await server.api<DispatchView>('POST', `/incidents/${i2.id}/dispatches`, {
      token: world.coordinator,
      body: { teamId: t2.team.id },
    });
    expect(d2.status).toBe(201);

    // Handoffs: i1 → hospital accepts; i2 → hospital declines (no beds); i3 → police.
    const handoff = async (incidentId: string, agencyId: string, kind: string): Promise<string> => {
      const res = await server.api<{ id: string }>('POST', `/incidents/${incidentId}/handoffs`, {
        token: world.coordinator,
        body: { agencyId, kind, reason: 'indicator test' },
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const h1 = await handoff(i1.id, hospital.id, 'hospital');
    const h2 = await handoff(i2.id, hospital.id, 'hospital');
    await handoff(i3.id, police.id, 'police');
    expect((await server.api('POST', `/handoffs/${h1}/accept`, { token: hospitalUser })).status).toBe(200);
    expect(
      (await server.api('POST', `/handoffs/${h2}/decline`, { token: hospitalUser, body: { reasonCode: 'no-beds' } }))
        .status,
    ).toBe(200);

    // Deterministic times, all on 2026-01-10.
    const [c1, c2, c3] = [await callOf(i1.id), await callOf(i2.id), await callOf(i3.id)];
    const calls: [string, number, number][] = [
      [c1, 0, 10], // received T0, answered after 10 s
      [c2, 3600, 20],
      [c3, 7200, 5],
      [c4.body.id, 10800, 40],
    ];
    for (const [id, received, answer] of calls) {
      await sql(server, `UPDATE call SET received_at = $2, answered_at = $3 WHERE id = $1`, [
        id,
        at(received),
        at(received + answer),
      ]);
    }
    // Police only where the test says so: i2 by its triage, i3 by its police handoff.
    await sql(server, `UPDATE triage SET notify = jsonb_set(notify, '{police}', 'false')`);
    await sql(server, `UPDATE incident SET notify = jsonb_set(notify, '{police}', 'false')`);
    await sql(
      server,
      `UPDATE triage SET notify = jsonb_set(notify, '{police}', 'true') WHERE call_id = $1 AND superseded_at IS NULL`,
      [c2],
    );

    // i1 (A): answered T0+10 s, offered T0+40 s (30 s), accepted T0+70 s, on scene 20 min after creation, target 30 min.
    await sql(
      server,
      `UPDATE incident SET created_at = $2, first_dispatched_at = $3, accepted_at = $4, on_scene_at = $5, respond_by = $6 WHERE id = $1`,
      [i1.id, at(60), at(40), at(70), at(60 + 20 * 60), at(60 + 30 * 60)],
    );
    await sql(server, `UPDATE dispatch SET offered_at = $2, responded_at = $3 WHERE id = $1`, [
      d1.body.id,
      at(40),
      at(70),
    ]);
    // i2 (C): answered T0+3620 s, offered 90 s later, never on scene, target passed.
    await sql(
      server,
      `UPDATE incident SET created_at = $2, first_dispatched_at = $3, accepted_at = NULL, on_scene_at = NULL, respond_by = $4 WHERE id = $1`,
      [i2.id, at(3660), at(3710), at(3660 + 3600)],
    );
    await sql(server, `UPDATE dispatch SET offered_at = $2 WHERE id = $1`, [d2.body.id, at(3710)]);
    // i3 (E): no team, no response target.
    await sql(server, `UPDATE incident SET created_at = $2, respond_by = NULL WHERE id = $1`, [i3.id, at(7260)]);
    await sql(server, `UPDATE handoff SET requested_at = $2 WHERE incident_id = $1`, [i1.id, at(2000)]);
    // The hospital accepted i1's request 25 minutes after it was asked: the bed-found time.
    await sql(server, `UPDATE handoff SET responded_at = $2 WHERE id = $1`, [h1, at(2000 + 25 * 60)]);
    await sql(server, `UPDATE handoff SET requested_at = $2 WHERE incident_id = $1`, [i2.id, at(4000)]);
    await sql(server, `UPDATE handoff SET requested_at = $2 WHERE incident_id = $1`, [i3.id, at(8000)]);

    // Follow-ups: whatever the intake made moves out of the way; three due on the day, one done within 24 h,
    // one done late, one not done.
    await sql(server, `UPDATE follow_up SET due_at = '2030-01-01T00:00:00Z', created_at = '2030-01-01T00:00:00Z'`);
    const followUps: [string, number, number | null][] = [
      [c1, 0, 5 * 3600],
      [c2, 3600, 3600 + 30 * 3600],
      [c4.body.id, 10800, null],
    ];
    for (const [callId, created, done] of followUps) {
      await sql(
        server,
        `INSERT INTO follow_up (call_id, category, due_at, done_at, created_at) VALUES ($1, 'E', $2, $3, $4)
         ON CONFLICT (call_id) DO UPDATE SET due_at = EXCLUDED.due_at, done_at = EXCLUDED.done_at, created_at = EXCLUDED.created_at`,
        [callId, at(created + 10 * 3600), done === null ? null : at(done), at(created)],
      );
    }
  }, 60_000);

  it('answers the contract shape with exact figures for the day', async () => {
    expect(await reportFor(DAY)).toEqual({
      from: '2026-01-10T00:00:00.000Z',
      to: '2026-01-11T00:00:00.000Z',
      // answer seconds 5, 10, 20, 40: p50 15, p90 20 + 0.7 × 20 = 34.
      calls: {
        total: 4,
        answered: 4,
        answeredWithin15sShare: 0.5,
        answeredWithin20sShare: 0.75,
        answerSecondsP50: 15,
        answerSecondsP90: 34,
      },
      incidents: { total: 3, byCategory: { ...zeros, A: 1, C: 1, E: 1 } },
      // 30 s and 90 s: p90 30 + 0.9 × 60 = 84.
      processing: { measured: 2, answerToDispatchSecondsP90: 84, within60sShare: 0.5 },
      response: {
        offered: 2,
        accepted: 1,
        onScene: 1,
        withinTargetShare: 0.5,
        acceptSecondsP50: 30,
        onSceneMinutesP50ByCategory: { ...zeros, A: 20 },
      },
      handoffs: {
        requested: 3,
        accepted: 1,
        declined: 1,
        hospitalRefusalRate: 0.5,
        declineReasons: { ...noReasons, 'no-beds': 1 },
        bedFoundMinutesP50: 25,
      },
      policeInvolvementShare: 0.6667,
      followUps: { due: 3, doneWithin24hShare: 0.3333 },
    });
  });

  it('counts only what falls in the period (half-open [from, to))', async () => {
    const report = await reportFor({ from: '2026-01-10T19:00:00+09:00', to: '2026-01-10T11:00:00Z' });
    // 10:00–11:00 UTC: calls c1 (10:00:00) and c2 (11:00:00 excluded): one call, one incident.
    expect(report.from).toBe('2026-01-10T10:00:00.000Z');
    expect(report.calls).toMatchObject({
      total: 1,
      answerSecondsP50: 10,
      answerSecondsP90: 10,
      answeredWithin15sShare: 1,
    });
    expect(report.incidents).toEqual({ total: 1, byCategory: { ...zeros, A: 1 } });
    expect(report.response).toMatchObject({ offered: 1, accepted: 1, onScene: 1, withinTargetShare: 1 });
    expect(report.policeInvolvementShare).toBe(0);
  });

  it('gives zeros for an empty period, never NaN or null', async () => {
    expect(await reportFor({ from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' })).toEqual(
      kpiReport({
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-01-02T00:00:00.000Z',
        handoffs: { declineReasons: noReasons },
      }),
    );
  });

  it('defaults to the last 24 hours and lets a coordinator read it', async () => {
    const res = await kpis('', world.coordinator);
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(24 * 3600_000);
    expect(Math.abs(Date.parse(res.body.to) - Date.now())).toBeLessThan(60_000);
    expect(res.body.calls.total).toBe(0);
  });

  it('refuses a counselor with 403 and a bad period with 400 naming the field', async () => {
    expect((await kpis('', world.counselor)).status).toBe(403);
    const bad = await kpis('?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details![0].field).toBe('from');
    const noOffset = await kpis('?to=2026-01-10T00:00:00');
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.details![0].field).toBe('to');
    const reversed = await kpis(period({ from: DAY.to, to: DAY.from }));
    expect(reversed.status).toBe(400);
    expect(reversed.body.details![0].field).toBe('from');
    const same = await kpis(period({ from: DAY.from, to: DAY.from }));
    expect(same.status).toBe(400);
  });
});

describe('GET /planning/staffing', () => {
  it('gives the study figures per region with population, nulls and a note without, and the centre-wide minimum', async () => {
    const withPop = (code: string, name: string, lat: number, population: number) => {
      const f = squareRegion(code, name, lat, 127.3);
      return { ...f, properties: { ...f.properties, pop: population } };
    };
    const imported = await server.api(
      'POST',
      '/regions/import?nameProperty=name&codeProperty=code&populationProperty=pop',
      {
        token: world.admin,
        body: {
          type: 'FeatureCollection',
          features: [
            withPop('J', 'Jongno-gu', 37.2, 149_608),
            withPop('K', 'Boundary', 37.0, 400_001),
            withPop('M', 'Metro', 36.8, 1_200_000),
          ],
        },
      },
    );
    expect(imported.status).toBe(200);

    expect((await server.api('GET', '/planning/staffing', { token: world.coordinator })).status).toBe(403);
    const res = await server.api<StaffingPlan>('GET', '/planning/staffing', { token: supervisor });
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.regions.map((r) => [r.code, r]));
    expect(byCode.J).toMatchObject({
      population: 149_608,
      caseManagers: 12,
      teamLeaders: 3,
      staffTotal: 15,
      smiMinimumWorkforce: 5,
    });
    expect(byCode.K).toMatchObject({
      population: 400_001,
      caseManagers: 33,
      teamLeaders: 9,
      staffTotal: 42,
      smiMinimumWorkforce: 23,
    });
    expect(byCode.M).toMatchObject({
      population: 1_200_000,
      caseManagers: 96,
      teamLeaders: 24,
      staffTotal: 120,
      smiMinimumWorkforce: 23,
    });
    expect(byCode.N).toMatchObject({
      regionId: world.regions.north,
      population: null,
      caseManagers: null,
      teamLeaders: null,
      staffTotal: null,
      smiMinimumWorkforce: null,
    });
    expect(byCode.N.note).toMatch(/population/);
    for (const r of res.body.regions)
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'regionId',
          'population',
          'caseManagers',
          'teamLeaders',
          'staffTotal',
          'smiMinimumWorkforce',
        ]),
      );
    // 1,749,609 residents × 8 ÷ 1,000,000 = 13.99 → 14 (≥ 8).
    expect(res.body).toMatchObject({ totalPopulation: 1_749_609, crisisRoundTheClockMinimum: 14 });
  });
});
