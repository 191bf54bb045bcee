import type {
  CallChannel,
  CallOutcome,
  CallStatus,
  Category,
  IncidentStatus,
  Role,
  TeamSkill,
  TeamStatus,
} from './vocabulary.js';
import type { LatLng } from './geo.js';
import type { TriageRecord } from './triage.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId?: string;
  agencyId?: string;
  /** The kind of the user's agency (agency users only): decides which portal sections and view they get. */
  agencyKind?: import('./vocabulary.js').AgencyKind;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: UserView;
}

/** Claims of the access token; rooms and scope checks are derived from these alone. */
export interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  teamId?: string;
  agencyId?: string;
  regionIds?: string[];
}

export interface TeamView {
  id: string;
  callsign: string;
  regionId: string;
  coveredRegionIds: string[];
  status: TeamStatus;
  base: LatLng;
  location: (LatLng & { at: string }) | null;
  onDuty: boolean;
  /** Codes of the centre's skill vocabulary (GET /skills). */
  skills: string[];
  size: number;
}

export interface ClientMatch {
  id: string;
  displayName: string;
  regionId: string | null;
  riskFlags: string[];
}

export interface CallView {
  id: string;
  status: CallStatus;
  channel: CallChannel;
  callerNumber: string | null;
  callerRelation: string | null;
  notes: string | null;
  receivedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  outcome: CallOutcome | null;
  counselorId: string | null;
  clientId: string | null;
  incidentId: string | null;
  clientMatches: ClientMatch[];
  triage: TriageRecord | null;
  /** Earlier contacts of the matched client in the last 30 days (null: none, or no client matched). */
  repeatContact?: import('./care.js').RepeatContact | null;
  /**
   * Where the recognised client (the linked client, or the only match) was last attended: the location of their
   * newest incident, to pre-fill the new incident's location (issue 13 item 10). Null when there is none.
   */
  clientLastLocation?: (LatLng & { address: string | null; at: string }) | null;
}

export interface IncidentView {
  id: string;
  number: string;
  regionId: string | null;
  category: Category;
  status: IncidentStatus;
  respondBy: string | null;
  location: LatLng & { address: string | null };
  summary: string | null;
  createdAt: string;
}

export interface HealthResponse {
  status: 'ok';
}

export interface TimelineEntry {
  at: string;
  type: import('./timeline.js').TimelineType;
  actor: string | null;
  data: Record<string, unknown>;
}

export interface DispatchView {
  id: string;
  incidentId: string;
  teamId: string;
  status: import('./vocabulary.js').DispatchStatus;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
  reason: string | null;
  /** Offered by the server (re-offer after an expiry), not by a coordinator. */
  automatic?: boolean;
  /** Need-to-know summary for the team's phone (GET /dispatches): number, category, where to go. */
  incident?: DispatchIncidentSummary;
}

/** What a team's phone is told about an offered incident: no names, no notes. */
export interface DispatchIncidentSummary {
  number: string;
  category: Category;
  location: LatLng & { address?: string | null };
}

export interface HandoffView {
  id: string;
  incidentId: string;
  agencyId: string;
  kind: import('./vocabulary.js').AgencyKind;
  status: import('./vocabulary.js').HandoffStatus;
  reason: string;
  reasonCode: string | null;
  requestedAt: string;
  respondedAt: string | null;
  completedAt: string | null;
  /** Set when the handoff is one of a multi-hospital bed request. */
  bedRequestId?: string | null;
  /** The free text a partner gave with decline code `other`. */
  reasonText?: string | null;
  /** Police and fire: when contact with the team was confirmed (completion needs it). */
  contactConfirmedAt?: string | null;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  /** The incident as its reader may see it (partners.ts: one view per reader kind). */
  incident?: import('./partners.js').HandoffIncidentView;
}

/**
 * Who to call back about an incident (issue 13 item 4): the number and the relation the first call gave. The team
 * may have to call the family back, so this is the one piece of the call its phone sees.
 */
