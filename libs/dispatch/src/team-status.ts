import type { TeamStatus } from '#contracts';

// The team status machine. `off-duty` is never stored: it is derived from the shift table at read time, so it has
// no transitions here. Everything else changes only along the edges of this table, and only by the actors each
// edge names. The API applies an edge with a conditional UPDATE (… WHERE status = <from>), so two concurrent
// requests can never both take the same edge.

/** Statuses kept in the team row. */
export type StoredTeamStatus = Exclude<TeamStatus, 'off-duty'>;

/** Who asks for a change: the team's own responders, a coordinator (by radio), or the server itself. */
export type TeamStatusActor = 'team' | 'coordinator' | 'system';

/** What a transition means for the dispatch and the incident the team is working. */
export type TeamTransitionEffect =
  /** An incident was offered to the team (POST /incidents/:id/dispatches). */
  | 'offer'
  /** The offer ended without acceptance: declined, expired or withdrawn. */
  | 'offer-ended'
  /** The team accepted the offer and is on its way. */
  | 'accept'
  /** Arrived on scene: check-ins start. */
  | 'arrive'
  /** Taking the person somewhere (hospital, shelter); still with them. */
  | 'transport'
  /** Finished with the incident: the dispatch is cleared. */
  | 'clear'
  /** Called off before arrival (a coordinator's decision), or out of service on the way: the incident needs another team. */
  | 'stand-down'
  /** Out of service (vehicle, break, training). */
  | 'go-unavailable'
  /** Back in service. */
  | 'go-available';

export interface TeamTransition {
  from: StoredTeamStatus;
  to: StoredTeamStatus;
  by: readonly TeamStatusActor[];
  effect: TeamTransitionEffect;
}

const FIELD: readonly TeamStatusActor[] = ['team', 'coordinator'];

export const TEAM_TRANSITIONS: readonly TeamTransition[] = [
  { from: 'available', to: 'offered', by: ['system'], effect: 'offer' },
  { from: 'offered', to: 'available', by: ['system'], effect: 'offer-ended' },
  // Accepting means moving: a mobile crisis team leaves when it accepts, so en route starts with the acceptance.
  { from: 'offered', to: 'en-route', by: ['system'], effect: 'accept' },
  { from: 'en-route', to: 'on-scene', by: FIELD, effect: 'arrive' },
  // Only the control room calls a team off; a team that cannot go on (breakdown) reports itself unavailable.
  { from: 'en-route', to: 'available', by: ['coordinator'], effect: 'stand-down' },
  { from: 'en-route', to: 'unavailable', by: FIELD, effect: 'stand-down' },
  { from: 'on-scene', to: 'transporting', by: FIELD, effect: 'transport' },
  { from: 'on-scene', to: 'available', by: FIELD, effect: 'clear' },
  { from: 'transporting', to: 'available', by: FIELD, effect: 'clear' },
  { from: 'available', to: 'unavailable', by: FIELD, effect: 'go-unavailable' },
  { from: 'unavailable', to: 'available', by: FIELD, effect: 'go-available' },
];

const BY_EDGE = new Map<string, TeamTransition>(TEAM_TRANSITIONS.map((t) => [`${t.from}>${t.to}`, t]));

/** The edge from → to, or undefined when the table has none. */
export function teamTransition(from: StoredTeamStatus, to: StoredTeamStatus): TeamTransition | undefined {
  return BY_EDGE.get(`${from}>${to}`);
}

export type TeamTransitionCheck =
  | { ok: true; transition: TeamTransition }
  /** Already in that status: the caller may treat a repeat as a no-op. */
  | { ok: false; reason: 'unchanged' }
  /** No such edge. */
  | { ok: false; reason: 'illegal' }
  /** The edge exists but this actor may not take it (e.g. a team accepting by status instead of by the offer). */
  | { ok: false; reason: 'not-allowed' };

export function checkTeamTransition(
  from: StoredTeamStatus,
  to: StoredTeamStatus,
  actor: TeamStatusActor,
): TeamTransitionCheck {
  if (from === to) return { ok: false, reason: 'unchanged' };
  const transition = teamTransition(from, to);
  if (!transition) return { ok: false, reason: 'illegal' };
  if (!transition.by.includes(actor)) return { ok: false, reason: 'not-allowed' };
  return { ok: true, transition };
}

/** Statuses in which the team is committed to an incident (it has an accepted dispatch). */
export const WORKING_TEAM_STATUSES = [
  'en-route',
  'on-scene',
  'transporting',
] as const satisfies readonly StoredTeamStatus[];

/** Statuses in which safety check-ins are due: the team is with the person. */
export const CHECKIN_TEAM_STATUSES = ['on-scene', 'transporting'] as const satisfies readonly StoredTeamStatus[];

export function needsCheckins(status: TeamStatus): boolean {
  return (CHECKIN_TEAM_STATUSES as readonly TeamStatus[]).includes(status);
}

/**
 * The status a team's board shows. Off duty hides an idle status (a team outside its shift cannot be dispatched
 * whatever it last reported), but never hides work: a team still on scene when its shift ends is on scene.
 */
export function displayedTeamStatus(stored: StoredTeamStatus, onDuty: boolean): TeamStatus {
  if (onDuty) return stored;
  return stored === 'available' || stored === 'unavailable' ? 'off-duty' : stored;
}
