import { describe, expect, it } from '@jest/globals';
import type {
  AlertView,
  AnyEventEnvelope,
  EventsPage,
  IncidentEventData,
  IncidentView,
  TeamEventData,
} from '#contracts';
import { EventStore } from './event-store';
import { SyncController } from './sync-controller';

function incident(seq: number, data: Partial<IncidentEventData> = {}): AnyEventEnvelope {
  return {
    seq,
    type: data.status && data.status !== 'open' ? 'incident.updated' : 'incident.created',
    occurredAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`,
    data: {
      id: 'i1',
      number: '2026-0001',
      status: 'open',
      category: 'B',
      regionId: 'r1',
      location: { lat: 37.5, lng: 127 },
      respondBy: '2026-01-01T02:00:00Z',
      createdAt: '2026-01-01T00:00:00Z',
      teamId: null,
      ...data,
    },
  };
}

function team(seq: number, data: Partial<TeamEventData> = {}): AnyEventEnvelope {
  return {
    seq,
    type: 'team.updated',
    occurredAt: '2026-01-01T00:00:00Z',
    data: { id: 't1', callsign: 'Alpha-1', regionId: 'r1', status: 'available', location: null, onDuty: true, ...data },
  };
}

describe('EventStore', () => {
  it('applies envelopes in seq order and advances lastSeq', () => {
    const store = new EventStore();
    expect(store.receive(incident(1))).toBe('applied');
    expect(store.receive(incident(2, { status: 'dispatching' }))).toBe('applied');
    expect(store.lastSeq).toBe(2);
    expect(store.incidents.get('i1')?.status).toBe('dispatching');
  });

  it('ignores duplicates and envelopes older than lastSeq', () => {
    const store = new EventStore();
    store.receive(incident(1));
    store.receive(incident(2, { status: 'dispatched' }));
    expect(store.receive(incident(2, { status: 'dispatched' }))).toBe('duplicate');
    expect(store.receive(incident(1))).toBe('duplicate');
    expect(store.incidents.get('i1')?.status).toBe('dispatched');
    expect(store.lastSeq).toBe(2);
  });

  it('buffers an envelope that arrives ahead of a gap and reports the gap', () => {
    const store = new EventStore();
    store.receive(incident(1));
    expect(store.receive(incident(3, { status: 'on-scene' }))).toBe('buffered');
    expect(store.hasGap).toBe(true);
    expect(store.lastSeq).toBe(1);
    expect(store.incidents.get('i1')?.status).toBe('open');
    expect(store.receive(incident(3, { status: 'on-scene' }))).toBe('duplicate');
  });

  it('drains buffered envelopes once the missing one arrives, in order', () => {
    const store = new EventStore();
    const seen: number[] = [];
    store.onEnvelope((e) => seen.push(e.seq));
    store.receive(incident(1));
    store.receive(incident(4, { status: 'on-scene' }));
    store.receive(incident(3, { status: 'dispatched' }));
    expect(store.receive(incident(2, { status: 'dispatching' }))).toBe('applied');
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(store.lastSeq).toBe(4);
    expect(store.hasGap).toBe(false);
    expect(store.incidents.get('i1')?.status).toBe('on-scene');
  });

  it('applies a catch-up page in order, skipping what it already has, then flushes newer buffered envelopes', () => {
    const store = new EventStore();
    store.receive(incident(1));
    store.receive(incident(9, { status: 'on-scene' })); // live, ahead of a gap
    store.applyCatchUpPage([
      incident(1),
      incident(5, { status: 'dispatched' }),
      incident(4, { status: 'dispatching' }),
    ]);
    expect(store.lastSeq).toBe(5);
    expect(store.incidents.get('i1')?.status).toBe('dispatched');
    store.completeCatchUp(8);
    expect(store.lastSeq).toBe(9);
    expect(store.hasGap).toBe(false);
    expect(store.incidents.get('i1')?.status).toBe('on-scene');
  });

  it('drops buffered envelopes the catch-up already covered', () => {
    const store = new EventStore();
    const seen: number[] = [];
    store.onEnvelope((e) => seen.push(e.seq));
    store.receive(incident(3, { status: 'dispatched' }));
    store.applyCatchUpPage([incident(1), incident(3, { status: 'dispatched' })]);
    store.completeCatchUp(3);
    expect(seen).toEqual([1, 3]);
    expect(store.hasGap).toBe(false);
  });

  it('notifies subscribers of a kind once per batch with only the changed ids', () => {
    const store = new EventStore();
    const incidentCalls: string[][] = [];
    const teamCalls: string[][] = [];
    store.subscribe('incidents', (ids) => incidentCalls.push([...ids]));
    store.subscribe('teams', (ids) => teamCalls.push([...ids]));
    store.applyCatchUpPage([
      incident(1),
      incident(2, { id: 'i2', number: '2026-0002' }),
      incident(3, { status: 'dispatching' }),
    ]);
    expect(incidentCalls).toEqual([['i1', 'i2']]);
    expect(teamCalls).toEqual([]);
    store.receive(team(4));
    expect(teamCalls).toEqual([['t1']]);
    expect(incidentCalls).toHaveLength(1);
    expect(store.version('teams')).toBe(1);
    expect(store.version('incidents')).toBe(1);
  });

  it('keeps fields from REST snapshots that events do not carry, and never lets a snapshot overwrite event state', () => {
    const store = new EventStore();
    store.receive(incident(1, { status: 'dispatched' }));
    const view: IncidentView = {
      id: 'i1',
      number: '2026-0001',
      regionId: 'r1',
      category: 'B',
      status: 'open',
      respondBy: null,
      location: { lat: 37.5, lng: 127, address: '1 Sejong-daero' },
      summary: 'caller on bridge',
      createdAt: '2026-01-01T00:00:00Z',
    };
    store.seedIncidents([view]);
    expect(store.incidents.get('i1')).toMatchObject({
      status: 'dispatched',
      address: '1 Sejong-daero',
      summary: 'caller on bridge',
    });
    store.receive(incident(2, { status: 'on-scene' }));
    expect(store.incidents.get('i1')).toMatchObject({ status: 'on-scene', address: '1 Sejong-daero' });
  });

  it('starts at a cursor: buffered envelopes up to it are dropped, the next ones applied in order', () => {
    const store = new EventStore();
    const seen: number[] = [];
    store.onEnvelope((e) => seen.push(e.seq));
    store.receive(incident(4, { status: 'dispatching' }));
    store.receive(incident(6, { status: 'on-scene' }));
    store.receive(incident(5, { status: 'dispatched' }));
    expect(store.hasGap).toBe(true);
    store.setCursor(4);
    expect(seen).toEqual([5, 6]);
    expect(store.lastSeq).toBe(6);
    expect(store.hasGap).toBe(false);
    store.setCursor(2);
    expect(store.lastSeq).toBe(6);
  });

  it('applies hospital beds that arrive before the hospital list', () => {
    const store = new EventStore();
    store.receive({
      seq: 1,
      type: 'hospital.updated',
      occurredAt: '2026-01-01T00:00:00Z',
      data: { agencyId: 'h1', bedsAvailable: 3, updatedAt: '2026-01-01T00:00:00Z' },
    });
    store.seedHospitals([
      {
        id: 'h1',
        code: 'SMC',
        kind: 'hospital',
        name: 'Seoul Medical Center',
        regionIds: [],
        location: { lat: 37.6, lng: 127.1 },
        bedsAvailable: 0,
      },
    ]);
    expect(store.hospitals.get('h1')?.bedsAvailable).toBe(3);
  });

  it('keeps whether a hospital accepts and when its beds were reported, from events before and after the list', () => {
    const store = new EventStore();
    const hospital = {
      id: 'h1',
      code: 'SMC',
      kind: 'hospital' as const,
      name: 'Seoul Medical Center',
      regionIds: [],
      location: { lat: 37.6, lng: 127.1 },
      bedsAvailable: 2,
      accepting: true,
      bedsUpdatedAt: '2026-01-01T00:00:00Z',
    };
    store.receive({
      seq: 1,
      type: 'hospital.updated',
      occurredAt: '2026-01-01T01:00:00Z',
      data: {
        agencyId: 'h1',
        bedsAvailable: 0,
        accepting: false,
        bedsUpdatedAt: '2026-01-01T01:00:00Z',
        updatedAt: '2026-01-01T01:00:00Z',
      },
    });
    store.seedHospitals([hospital]);
    expect(store.hospitals.get('h1')).toMatchObject({
      bedsAvailable: 0,
      accepting: false,
      bedsUpdatedAt: '2026-01-01T01:00:00Z',
    });
    store.receive({
      seq: 2,
      type: 'hospital.updated',
      occurredAt: '2026-01-01T02:00:00Z',
      data: {
        agencyId: 'h1',
        bedsAvailable: 5,
        accepting: true,
        bedsUpdatedAt: '2026-01-01T02:00:00Z',
        updatedAt: '2026-01-01T02:00:00Z',
      },
    });
    expect(store.hospitals.get('h1')).toMatchObject({
      bedsAvailable: 5,
      accepting: true,
      bedsUpdatedAt: '2026-01-01T02:00:00Z',
    });
  });

  it('marks alerts acknowledged elsewhere when the open list no longer has them', () => {
    const store = new EventStore();
    const alert = (id: string) => ({
      id,
      kind: 'panic' as const,
      severity: 'critical' as const,
      message: 'panic',
      incidentId: null,
      teamId: 't1',
      regionId: null,
      location: null,
    });
    const raised = (seq: number, id: string): AnyEventEnvelope => ({
      seq,
      type: 'alert.raised',
      occurredAt: '2026-01-01T00:00:00Z',
      data: alert(id),
    });
    store.receive(raised(1, 'a1'));
    store.receive(raised(2, 'a2'));
    const open: AlertView = {
      ...alert('a2'),
      raisedAt: '2026-01-01T00:00:00Z',
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    store.receive(raised(3, 'a3'));
    store.reconcileOpenAlerts([open], 2);
    expect(store.alerts.get('a1')?.acknowledgedAt).not.toBeNull();
    expect(store.alerts.get('a2')?.acknowledgedAt).toBeNull();
    expect(store.alerts.get('a3')?.acknowledgedAt).toBeNull();
  });
});

describe('SyncController', () => {
  function serverLog(events: AnyEventEnvelope[]) {
    const calls: Array<{ after: number; limit: number }> = [];
    const fetchPage = async (after: number, limit: number): Promise<EventsPage> => {
      calls.push({ after, limit });
      const page = events.filter((e) => e.seq > after).slice(0, limit);
      return { events: page, lastSeq: page.length ? page[page.length - 1].seq : after };
    };
    return { calls, fetchPage };
  }

  it('pages GET /events until a short page, without gaps or duplicates', async () => {
    const log = [
      incident(1),
      team(2),
      incident(3, { status: 'dispatching' }),
      team(4, { status: 'offered' }),
      incident(5, { status: 'dispatched' }),
    ];
    const { calls, fetchPage } = serverLog(log);
    const store = new EventStore();
    const seen: number[] = [];
    store.onEnvelope((e) => seen.push(e.seq));
    const synced: number[] = [];
    const sync = new SyncController(store, { fetchPage, limit: 2, onSynced: (s) => synced.push(s) });
    await sync.catchUp();
    expect(calls.map((c) => c.after)).toEqual([0, 2, 4]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(synced).toEqual([5]);
    expect(store.teams.get('t1')?.status).toBe('offered');
  });

  it('on reconnect asks only for what it missed', async () => {
    const log = [incident(1), team(2)];
    const { calls, fetchPage } = serverLog(log);
    const store = new EventStore();
    const sync = new SyncController(store, { fetchPage, limit: 10 });
    await sync.catchUp();
    log.push(incident(3, { status: 'dispatching' }));
    await sync.catchUp();
    expect(calls.map((c) => c.after)).toEqual([0, 2]);
    expect(store.lastSeq).toBe(3);
  });

  it('fetches the missing envelopes after a gap, then applies the buffered one', async () => {
    const log = [incident(1), team(2), incident(3, { status: 'dispatching' })];
    const { calls, fetchPage } = serverLog(log);
    const store = new EventStore();
    const timers: Array<() => void> = [];
    const sync = new SyncController(store, {
      fetchPage,
      limit: 10,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    sync.receive(incident(1));
    sync.receive(incident(3, { status: 'dispatching' }));
    expect(store.hasGap).toBe(true);
    expect(timers).toHaveLength(1);
    timers[0]();
    await sync.idle();
    expect(calls.map((c) => c.after)).toEqual([1]);
    expect(store.lastSeq).toBe(3);
    expect(store.teams.has('t1')).toBe(true);
    expect(store.incidents.get('i1')?.status).toBe('dispatching');
  });

  it('runs one catch-up at a time and repeats once for requests made meanwhile', async () => {
    const log = [incident(1)];
    let release: () => void = () => undefined;
    let first = true;
    let requests = 0;
    const fetchPage = async (after: number): Promise<EventsPage> => {
      requests += 1;
      if (first) {
        first = false;
        await new Promise<void>((r) => (release = r));
      }
      const events = log.filter((e) => e.seq > after);
      return { events, lastSeq: events.at(-1)?.seq ?? after };
    };
    const store = new EventStore();
    const sync = new SyncController(store, { fetchPage, limit: 10 });
    const a = sync.catchUp();
    const b = sync.catchUp();
    log.push(incident(2, { status: 'dispatching' }));
    release();
    await Promise.all([a, b]);
    expect(requests).toBe(2);
    expect(store.lastSeq).toBe(2);
  });
});
