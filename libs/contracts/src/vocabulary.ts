// The one vocabulary: every status, kind and category the database, the API, the console and the docs use.
// Each union is derived from a const array so runtime validation and types can never drift apart.

export const ROLES = ['admin', 'supervisor', 'coordinator', 'counselor', 'responder', 'agency'] as const;
export type Role = (typeof ROLES)[number];
/** Roles of the crisis centre's own staff (everyone but partner agencies). */
export const STAFF_ROLES = [
  'admin',
  'supervisor',
  'coordinator',
  'counselor',
  'responder',
] as const satisfies readonly Role[];

export const CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CALL_CHANNELS = ['phone', 'text', 'police', 'fire', 'walk-in'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALL_STATUSES = ['ringing', 'active', 'ended'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Outcomes used in Korean crisis-line reporting. */
export const CALL_OUTCOMES = [
  'information-given',
  'closed-after-counselling',
  'linked-to-case-management',
  'linked-to-treatment',
  'field-dispatch',
  'emergency-admission',
  'handed-to-guardian',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Risk flags of a registered client, shown to the counselor when the caller's number matches. */
export const CLIENT_RISK_FLAGS = [
  'prior-attempt',
  'self-harm',
  'violence',
  'weapon-access',
  'substance-use',
  'psychosis',
  'wandering',
] as const;
export type ClientRiskFlag = (typeof CLIENT_RISK_FLAGS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const INCIDENT_STATUSES = [
  'open',
  'dispatching',
  'dispatched',
  'on-scene',
  'handoff',
  'closed',
  'cancelled',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const ACTIVE_INCIDENT_STATUSES = [
  'open',
  'dispatching',
  'dispatched',
  'on-scene',
  'handoff',
] as const satisfies readonly IncidentStatus[];

export const TEAM_STATUSES = [
  'off-duty',
  'available',
  'offered',
  'en-route',
  'on-scene',
  'transporting',
  'unavailable',
] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
/** Statuses a team (or a coordinator) may set by hand; `offered` and `off-duty` are set by the system. */
export const SETTABLE_TEAM_STATUSES = [
  'available',
  'en-route',
  'on-scene',
  'transporting',
  'unavailable',
] as const satisfies readonly TeamStatus[];
export type SettableTeamStatus = (typeof SETTABLE_TEAM_STATUSES)[number];

export const DISPATCH_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn', 'cleared'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export const AGENCY_KINDS = ['hospital', 'police', 'fire', 'community'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const HANDOFF_STATUSES = ['requested', 'accepted', 'declined', 'completed', 'cancelled', 'withdrawn'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const TEAM_SKILLS = [
  'adolescent',
  'addiction',
  'elderly',
  'female-clinician',
  'english',
  'chinese',
  'sign-language',
  'psychiatrist',
] as const;
export type TeamSkill = (typeof TEAM_SKILLS)[number];

export const ALERT_KINDS = [
  'offer-expired',
  'sla-breach',
  'sla-warning',
  'checkin-missed',
  'panic',
  'police-assist',
  'coverage-gap',
  'handoff-unanswered',
  'webhook-failed',
  'admission-expiring',
  'follow-up-overdue',
  'offer-declined',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Why a partner declines a handoff; counted by the indicators (hospital refusal reasons). */
export const HANDOFF_DECLINE_REASONS = [
  'no-beds',
  'no-psychiatrist',
  'medical-clearance-needed',
  'outside-catchment',
  'not-meeting-criteria',
  'other',
] as const;
export type HandoffDeclineReason = (typeof HANDOFF_DECLINE_REASONS)[number];

/** A skill code of the centre's vocabulary (GET/PUT /skills); TEAM_SKILLS are the ones triage derives by itself. */
export const SKILL_CODE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
