import type { CallStatus, DispatchStatus, HandoffStatus, IncidentStatus, TeamEventData } from '#contracts';

// Snapshot rows and events, which is newer?
//
// At login the console reads the log head H, then the REST snapshots, then the events after H. A snapshot row
// reflects every event up to H, and possibly some after it (it was read a moment later), so an event after H may
// be older than the row it lands on. The views carry no version, but most lifecycles only move forward: an event
// whose status is behind the snapshot row's is older and is skipped. Where nothing tells (a team's status cycles,
// beds go up and down) the event is applied: catch-up reads the log to its end and each page notifies listeners
// once, so the last event of each entity wins and a brief step back is never painted.

const CALL_RANK: Record<CallStatus, number> = { ringing: 0, active: 1, ended: 2 };
const DISPATCH_RANK: Record<DispatchStatus, number> = {
  offered: 0,
  accepted: 1,
  declined: 2,
  expired: 2,
  withdrawn: 2,
  cleared: 2,
};
const HANDOFF_RANK: Record<HandoffStatus, number> = {
  requested: 0,
  accepted: 1,
  declined: 2,
  completed: 2,
  cancelled: 2,
  withdrawn: 2,
};
/** Incidents go back and forth (a declined offer reopens one) until they end; an ended one never reopens. */
const INCIDENT_RANK: Record<IncidentStatus, number> = {
  open: 0,
  dispatching: 0,
  dispatched: 0,
  'on-scene': 0,
  handoff: 0,
  closed: 1,
  cancelled: 1,
};

export type SnapshotComparable =
  | { kind: 'calls'; snapshot: { status: CallStatus }; event: { status: CallStatus } }
  | { kind: 'dispatches'; snapshot: { status: DispatchStatus }; event: { status: DispatchStatus } }
  | { kind: 'handoffs'; snapshot: { status: HandoffStatus }; event: { status: HandoffStatus } }
  | { kind: 'incidents'; snapshot: { status: IncidentStatus }; event: { status: IncidentStatus } }
  | { kind: 'teams'; snapshot: Pick<TeamEventData, 'location'>; event: Pick<TeamEventData, 'location'> };

/** True when the event is provably older than the snapshot row it would overwrite. */
export function eventIsOlderThanSnapshot(c: SnapshotComparable): boolean {
  switch (c.kind) {
    case 'calls':
      return CALL_RANK[c.event.status] < CALL_RANK[c.snapshot.status];
    case 'dispatches':
      return DISPATCH_RANK[c.event.status] < DISPATCH_RANK[c.snapshot.status];
    case 'handoffs':
      return HANDOFF_RANK[c.event.status] < HANDOFF_RANK[c.snapshot.status];
    case 'incidents':
      return INCIDENT_RANK[c.event.status] < INCIDENT_RANK[c.snapshot.status];
    case 'teams': {
      // Every team event carries the position as of its commit, so an earlier fix means an earlier event.
      const seen = c.snapshot.location?.at;
      const carried = c.event.location?.at;
      return seen !== undefined && (carried === undefined || Date.parse(carried) < Date.parse(seen));
    }
  }
}
