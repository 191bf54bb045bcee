// What the exports must hold, shared by their unit specs (apps/api/src/exports) and the HTTP test.

/** The EIDO components every export fills, each with its prologue ($id, timestamp, agency reference). */
export const EIDO_COMPONENTS = [
  'incidentComponent',
  'callComponent',
  'locationComponent',
  'personComponent',
  'agencyComponent',
  'emergencyResourceComponent',
  'notesComponent',
] as const;

/** The resource types of a hospital handoff's FHIR bundle, in bundle order (Organization repeats for the receiver). */
export const HANDOFF_BUNDLE_TYPES = [
  'ServiceRequest',
  'Task',
  'Patient',
  'Encounter',
  'RiskAssessment',
  'QuestionnaireResponse',
  'Organization',
] as const;
