import type { IncidentStatus, TeamStatus } from '#contracts';
import {
  latest,
  type ExportAgency,
  type ExportCall,
  type ExportClient,
  type ExportHandoff,
  type ExportIncident,
  type ExportTeam,
  type ExportTriage,
} from './export-source.js';

// NENA EIDO (NENA-STA-021) JSON for police and fire (reference/standards.md §4). Pure: the same input gives the same
// document. Every component carries the prologue ($id, lastUpdateTimeStamp, updatedByAgencyReference).
//
// What police/fire see: where (location), who is there in outline (a person in mental health crisis, no name, no
// clinical detail), the safety flags (weapon access, harm to others, danger to others, the client's weapon/violence
// flags) as cautions, what they are asked to do (the reason of the handoff addressed to them), which of our teams
// respond and their status. Never: call notes, incident summary, triage reasons, C-SSRS answers, the safety plan,
// names or phone numbers, nor handoffs to other agencies (hospitals in particular).

export const ISSUER = 'crisis-dispatch-console';
export const CENTRE_AGENCY_ID = 'urn:crisis-dispatch:agency:centre';

export interface EidoInput {
  incident: ExportIncident;
  triage: ExportTriage | null;
  client: ExportClient | null;
  calls: ExportCall[];
  teams: ExportTeam[];
  /** The police/fire handoffs the viewer may see: an agency only its own, staff all of them. */
  handoffs: ExportHandoff[];
  centre: { name: string };
}

export interface Reference {
  $ref: string;
}

export interface Prologue {
  $id: string;
  lastUpdateTimeStamp: string;
  updatedByAgencyReference: Reference;
}

export type EidoComponent = Prologue & Record<string, unknown>;

export interface Eido extends Prologue {
  eidoVersion: '1.0';
  issuingElementIdentification: string;
  incidentComponent: EidoComponent;
  callComponent: EidoComponent[];
  locationComponent: EidoComponent[];
  personComponent: EidoComponent[];
  agencyComponent: EidoComponent[];
  emergencyResourceComponent: EidoComponent[];
  notesComponent: EidoComponent[];
  cautionComponent: EidoComponent[];
}

const CENTRE_REF: Reference = { $ref: CENTRE_AGENCY_ID };

export const agencyUri = (a: ExportAgency): string => `urn:crisis-dispatch:agency:${a.id}`;
const uid = (kind: string, id: string): string => `urn:emergency:uid:${kind}:${id}:${ISSUER}`;

const INCIDENT_STATUS: Record<IncidentStatus, string> = {
  open: 'Pending',
  dispatching: 'Pending',
  dispatched: 'Dispatched',
  'on-scene': 'OnScene',
  handoff: 'OnScene',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

const UNIT_STATUS: Record<TeamStatus, string> = {
  'off-duty': 'OutOfService',
  available: 'Available',
  offered: 'Assigned',
  'en-route': 'Enroute',
  'on-scene': 'OnScene',
  transporting: 'Transporting',
  unavailable: 'Unavailable',
};

const AGENCY_TYPE: Record<ExportAgency['kind'], string> = {
  police: 'urn:emergency:service:responder.police',
  fire: 'urn:emergency:service:responder.fire',
  hospital: 'urn:emergency:service:responder.ems',
  community: 'urn:emergency:service:responder.other',
};

/** notesActionComments is HTML5: escape what we put in. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const xml = html;

/** A PIDF-LO presence document with a GML point and, when known, the address as free text. */
export function pidfLo(entity: string, lat: number, lng: number, address: string | null): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" xmlns:gml="http://www.opengis.net/gml" entity="${xml(entity)}">` +
    `<tuple id="incident-location"><status><gp:geopriv><gp:location-info>` +
    `<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>${lat} ${lng}</gml:pos></gml:Point>` +
    `</gp:location-info>` +
    (address
      ? `<gp:usage-rules/><gp:method>Manual</gp:method><gp:note-well>${xml(address)}</gp:note-well>`
      : `<gp:usage-rules/><gp:method>Manual</gp:method>`) +
    `</gp:geopriv></status></tuple></presence>`
  );
}

