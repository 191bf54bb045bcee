import type {
  AgencyView,
  AlertEventData,
  AlertView,
  AnyEventEnvelope,
  CallEventData,
  CallView,
  DispatchEventData,
  DispatchView,
  HandoffEventData,
  HandoffView,
  IncidentEventData,
  IncidentView,
  TeamEventData,
  TeamView,
} from '#contracts';

import { eventIsOlderThanSnapshot } from './snapshot-order';

// The console's single client-side truth. At login it starts from REST snapshots taken at a known log position
// (`setCursor` + `seed*`); from then on live socket events and catch-up pages go through here in seq order, so
// the screen shows what the server's event log says. Both are upserts keyed by entity id (see `seed*` for which
// side wins, and snapshot-order.ts for events that land on a snapshot row). Snapshots also carry the few fields
// events leave out (summary, address, team base and skills), which events never erase.

/**
 * `seq`: for `source: 'event'`, the event that last changed the entry; for `source: 'snapshot'`, the log position
 * the REST row is known to be at least as new as (0: unknown).
 */
interface Versioned {
  seq: number;
  source?: 'event' | 'snapshot';
}
export type IncidentEntry = IncidentEventData &
  Pick<IncidentView, 'summary'> & { address: IncidentView['location']['address'] } & Versioned;
export type TeamEntry = TeamEventData &
  Partial<Pick<TeamView, 'base' | 'skills' | 'size' | 'coveredRegionIds'>> &
  Versioned;
export type CallEntry = CallEventData &
  Partial<Pick<CallView, 'callerNumber' | 'callerRelation' | 'clientMatches' | 'clientId'>> &
  Versioned;
export type DispatchEntry = DispatchEventData & Versioned;
export type AlertEntry = AlertEventData & Pick<AlertView, 'raisedAt' | 'acknowledgedAt'> & Versioned;
export type HandoffEntry = HandoffEventData & Partial<Pick<HandoffView, 'reason' | 'requestedAt'>> & Versioned;
export type HospitalEntry = AgencyView & Versioned;

export interface EntityMaps {
  incidents: Map<string, IncidentEntry>;
  teams: Map<string, TeamEntry>;
  calls: Map<string, CallEntry>;
  dispatches: Map<string, DispatchEntry>;
  alerts: Map<string, AlertEntry>;
  handoffs: Map<string, HandoffEntry>;
  hospitals: Map<string, HospitalEntry>;
}
export type EntityKind = keyof EntityMaps;
export const ENTITY_KINDS: readonly EntityKind[] = [
  'incidents',
  'teams',
  'calls',
  'dispatches',
  'alerts',
  'handoffs',
  'hospitals',
];

/** What happened to one live envelope. */
export type ReceiveOutcome = 'applied' | 'duplicate' | 'buffered';

export type ChangeListener = (changedIds: ReadonlySet<string>) => void;
/** `live` is false for envelopes that came from a catch-up page (history, possibly old). */
export type EnvelopeListener = (envelope: AnyEventEnvelope, live: boolean) => void;

export class EventStore {
  private readonly maps: EntityMaps = {
    incidents: new Map(),
    teams: new Map(),
    calls: new Map(),
    dispatches: new Map(),
    alerts: new Map(),
    handoffs: new Map(),
    hospitals: new Map(),
  };
  private seq = 0;
  /** Envelopes that arrived ahead of a missing seq, keyed by seq. */
  private readonly pending = new Map<number, AnyEventEnvelope>();
  /** Beds reported before the hospital itself was loaded. */
  private readonly pendingBeds = new Map<
    string,
    { bedsAvailable: number; accepting?: boolean; bedsUpdatedAt?: string; seq: number }
  >();
  private readonly versions = new Map<EntityKind, number>(ENTITY_KINDS.map((k) => [k, 0]));
  private readonly listeners = new Map<EntityKind, Set<ChangeListener>>(ENTITY_KINDS.map((k) => [k, new Set()]));
  private readonly envelopeListeners = new Set<EnvelopeListener>();
  private readonly changed = new Map<EntityKind, Set<string>>();
  private batchDepth = 0;

