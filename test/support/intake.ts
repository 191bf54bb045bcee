import type { CallView, ErrorBody, IncidentView, TriageInput, TriageRecord } from '#contracts';
import { blankTriageInput } from '#triage';
import type { TestServer } from './test-server.js';

// Helpers of the hotline intake tests: users, calls answered by a counselor, triage inputs per category.

export const PASSWORD = 'long-enough-password';

export async function makeUser(
  server: TestServer,
  adminToken: string,
  role: 'counselor' | 'coordinator' | 'supervisor' | 'responder' | 'agency',
  extra: { teamId?: string; agencyId?: string } = {},
): Promise<{ id: string; token: string; username: string }> {
  const username = `${role}-${Math.random().toString(36).slice(2, 9)}`;
  const res = await server.api<{ id: string }>('POST', '/users', {
    token: adminToken,
    body: { username, password: PASSWORD, displayName: username, role, ...extra },
  });
  if (res.status !== 201) throw new Error(`user ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  const login = await server.login(username, PASSWORD);
  return { id: res.body.id, token: login.accessToken, username };
}

type Answers = Omit<Partial<TriageInput>, 'cssrs'> & { cssrs?: Partial<TriageInput['cssrs']> };

/** A complete triage input: every answer "no" except the ones given. */
export function answers(a: Answers = {}): TriageInput {
  const base = blankTriageInput();
  return { ...base, ...a, cssrs: { ...base.cssrs, ...(a.cssrs ?? {}) } };
}

/** One input per category, each the plainest case of its row in reference/triage.md §4. */
export const INPUT_FOR = {
  A: answers({ selfHarmInProgress: true }),
  B: answers({ cssrs: { wishDead: true, suicidalThoughts: true, intent: true } }),
  C: answers({
    cssrs: { wishDead: true, suicidalThoughts: true, thoughtsWithMethod: true },
    capableSupportPresent: true,
  }),
  D: answers({ cssrs: { wishDead: true }, capableSupportPresent: true }),
  E: answers({ distress: 'moderate' }),
  F: answers({ referralOnly: true }),
  G: answers({ infoOnly: true }),
} as const;

export async function newCall(
  server: TestServer,
  token: string,
  body: Record<string, unknown> = { channel: 'phone' },
): Promise<CallView> {
  const res = await server.api<CallView>('POST', '/calls', { token, body });
  if (res.status !== 201) throw new Error(`POST /calls: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function triageCall(
  server: TestServer,
  token: string,
  callId: string,
  input: unknown,
): Promise<TriageRecord> {
  const res = await server.api<TriageRecord>('POST', `/calls/${callId}/triage`, { token, body: input });
  if (res.status !== 201) throw new Error(`triage: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createIncident(
  server: TestServer,
  token: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: IncidentView & ErrorBody }> {
  return server.api<IncidentView & ErrorBody>('POST', '/incidents', { token, body });
}

export async function auditRows(
  server: TestServer,
  where: string,
  params: unknown[],
): Promise<
  {
    action: string;
    entity_id: string | null;
    subject_id: string | null;
    actor_username: string;
    details: Record<string, unknown>;
  }[]
> {
  return await server.dataSource.query<never>(
    `SELECT action, entity_id, subject_id, actor_username, details FROM audit WHERE ${where} ORDER BY id`,
    params,
  );
}
