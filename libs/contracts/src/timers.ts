/**
 * Every kind of durable timer (the `timer.kind` column), in one place: the runner registers handlers and features
 * schedule timers by these names only, so a new kind cannot be scheduled without being listed here. What `ref_id`
 * names is in brackets.
 */
export const TIMER = {
  /** An unanswered offer expires (dispatch id). */
  offerExpiry: 'dispatch.offer-expiry',
  /** A safety check-in of a team on scene is due (team id). */
  checkin: 'team.checkin',
  /** The response clock warns before respondBy, or no team was offered within 60 s (incident id). */
  slaWarning: 'incident.sla-warning',
  /** The response time passed with no team on scene (incident id). */
  slaBreach: 'incident.sla-breach',
  /** The periodic roster coverage check (a fixed id: one pending row for the whole deployment). */
  coverage: 'coverage.check',
  /** A partner has not answered a handoff in time (handoff id). */
  handoffUnanswered: 'handoff-unanswered',
  /** A follow-up task passed its due time (follow-up id). */
  followUpOverdue: 'follow-up.overdue',
  /** 12 hours before an emergency admission ends (admission id). */
  admissionExpiring: 'admission-expiring',
  /** 24 hours after an emergency admission the guardian's notice is overdue (admission id). */
  admissionGuardianOverdue: 'admission-guardian-overdue',
} as const;

export type TimerKind = (typeof TIMER)[keyof typeof TIMER];

/** The response-clock timers of an incident, replaced together whenever respondBy changes. */
export const SLA_TIMER_KINDS = [TIMER.slaWarning, TIMER.slaBreach] as const satisfies readonly TimerKind[];
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];