  get lastSeq(): number {
    return this.seq;
  }
  /** True while envelopes wait behind a missing seq: the caller should fetch GET /events?after=lastSeq. */
  get hasGap(): boolean {
    return this.pending.size > 0;
  }
  get incidents(): ReadonlyMap<string, IncidentEntry> {
    return this.maps.incidents;
  }
  get teams(): ReadonlyMap<string, TeamEntry> {
    return this.maps.teams;
  }
  get calls(): ReadonlyMap<string, CallEntry> {
    return this.maps.calls;
  }
  get dispatches(): ReadonlyMap<string, DispatchEntry> {
    return this.maps.dispatches;
  }
  get alerts(): ReadonlyMap<string, AlertEntry> {
    return this.maps.alerts;
  }
  get handoffs(): ReadonlyMap<string, HandoffEntry> {
    return this.maps.handoffs;
  }
  get hospitals(): ReadonlyMap<string, HospitalEntry> {
    return this.maps.hospitals;
  }

  /** Changes whenever an entry of this kind changes: the snapshot key for useSyncExternalStore. */
  version(kind: EntityKind): number {
    return this.versions.get(kind) ?? 0;
  }

  subscribe(kind: EntityKind, listener: ChangeListener): () => void {
    const set = this.listeners.get(kind);
    set?.add(listener);
    return () => set?.delete(listener);
  }

  onEnvelope(listener: EnvelopeListener): () => void {
    this.envelopeListeners.add(listener);
    return () => this.envelopeListeners.delete(listener);
  }

  /**
   * Starts the log at `headSeq` (GET /events/head, read before the snapshots): everything up to it is in the
   * snapshots, so only later envelopes are applied. Never moves backwards.
   */
  setCursor(headSeq: number): void {
    if (headSeq <= this.seq) return;
    this.batch(() => {
      this.seq = headSeq;
      for (const seq of [...this.pending.keys()]) if (seq <= headSeq) this.pending.delete(seq);
      this.drainConsecutive();
    });
  }

  /**
   * A live envelope. The next seq is applied at once (with any buffered successors); an old or repeated seq is
   * ignored; a seq beyond the next is buffered and reported so the caller can catch up.
   */
  receive(envelope: AnyEventEnvelope): ReceiveOutcome {
    if (envelope.seq <= this.seq || this.pending.has(envelope.seq)) return 'duplicate';
    if (envelope.seq !== this.seq + 1) {
      this.pending.set(envelope.seq, envelope);
      return 'buffered';
    }
    this.batch(() => {
      this.applyOne(envelope, true);
      this.drainConsecutive();
    });
    return 'applied';
  }

  /**
   * One page of GET /events, already in seq order and already filtered to what this user may see, so a jump in
   * seq here is not a gap. Old and repeated envelopes are skipped.
   */
  applyCatchUpPage(events: readonly AnyEventEnvelope[]): number {
    let applied = 0;
    this.batch(() => {
      for (const envelope of [...events].sort((a, b) => a.seq - b.seq)) {
        if (envelope.seq <= this.seq) continue;
        this.pending.delete(envelope.seq);
        this.applyOne(envelope, false);
        applied += 1;
      }
    });
    return applied;
  }

  /**
   * The catch-up read the log to its end: everything up to `headSeq` is known, and any envelope still buffered
   * is newer than the page, so it is applied in order without waiting for seqs this user will never see.
   */
  completeCatchUp(headSeq: number = this.seq): void {
    this.batch(() => {
      if (headSeq > this.seq) this.seq = headSeq;
      for (const seq of [...this.pending.keys()].sort((a, b) => a - b)) {
        const envelope = this.pending.get(seq);
        this.pending.delete(seq);
        if (envelope && envelope.seq > this.seq) this.applyOne(envelope, true);
      }
    });
  }

