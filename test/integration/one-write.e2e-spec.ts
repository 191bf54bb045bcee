import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { Server } from 'socket.io';
import type { AnyEventEnvelope } from '#contracts';
import { EventsGateway } from '../../apps/api/src/realtime/events.gateway.js';
import { INPUT_FOR, makeUser, newCall, triageCall } from '../support/intake.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// A unit of work's events reach each console in one socket write (realtime/one-write.ts): a create raises
// incident.created and call.updated, and without the change engine.io writes the second only after the first's write
// completed. These tests count the writes on the server's own TCP socket for a real Socket.IO client, so they also
// fail if an engine.io or ws upgrade moves the parts one-write.ts reaches into.

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
