import type { CallView, Category, ErrorBody, IncidentDetail, LoginResponse, TriageRecord } from '#contracts';
import { RULES_VERSION } from '#triage';
import { nextEvent, startTestServer, type TestServer } from '../support/test-server.js';
import { importSquareRegion } from '../support/fixtures.js';
import { answers, createIncident, INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { expectStatus } from '../support/expect-status.js';

// Triage through the API: every category, every kind of refusal (400 naming the field, skip logic included),
// overrides, re-triage history, and what a triage change does to the call's incident.
// Response times are configuration: this server runs with B = 90 minutes instead of the default 120.

let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;
let counselor: { id: string; token: string; username: string };
let counselor2: { id: string; token: string; username: string };
let supervisor: { id: string; token: string; username: string };

beforeAll(async () => {
  server = await startTestServer({ TRIAGE_RESPONSE_MINUTES: 'B=90' });
  admin = await server.login('admin');
  counselor = await makeUser(server, admin.accessToken, 'counselor');
  counselor2 = await makeUser(server, admin.accessToken, 'counselor');
  supervisor = await makeUser(server, admin.accessToken, 'supervisor');
  await importSquareRegion(server, admin.accessToken, 'T1', 'Triage land', 37.5, 127.0);
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

const triageRows = async (callId: string) =>
  await server.dataSource.query<{ category: Category; superseded_at: Date | null; override: unknown }[]>(
    `SELECT category, superseded_at, override FROM triage WHERE call_id = $1 ORDER BY assessed_at, superseded_at NULLS LAST`,
    [callId],
  );

/** The counselor's own category, with a reason, in place of the rules' answer (`token`: the counselor by default). */
const overrideTriage = (callId: string, body: Record<string, unknown>, token = counselor.token) =>
  server.api<TriageRecord & ErrorBody>('POST', `/calls/${callId}/triage/override`, { token, body });

describe('POST /calls/:id/triage', () => {
  const expected: Record<Category, { cssrsRisk: string; minutes: number | null; reasons: string[] }> = {
    A: { cssrsRisk: 'none', minutes: 0, reasons: ['selfHarmInProgress'] },
    B: { cssrsRisk: 'high', minutes: 90, reasons: ['cssrs.high'] },
    C: { cssrsRisk: 'moderate', minutes: 480, reasons: ['cssrs.moderate'] },
    D: { cssrsRisk: 'low', minutes: 4320, reasons: ['cssrs.low'] },
    E: { cssrsRisk: 'none', minutes: 40320, reasons: ['distress.moderate'] },
    F: { cssrsRisk: 'none', minutes: null, reasons: ['referralOnly'] },
    G: { cssrsRisk: 'none', minutes: null, reasons: ['infoOnly'] },
  };

  it.each(Object.keys(expected) as Category[])(
    'gives category %s with its configured response time and the rules version',
    async (category) => {
      const call = await newCall(server, counselor.token);
      const res = await server.api<TriageRecord>('POST', `/calls/${call.id}/triage`, {
        token: counselor.token,
        body: INPUT_FOR[category],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        category,
        suggestedCategory: category,
        cssrsRisk: expected[category].cssrsRisk,
        respondWithinMinutes: expected[category].minutes,
        reasons: expected[category].reasons,
        rulesVersion: RULES_VERSION,
        override: null,
        callId: call.id,
        assessedBy: counselor.username,
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Object.keys(res.body.notify).sort()).toEqual(['ems', 'fire', 'police']);
    },
  );

  it('tells which partners to notify by the specified rule', async () => {
    const cases: [ReturnType<typeof answers>, Category, { police: boolean; ems: boolean; fire: boolean }][] = [
      [answers({ selfHarmInProgress: true }), 'A', { police: false, ems: true, fire: false }],
      [answers({ rescueNeeded: true }), 'A', { police: false, ems: false, fire: true }],
      [answers({ harmToOthers: 'threats', weaponAccess: true }), 'B', { police: true, ems: false, fire: false }],
      [answers({ policeRequestsAssessment: true }), 'B', { police: true, ems: false, fire: false }],
      // C–G never bring police, whatever else is true.
      [answers({ harmToOthers: 'threats' }), 'C', { police: false, ems: false, fire: false }],
    ];
    for (const [input, category, notify] of cases) {
      const call = await newCall(server, counselor.token);
      const t = await triageCall(server, counselor.token, call.id, input);
      expect({ category: t.category, notify: t.notify }).toEqual({ category, notify });
    }
  });

  const refusals: [string, unknown, string[]][] = [
    ['a missing field', (({ weaponAccess: _w, ...rest }) => rest)(answers()), ['weaponAccess']],
    [
      'a missing nested field',
      { ...answers(), cssrs: (({ behavior: _b, ...rest }) => rest)(answers().cssrs) },
      ['cssrs.behavior'],
    ],
    ['an extra field', { ...answers(), mood: 'low' }, ['mood']],
    ['an extra nested field', { ...answers(), cssrs: { ...answers().cssrs, q7: true } }, ['cssrs.q7']],
    ['a wrong type', { ...answers(), weaponAccess: 'yes' }, ['weaponAccess']],
    ['a value outside the enum', { ...answers(), harmToOthers: 'maybe' }, ['harmToOthers']],
    ['a wrong nested type', { ...answers(), cssrs: { ...answers().cssrs, behavior: 3 } }, ['cssrs.behavior']],
    [
      'skip logic: method without thoughts',
      answers({ cssrs: { thoughtsWithMethod: true } }),
      ['cssrs.thoughtsWithMethod'],
    ],
    ['skip logic: intent without thoughts', answers({ cssrs: { intent: true } }), ['cssrs.intent']],
    ['skip logic: plan without thoughts', answers({ cssrs: { planWithIntent: true } }), ['cssrs.planWithIntent']],
    [
      'skip logic: all three',
      answers({ cssrs: { thoughtsWithMethod: true, intent: true, planWithIntent: true } }),
      ['cssrs.intent', 'cssrs.planWithIntent', 'cssrs.thoughtsWithMethod'],
    ],
    ['a body that is not an object', [1, 2], ['body']],
    [
      'several problems at once',
      { ...answers({ cssrs: { intent: true } }), distress: 'extreme', extra: 1 },
      ['cssrs.intent', 'distress', 'extra'],
    ],
  ];

  it.each(refusals)('refuses %s with 400 naming the field and stores nothing', async (_name, body, fields) => {
    const call = await newCall(server, counselor.token);
    const res = await server.api<ErrorBody>('POST', `/calls/${call.id}/triage`, { token: counselor.token, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details!.map((d) => d.field).sort()).toEqual(fields);
    for (const d of res.body.details!) expect(d.message).toContain(d.field === 'body' ? '' : d.field);
    expect(await triageRows(call.id)).toEqual([]);
  });

  it('refuses a missing body with 400, and an unknown call with 404', async () => {
    const call = await newCall(server, counselor.token);
    const none = await server.api<ErrorBody>('POST', `/calls/${call.id}/triage`, { token: counselor.token });
    expect(none.status).toBe(400);
    const unknown = await server.api<ErrorBody>('POST', `/calls/00000000-0000-4000-8000-000000000000/triage`, {
      token: counselor.token,
      body: answers(),
    });
    expect(unknown.status).toBe(404);
    const badId = await server.api<ErrorBody>('POST', `/calls/nope/triage`, {
      token: counselor.token,
      body: answers(),
    });
    expect(badId.status).toBe(400);
    expect(badId.body.details![0].field).toBe('id');
  });

  it('is for counselors only', async () => {
    const call = await newCall(server, counselor.token);
    await expectStatus(
      server.api('POST', `/calls/${call.id}/triage`, { token: supervisor.token, body: answers() }),
      403,
    );
  });

  it('keeps the history on re-triage: the earlier row is superseded, exactly one is current', async () => {
    const call = await newCall(server, counselor.token);
    await triageCall(server, counselor.token, call.id, INPUT_FOR.D);
    const second = await triageCall(server, counselor.token, call.id, INPUT_FOR.B);
    const rows = await triageRows(call.id);
    expect(rows.map((r) => r.category)).toEqual(['D', 'B']);
    expect(rows.filter((r) => r.superseded_at === null)).toHaveLength(1);
    expect(rows[1].superseded_at).toBeNull();
    const view = await server.api<CallView>('GET', `/calls/${call.id}`, { token: counselor.token });
    expect(view.body.triage).toMatchObject({ id: second.id, category: 'B' });
    const history = await server.api<TriageRecord[]>('GET', `/calls/${call.id}/triage/history`, {
      token: supervisor.token,
    });
    expect(history.body.map((t) => t.category)).toEqual(['D', 'B']);
  });
});

describe('POST /calls/:id/triage/override', () => {
  it('needs a reason (400) and a valid category (400)', async () => {
    const call = await newCall(server, counselor.token);
    await triageCall(server, counselor.token, call.id, INPUT_FOR.C);
    const noReason = await overrideTriage(call.id, { category: 'B' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details!.map((d) => d.field)).toEqual(['reason']);
    const blank = await overrideTriage(call.id, { category: 'B', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details!.map((d) => d.field)).toEqual(['reason']);
    const badCategory = await overrideTriage(call.id, { category: 'Z', reason: 'because' });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.details!.map((d) => d.field)).toEqual(['category']);
    const same = await overrideTriage(call.id, { category: 'C', reason: 'because' });
    expect(same.status).toBe(400);
    expect(same.body.details!.map((d) => d.field)).toEqual(['category']);
  });

  it('refuses an override before any triage (409)', async () => {
    const call = await newCall(server, counselor.token);
    const res = await overrideTriage(call.id, { category: 'B', reason: 'gut feeling' });
    expect(res.status).toBe(409);
  });

  it('replaces the category and keeps {from,to,reason,by,at}, audited, with the rules answer kept as history', async () => {
    const call = await newCall(server, counselor.token);
    const original = await triageCall(
      server,
      counselor.token,
      call.id,
      answers({ harmToOthers: 'threats', weaponAccess: true }),
    );
    expect(original).toMatchObject({ category: 'B', notify: { police: true } });
    const res = await overrideTriage(call.id, { category: 'C', reason: 'weapon already handed to the neighbour' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      category: 'C',
      suggestedCategory: 'B',
      respondWithinMinutes: 480,
      // Least restrictive response: C never notifies police, whatever the answers.
      notify: { police: false, ems: false, fire: false },
      reasons: original.reasons,
      rulesVersion: RULES_VERSION,
      assessedAt: original.assessedAt,
      override: { from: 'B', to: 'C', reason: 'weapon already handed to the neighbour', by: counselor.username },
    });
    expect(Math.abs(Date.parse(res.body.override!.at) - Date.now())).toBeLessThan(10_000);
    expect(res.body.id).not.toBe(original.id);
    const rows = await triageRows(call.id);
    expect(rows.map((r) => [r.category, r.superseded_at === null])).toEqual([
      ['B', false],
      ['C', true],
    ]);
    const audit = await server.dataSource.query<{ actor_username: string; details: Record<string, unknown> }[]>(
      `SELECT actor_username, details FROM audit WHERE action = 'triage.overridden' AND entity_id = $1`,
      [call.id],
    );
    expect(audit).toEqual([
      {
        actor_username: counselor.username,
        details: expect.objectContaining({ from: 'B', to: 'C', reason: 'weapon already handed to the neighbour' }),
      },
    ]);
  });

  it("lets a supervisor override another counselor's call, but not another counselor", async () => {
    const call = await newCall(server, counselor.token);
    await triageCall(server, counselor.token, call.id, INPUT_FOR.D);
    await expectStatus(overrideTriage(call.id, { category: 'C', reason: 'second opinion' }, counselor2.token), 403);
    const res = await overrideTriage(call.id, { category: 'C', reason: 'second opinion' }, supervisor.token);
    expect(res.status).toBe(200);
    expect(res.body.override).toMatchObject({ from: 'D', to: 'C', by: supervisor.username });
  });
});

describe('triage changes on a call with an incident', () => {
  it('updates the incident category and respondBy, with a timeline entry and incident.updated', async () => {
    const sock = await server.socket(counselor2.token);
    const call = await newCall(server, counselor.token);
    const first = await triageCall(server, counselor.token, call.id, INPUT_FOR.D);
    const created = await createIncident(server, counselor.token, {
      callId: call.id,
      location: { lat: 37.5, lng: 127.0 },
    });
    expect(created.status).toBe(201);
    expect(created.body.respondBy).toBe(new Date(Date.parse(first.assessedAt) + 4320 * 60_000).toISOString());

    const updated = nextEvent(
      sock,
      'incident.updated',
      (e) => e.data.id === created.body.id && e.data.category === 'B',
    );
    const second = await triageCall(server, counselor.token, call.id, INPUT_FOR.B);
    const env = await updated;
    // A new category restarts the clock from the new assessment: B here is 90 minutes (configuration).
    expect(env.data.respondBy).toBe(new Date(Date.parse(second.assessedAt) + 90 * 60_000).toISOString());

    // Confirming B later does not push the deadline back.
    await triageCall(server, counselor.token, call.id, INPUT_FOR.B);
    const override = await overrideTriage(call.id, { category: 'A', reason: 'heard a fall' });
    expect(override.status).toBe(200);

    const detail = await server.api<IncidentDetail>('GET', `/incidents/${created.body.id}`, {
      token: supervisor.token,
    });
    expect(detail.body.category).toBe('A');
    // The override keeps the assessment time of the answers it overrides: respondBy = assessedAt + A's 0 minutes.
    expect(detail.body.respondBy).toBe(new Date(Date.parse(override.body.assessedAt)).toISOString());
    expect(detail.body.triage).toMatchObject({ id: override.body.id, category: 'A', override: { from: 'B', to: 'A' } });
    const types = detail.body.timeline.map((t) => t.type);
    expect(types).toEqual([
      'call.received',
      'call.answered',
      'triage.assessed',
      'incident.created',
      'triage.assessed',
      'triage.assessed',
      'triage.overridden',
    ]);
    const deadlines = detail.body.timeline
      .filter((t) => t.type === 'triage.assessed')
      .slice(1)
      .map((t) => t.data.respondBy);
    expect(deadlines[0]).toBe(deadlines[1]);
  });
});