  /** Groups notifications: listeners hear once per kind with every id changed inside `fn`. */
  batch(fn: () => void): void {
    this.batchDepth += 1;
    try {
      fn();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0) this.flush();
    }
  }

  // Snapshots from REST. `asOf` is the log position read before the request (GET /events/head at login, else
  // the store's lastSeq when the request was made): the row reflects every event up to it. A row replaces an
  // entry no newer than that (an upsert); an entry changed by a later event keeps its state and only gains the
  // fields events do not carry. With the default 0 a snapshot only inserts and fills in.

  seedIncidents(views: readonly IncidentView[], asOf = 0): void {
    this.batch(() => {
      const teamOf = this.acceptedTeamByIncident();
      for (const v of views) {
        const current = this.maps.incidents.get(v.id);
        const extras = { summary: v.summary, address: v.location.address };
        if (current && current.seq > asOf) {
          this.put('incidents', v.id, { ...current, ...extras });
          continue;
        }
        const { id, number, status, category, regionId, respondBy, createdAt } = v;
        // The list has no team; the accepted dispatch (or what an earlier event said) names it.
        const teamId = teamOf.get(v.id) ?? current?.teamId ?? null;
        const location = { lat: v.location.lat, lng: v.location.lng };
        this.put('incidents', v.id, {
          id,
          number,
          status,
          category,
          regionId,
          location,
          respondBy,
          createdAt,
          teamId,
          ...extras,
          seq: asOf,
          source: 'snapshot',
        });
      }
    });
  }

  seedTeams(views: readonly TeamView[], asOf = 0): void {
    this.batch(() => {
      for (const v of views) {
        const extras = { base: v.base, skills: v.skills, size: v.size, coveredRegionIds: v.coveredRegionIds };
        const current = this.maps.teams.get(v.id);
        if (current && current.seq > asOf) this.put('teams', v.id, { ...current, ...extras });
        else {
          const { id, callsign, regionId, status, location, onDuty } = v;
          this.put('teams', v.id, {
            id,
            callsign,
            regionId,
            status,
            location,
            onDuty,
            ...extras,
            seq: asOf,
            source: 'snapshot',
          });
        }
      }
    });
  }

  seedCalls(views: readonly CallView[], asOf = 0): void {
    this.batch(() => {
      for (const v of views) {
        const extras = {
          callerNumber: v.callerNumber,
          callerRelation: v.callerRelation,
          clientMatches: v.clientMatches,
          clientId: v.clientId,
        };
        const current = this.maps.calls.get(v.id);
        if (current && current.seq > asOf) this.put('calls', v.id, { ...current, ...extras });
        else {
          const { id, status, channel, receivedAt, answeredAt, endedAt, counselorId, incidentId, outcome } = v;
          const category = v.triage?.category ?? null;
          this.put('calls', v.id, {
            id,
            status,
            channel,
            receivedAt,
            answeredAt,
            endedAt,
            counselorId,
            category,
            incidentId,
            outcome,
            ...extras,
            seq: asOf,
            source: 'snapshot',
          });
        }
      }
    });
  }

  seedDispatches(views: readonly DispatchView[], asOf = 0): void {
    this.batch(() => {
      for (const v of views) {
        const current = this.maps.dispatches.get(v.id);
        if (current && current.seq > asOf) {
          if (!current.incident && v.incident) this.put('dispatches', v.id, { ...current, incident: v.incident });
          continue;
        }
        this.put('dispatches', v.id, {
          ...v,
          incident: v.incident ?? current?.incident,
          seq: asOf,
          source: 'snapshot',
        });
        // The incident list does not name the team working it; an accepted dispatch does.
        const incident = this.maps.incidents.get(v.incidentId);
        if (v.status === 'accepted' && incident && incident.teamId === null && incident.source === 'snapshot') {
          this.put('incidents', incident.id, { ...incident, teamId: v.teamId });
        }
      }
    });
  }

  seedHandoffs(views: readonly HandoffView[], asOf = 0): void {
    this.batch(() => {
      for (const v of views) {
        const current = this.maps.handoffs.get(v.id);
        const extras = { reason: v.reason, requestedAt: v.requestedAt };
        if (current && current.seq > asOf) this.put('handoffs', v.id, { ...current, ...extras });
        else {
          const { id, incidentId, agencyId, kind, status, reasonCode } = v;
          const partners = { bedRequestId: v.bedRequestId ?? null, contactConfirmedAt: v.contactConfirmedAt ?? null };
          this.put('handoffs', v.id, {
            id,
            incidentId,
            agencyId,
            kind,
            status,
            reasonCode,
            ...partners,
            ...extras,
            seq: asOf,
            source: 'snapshot',
          });
        }
      }
    });
  }

  seedHospitals(views: readonly AgencyView[]): void {
    this.batch(() => {
      for (const v of views) {
        const current = this.maps.hospitals.get(v.id);
        const beds = this.pendingBeds.get(v.id);
        this.pendingBeds.delete(v.id);
        const evented = current?.source === 'event' ? current : undefined;
        const bedsAvailable = evented ? evented.bedsAvailable : (beds?.bedsAvailable ?? v.bedsAvailable);
        const accepting = evented ? evented.accepting : (beds?.accepting ?? v.accepting);
        const bedsUpdatedAt = evented ? evented.bedsUpdatedAt : (beds?.bedsUpdatedAt ?? v.bedsUpdatedAt);
        this.put('hospitals', v.id, {
          ...v,
          bedsAvailable,
          accepting,
          bedsUpdatedAt,
          seq: evented?.seq ?? beds?.seq ?? 0,
          source: evented || beds ? 'event' : 'snapshot',
        });
      }
    });
  }

  /**
   * Alerts have no "acknowledged" event, so the open list from GET /alerts?open=true decides: an alert the log
   * delivered up to `asOfSeq` that is not in the list was acknowledged elsewhere.
   */
  reconcileOpenAlerts(open: readonly AlertView[], asOfSeq: number): void {
    this.batch(() => {
      const openIds = new Set(open.map((a) => a.id));
      for (const alert of this.maps.alerts.values()) {
        if (!openIds.has(alert.id) && alert.acknowledgedAt === null && alert.seq <= asOfSeq) {
          this.put('alerts', alert.id, { ...alert, acknowledgedAt: alert.raisedAt });
        }
      }
      for (const a of open) this.putAlertView(a);
    });
  }

  /** The answer of POST /alerts/:id/ack. */
  acknowledgeAlert(view: AlertView): void {
    this.batch(() => this.putAlertView(view));
  }

  private putAlertView(v: AlertView): void {
    const current = this.maps.alerts.get(v.id);
    const { id, kind, severity, message, incidentId, teamId, regionId, location, raisedAt, acknowledgedAt } = v;
    this.put('alerts', v.id, {
      id,
      kind,
      severity,
      message,
      incidentId,
      teamId,
      regionId,
      location,
      raisedAt,
      acknowledgedAt,
      seq: current?.seq ?? 0,
      source: current?.source ?? 'snapshot',
    });
  }

  /** Incident id → team of its accepted dispatch, from what the store holds. */
  private acceptedTeamByIncident(): Map<string, string> {
    const teams = new Map<string, string>();
    for (const d of this.maps.dispatches.values()) if (d.status === 'accepted') teams.set(d.incidentId, d.teamId);
    return teams;
  }

  private drainConsecutive(): void {
    for (let next = this.pending.get(this.seq + 1); next; next = this.pending.get(this.seq + 1)) {
      this.pending.delete(next.seq);
      this.applyOne(next, true);
    }
  }

  /** An event landing on a snapshot row it is provably older than changes nothing (see snapshot-order.ts). */
  private olderThanSnapshot(current: Versioned | undefined, seq: number, compare: () => boolean): boolean {
    if (current?.source !== 'snapshot') return false;
    return seq <= current.seq || compare();
  }

  private applyOne(envelope: AnyEventEnvelope, live: boolean): void {
    this.seq = envelope.seq;
    const seq = envelope.seq;
    const source = 'event';
    switch (envelope.type) {
      case 'incident.created':
      case 'incident.updated': {
        const { data } = envelope;
        const current = this.maps.incidents.get(data.id);
        if (
          current &&
          this.olderThanSnapshot(current, seq, () =>
            eventIsOlderThanSnapshot({ kind: 'incidents', snapshot: current, event: data }),
          )
        )
          break;
        this.put('incidents', data.id, {
          ...data,
          location: { lat: data.location.lat, lng: data.location.lng },
          summary: current?.summary ?? null,
          address: current?.address ?? null,
          seq,
          source,
        });
        break;
      }
      case 'team.updated': {
        const { data } = envelope;
        const current = this.maps.teams.get(data.id);
        if (
          current &&
          this.olderThanSnapshot(current, seq, () =>
            eventIsOlderThanSnapshot({ kind: 'teams', snapshot: current, event: data }),
          )
        )
          break;
        this.put('teams', data.id, { ...current, ...data, seq, source });
        break;
      }
      case 'call.created':
      case 'call.updated': {
        const { data } = envelope;
        const current = this.maps.calls.get(data.id);
        if (
          current &&
          this.olderThanSnapshot(current, seq, () =>
            eventIsOlderThanSnapshot({ kind: 'calls', snapshot: current, event: data }),
          )
        )
          break;
        this.put('calls', data.id, { ...current, ...data, seq, source });
        break;
      }
      case 'dispatch.offered':
      case 'dispatch.updated': {
        const { data } = envelope;
        const current = this.maps.dispatches.get(data.id);
        if (
          current &&
          this.olderThanSnapshot(current, seq, () =>
            eventIsOlderThanSnapshot({ kind: 'dispatches', snapshot: current, event: data }),
          )
        )
          break;
        // Updates may leave out the need-to-know summary the offer carried.
        this.put('dispatches', data.id, { ...data, incident: data.incident ?? current?.incident, seq, source });
        break;
      }
      case 'handoff.created':
      case 'handoff.updated': {
        const { data } = envelope;
        const current = this.maps.handoffs.get(data.id);
        if (
          current &&
          this.olderThanSnapshot(current, seq, () =>
            eventIsOlderThanSnapshot({ kind: 'handoffs', snapshot: current, event: data }),
          )
        )
          break;
        this.put('handoffs', data.id, { ...current, ...data, seq, source });
        break;
      }
      case 'hospital.updated': {
        const { data } = envelope;
        const current = this.maps.hospitals.get(data.agencyId);
        const beds = {
          bedsAvailable: data.bedsAvailable,
          accepting: data.accepting,
          bedsUpdatedAt: data.bedsUpdatedAt ?? data.updatedAt,
        };
        if (current)
          this.put('hospitals', current.id, {
            ...current,
            ...beds,
            accepting: beds.accepting ?? current.accepting,
            seq,
            source,
          });
        else this.pendingBeds.set(data.agencyId, { ...beds, seq });
        break;
      }
      case 'alert.raised': {
        const current = this.maps.alerts.get(envelope.data.id);
        this.put('alerts', envelope.data.id, {
          ...envelope.data,
          raisedAt: current?.raisedAt ?? envelope.occurredAt,
          acknowledgedAt: current?.acknowledgedAt ?? null,
          seq,
          source,
        });
        break;
      }
      // Admission clocks keep their own list (features/admissions) and follow these through the envelope listeners.
      // Follow-ups are not kept in the store: their screens reload on these (listeners below still hear them).
      case 'admission.created':
      case 'admission.updated':
      case 'follow-up.created':
      case 'follow-up.updated':
        break;
      default: {
        const unknown: never = envelope;
        void unknown;
      }
    }
    for (const listener of this.envelopeListeners) listener(envelope, live);
  }

  private put<K extends EntityKind>(
    kind: K,
    id: string,
    entry: EntityMaps[K] extends Map<string, infer V> ? V : never,
  ): void {
    (this.maps[kind] as Map<string, typeof entry>).set(id, entry);
    let ids = this.changed.get(kind);
    if (!ids) this.changed.set(kind, (ids = new Set()));
    ids.add(id);
    if (this.batchDepth === 0) this.flush();
  }

  private flush(): void {
    if (this.changed.size === 0) return;
    const changed = [...this.changed.entries()];
    this.changed.clear();
    for (const [kind, ids] of changed) {
      this.versions.set(kind, (this.versions.get(kind) ?? 0) + 1);
      for (const listener of this.listeners.get(kind) ?? []) listener(ids);
    }
  }
}
