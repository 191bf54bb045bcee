import type {
  AlertKind,
  AlertSeverity,
  Category,
  CallStatus,
  DispatchStatus,
  HandoffStatus,
  IncidentStatus,
  TeamStatus,
} from './vocabulary.js';
import type { LatLng } from './geo.js';
import type { AdmissionEventData } from './admissions.js';
import type { FollowUpEventData } from './care.js';
import type { ErrorBody } from './errors.js';

// The Socket.IO event map. Every server event is emitted under its type name with this envelope; `seq` is
// global, gap-free and increasing in commit order, so a client that missed anything asks GET /events?after=seq.

export const EVENT_TYPES = [
  'call.created',
  'call.updated',
  'incident.created',
  'incident.updated',
  'dispatch.offered',
  'dispatch.updated',
  'team.updated',
  'handoff.created',
  'handoff.updated',
  'hospital.updated',
  'alert.raised',
  'admission.created',
  'admission.updated',
  'follow-up.created',
  'follow-up.updated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// Event data carries ids and the few fields a live screen needs; personal data stays behind audited reads.
export interface CallEventData {
  id: string;
  status: CallStatus;
  channel: string;
  receivedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  counselorId: string | null;
  category: Category | null;
  incidentId: string | null;
  outcome: string | null;
}

export interface IncidentEventData {
  id: string;
  number: string;
  status: IncidentStatus;
  category: Category;
  regionId: string | null;
  location: LatLng;
  respondBy: string | null;
  createdAt: string;
  teamId: string | null;
  milestone?: string;
  /** The team this change released (stood down, or its dispatch withdrawn by the close): told too, although the
   *  incident no longer names it. */
  releasedTeamId?: string;
}

export interface DispatchEventData {
  id: string;
  incidentId: string;
  teamId: string;
  status: DispatchStatus;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
  reason: string | null;
  /** Need-to-know summary for the team's phone: category, location, number. */
  incident?: { number: string; category: Category; location: LatLng & { address?: string | null } };
  /** Offered by the server (re-offer after an expiry), not by a coordinator. */
  automatic?: boolean;
}

export interface TeamEventData {
  id: string;
  callsign: string;
  regionId: string;
  status: TeamStatus;
  location: (LatLng & { at: string }) | null;
  onDuty: boolean;
}

export interface HandoffEventData {
  id: string;
  incidentId: string;
  agencyId: string;
  kind: string;
  status: HandoffStatus;
  reasonCode: string | null;
  /** Set when the handoff is one of a multi-hospital bed request. */
  bedRequestId?: string | null;
  contactConfirmedAt?: string | null;
  requestedAt?: string;
  /** The team working the incident, which hears of its handoffs. */
  teamId?: string | null;
}

export interface HospitalEventData {
  agencyId: string;
  bedsAvailable: number;
  updatedAt: string;
  accepting?: boolean;
  bedsUpdatedAt?: string;
}

export interface AlertEventData {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  incidentId: string | null;
  teamId: string | null;
  regionId: string | null;
  location: LatLng | null;
  /** The partner agency the alert concerns (a hospital's admission, a community centre's follow-up), if any. */
  agencyId?: string | null;
}

export interface EventDataMap {
  'call.created': CallEventData;
  'call.updated': CallEventData;
  'incident.created': IncidentEventData;
  'incident.updated': IncidentEventData;
  'dispatch.offered': DispatchEventData;
  'dispatch.updated': DispatchEventData;
  'team.updated': TeamEventData;
  'handoff.created': HandoffEventData;
  'handoff.updated': HandoffEventData;
  'hospital.updated': HospitalEventData;
  'alert.raised': AlertEventData;
  'admission.created': AdmissionEventData;
  'admission.updated': AdmissionEventData;
  'follow-up.created': FollowUpEventData;
  'follow-up.updated': FollowUpEventData;
}

export interface EventEnvelope<T extends EventType = EventType> {
  seq: number;
  type: T;
  occurredAt: string;
  data: EventDataMap[T];
}

/** Any envelope, discriminated by `type` so a switch narrows `data`. */
export type AnyEventEnvelope = { [K in EventType]: EventEnvelope<K> }[EventType];

/** One listener per domain event type. */
export type DomainEventListeners = { [K in EventType]: (envelope: EventEnvelope<K>) => void };

/** Sent just before the server drops a socket whose session ended or whose token ran out. */
export interface SessionExpiredNotice {
  code: 'UNAUTHENTICATED';
  message: string;
}

/**
 * The socket's session messages, next to the domain events: not events (no seq, not stored), but part of the same
 * wire protocol. `exception` carries the error body of a refused client message (the same body as REST).
 */
export interface SessionServerEvents {
  'session.expired': (notice: SessionExpiredNotice) => void;
  exception: (body: ErrorBody) => void;
}

/** Typed Socket.IO server→client map: `Server<ClientToServerEvents, ServerToClientEvents>` in the API,
 *  `Socket<ServerToClientEvents, ClientToServerEvents>` in the console and tests. */
export type ServerToClientEvents = DomainEventListeners & SessionServerEvents;

export interface AuthRefreshMessage {
  token: string;
}
export interface AuthRefreshAck {
  ok: true;
}

/** The only client→server message: a renewed token handed to the live socket. Domain changes go through REST. */
export interface ClientToServerEvents {
  'auth.refresh': (body: AuthRefreshMessage, ack: (answer: AuthRefreshAck) => void) => void;
}

export interface EventsPage {
  events: AnyEventEnvelope[];
  lastSeq: number;
}
