import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { Server } from 'socket.io';
import type { AnyEventEnvelope, EventsPage } from '#contracts';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { UnitOfWork } from '../../apps/api/src/database/tx.js';
import { EventsGateway } from '../../apps/api/src/realtime/events.gateway.js';
import { INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { nextEvent, recordEvents, startTestServer, type TestServer } from '../support/test-server.js';

// A unit of work's events reach each console in one socket write (realtime/one-write.ts): a create raises
// incident.created and call.updated, and without the change engine.io writes the second only after the first's write
// completed. These tests count the writes on the server's own TCP socket for a real Socket.IO client, so they also
// fail if an engine.io or ws upgrade moves the parts one-write.ts reaches into.
// The events come from the commit's NOTIFY, which carries them when they fit (database/tx.ts): the last two tests check
// that this path is the one taken, that what it pushes equals what GET /events stores, and that events too large for a
// notification are read from the table instead, whole and in order.

let server: TestServer & { dropDatabase(): Promise<void> };
let counselor: string;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login('admin');
  counselor = (await makeUser(server, admin.accessToken, 'counselor')).token;
  coordinator = (await makeUser(server, admin.accessToken, 'coordinator')).token;
}, 60_000);

afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

interface RawSocket {
  write: (...args: unknown[]) => boolean;
  _writev?: (chunks: unknown[], cb: unknown) => void;
  _write: (chunk: unknown, encoding: unknown, cb: unknown) => void;
}

/** Counts the writes that leave the server's TCP socket for the client socket `id` (one per writev or write). */
function countWrites(id: string): { count: () => number } {
  const io = server.app.get(EventsGateway).server as unknown as Server;
  const conn = io.sockets.sockets.get(id)!.conn as unknown as { transport: { socket: { _socket: RawSocket } } };
  const raw = conn.transport.socket._socket;
  let n = 0;
  const writev = raw._writev!.bind(raw);
  const write = raw._write.bind(raw);
  raw._writev = (chunks, cb) => {
    n++;
    writev(chunks, cb);
  };
  raw._write = (chunk, encoding, cb) => {
    n++;
    write(chunk, encoding, cb);
  };
  return { count: () => n };
}

function collect(socket: ClientSocket, types: string[]): { events: AnyEventEnvelope[]; all: Promise<void> } {
  const events: AnyEventEnvelope[] = [];
  const all = new Promise<void>((resolve) => {
    socket.onAny((type: string, envelope: AnyEventEnvelope) => {
      if (!types.includes(type)) return;
      events.push(envelope);
      if (events.length === types.length) resolve();
    });
  });
  return { events, all };
}

/** A triaged call, its own events (created, triaged) already delivered, so only a create's events follow. */
async function triagedCall(): Promise<string> {
  const call = await newCall(server, counselor);
  await triageCall(server, counselor, call.id, INPUT_FOR.B);
  return call.id;
}

