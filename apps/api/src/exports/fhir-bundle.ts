import type { CssrsAnswers, HandoffStatus, IncidentStatus } from '#contracts';
import {
  derivedUuid,
  latest,
  type ExportClient,
  type ExportHandoff,
  type ExportIncident,
  type ExportTriage,
} from './export-source.js';

// HL7 FHIR R4 handoff bundle for a partner (reference/standards.md §4). Pure: the same input gives the same bundle.
//
// Minimisation (what the receiving agency gets):
// - Patient: gender "unknown" (we do not record it), birth year when known; the name and the client identifier only
//   when a registered client is linked AND the receiver is a hospital. Never phone numbers, address of residence,
//   guardian contact, case manager or the safety plan.
// - RiskAssessment (triage category and C-SSRS band, method and rules version) for every receiver.
// - QuestionnaireResponse with the C-SSRS screener answers only for hospitals.
// - Free-text clinical notes are never included; ServiceRequest.reasonCode carries the handoff reason written
//   for the receiving agency.

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  identifier: { system: string; value: string };
  entry: { fullUrl: string; resource: FhirResource }[];
}

export interface HandoffBundleInput {
  handoff: ExportHandoff;
  incident: ExportIncident;
  triage: ExportTriage | null;
  client: ExportClient | null;
  /** The crisis centre sending the request. */
  centre: { name: string };
  generatedAt: Date;
}

export const SYSTEM = {
  handoff: 'urn:crisis-dispatch:handoff',
  incident: 'urn:crisis-dispatch:incident',
  client: 'urn:crisis-dispatch:client',
  agency: 'urn:crisis-dispatch:agency',
  category: 'urn:crisis-dispatch:mhts-category',
  cssrsRisk: 'urn:crisis-dispatch:cssrs-risk',
  triageRules: 'urn:crisis-dispatch:triage-rules',
  declineReason: 'urn:crisis-dispatch:handoff-decline-reason',
  cssrsQuestionnaire: 'urn:crisis-dispatch:questionnaire:cssrs-screener',
} as const;

export const TRIAGE_METHOD_TEXT = 'Victorian MHTS + C-SSRS screener';

const TASK_STATUS: Record<HandoffStatus, string> = {
  requested: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  completed: 'completed',
  cancelled: 'cancelled',
  // Another hospital of the same bed request accepted first: the request to this one is taken back.
  withdrawn: 'cancelled',
};

/** The request itself stays active while the partner considers or carries it out. */
const REQUEST_STATUS: Record<HandoffStatus, string> = {
  requested: 'active',
  accepted: 'active',
  declined: 'revoked',
  completed: 'completed',
  cancelled: 'revoked',
  withdrawn: 'revoked',
};

const ENCOUNTER_STATUS: Record<IncidentStatus, string> = {
  open: 'planned',
  dispatching: 'planned',
  dispatched: 'arrived',
  'on-scene': 'in-progress',
  handoff: 'in-progress',
  closed: 'finished',
  cancelled: 'cancelled',
};

const QUALITATIVE_RISK: Record<ExportTriage['cssrsRisk'], string> = {
  none: 'negligible',
  low: 'low',
  moderate: 'moderate',
  high: 'high',
};

const CSSRS_QUESTIONS: { linkId: keyof CssrsAnswers; text: string }[] = [
  { linkId: 'wishDead', text: 'Wished to be dead or not wake up (past month)' },
  { linkId: 'suicidalThoughts', text: 'Non-specific active suicidal thoughts (past month)' },
  { linkId: 'thoughtsWithMethod', text: 'Suicidal thoughts with method (past month)' },
  { linkId: 'intent', text: 'Suicidal intent without specific plan (past month)' },
  { linkId: 'planWithIntent', text: 'Suicide intent with specific plan (past month)' },
  { linkId: 'behavior', text: 'Suicidal behaviour (lifetime / past 3 months)' },
];

const ref = (r: FhirResource): { reference: string; type: string } => ({
  reference: `urn:uuid:${r.id}`,
  type: r.resourceType,
});
const iso = (d: Date): string => d.toISOString();

export function priorityOf(category: ExportIncident['category']): 'stat' | 'urgent' | 'routine' {
  return category === 'A' || category === 'B' ? 'stat' : category === 'C' ? 'urgent' : 'routine';
}