/** The safety flags police and fire may see, as caution texts with a severity. */
export function safetyCautions(
  incident: ExportIncident,
  triage: ExportTriage | null,
  client: ExportClient | null,
): { code: string; text: string; severity: 'highest' | 'high' | 'normal' }[] {
  const out: { code: string; text: string; severity: 'highest' | 'high' | 'normal' }[] = [];
  const harm = triage?.input.harmToOthers ?? 'none';
  if (triage?.input.weaponAccess || client?.safetyFlags.includes('weapon-access')) {
    out.push({ code: 'weapon-access', text: 'Person may have access to a weapon', severity: 'highest' });
  }
  if (harm !== 'none') {
    const text = {
      threats: 'Threats of harm to others',
      imminent: 'Harm to others imminent',
      inProgress: 'Harm to others in progress',
    }[harm];
    out.push({ code: `harm-to-others-${harm}`, text, severity: harm === 'threats' ? 'high' : 'highest' });
  } else if (incident.dangerToOthers) {
    out.push({ code: 'danger-to-others', text: 'Danger to others reported', severity: 'high' });
  }
  if (client?.safetyFlags.includes('violence'))
    out.push({ code: 'history-of-violence', text: 'History of violence on record', severity: 'high' });
  return out;
}

export function buildEido(input: EidoInput): Eido {
  const { incident, triage, client, calls, teams, handoffs, centre } = input;
  const updated = latest(
    incident.createdAt,
    incident.onSceneAt,
    incident.closedAt,
    triage?.assessedAt,
    ...teams.map((t) => t.statusChangedAt),
    ...handoffs.flatMap((h) => [h.requestedAt, h.respondedAt, h.completedAt]),
  );
  const stamp = (
    d: Date | null = null,
    by: Reference = CENTRE_REF,
  ): { lastUpdateTimeStamp: string; updatedByAgencyReference: Reference } => ({
    lastUpdateTimeStamp: (d ?? updated).toISOString(),
    updatedByAgencyReference: by,
  });

  const locationId = uid('locationid', incident.id);
  const personId = uid('personid', incident.id);
  const location: EidoComponent = {
    $id: locationId,
    ...stamp(incident.createdAt),
    locationTypeDescriptionRegistryText: 'IncidentLocation',
    locationByValue: pidfLo(uid('incidentid', incident.id), incident.lat, incident.lng, incident.address),
    ...(incident.address ? { locationDescriptionText: incident.address } : {}),
  };

  const cautions = safetyCautions(incident, triage, client).map((c): EidoComponent => ({
    $id: uid('cautionid', `${incident.id}:${c.code}`),
    ...stamp(triage?.assessedAt ?? incident.createdAt),
    cautionTypeInternalText: c.text,
    cautionTypeCommonRegistryText: c.code.startsWith('weapon') ? 'Weapons' : 'Violence',
    cautionSeverity: c.severity,
    cautionSource: CENTRE_AGENCY_ID,
    startDate: (triage?.assessedAt ?? incident.createdAt).toISOString(),
  }));

  const notes: EidoComponent[] = [];
  const note = (
    key: string,
    text: string,
    at: Date | null,
    extra: Record<string, unknown> = {},
    by: Reference = CENTRE_REF,
  ): Reference => {
    const $id = uid('notesid', `${incident.id}:${key}`);
    notes.push({ $id, ...stamp(at, by), notesActionComments: html(text), ...extra });
    return { $ref: $id };
  };
  const incidentNotes: Reference[] = [];
  incidentNotes.push(
    note(
      'summary',
      `Mental health crisis, triage category ${incident.category}` +
        (triage?.respondWithinMinutes != null
          ? `, crisis team response within ${triage.respondWithinMinutes} minutes`
          : '') +
        `. Incident status: ${incident.status}.`,
      incident.createdAt,
    ),
  );
  const personNotes: Reference[] = [];
  if (cautions.length > 0) {
    const r = note(
      'safety',
      `SAFETY: ${safetyCautions(incident, triage, client)
        .map((c) => c.text)
        .join('; ')}.`,
      triage?.assessedAt ?? incident.createdAt,
      {
        cautionReference: cautions.map((c) => ({ $ref: c.$id })),
      },
    );
    incidentNotes.push(r);
    personNotes.push(r);
  }
  for (const h of handoffs) {
    incidentNotes.push(
      note(
        `request:${h.id}`,
        `Request to ${h.agency.name} (${h.status}): ${h.reason}`,
        latest(h.requestedAt, h.respondedAt, h.completedAt),
        {},
        CENTRE_REF,
      ),
    );
  }
  for (const t of teams) {
    incidentNotes.push(note(`team:${t.id}`, `Crisis team ${t.callsign}: ${t.status}`, t.statusChangedAt));
  }

  const agencies = new Map<string, EidoComponent>();
  agencies.set(CENTRE_AGENCY_ID, {
    $id: CENTRE_AGENCY_ID,
    ...stamp(incident.createdAt),
    agencyJcard: JSON.stringify([
      'vcard',
      [
        ['version', {}, 'text', '4.0'],
        ['fn', {}, 'text', centre.name],
        ['kind', {}, 'text', 'org'],
      ],
    ]),
    agencyRoleDescriptionRegistryText: ['Primary'],
    agencyType: ['urn:emergency:service:responder.other'],
  });
  for (const h of handoffs) {
    const id = agencyUri(h.agency);
    if (agencies.has(id)) continue;
    agencies.set(id, {
      $id: id,
      ...stamp(h.requestedAt),
      agencyJcard: JSON.stringify([
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', h.agency.name],
          ['kind', {}, 'text', 'org'],
        ],
      ]),
      agencyRoleDescriptionRegistryText: ['Assisting'],
      agencyType: [AGENCY_TYPE[h.agency.kind]],
    });
  }

  const resources = teams.map((t): EidoComponent => ({
    $id: uid('resourceid', t.id),
    ...stamp(t.statusChangedAt),
    agentReference: [],
    emergencyResourceTypeCommonRegistryText: 'Other',
    emergencyResourceTypeInternalText: 'mobile-crisis-team',
    resourceAttributeRegistryText: ['Other'],
    resourceAttributeInternalText: t.skills.length > 0 ? t.skills : ['mental-health-crisis'],
    emergencyResourceName: t.callsign,
    primaryUnitStatusRegistryText: UNIT_STATUS[t.status],
    secondaryUnitStatusRegistryText: [],
    unitStatusInternal: [t.status],
    activeOnIncidentId: uid('incidentid', incident.id),
  }));

  const person: EidoComponent = {
    $id: personId,
    ...stamp(triage?.assessedAt ?? incident.createdAt),
    personIncidentRoleRegistryText: ['Subject'],
    callIdentifier: calls.map((c) => uid('callid', c.id)),
    locationReference: [{ $ref: locationId }],
    ...(personNotes.length > 0 ? { notesReference: personNotes } : {}),
  };

  const callComponents = calls.map((c): EidoComponent => ({
    $id: uid('callid', c.id),
    ...stamp(latest(c.receivedAt, c.answeredAt, c.endedAt)),
    standardPrimaryCallType: 'emergency',
    localCallType: c.channel,
    direction: 'incoming',
    callStartTimestamp: c.receivedAt.toISOString(),
    ...(c.answeredAt ? { answerDate: c.answeredAt.toISOString() } : {}),
    callStateRegistryText: c.endedAt ? 'callTerminated' : c.answeredAt ? 'callAnswered' : 'callPresented',
    locationReference: [{ $ref: locationId }],
    personReference: [{ $ref: personId }],
  }));

  const incidentComponent: EidoComponent = {
    $id: uid('incidentid', incident.id),
    ...stamp(),
    incidentTypeCommonRegistryText: 'Mental Health',
    incidentTypeInternalCode: incident.category,
    incidentTypeInternalText: `Mental health crisis, triage category ${incident.category}`,
    incidentStatusInternalText: [incident.status],
    incidentStatusCommonRegistryText: [INCIDENT_STATUS[incident.status]],
    internalIncidentId: incident.number,
    incidentPriorityInternalText: incident.category,
    locationReference: [{ $ref: locationId }],
    personReference: [{ $ref: personId }],
    notesReference: incidentNotes,
  };

  return {
    $id: uid('incidentid', incident.id),
    ...stamp(),
    eidoVersion: '1.0',
    issuingElementIdentification: ISSUER,
    incidentComponent,
    callComponent: callComponents,
    locationComponent: [location],
    personComponent: [person],
    agencyComponent: [...agencies.values()],
    emergencyResourceComponent: resources,
    notesComponent: notes,
    cautionComponent: cautions,
  };
}
