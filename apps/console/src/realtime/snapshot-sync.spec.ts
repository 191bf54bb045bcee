import { describe, expect, it } from '@jest/globals';
import type {
  AnyEventEnvelope,
  CallView,
  DispatchView,
  EventsPage,
  IncidentEventData,
  IncidentView,
  TeamView,
} from '#contracts';
import { EventStore } from './event-store';
import { SyncController } from './sync-controller';

// Login without replaying history: GET /events/head, snapshots as of that head, then only the events after it.

const AT = '2026-01-01T00:00:00Z';
/** Team t1's accepted dispatch to incident i1. */
const ACCEPTED: DispatchView = {
  id: 'd1',
  incidentId: 'i1',
  teamId: 't1',
  status: 'accepted',
  offeredAt: AT,
  expiresAt: AT,
  respondedAt: AT,
  reason: null,
};
/** What the incident's event and its view share. */
const INCIDENT = {
  id: 'i1',
  number: '2026-0001',
  status: 'open',
  category: 'B',
  regionId: 'r1',
  respondBy: null,
  createdAt: AT,
} as const;

function incidentEvent(seq: number, data: Partial<IncidentEventData> = {}): AnyEventEnvelope {
  return {
    seq,
    type: 'incident.updated',
    occurredAt: AT,
    data: { ...INCIDENT, location: { lat: 37.5, lng: 127 }, teamId: null, ...data },
  };
}

function incidentView(data: Partial<IncidentView> = {}): IncidentView {
  return {
    ...INCIDENT,
    location: { lat: 37.5, lng: 127, address: '1 Sejong-daero' },
    summary: 'on the bridge',
    ...data,
  };
}

function callView(data: Partial<CallView> = {}): CallView {
  return {
    id: 'c1',
    status: 'active',
    channel: 'phone',
    callerNumber: '010-1234-5678',
    callerRelation: null,
    notes: null,
    receivedAt: AT,
    answeredAt: AT,
    endedAt: null,
    outcome: null,
    counselorId: 'u1',
    clientId: null,
    incidentId: null,
    clientMatches: [],
    triage: null,
    ...data,
  };
}

function callEvent(seq: number, status: CallView['status'], counselorId = 'u1'): AnyEventEnvelope {
  return {
    seq,
    type: 'call.updated',
    occurredAt: AT,
    data: {
      id: 'c1',
      status,
      channel: 'phone',
      receivedAt: AT,
      answeredAt: AT,
      endedAt: status === 'ended' ? AT : null,
      counselorId,
      category: null,
      incidentId: null,
      outcome: null,
    },
  };
}

function teamView(data: Partial<TeamView> = {}): TeamView {
  return {
    id: 't1',
    callsign: 'JUNG-1',
    regionId: 'r1',
    coveredRegionIds: [],
    status: 'available',
    base: { lat: 37.56, lng: 126.99 },
    location: null,
    onDuty: true,
    skills: [],
    size: 2,
    ...data,
  };
}

/** A server log of `count` envelopes; only those after `after` are ever served. */
function server(log: AnyEventEnvelope[]) {
  const requests: string[] = [];
  return {
    requests,
    fetchHead: async () => {
      requests.push('head');
      return { lastSeq: log.at(-1)?.seq ?? 0 };
    },
    fetchPage: async (after: number, limit: number): Promise<EventsPage> => {
      requests.push(`events?after=${after}`);
      const events = log.filter((e) => e.seq > after).slice(0, limit);
      return {
        events,
        lastSeq: events.length === limit ? events[events.length - 1].seq : Math.max(after, log.at(-1)?.seq ?? 0),
      };
    },
  };
}