export function buildHandoffBundle(input: HandoffBundleInput): FhirBundle {
  const { handoff, incident, triage, client, centre, generatedAt } = input;
  const toHospital = handoff.agency.kind === 'hospital';

  const centreOrg: FhirResource = {
    resourceType: 'Organization',
    id: derivedUuid('crisis-centre'),
    active: true,
    name: centre.name,
    type: [{ text: 'Mental health crisis response centre' }],
  };
  const partnerOrg: FhirResource = {
    resourceType: 'Organization',
    id: handoff.agency.id,
    identifier: [{ system: SYSTEM.agency, value: handoff.agency.code }],
    active: true,
    type: [{ text: handoff.agency.kind }],
    name: handoff.agency.name,
  };

  const patient: FhirResource = {
    resourceType: 'Patient',
    // The registered client's id only for the hospital of a linked client; everyone else gets an id derived per
    // handoff, so two partners (or two handoffs) cannot join their exports on the person.
    id: client && toHospital ? client.id : derivedUuid(`patient:${handoff.id}`),
    gender: 'unknown',
    ...(client && toHospital
      ? {
          identifier: [{ system: SYSTEM.client, value: client.id }],
          name: [{ use: 'usual', text: client.displayName }],
        }
      : {}),
    ...(client?.birthYear ? { birthDate: String(client.birthYear) } : {}),
  };

  const encounter: FhirResource = {
    resourceType: 'Encounter',
    id: incident.id,
    identifier: [{ system: SYSTEM.incident, value: incident.number }],
    status: ENCOUNTER_STATUS[incident.status],
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'FLD', display: 'field' },
    type: [{ text: 'Mobile mental health crisis response' }],
    priority: {
      coding: [{ system: SYSTEM.category, code: incident.category }],
      text: `Triage category ${incident.category}`,
    },
    subject: ref(patient),
    period: { start: iso(incident.createdAt), ...(incident.closedAt ? { end: iso(incident.closedAt) } : {}) },
    serviceProvider: ref(centreOrg),
  };

  const serviceRequest: FhirResource = {
    resourceType: 'ServiceRequest',
    id: handoff.id,
    identifier: [{ system: SYSTEM.handoff, value: handoff.id }],
    status: REQUEST_STATUS[handoff.status],
    intent: 'order',
    priority: priorityOf(incident.category),
    code: {
      text: toHospital
        ? 'Psychiatric emergency evaluation and admission'
        : `Partner assistance (${handoff.agency.kind})`,
    },
    subject: ref(patient),
    encounter: ref(encounter),
    authoredOn: iso(handoff.requestedAt),
    requester: ref(centreOrg),
    performer: [ref(partnerOrg)],
    reasonCode: [{ text: handoff.reason }],
  };

  const task: FhirResource = {
    resourceType: 'Task',
    id: derivedUuid(`task:${handoff.id}`),
    identifier: [{ system: SYSTEM.handoff, value: handoff.id }],
    status: TASK_STATUS[handoff.status],
    ...(handoff.status === 'declined'
      ? {
          statusReason: {
            ...(handoff.reasonCode ? { coding: [{ system: SYSTEM.declineReason, code: handoff.reasonCode }] } : {}),
            text: `Declined${handoff.reasonCode ? `: ${handoff.reasonCode}` : ''}`,
          },
        }
      : {}),
    intent: 'order',
    priority: priorityOf(incident.category),
    focus: ref(serviceRequest),
    for: ref(patient),
    encounter: ref(encounter),
    authoredOn: iso(handoff.requestedAt),
    lastModified: iso(latest(handoff.requestedAt, handoff.respondedAt, handoff.completedAt)),
    requester: ref(centreOrg),
    owner: ref(partnerOrg),
    ...(handoff.respondedAt && handoff.status !== 'declined'
      ? {
          executionPeriod: {
            start: iso(handoff.respondedAt),
            ...(handoff.completedAt ? { end: iso(handoff.completedAt) } : {}),
          },
        }
      : {}),
  };

  const resources: FhirResource[] = [serviceRequest, task, patient, encounter];

  if (triage) {
    const risk: FhirResource = {
      resourceType: 'RiskAssessment',
      id: triage.id,
      status: triage.overridden ? 'amended' : 'final',
      method: {
        coding: [
          { system: SYSTEM.triageRules, version: triage.rulesVersion, code: 'mhts-cssrs', display: TRIAGE_METHOD_TEXT },
        ],
        text: TRIAGE_METHOD_TEXT,
      },
      subject: ref(patient),
      encounter: ref(encounter),
      occurrenceDateTime: iso(triage.assessedAt),
      prediction: [
        {
          outcome: {
            coding: [{ system: SYSTEM.category, code: triage.category }],
            text:
              `Triage category ${triage.category}` +
              (triage.respondWithinMinutes !== null
                ? `: face-to-face response within ${triage.respondWithinMinutes} minutes`
                : ': no face-to-face response'),
          },
        },
        {
          outcome: {
            coding: [{ system: SYSTEM.cssrsRisk, code: triage.cssrsRisk }],
            text: `C-SSRS screener risk: ${triage.cssrsRisk}`,
          },
          qualitativeRisk: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/risk-probability',
                code: QUALITATIVE_RISK[triage.cssrsRisk],
              },
            ],
          },
        },
      ],
    };
    resources.push(risk);
    if (toHospital) resources.push(cssrsResponse(triage, patient, encounter, centreOrg));
  }
  resources.push(partnerOrg, centreOrg);

  return {
    resourceType: 'Bundle',
    id: derivedUuid(`bundle:${handoff.id}:${iso(generatedAt)}`),
    identifier: { system: SYSTEM.handoff, value: handoff.id },
    type: 'collection',
    timestamp: iso(generatedAt),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

function cssrsResponse(
  triage: ExportTriage,
  patient: FhirResource,
  encounter: FhirResource,
  centre: FhirResource,
): FhirResource {
  const answers = triage.input.cssrs;
  return {
    resourceType: 'QuestionnaireResponse',
    id: derivedUuid(`cssrs:${triage.id}`),
    questionnaire: SYSTEM.cssrsQuestionnaire,
    status: 'completed',
    subject: ref(patient),
    encounter: ref(encounter),
    authored: iso(triage.assessedAt),
    author: ref(centre),
    item: CSSRS_QUESTIONS.map(({ linkId, text }) => {
      const value = answers[linkId];
      return { linkId, text, answer: [typeof value === 'boolean' ? { valueBoolean: value } : { valueString: value }] };
    }),
  };
}
