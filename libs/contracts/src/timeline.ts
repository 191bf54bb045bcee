import { ALERT_KINDS, HANDOFF_STATUSES, type AlertKind, type HandoffStatus } from './vocabulary.js';

// Timeline entry types name what happened to the incident, in the past tense like the event names:
// `<what it happened to>.<what happened>`. A status change is named by the status reached (`dispatch.accepted`,
// `team.on-scene`), so the entry and the status speak the same words.

/** Types with a fixed wording of their own. */
export const NAMED_TIMELINE_TYPES = [
  'admission.administrative-requested',
  'admission.created',
  'admission.ended',
  'admission.guardian-notified',
  'bed-request.created',
  'call.answered',
  'call.attached',
  'call.ended',
  'call.received',
  'call.taken-over',
  'client.linked',
  'dispatch.accepted',
  'dispatch.declined',
  'dispatch.expired',
  'dispatch.offered',
  'dispatch.withdrawn',
  'follow-up.attempted',
  'follow-up.created',
  'follow-up.done',
  'follow-up.handed-back',
  'handoff.contact-confirmed',
  'incident.cancelled',
  'incident.closed',
  'incident.created',
  'region.not-found',
  'team.checked-in',
  'team.cleared',
  'team.en-route',
  'team.on-scene',
  'team.transporting',
  'triage.assessed',
  'triage.overridden',
] as const;
export type NamedTimelineType = (typeof NAMED_TIMELINE_TYPES)[number];
/** An alert of this kind was raised on the incident. */
export type AlertTimelineType = `alert.${AlertKind}`;
/** A handoff of the incident reached this status. */
export type HandoffTimelineType = `handoff.${HandoffStatus}`;
export type TimelineType = NamedTimelineType | AlertTimelineType | HandoffTimelineType;

export function isAlertTimelineType(type: string): type is AlertTimelineType {
  return ALERT_KINDS.some((k) => type === `alert.${k}`);
}

export function isHandoffTimelineType(type: string): type is HandoffTimelineType {
  return HANDOFF_STATUSES.some((s) => type === `handoff.${s}`);
}

/** The alert kind of an `alert.<kind>` entry. */
export function alertKindOfTimeline(type: AlertTimelineType): AlertKind {
  return ALERT_KINDS.find((k) => type === `alert.${k}`)!;
}

/** The handoff status of a `handoff.<status>` entry. */
export function handoffStatusOfTimeline(type: HandoffTimelineType): HandoffStatus {
  return HANDOFF_STATUSES.find((s) => type === `handoff.${s}`)!;
}
