import { rooms, type AlertEventData, type AlertKind, type EventDataMap, type EventType } from '#contracts';

// Who sees which event, named as Socket.IO rooms and derived from the event itself: one entry per event type (and per
// alert kind), so no call site chooses rooms and a new type cannot be emitted before someone decides who sees it.
// The same list is stored on the event row, so the live push and GET /events catch-up answer from one decision.
// Partner agencies and teams see only what is theirs.

const CONTROL_ROOM = [rooms.role('coordinator'), rooms.role('supervisor'), rooms.role('admin')];
/** The hotline: counselors plus the control room. */
const HOTLINE = [rooms.role('counselor'), ...CONTROL_ROOM];

const teamRoom = (teamId: string | null | undefined): string[] => (teamId ? [rooms.team(teamId)] : []);
const agencyRoom = (agencyId: string | null | undefined): string[] => (agencyId ? [rooms.agency(agencyId)] : []);

/** A team's phones plus the control room. */
const team = (teamId: string): string[] => [rooms.team(teamId), ...CONTROL_ROOM];
/**
 * A team's state (team.updated): its phones, the control room, and counselors, whose call screen follows the team
 * working their caller's incident live (issue 13 item 4). Callsign, status and position only: no case data.
 */
const teamState = (teamId: string): string[] => [rooms.team(teamId), ...CONTROL_ROOM, rooms.role('counselor')];
/** A partner agency plus the control room (and the team working the incident, when there is one). */
const agency = (agencyId: string, teamId?: string | null): string[] => [
  rooms.agency(agencyId),
  ...CONTROL_ROOM,
  ...teamRoom(teamId),
];

/** An alert goes to the control room and, by default, to the team it concerns. */
const teamOrControlRoom = (a: AlertEventData): string[] => (a.teamId ? team(a.teamId) : [...CONTROL_ROOM]);
const controlRoomOnly = (): string[] => [...CONTROL_ROOM];
/** The partner that holds the case (a hospital's admission, a centre's follow-up) and the control room. */
const agencyOrControlRoom = (a: AlertEventData): string[] => (a.agencyId ? agency(a.agencyId) : [...CONTROL_ROOM]);

const ALERT_AUDIENCE: { [K in AlertKind]: (a: AlertEventData) => string[] } = {
  // Coordinators only: the team that missed or declined the offer learns of it from dispatch.updated.
  'offer-expired': controlRoomOnly,
  'offer-declined': controlRoomOnly,
  'coverage-gap': controlRoomOnly,
  // About a partner's receiver, which is down: the control room follows it up.
  'webhook-failed': controlRoomOnly,
  'sla-breach': teamOrControlRoom,
  'sla-warning': teamOrControlRoom,
  'checkin-missed': teamOrControlRoom,
  panic: teamOrControlRoom,
  'police-assist': teamOrControlRoom,
  'handoff-unanswered': teamOrControlRoom,
  'admission-expiring': agencyOrControlRoom,
  'follow-up-overdue': agencyOrControlRoom,
};

/** Every staff role plus the hospital itself (its bed board in the partner portal): beds are everyone's concern. */
const hospital = (agencyId: string): string[] => [
  rooms.role('counselor'),
  rooms.role('responder'),
  ...CONTROL_ROOM,
  rooms.agency(agencyId),
];

/** An incident's changes: the hotline and control room, plus the team working it (which sees only its own). */
const incident = (d: EventDataMap['incident.updated']): string[] => [
  ...HOTLINE,
  ...teamRoom(d.teamId),
  ...teamRoom(d.releasedTeamId),
];

export const AUDIENCE: { [T in EventType]: (data: EventDataMap[T]) => string[] } = {
  'call.created': () => [...HOTLINE],
  'call.updated': () => [...HOTLINE],
  'incident.created': incident,
  'incident.updated': incident,
  'dispatch.offered': (d) => team(d.teamId),
  'dispatch.updated': (d) => team(d.teamId),
  'team.updated': (d) => teamState(d.id),
  'handoff.created': (d) => agency(d.agencyId, d.teamId),
  'handoff.updated': (d) => agency(d.agencyId, d.teamId),
  'hospital.updated': (d) => hospital(d.agencyId),
  'alert.raised': (d) => ALERT_AUDIENCE[d.kind](d),
  'admission.created': (d) => agency(d.hospitalAgencyId, d.teamId),
  'admission.updated': (d) => agency(d.hospitalAgencyId, d.teamId),
  // The centre the task is addressed to, the hotline and the control room.
  'follow-up.created': (d) => [...agencyRoom(d.agencyId), ...HOTLINE, ...agencyRoom(d.previousAgencyId)],
  'follow-up.updated': (d) => [...agencyRoom(d.agencyId), ...HOTLINE, ...agencyRoom(d.previousAgencyId)],
};

/** The rooms of one event, each once. */
export function audienceOf<T extends EventType>(type: T, data: EventDataMap[T]): string[] {
  return [...new Set(AUDIENCE[type](data))];
}