async function createIncident(callId: string): Promise<string> {
  const res = await server.api<{ id: string }>('POST', '/incidents', {
    token: counselor,
    body: { callId, location: { lat: 37.55, lng: 126.98 } },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

it("sends a create's two events to a WebSocket console in one write, in seq order", async () => {
  const socket = await server.socket(coordinator);
  const callId = await triagedCall();
  await settle();
  const { events, all } = collect(socket, ['incident.created', 'call.updated']);
  const writes = countWrites(socket.id!);
  const id = await createIncident(callId);
  await all;
  expect(events.map((e) => e.type)).toEqual(['incident.created', 'call.updated']);
  expect(events[1].seq).toBe(events[0].seq + 1);
  expect(events[0].data).toMatchObject({ id });
  expect(writes.count()).toBe(1);
  socket.disconnect();
}, 30_000);

it('still delivers both events, in order, to a console on long-polling', async () => {
  const polling = io(server.url, { auth: { token: coordinator }, transports: ['polling'], forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', () => resolve());
      polling.once('connect_error', reject);
    });
    const callId = await triagedCall();
    await settle();
    const { events, all } = collect(polling, ['incident.created', 'call.updated']);
    const id = await createIncident(callId);
    await all;
    expect(events.map((e) => e.type)).toEqual(['incident.created', 'call.updated']);
    expect(events[0].data).toMatchObject({ id });
  } finally {
    polling.disconnect();
  }
}, 30_000);

it('delivers three creates in a row to the console whole and in seq order', async () => {
  const socket = await server.socket(coordinator);
  const calls = [await triagedCall(), await triagedCall(), await triagedCall()];
  await settle();
  const { events, all } = collect(socket, [
    'incident.created',
    'call.updated',
    'incident.created',
    'call.updated',
    'incident.created',
    'call.updated',
  ]);
  const ids = await Promise.all(calls.map(createIncident));
  await all;
  const seqs = events.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(
    new Set(events.filter((e) => e.type === 'incident.created').map((e) => (e.data as { id: string }).id)),
  ).toEqual(new Set(ids));
  socket.disconnect();
}, 30_000);

/** crisis_events_published_total for one event type and source, from the instance's /metrics. */
async function published(type: string, source: 'notification' | 'table'): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('crisis_events_published_total{') &&
        l.includes(`type="${type}"`) &&
        l.includes(`source="${source}"`),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

it("pushes a create's events from its commit's notification, equal to what GET /events stores", async () => {
  const socket = await server.socket(coordinator);
  const calls = [];
  for (let i = 0; i < 5; i++) calls.push(await triagedCall());
  await settle();
  const [fromNotification, fromTable] = [
    await published('incident.created', 'notification'),
    await published('incident.created', 'table'),
  ];
  const live = recordEvents(socket);
  for (const callId of calls) {
    const created = nextEvent(socket, 'call.updated', (e) => e.data.id === callId && e.data.incidentId !== null);
    await createIncident(callId);
    await created;
  }
  // Text as a person types it, in the JSON the server writes into the notification: quotes, backslashes, a new line,
  // Korean. Three alerts, each its own commit, so at least one comes through a notification (checked below).
  const message = `it's a \\ back\\slash, "quoted", $1 ?, a\nnew line, 위기 상담 E'x'`;
  const alertsBefore = await published('alert.raised', 'notification');
  for (let i = 0; i < 3; i++) {
    const alert = nextEvent(socket, 'alert.raised', (e) => e.data.message === `${message} ${i}`);
    await server.app.get(UnitOfWork).run(SYSTEM_ACTOR, (tx) =>
      raiseAlert(tx, {
        kind: 'webhook-failed',
        severity: 'warning',
        message: `${message} ${i}`,
        dedupeKey: `quoted-${i}`,
      }),
    );
    await alert;
  }
  const first = live[0].seq;
  const stored = await server.api<EventsPage>('GET', `/events?after=${first - 1}`, { token: coordinator });
  expect(live.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => first + i));
  expect(live).toEqual(stored.body.events.slice(0, 13));
  // Each event pushed once; the fallback poll (every 2 s) may read one from the table first, but not most of them.
  const viaNotification = (await published('incident.created', 'notification')) - fromNotification;
  expect(viaNotification + (await published('incident.created', 'table')) - fromTable).toBe(5);
  expect(viaNotification).toBeGreaterThanOrEqual(3);
  expect((await published('alert.raised', 'notification')) - alertsBefore).toBeGreaterThanOrEqual(1);
  socket.disconnect();
}, 30_000);

it('reads the events of a unit of work too large for a notification from the table, whole and in order', async () => {
  const socket = await server.socket(coordinator);
  await settle();
  const fromTable = await published('alert.raised', 'table');
  const fromNotification = await published('alert.raised', 'notification');
  const { events, all } = collect(socket, Array<string>(30).fill('alert.raised'));
  // 30 alerts of about 450 bytes each: well over the 8000 bytes a notification may carry.
  await server.app.get(UnitOfWork).run(SYSTEM_ACTOR, async (tx) => {
    for (let i = 0; i < 30; i++)
      await raiseAlert(tx, {
        kind: 'webhook-failed',
        severity: 'warning',
        message: `receiver ${i} is down: ${'x'.repeat(300)}`,
        dedupeKey: `notify-size-${i}`,
      });
  });
  await all;
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => events[0].seq + i));
  expect(events.map((e) => (e.data as { message: string }).message.split(':')[0])).toEqual(
    Array.from({ length: 30 }, (_, i) => `receiver ${i} is down`),
  );
  expect((await published('alert.raised', 'table')) - fromTable).toBe(30);
  expect(await published('alert.raised', 'notification')).toBe(fromNotification);
  socket.disconnect();
}, 30_000);
