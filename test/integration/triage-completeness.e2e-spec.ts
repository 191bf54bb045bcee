import type { ErrorBody, LoginResponse, TriageRecord } from '#contracts';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, makeUser, newCall } from '../support/intake.js';

// Issue 13 item 1 through the API: an unanswered question on the path is refused (400 naming it) unless it is an
// explicit "could not ask" with a reason, and then the counselor's own category is recorded as an override.

let server: TestServer & { dropDatabase(): Promise<void> };
let admin: LoginResponse;
let counselor: { id: string; token: string; username: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  counselor = await makeUser(server, admin.accessToken, 'counselor');
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

const triageRows = async (callId: string) =>
  (await server.dataSource.query(`SELECT category, suggested_category, override FROM triage WHERE call_id = $1`, [
    callId,
  ])) as {
    category: string;
    suggested_category: string;
    override: { from: string; to: string; reason: string; by: string } | null;
  }[];

describe('POST /calls/:id/triage with questions left open', () => {
  it('refuses an input that leaves Q4 and Q5 unanswered after a yes to Q2, naming both, and stores nothing', async () => {
    const call = await newCall(server, counselor.token);
    const body = answers({ cssrs: { wishDead: true, suicidalThoughts: true, thoughtsWithMethod: true } });
    const res = await server.api<ErrorBody>('POST', `/calls/${call.id}/triage`, {
      token: counselor.token,
      body: { ...body, cssrs: { ...body.cssrs, intent: null, planWithIntent: null } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details!.map((d) => d.field)).toEqual(['cssrs.intent', 'cssrs.planWithIntent']);
    expect(await triageRows(call.id)).toEqual([]);
  });

  it('refuses "could not ask" without the counselor’s category, then records the chosen category as an override', async () => {
    const call = await newCall(server, counselor.token);
    const open = { ...answers(), selfHarmInProgress: null, cssrs: { ...answers().cssrs, behavior: null } };
    const couldNotAsk = [
      { question: 'selfHarmInProgress', reason: 'the line dropped' },
      { question: 'cssrs.behavior', reason: 'the line dropped' },
    ];
    const refused = await server.api<ErrorBody>('POST', `/calls/${call.id}/triage`, {
      token: counselor.token,
      body: { ...open, couldNotAsk },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details!.map((d) => d.field)).toEqual(['counselorCategory']);

    const res = await server.api<TriageRecord>('POST', `/calls/${call.id}/triage`, {
      token: counselor.token,
      body: { ...open, couldNotAsk, counselorCategory: { category: 'B', reason: 'mother reports pills collected' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.category).toBe('B');
    expect(res.body.suggestedCategory).toBe('G');
    expect(res.body.respondWithinMinutes).toBe(120);
    expect(res.body.override).toMatchObject({ from: 'G', to: 'B', by: counselor.username });
    expect(res.body.override!.reason).toContain('mother reports pills collected');
    expect(res.body.override!.reason).toContain('selfHarmInProgress');
    const [row] = await triageRows(call.id);
    expect(row).toMatchObject({ category: 'B', suggested_category: 'G' });
    const audit = (await server.dataSource.query(
      `SELECT details FROM audit WHERE entity_id = $1 AND action = 'triage.assessed'`,
      [call.id],
    )) as {
      details: { couldNotAsk: string[] };
    }[];
    expect(audit[0]!.details.couldNotAsk).toEqual(['selfHarmInProgress', 'cssrs.behavior']);
  });

  it('still takes a fully answered input without any of the new fields', async () => {
    const call = await newCall(server, counselor.token);
    const res = await server.api<TriageRecord>('POST', `/calls/${call.id}/triage`, {
      token: counselor.token,
      body: answers(),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ category: 'G', override: null });
  });
});
