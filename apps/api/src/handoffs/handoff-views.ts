import {
  readerOfAgencyKind,
  type CommunityHandoffIncident,
  type EmergencyHandoffIncident,
  type HandoffIncidentView,
  type HandoffReader,
  type HandoffView,
  type HospitalHandoffIncident,
  type SafetyCaution,
  type StaffHandoffIncident,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import type { HandoffRow, HandoffSourceRow } from './handoffs.repository.js';

// What each reader of a handoff may see (contract "Views"), one function per reader kind. REST answers, the socket
// path (the portal re-reads through these on every handoff event) and partner webhooks all build from here, so a
// field added to the source row reaches a reader only when its function says so.

/** Police and fire get the responders' safety, never the clinical history behind it. */
export function safetyCautions(s: HandoffSourceRow): SafetyCaution[] {
  const flags = new Set(s.client_risk_flags ?? []);
  const out: SafetyCaution[] = [];
  if (s.weapon_access || flags.has('weapon-access')) out.push('weapon-access');
  if (flags.has('violence')) out.push('violence-history');
  if (s.harm_to_others === 'threats') out.push('threats');
  if (s.harm_to_others === 'imminent' || s.harm_to_others === 'inProgress') out.push('harm-to-others-imminent');
  if (s.danger_to_others) out.push('danger-to-others');
  return out;
}

/**
 * The clinical readers' summary and name: the name only when a registered client is linked, since an unverified
 * caller's name is not an identity.
 */
function summaryAndName(s: HandoffSourceRow): Pick<HospitalHandoffIncident, 'summary' | 'personName'> {
  return { summary: s.summary, personName: s.client_id ? s.person_name : null };
}

export function hospitalView(s: HandoffSourceRow): HospitalHandoffIncident {
  return { view: 'hospital', number: s.number, category: s.category, cssrsRisk: s.cssrs_risk, ...summaryAndName(s) };
}

/** Police and fire get what the centre's own staff see (where and what), plus their cautions and the team on scene. */
export function emergencyView(s: HandoffSourceRow): EmergencyHandoffIncident {
  return {
    ...staffView(s),
    view: 'emergency',
    cautions: safetyCautions(s),
    team: s.team_callsign && s.team_status ? { callsign: s.team_callsign, status: s.team_status } : null,
  };
}

export function communityView(s: HandoffSourceRow): CommunityHandoffIncident {
  return { view: 'community', number: s.number, category: s.category, ...summaryAndName(s) };
}

export function staffView(s: HandoffSourceRow): StaffHandoffIncident {
  return {
    view: 'staff',
    number: s.number,
    category: s.category,
    location: { lat: s.lat, lng: s.lng, address: s.address },
  };
}

/** Who reads: an agency user reads as its agency's kind (it only ever reads its own handoffs); everyone else is staff. */
export function readerOf(actor: Actor, handoffKind: HandoffRow['kind']): HandoffReader {
  return actor.role === 'agency' ? readerOfAgencyKind(handoffKind) : 'staff';
}

export function incidentViewFor(reader: HandoffReader, s: HandoffSourceRow): HandoffIncidentView {
  switch (reader) {
    case 'hospital':
      return hospitalView(s);
    case 'emergency':
      return emergencyView(s);
    case 'community':
      return communityView(s);
    case 'staff':
      return staffView(s);
  }
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The handoff itself (everyone may see its own status and answers) plus the incident in the reader's view. */
export function toHandoffView(r: HandoffRow, incident?: HandoffIncidentView): HandoffView {
  const view: HandoffView = {
    id: r.id,
    incidentId: r.incident_id,
    agencyId: r.agency_id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    requestedAt: r.requested_at.toISOString(),
    respondedAt: iso(r.responded_at),
    completedAt: iso(r.completed_at),
    bedRequestId: r.bed_request_id,
    contactConfirmedAt: iso(r.contact_confirmed_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
  };
  if (incident) view.incident = incident;
  return view;
}

/** A handoff as `reader` may see it. */
export function handoffViewFor(reader: HandoffReader, s: HandoffSourceRow): HandoffView {
  return toHandoffView(s, incidentViewFor(reader, s));
}
