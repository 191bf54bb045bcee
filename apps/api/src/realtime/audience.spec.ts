import type {
  AdmissionEventData,
  AlertEventData,
  AlertKind,
  CallEventData,
  DispatchEventData,
  FollowUpEventData,
  HandoffEventData,
  IncidentEventData,
  TeamEventData,
} from '#contracts';
import { audienceOf } from './audience.js';

// The rooms each event type reaches, pinned as they were chosen at the call sites before the map existed.
const CONTROL = ['role:coordinator', 'role:supervisor', 'role:admin'];
const HOTLINE = ['role:counselor', ...CONTROL];
const AT = '2026-11-30T00:00:00.000Z';
const sorted = (rooms: string[]) => [...rooms].sort();

const incident: IncidentEventData = {
  id: 'i1',
  number: '2026-000001',
  status: 'dispatched',
  category: 'B',
  regionId: 'r1',
  location: { lat: 37.5, lng: 127 },
  respondBy: null,
  createdAt: AT,
  teamId: 't1',
};
const handoff: HandoffEventData = {
  id: 'h1',
  incidentId: 'i1',
  agencyId: 'a1',
  kind: 'hospital',
  status: 'requested',
  reasonCode: null,
  teamId: 't1',
};
const call: CallEventData = {
  id: 'c1',
  status: 'active',
  channel: 'phone',
  receivedAt: AT,
  answeredAt: AT,
  endedAt: null,
  counselorId: 'u1',
  category: null,
  incidentId: null,
  outcome: null,
};
const team: TeamEventData = {
  id: 't1',
  callsign: 'A1',
  regionId: 'r1',
  status: 'available',
  location: null,
  onDuty: true,
};
const dispatch: DispatchEventData = {
  id: 'd1',
  incidentId: 'i1',
  teamId: 't2',
  status: 'offered',
  offeredAt: AT,
  expiresAt: AT,
  respondedAt: null,
  reason: null,
};
const followUp: FollowUpEventData = {
  id: 'f1',
  status: 'open',
  source: 'call-ended',
  agencyId: 'a1',
  incidentId: null,
  category: 'C',
  dueAt: AT,
  attempts: 0,
  outcome: null,
};
const admission: AdmissionEventData = {
  id: 'ad1',
  incidentId: 'i1',
  hospitalAgencyId: 'a1',
  status: 'active',
  admittedAt: AT,
  endsAt: AT,
  guardianNotice: { status: 'due', dueAt: AT },
  outcome: null,
  teamId: 't1',
};
const alert = (kind: AlertKind, extra: Partial<AlertEventData> = {}): AlertEventData => ({
  id: 'al1',
  kind,
  severity: 'warning',
  message: 'm',
  incidentId: 'i1',
  teamId: null,
  regionId: null,
  location: null,
  ...extra,
});

describe('audienceOf', () => {
  it('sends calls to the hotline', () => {
    expect(sorted(audienceOf('call.updated', call))).toEqual(sorted(HOTLINE));
  });

  it('sends an incident to the hotline and the team working it, and to a team it just released', () => {
    expect(sorted(audienceOf('incident.updated', incident))).toEqual(sorted([...HOTLINE, 'team:t1']));
    expect(sorted(audienceOf('incident.created', { ...incident, teamId: null }))).toEqual(sorted(HOTLINE));
    expect(sorted(audienceOf('incident.updated', { ...incident, teamId: null, releasedTeamId: 't2' }))).toEqual(
      sorted([...HOTLINE, 'team:t2']),
    );
    // The same team named twice is one room.
    expect(audienceOf('incident.updated', { ...incident, releasedTeamId: 't1' })).toHaveLength(HOTLINE.length + 1);
  });

  it("sends a team's state to its phones, the control room and counselors, and dispatches to the team and the control room only", () => {
    expect(sorted(audienceOf('team.updated', team))).toEqual(sorted(['team:t1', ...CONTROL, 'role:counselor']));
    expect(sorted(audienceOf('dispatch.offered', dispatch))).toEqual(sorted(['team:t2', ...CONTROL]));
  });

  it('sends a handoff to its agency, the control room and the team on the incident', () => {
    expect(sorted(audienceOf('handoff.created', handoff))).toEqual(sorted(['agency:a1', ...CONTROL, 'team:t1']));
    expect(sorted(audienceOf('handoff.updated', { ...handoff, teamId: null }))).toEqual(
      sorted(['agency:a1', ...CONTROL]),
    );
  });

  it('sends beds to every staff role and the hospital itself', () => {
    expect(sorted(audienceOf('hospital.updated', { agencyId: 'a1', bedsAvailable: 2, updatedAt: AT }))).toEqual(
      sorted(['role:counselor', 'role:responder', ...CONTROL, 'agency:a1']),
    );
  });

  it('sends a follow-up to its centre, the hotline, and the centre it just left', () => {
    expect(sorted(audienceOf('follow-up.created', followUp))).toEqual(sorted(['agency:a1', ...HOTLINE]));
    expect(sorted(audienceOf('follow-up.updated', { ...followUp, previousAgencyId: 'a2' }))).toEqual(
      sorted(['agency:a1', ...HOTLINE, 'agency:a2']),
    );
  });

  it('sends an admission to the hospital, the control room and the team on the incident', () => {
    expect(sorted(audienceOf('admission.updated', admission))).toEqual(sorted(['agency:a1', ...CONTROL, 'team:t1']));
  });

  it('decides per alert kind: the team concerned, the control room only, or the partner holding the case', () => {
    expect(sorted(audienceOf('alert.raised', alert('panic', { teamId: 't1' })))).toEqual(
      sorted(['team:t1', ...CONTROL]),
    );
    expect(sorted(audienceOf('alert.raised', alert('sla-breach')))).toEqual(sorted(CONTROL));
    // The team that missed or declined an offer is not told by alert.
    expect(sorted(audienceOf('alert.raised', alert('offer-expired', { teamId: 't1' })))).toEqual(sorted(CONTROL));
    expect(sorted(audienceOf('alert.raised', alert('offer-declined', { teamId: 't1' })))).toEqual(sorted(CONTROL));
    expect(sorted(audienceOf('alert.raised', alert('admission-expiring', { agencyId: 'a1' })))).toEqual(
      sorted(['agency:a1', ...CONTROL]),
    );
    expect(sorted(audienceOf('alert.raised', alert('follow-up-overdue', { agencyId: null })))).toEqual(sorted(CONTROL));
    expect(sorted(audienceOf('alert.raised', alert('webhook-failed', { agencyId: 'a1' })))).toEqual(sorted(CONTROL));
  });
});
