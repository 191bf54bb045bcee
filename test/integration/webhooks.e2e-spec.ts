import type {
  AgencyCreatedView,
  AlertView,
  ErrorBody,
  HandoffView,
  WebhookAgencySummary,
  WebhookDeliveryView,
} from '#contracts';
import { startTestServer, nextEvent, type TestServer } from '../support/test-server.js';
import { buildWorld, createIncident, createUser, sql, type World } from '../support/dispatch-world.js';
import { specSignature, specVerify, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Partner webhooks end to end: a real server, a real HTTP receiver, signatures checked from the specification.
let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startTestServer({ WEBHOOK_RETRY_BASE_SECONDS: '1', WEBHOOK_MAX_ATTEMPTS: '3' });
  world = await buildWorld(server);
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
  await receiver.close();
});

let codeSeq = 0;
async function hospitalWithWebhook(path: string): Promise<AgencyCreatedView & { webhookSecret: string }> {
  const res = await server.api<AgencyCreatedView>('POST', '/agencies', {
    token: world.admin,
    body: {
      code: `WH-${++codeSeq}`,
      kind: 'hospital',
      name: `Webhook Hospital ${codeSeq}`,
      regionIds: [],
      location: { lat: 37.6, lng: 127.0 },
      webhookUrl: receiver.url(path),
    },
  });
  expect(res.status).toBe(201);
  expect(res.body.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
  return res.body as AgencyCreatedView & { webhookSecret: string };
}

async function requestHandoff(agencyId: string): Promise<HandoffView> {
  const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
  const res = await server.api<HandoffView>('POST', `/incidents/${incident.id}/handoffs`, {
    token: world.coordinator,
    body: { agencyId, kind: 'hospital', reason: 'Psychiatric emergency evaluation' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const deliveries = async (agencyId: string, token = world.coordinator) =>
  (await server.api<WebhookDeliveryView[]>('GET', `/agencies/${agencyId}/deliveries`, { token })).body;

it('signs each event of the agency’s room per Standard Webhooks; the body is the envelope its socket gets; the secret rotates', async () => {
  const hospital = await hospitalWithWebhook('/signed');
  // The secret is shown once: neither the agency list nor anything else gives it back.
  const listed = await server.api<unknown[]>('GET', '/agencies', { token: world.admin });
  expect(JSON.stringify(listed.body)).not.toContain(hospital.webhookSecret);
  const hospitalUser = await createUser(server, world.admin, 'agency', { agencyId: hospital.id });
  const socket = await server.socket(hospitalUser);
  const pushed = nextEvent(socket, 'handoff.created', (e) => e.data.agencyId === hospital.id);

  const handoff = await requestHandoff(hospital.id);
  const [hook] = await receiver.waitFor('/signed', 1);
  expect(specVerify(hospital.webhookSecret, hook!)).toBe(true);
  expect(specVerify('whsec_' + Buffer.alloc(24, 7).toString('base64'), hook!)).toBe(false);
  expect(hook!.headers['content-type']).toBe('application/json');
  const envelope = await pushed;
  // The envelope its socket got, plus the handoff in the hospital's own view (what its portal shows).
  const { handoff: view, ...data } = JSON.parse(hook!.body).data as Record<string, unknown> & { handoff: HandoffView };
  expect({ ...JSON.parse(hook!.body), data }).toEqual(envelope);
  expect(envelope.data.id).toBe(handoff.id);
  expect(view).toMatchObject({
    id: handoff.id,
    agencyId: hospital.id,
    status: 'requested',
    reason: 'Psychiatric emergency evaluation',
  });
  // The attempt commits after the receiver has answered.
  await waitUntil(async () => (await deliveries(hospital.id))[0]?.status === 'delivered');
  const disclosed = await sql(server, `SELECT 1 FROM audit WHERE action = 'webhook.handoff-sent' AND entity_id = $1`, [
    handoff.id,
  ]);
  expect(disclosed).toHaveLength(1);

  const [row] = await deliveries(hospital.id);
  expect(row).toMatchObject({
    id: hook!.headers['webhook-id'],
    eventType: 'handoff.created',
    eventSeq: envelope.seq,
    status: 'delivered',
    attempts: 1,
    lastStatus: 200,
    nextAttemptAt: null,
  });
  expect(row!.deliveredAt).not.toBeNull();

  // Rotation: the new secret signs the next delivery; the old one no longer verifies.
  expect(
    (await server.api('POST', `/agencies/${hospital.id}/webhook-secret`, { token: world.coordinator })).status,
  ).toBe(403);
  const rotated = await server.api<{ webhookSecret: string }>('POST', `/agencies/${hospital.id}/webhook-secret`, {
    token: world.admin,
  });
  expect(rotated.status).toBe(200);
  expect(rotated.body.webhookSecret).not.toBe(hospital.webhookSecret);
  await requestHandoff(hospital.id);
  const second = (await receiver.waitFor('/signed', 2))[1]!;
  expect(specVerify(rotated.body.webhookSecret, second)).toBe(true);
  expect(specVerify(hospital.webhookSecret, second)).toBe(false);
  // An agency without a webhook gets no outbox rows; the overview names who has one.
  await waitUntil(async () => (await deliveries(hospital.id)).every((d) => d.status === 'delivered'));
  const summaries = await server.api<WebhookAgencySummary[]>('GET', '/webhooks/agencies', { token: world.coordinator });
  expect(summaries.body.find((s) => s.agencyId === hospital.id)).toMatchObject({
    webhookUrl: receiver.url('/signed'),
    delivered: 2,
    failed: 0,
  });
  expect((await server.api('GET', `/agencies/${hospital.id}/deliveries`, { token: world.counselor })).status).toBe(403);
});

it('retries with exponential backoff after errors, keeping the same webhook-id, until the receiver takes it', async () => {
  receiver.script('/flaky', [503, 500, 204]);
  const hospital = await hospitalWithWebhook('/flaky');
  await requestHandoff(hospital.id);
  const attempts = await receiver.waitFor('/flaky', 3);
  expect(attempts.map((a) => a.answered)).toEqual([503, 500, 204]);
  expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
  expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
  expect(attempts.every((a) => specVerify(hospital.webhookSecret, a))).toBe(true);
  // Base 1 s: the second attempt waits at least 1 s, the third at least 2 s (doubling).
  expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(900);
  expect(attempts[2]!.receivedAt - attempts[1]!.receivedAt).toBeGreaterThanOrEqual(1900);
  await waitUntil(async () => (await deliveries(hospital.id))[0]?.status === 'delivered');
  expect((await deliveries(hospital.id))[0]).toMatchObject({
    status: 'delivered',
    attempts: 3,
    lastStatus: 204,
    lastError: null,
  });
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/crisis_webhook_attempts_total\{result="retry"\} [1-9]/);
  expect(metrics).toMatch(/crisis_webhook_attempts_total\{result="delivered"\} [1-9]/);
}, 20_000);

it('marks a delivery failed after the last attempt with a webhook-failed alert; a person retries it', async () => {
  receiver.script('/down', [500]);
  const hospital = await hospitalWithWebhook('/down');
  const control = await server.socket(world.coordinator);
  const alert = nextEvent(control, 'alert.raised', (e) => e.data.kind === 'webhook-failed', 15_000);
  await requestHandoff(hospital.id);
  expect((await alert).data.message).toContain(hospital.name);
  await receiver.waitFor('/down', 3);
  const [failed] = await deliveries(hospital.id);
  expect(failed).toMatchObject({
    status: 'failed',
    attempts: 3,
    lastStatus: 500,
    lastError: 'HTTP 500',
    nextAttemptAt: null,
  });
  // No fourth attempt on its own.
  await new Promise((r) => setTimeout(r, 1500));
  expect(receiver.on('/down')).toHaveLength(3);
  const alerts = await server.api<AlertView[]>('GET', '/alerts', { token: world.coordinator });
  expect(alerts.body.filter((a) => a.kind === 'webhook-failed')).toHaveLength(1);

  // The receiver is back; a supervisor may look but not retry; a coordinator retries; a delivered one cannot be.
  receiver.script('/down', [200]);
  expect(
    (
      await server.api('POST', `/deliveries/${failed!.id}/retry`, {
        token: await createUser(server, world.admin, 'supervisor'),
      })
    ).status,
  ).toBe(403);
  const retried = await server.api<WebhookDeliveryView>('POST', `/deliveries/${failed!.id}/retry`, {
    token: world.coordinator,
  });
  expect(retried.status).toBe(200);
  expect(retried.body.status).toBe('pending');
  await receiver.waitFor('/down', 4);
  await waitUntil(async () => (await deliveries(hospital.id))[0]?.status === 'delivered');
  expect(receiver.on('/down')[3]!.headers['webhook-id']).toBe(failed!.id);
  const again = await server.api<ErrorBody>('POST', `/deliveries/${failed!.id}/retry`, { token: world.coordinator });
  expect(again.status).toBe(409);
  expect(
    (await server.api('POST', `/deliveries/00000000-0000-4000-8000-000000000000/retry`, { token: world.coordinator }))
      .status,
  ).toBe(404);
}, 25_000);

it('sends each delivery exactly once with two server instances on one database', async () => {
  const second = await startTestServer(
    { WEBHOOK_RETRY_BASE_SECONDS: '1', WEBHOOK_MAX_ATTEMPTS: '3' },
    server.databaseUrl,
  );
  try {
    // A slow receiver keeps deliveries in flight, so both instances' workers compete for the queue.
    receiver.script('/twice', [200], 150);
    const hospital = await hospitalWithWebhook('/twice');
    const n = 8;
    for (let i = 0; i < n; i++) await requestHandoff(hospital.id);
    await receiver.waitFor('/twice', n, 20_000);
    await waitUntil(async () => (await deliveries(hospital.id)).every((d) => d.status === 'delivered'));
    await new Promise((r) => setTimeout(r, 1000));
    const got = receiver.on('/twice');
    expect(got).toHaveLength(n);
    expect(new Set(got.map((g) => g.headers['webhook-id'])).size).toBe(n);
    const rows = await sql<{ attempts: number }>(server, `SELECT attempts FROM webhook_delivery WHERE agency_id = $1`, [
      hospital.id,
    ]);
    expect(rows.map((r) => r.attempts)).toEqual(Array(n).fill(1));
  } finally {
    await second.stop();
  }
}, 40_000);

describe('inbound partner answers (POST /partner-api/handoffs/:id/answer)', () => {
  async function post(
    handoffId: string,
    secret: string,
    body: unknown,
    opts: { timestamp?: number; id?: string } = {},
  ) {
    const raw = JSON.stringify(body);
    const id = opts.id ?? `msg_${Math.random().toString(36).slice(2)}`;
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    return server.api<HandoffView & ErrorBody>('POST', `/partner-api/handoffs/${handoffId}/answer`, {
      body: raw,
      headers: { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': specSignature(secret, id, ts, raw) },
    });
  }

  it('accepts a good signature, refuses a bad or stale one with 401 and bad input with 400', async () => {
    const hospital = await hospitalWithWebhook('/inbound');
    const other = await hospitalWithWebhook('/inbound-other');
    const handoff = await requestHandoff(hospital.id);

    expect((await post(handoff.id, other.webhookSecret, { action: 'accept' })).status).toBe(401);
    const stale = await post(
      handoff.id,
      hospital.webhookSecret,
      { action: 'accept' },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('UNAUTHENTICATED');
    const unsigned = await server.api('POST', `/partner-api/handoffs/${handoff.id}/answer`, {
      body: { action: 'accept' },
    });
    expect(unsigned.status).toBe(401);
    // A body changed after signing no longer matches.
    const raw = JSON.stringify({ action: 'decline', reasonCode: 'no-beds' });
    const ts = String(Math.floor(Date.now() / 1000));
    const tampered = await server.api('POST', `/partner-api/handoffs/${handoff.id}/answer`, {
      body: JSON.stringify({ action: 'accept' }),
      headers: {
        'webhook-id': 'msg_t',
        'webhook-timestamp': ts,
        'webhook-signature': specSignature(hospital.webhookSecret, 'msg_t', ts, raw),
      },
    });
    expect(tampered.status).toBe(401);
    expect(
      (await post('00000000-0000-4000-8000-000000000000', hospital.webhookSecret, { action: 'accept' })).status,
    ).toBe(401);
    const noReason = await post(handoff.id, hospital.webhookSecret, { action: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details![0]!.field).toBe('reasonCode');
    expect(
      (await sql<{ status: string }>(server, `SELECT status FROM handoff WHERE id = $1`, [handoff.id]))[0]!.status,
    ).toBe('requested');

    const accepted = await post(handoff.id, hospital.webhookSecret, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const audit = await sql<{ actor_username: string; actor_role: string }>(
      server,
      `SELECT actor_username, actor_role FROM audit WHERE entity_id = $1 AND action = 'handoff.accepted'`,
      [handoff.id],
    );
    expect(audit).toEqual([{ actor_username: `partner-api:${hospital.code}`, actor_role: 'agency' }]);
    expect((await post(handoff.id, hospital.webhookSecret, { action: 'accept' })).status).toBe(409);
  });

  it('lets a police system confirm contact before completing, as the portal does', async () => {
    const res = await server.api<AgencyCreatedView & { webhookSecret: string }>('POST', '/agencies', {
      token: world.admin,
      body: {
        code: `WH-P-${++codeSeq}`,
        kind: 'police',
        name: 'Webhook Police',
        regionIds: [],
        location: { lat: 37.6, lng: 127.0 },
        webhookUrl: receiver.url('/police'),
      },
    });
    const secret = res.body.webhookSecret;
    const incident = await createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });
    const handoff = await server.api<HandoffView>('POST', `/incidents/${incident.id}/handoffs`, {
      token: world.coordinator,
      body: { agencyId: res.body.id, kind: 'police', reason: 'Scene safety for the crisis team' },
    });
    expect((await post(handoff.body.id, secret, { action: 'accept' })).status).toBe(200);
    expect((await post(handoff.body.id, secret, { action: 'complete' })).status).toBe(409);
    expect((await post(handoff.body.id, secret, { action: 'contact-confirmed' })).status).toBe(200);
    const done = await post(handoff.body.id, secret, { action: 'complete' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    // Its own answers come back to it as webhooks too (the same events its portal sees).
    const hooks = await receiver.waitFor('/police', 4);
    expect(hooks.every((h) => specVerify(secret, h))).toBe(true);
    // Police get the police view of the handoff: never the summary or the C-SSRS band.
    const first = JSON.parse(hooks[0]!.body) as { data: { handoff: HandoffView } };
    expect(first.data.handoff.id).toBe(handoff.body.id);
    expect(hooks.map((h) => h.body).join('')).not.toMatch(/"summary"|"cssrsRisk"/);
  });
});

async function waitUntil(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