describe('login from a snapshot at the log head', () => {
  it('reads the head, loads the snapshot as of it, then asks only for what came after', async () => {
    const history = Array.from({ length: 3000 }, (_, i) =>
      incidentEvent(i + 1, { id: `old-${i}`, number: `2025-${i}` }),
    );
    const s = server(history);
    const store = new EventStore();
    const applied: number[] = [];
    store.onEnvelope((e) => applied.push(e.seq));
    const snapshotAsOf: number[] = [];
    const sync = new SyncController(store, {
      fetchHead: s.fetchHead,
      fetchPage: s.fetchPage,
      loadSnapshot: async (asOf) => {
        s.requests.push('snapshot');
        snapshotAsOf.push(asOf);
        // A change commits after the head was read and before the list is: the row already shows it, and its
        // event is applied again on top, to the same result.
        history.push(incidentEvent(3001, { status: 'dispatching' }));
        store.seedIncidents([incidentView({ status: 'dispatching' })], asOf);
      },
    });
    await sync.catchUp();
    expect(s.requests).toEqual(['head', 'snapshot', 'events?after=3000']);
    expect(snapshotAsOf).toEqual([3000]);
    expect(applied).toEqual([3001]);
    expect(store.lastSeq).toBe(3001);
    expect(store.incidents.get('i1')).toMatchObject({
      status: 'dispatching',
      summary: 'on the bridge',
      address: '1 Sejong-daero',
    });
    expect(store.incidents.has('old-0')).toBe(false);
  });

  it('starts only once: later catch-ups (reconnects) go on from the cursor', async () => {
    const log = [incidentEvent(1), incidentEvent(2, { status: 'dispatching' })];
    const s = server(log);
    const store = new EventStore();
    let snapshots = 0;
    const sync = new SyncController(store, {
      fetchHead: s.fetchHead,
      fetchPage: s.fetchPage,
      loadSnapshot: async () => void (snapshots += 1),
    });
    await sync.catchUp();
    log.push(incidentEvent(3, { status: 'dispatched' }));
    await sync.catchUp();
    expect(snapshots).toBe(1);
    expect(s.requests).toEqual(['head', 'events?after=2', 'events?after=2']);
    expect(store.incidents.get('i1')?.status).toBe('dispatched');
  });

  it('retries the start on the next catch-up when the head could not be read', async () => {
    const s = server([incidentEvent(1)]);
    const store = new EventStore();
    let fail = true;
    const errors: unknown[] = [];
    const sync = new SyncController(store, {
      fetchHead: () => (fail ? Promise.reject(new Error('offline')) : s.fetchHead()),
      fetchPage: s.fetchPage,
      onError: (e) => errors.push(e),
    });
    await sync.catchUp();
    expect(errors).toHaveLength(1);
    expect(store.lastSeq).toBe(0);
    fail = false;
    await sync.catchUp();
    expect(store.lastSeq).toBe(1);
    expect(s.requests).toEqual(['head', 'events?after=1']);
  });

  it('drops live envelopes the snapshot already covers and keeps detecting gaps after the head', async () => {
    const log = [incidentEvent(1), incidentEvent(2, { status: 'dispatching' })];
    const s = server(log);
    const store = new EventStore();
    const timers: Array<() => void> = [];
    const sync = new SyncController(store, {
      fetchHead: s.fetchHead,
      fetchPage: s.fetchPage,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    sync.receive(incidentEvent(2, { status: 'dispatching' })); // arrives before login finished
    await sync.catchUp();
    expect(store.hasGap).toBe(false);
    expect(store.lastSeq).toBe(2);
    // Live again: seq 4 arrives without 3.
    log.push(incidentEvent(3, { status: 'dispatched' }), incidentEvent(4, { status: 'on-scene' }));
    sync.receive(log[3]);
    expect(store.hasGap).toBe(true);
    timers[timers.length - 1]();
    await sync.idle();
    expect(s.requests.at(-1)).toBe('events?after=2');
    expect(store.incidents.get('i1')?.status).toBe('on-scene');
    expect(store.hasGap).toBe(false);
  });
});

describe('snapshot rows and events (upserts)', () => {
  it('an event after the head updates a snapshot row in place and keeps its snapshot-only fields', () => {
    const store = new EventStore();
    store.setCursor(10);
    store.seedIncidents([incidentView()], 10);
    expect(store.receive(incidentEvent(11, { status: 'dispatched', teamId: 't1' }))).toBe('applied');
    expect(store.incidents.size).toBe(1);
    expect(store.incidents.get('i1')).toMatchObject({
      status: 'dispatched',
      teamId: 't1',
      summary: 'on the bridge',
      seq: 11,
      source: 'event',
    });
  });

  it('an event applied while the snapshot was loading wins over the (possibly older) snapshot row', () => {
    const store = new EventStore();
    store.setCursor(10);
    store.receive(incidentEvent(11, { status: 'dispatched' }));
    store.seedIncidents([incidentView({ status: 'open' })], 10);
    expect(store.incidents.get('i1')).toMatchObject({ status: 'dispatched', summary: 'on the bridge', seq: 11 });
  });

  it('a newer snapshot replaces an entry no newer than it', () => {
    const store = new EventStore();
    store.receive(incidentEvent(1, { status: 'open' }));
    store.seedIncidents([incidentView({ status: 'dispatching' })], 1);
    expect(store.incidents.get('i1')).toMatchObject({ status: 'dispatching', source: 'snapshot' });
  });

  it('an event older than the snapshot row cannot step a call back in its lifecycle', () => {
    const store = new EventStore();
    store.setCursor(10);
    // The call ended at seq 12, after the head was read but before the call list was: the row says ended.
    store.seedCalls([callView({ status: 'ended', endedAt: AT })], 10);
    store.applyCatchUpPage([callEvent(11, 'active', 'u2'), callEvent(12, 'ended', 'u2')]);
    expect(store.calls.get('c1')).toMatchObject({ status: 'ended', callerNumber: '010-1234-5678' });
    store.completeCatchUp(12);
    expect(store.lastSeq).toBe(12);
  });

  it('an ended incident in the snapshot is not reopened by an event from before it ended', () => {
    const store = new EventStore();
    store.setCursor(5);
    store.seedIncidents([incidentView({ status: 'closed' })], 5);
    store.receive(incidentEvent(6, { status: 'on-scene' }));
    expect(store.incidents.get('i1')?.status).toBe('closed');
  });

  it('an accepted dispatch in the snapshot is not turned back into an offer', () => {
    const store = new EventStore();
    store.setCursor(5);
    store.seedDispatches([ACCEPTED], 5);
    store.receive({
      seq: 6,
      type: 'dispatch.offered',
      occurredAt: AT,
      data: { ...ACCEPTED, status: 'offered', respondedAt: null },
    });
    expect(store.dispatches.get('d1')?.status).toBe('accepted');
    store.receive({ seq: 7, type: 'dispatch.updated', occurredAt: AT, data: { ...ACCEPTED, status: 'cleared' } });
    expect(store.dispatches.get('d1')?.status).toBe('cleared');
  });

  it('a team event carrying an older position than the snapshot row is older, a later one applies', () => {
    const store = new EventStore();
    store.setCursor(5);
    store.seedTeams(
      [teamView({ status: 'en-route', location: { lat: 37.56, lng: 126.99, at: '2026-01-01T00:05:00Z' } })],
      5,
    );
    const team = (seq: number, status: TeamView['status'], at: string): AnyEventEnvelope => ({
      seq,
      type: 'team.updated',
      occurredAt: at,
      data: {
        id: 't1',
        callsign: 'JUNG-1',
        regionId: 'r1',
        status,
        location: { lat: 37.5, lng: 126.9, at },
        onDuty: true,
      },
    });
    store.receive(team(6, 'available', '2026-01-01T00:01:00Z'));
    expect(store.teams.get('t1')?.status).toBe('en-route');
    store.receive(team(7, 'on-scene', '2026-01-01T00:06:00Z'));
    expect(store.teams.get('t1')).toMatchObject({ status: 'on-scene', skills: [], size: 2 });
  });

  it('where nothing tells which is newer, the event applies and the last event of the entity wins', () => {
    const store = new EventStore();
    store.setCursor(10);
    store.seedIncidents([incidentView({ status: 'dispatched' })], 10);
    const notified: string[][] = [];
    store.subscribe('incidents', (ids) => notified.push([...ids]));
    store.applyCatchUpPage([incidentEvent(11, { status: 'dispatching' }), incidentEvent(12, { status: 'dispatched' })]);
    expect(store.incidents.get('i1')?.status).toBe('dispatched');
    // One notification for the page: the intermediate step was never visible.
    expect(notified).toEqual([['i1']]);
  });

  it('names the team of an incident from its accepted dispatch, whichever list arrives first', () => {
    const a = new EventStore();
    a.setCursor(3);
    a.seedIncidents([incidentView({ status: 'dispatched' })], 3);
    a.seedDispatches([ACCEPTED], 3);
    const b = new EventStore();
    b.setCursor(3);
    b.seedDispatches([ACCEPTED], 3);
    b.seedIncidents([incidentView({ status: 'dispatched' })], 3);
    expect(a.incidents.get('i1')?.teamId).toBe('t1');
    expect(b.incidents.get('i1')?.teamId).toBe('t1');
  });
});
