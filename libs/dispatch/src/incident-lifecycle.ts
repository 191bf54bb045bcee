import type { IncidentStatus } from '#contracts';

// The incident lifecycle: open → dispatching → dispatched → on-scene → handoff → closed, or cancelled.
// Each trigger names the statuses it may start from and the one it leads to; the API applies it with a
// conditional UPDATE (… WHERE status = ANY(<from>)), so the database, not memory, settles races.

export type IncidentTrigger =
  /** An offer was made to a team. */
  | 'offer'
  /** The live offer ended without acceptance (declined, expired, withdrawn) and no other was made. */
  | 'offer-ended'
  /** The offered team accepted. */
  | 'accept'
  /** The team arrived on scene. */
  | 'arrive'
  /** The team was called off (or went out of service) before arriving: another team is needed. */
  | 'stand-down'
  /** The field response is over: the team cleared, or a partner took the person over. */
  | 'clear'
  /** A partner handoff was requested while on scene. */
  | 'handoff'
  /** Closed with a disposition. */
  | 'close'
  /** Withdrawn: a duplicate, a hoax, resolved before anyone went. */
  | 'cancel';

export interface IncidentTransition {
  trigger: IncidentTrigger;
  from: readonly IncidentStatus[];
  to: IncidentStatus;
}

export const INCIDENT_TRANSITIONS: readonly IncidentTransition[] = [
  { trigger: 'offer', from: ['open'], to: 'dispatching' },
  { trigger: 'offer-ended', from: ['dispatching'], to: 'open' },
  { trigger: 'accept', from: ['dispatching'], to: 'dispatched' },
  { trigger: 'arrive', from: ['dispatched'], to: 'on-scene' },
  { trigger: 'stand-down', from: ['dispatched'], to: 'open' },
  // A handoff requested on scene may already have moved the incident to handoff; clearing then keeps it there.
  { trigger: 'clear', from: ['on-scene', 'handoff'], to: 'handoff' },
  { trigger: 'handoff', from: ['on-scene'], to: 'handoff' },
  // Closing or cancelling while a team is on scene is refused: the team clears first, so its times are recorded.
  // Live offers and a team still en route are released by the close itself.
  { trigger: 'close', from: ['open', 'dispatching', 'dispatched', 'handoff'], to: 'closed' },
  { trigger: 'cancel', from: ['open', 'dispatching', 'dispatched'], to: 'cancelled' },
];

const BY_TRIGGER = new Map(INCIDENT_TRANSITIONS.map((t) => [t.trigger, t]));

export const TERMINAL_INCIDENT_STATUSES = ['closed', 'cancelled'] as const satisfies readonly IncidentStatus[];

export function incidentTransition(trigger: IncidentTrigger): IncidentTransition {
  const t = BY_TRIGGER.get(trigger);
  if (!t) throw new RangeError(`unknown incident trigger ${String(trigger)}`);
  return t;
}

/** The status `trigger` leads to from `from`, or null when it does not apply there. */
export function nextIncidentStatus(from: IncidentStatus, trigger: IncidentTrigger): IncidentStatus | null {
  const t = incidentTransition(trigger);
  return t.from.includes(from) ? t.to : null;
}

export function isTerminal(status: IncidentStatus): boolean {
  return (TERMINAL_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(status);
}
