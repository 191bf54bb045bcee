import { rooms } from '#contracts';

// Who sees which event, named as Socket.IO rooms. The same list is stored on the event row, so the live push
// and GET /events catch-up answer from one decision. Partner agencies and teams see only what is theirs.

const CONTROL_ROOM = [rooms.role('coordinator'), rooms.role('supervisor'), rooms.role('admin')];

export const audience = {
  /** Coordinators, supervisors and admins: the control room. */
  controlRoom: (): string[] => [...CONTROL_ROOM],
  /** The hotline: counselors plus the control room. */
  hotline: (): string[] => [rooms.role('counselor'), ...CONTROL_ROOM],
  /** A team's phones plus the control room. */
  team: (teamId: string): string[] => [rooms.team(teamId), ...CONTROL_ROOM],
  /**
   * A team's state (team.updated): its phones, the control room, and counselors, whose call screen follows the
   * team working their caller's incident live (issue 13 item 4). Callsign, status and position only: no case data.
   */
  teamState: (teamId: string): string[] => [rooms.team(teamId), ...CONTROL_ROOM, rooms.role('counselor')],
  /** A partner agency plus the control room (and the team working the incident, when there is one). */
  agency: (agencyId: string, teamId?: string | null): string[] => [
    rooms.agency(agencyId),
    ...CONTROL_ROOM,
    ...(teamId ? [rooms.team(teamId)] : []),
  ],
  /** An incident's changes: the hotline and control room, plus the team working it (which sees only its own). */
  incident: (teamId?: string | null): string[] => [
    rooms.role('counselor'),
    ...CONTROL_ROOM,
    ...(teamId ? [rooms.team(teamId)] : []),
  ],
  /** Every staff role: for facts everyone on shift needs, such as hospital beds. */
  allStaff: (): string[] => [rooms.role('counselor'), rooms.role('responder'), ...CONTROL_ROOM],
  /** A hospital's beds: every staff role plus the hospital itself (its bed board in the partner portal). */
  hospital: (agencyId: string): string[] => [
    rooms.role('counselor'),
    rooms.role('responder'),
    ...CONTROL_ROOM,
    rooms.agency(agencyId),
  ],
};