export interface IncidentCallback {
  number: string | null;
  relation: string | null;
}

export interface IncidentDetail extends IncidentView {
  callIds: string[];
  callback: IncidentCallback | null;
  clientId: string | null;
  teamId: string | null;
  triage: TriageRecord | null;
  milestones: Record<string, string | null>;
  dispatches: DispatchView[];
  handoffs: HandoffView[];
  timeline: TimelineEntry[];
  disposition: string | null;
}

export interface AgencyView {
  id: string;
  code: string;
  kind: import('./vocabulary.js').AgencyKind;
  name: string;
  regionIds: string[];
  location: LatLng;
  bedsAvailable: number | null;
  /** Hospitals: whether it takes psychiatric emergencies now. */
  accepting?: boolean;
  /** Hospitals: when the beds were last reported (null: never). */
  bedsUpdatedAt?: string | null;
}

export interface AlertView {
  id: string;
  kind: import('./vocabulary.js').AlertKind;
  severity: import('./vocabulary.js').AlertSeverity;
  message: string;
  incidentId: string | null;
  teamId: string | null;
  regionId: string | null;
  location: LatLng | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Why an open incident is offered for attaching a new call (GET /calls/:id/similar-incidents). */
export type SimilarityReason = 'client' | 'caller' | 'address' | 'nearby';

export interface SimilarIncident extends IncidentView {
  matchedBy: SimilarityReason[];
  /** Metres from the location given in the query, when one was given. */
  distanceM: number | null;
}

/** What the PBX gets back from POST /telephony/incoming: no personal data. */
export interface TelephonyIncomingResponse {
  id: string;
  status: CallStatus;
  receivedAt: string;
}

/** Public console configuration (GET /config). */
export interface ConsoleConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  idleLogoffMinutes: number;
  offerSeconds: number;
  checkinMinutes: number;
  mapCenter: LatLng;
  mapZoom: number;
  /** CENTRE_TIMEZONE: legal clocks (the Art. 50 admission end) are shown in the centre's zone, not the browser's. */
  centreTimezone?: string;
  /** Whether GEOCODER_URL is set: address search when true, else the district picker (issue 13 item 5). */
  geocoding?: boolean;
}

/** One row of GET /incidents/:id/recommendations, best first. `reasons` are the machine codes of libs/geo. */
export interface RecommendationView {
  teamId: string;
  callsign: string;
  etaMinutes: number;
  distanceKm: number;
  inRegion: boolean;
  reasons: string[];
  /** Which position the ETA was computed from: the live location or the base (none, or stale). */
  from: 'live' | 'base';
}

/** GET /incidents/:id/dispatch-plan: the ranking, why the other teams are missing, and which partners to call. */
export interface DispatchPlan {
  incidentId: string;
  recommendations: RecommendationView[];
  excluded: { teamId: string; callsign: string; reasons: string[] }[];
  /** What the triage calls for: police only when the rules say so (least restrictive response). */
  partners: { police: boolean; ems: boolean; fire: boolean };
  /** For each partner called for, the agency of the incident's region (else the nearest one). */
  partnerAgencies: { kind: 'police' | 'fire'; agencyId: string; name: string; distanceKm: number }[];
}

/** Roster coverage of one region now and over the next hours (GET /coverage). */
export interface RegionCoverageView {
  regionId: string;
  code: string;
  name: string;
  /** Teams covering the region (home or covered region) inside a shift now. */
  onDutyNow: { teamId: string; callsign: string }[];
  /** The earliest start, after now, of a shift of a covering team. */
  nextShiftStartsAt: string | null;
  gapNow: boolean;
  /** First instant within the horizon with no team on duty, or null. */
  gapStartsAt: string | null;
  /** When that gap ends, or null when it lasts past the horizon. */
  gapEndsAt: string | null;
  gapWithinHorizon: boolean;
}

export interface CoverageView {
  generatedAt: string;
  horizonHours: number;
  regions: RegionCoverageView[];
}
