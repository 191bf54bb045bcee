import { z } from 'zod';
import { isoInstant } from './time.js';
import {
  CLIENT_RISK_FLAGS,
  type CallChannel,
  type CallOutcome,
  type Category,
  type FollowUpStatus,
  type HandoffStatus,
  type IncidentStatus,
} from './vocabulary.js';

// Continuity of care (contract.md, "Second wave" → "Continuity of care"): the client registry with its legal basis,
// cautions and Stanley–Brown safety plan, the person's history, repeat contacts, and the follow-up queue.

/** PIPA: health data is kept on the person's consent, or without it when clearly needed to protect life or safety. */
export const CLIENT_BASIS_KINDS = ['consent', 'vital-interest'] as const;
export type ClientBasisKind = (typeof CLIENT_BASIS_KINDS)[number];

export const FOLLOW_UP_ATTEMPT_OUTCOMES = ['reached', 'no-answer', 'refused', 'wrong-number'] as const;
export type FollowUpAttemptOutcome = (typeof FOLLOW_UP_ATTEMPT_OUTCOMES)[number];

export const FOLLOW_UP_COMPLETION_OUTCOMES = [
  'linked-case-management',
  'linked-treatment',
  'stable',
  'unreachable',
  'declined',
] as const;
export type FollowUpCompletionOutcome = (typeof FOLLOW_UP_COMPLETION_OUTCOMES)[number];

/** Why a follow-up exists: a call ended without a dispatch, an incident closed, or a coordinator handed it back. */
export const FOLLOW_UP_SOURCES = ['call-ended', 'incident-closed', 'hand-back'] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, 'a phone number');
const isoTime = isoInstant;

export const clientBasisSchema = z
  .strictObject({
    kind: z.enum(CLIENT_BASIS_KINDS),
    /** What the person agreed to (consent): required for consent. */
    scope: text(500).optional(),
    /** Why keeping the record without consent protects life or safety (vital interest). */
    note: text(500).optional(),
    at: isoTime,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'consent' && !b.scope)
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'consent needs its scope' });
  });

/** Cautions responders and partners may see: never a diagnosis, only what keeps people safe at the door. */
export const clientCautionSchema = z.strictObject({
  weapon: z.boolean().optional(),
  violence: z.boolean().optional(),
  note: z.string().trim().max(200).optional(),
});

const clientFields = {
  name: text(120),
  phones: z.array(phone).max(10),
  birthYear: z.int().min(1900).max(2100).nullable().optional(),
  registeredWithAgencyId: z.uuid().nullable().optional(),
  caseManager: z.string().trim().max(120).nullable().optional(),
  basis: clientBasisSchema,
  caution: clientCautionSchema.optional(),
  regionId: z.uuid().nullable().optional(),
  riskFlags: z.array(z.enum(CLIENT_RISK_FLAGS)).max(CLIENT_RISK_FLAGS.length).optional(),
  guardianContact: z.string().trim().max(300).nullable().optional(),
  preferredHospitalId: z.uuid().nullable().optional(),
};

/** POST /clients: a record is refused without its legal basis. */
export const createClientSchema = z.strictObject(clientFields);
export type CreateClientRequest = z.infer<typeof createClientSchema>;

/** PATCH /clients/:id: any field; a record still without a basis must be given one. */
export const updateClientSchema = z.strictObject({
  ...clientFields,
  basis: clientBasisSchema.optional(),
  name: text(120).optional(),
  phones: z.array(phone).max(10).optional(),
});
export type UpdateClientRequest = z.infer<typeof updateClientSchema>;

const steps = z.array(text(300)).max(20);

/** PUT /clients/:id/safety-plan: the Stanley–Brown safety plan (six steps plus reasons for living). */
export const safetyPlanSchema = z.strictObject({
  warningSigns: steps,
  copingStrategies: steps,
  socialContacts: steps,
  helpContacts: steps,
  professionalContacts: steps,
  meansSafety: z.string().trim().max(2000),
  reasonsForLiving: steps.optional(),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

/** A plan with every step empty: what the editor starts from, and a valid PUT body that clears a plan. */
export const EMPTY_SAFETY_PLAN: SafetyPlan = {
  warningSigns: [],
  copingStrategies: [],
  socialContacts: [],
  helpContacts: [],
  professionalContacts: [],
  meansSafety: '',
  reasonsForLiving: [],
};

export const clientSearchQuerySchema = z.strictObject({ q: z.string().trim().max(100).default('') });

export interface ClientCaution {
  weapon: boolean;
  violence: boolean;
  note: string | null;
}

export interface ClientBasis {
  kind: ClientBasisKind;
  scope: string | null;
  note: string | null;
  at: string;
  recordedBy: { id: string | null; name: string | null };
}

/** One row of GET /clients?q=: enough to recognise the person, nothing clinical. */
export interface ClientSearchItem {
  id: string;
  name: string;
  phone: string | null;
  phones: string[];
  birthYear: number | null;
  registeredWithAgencyId: string | null;
  caution: ClientCaution;
}

/** A registered client (person under case management). Returned only by audited reads. */
export interface ClientView {
  id: string;
  name: string;
  phones: string[];
  birthYear: number | null;
  registeredWithAgencyId: string | null;
  caseManager: string | null;
  /** Null only for a record kept before bases were required; editing it asks for one. */
  basis: ClientBasis | null;
  caution: ClientCaution;
  regionId: string | null;
  riskFlags: string[];
  guardianContact: string | null;
  preferredHospitalId: string | null;
  safetyPlan: SafetyPlan | null;
  safetyPlanUpdatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /clients/:id/history: the person's contacts, newest first. */
export type ClientHistoryItem =
  | {
      kind: 'call';
      id: string;
      at: string;
      channel: CallChannel;
      category: Category | null;
      outcome: CallOutcome | null;
      incidentId: string | null;
    }
  | {
      kind: 'incident';
      id: string;
      at: string;
      number: string;
      category: Category;
      status: IncidentStatus;
      disposition: string | null;
      summary: string | null;
    }
  | {
      kind: 'handoff';
      id: string;
      at: string;
      incidentId: string;
      agencyId: string;
      agencyName: string;
      agencyKind: string;
      status: HandoffStatus;
    }
  | {
      kind: 'follow-up';
      id: string;
      at: string;
      dueAt: string;
      status: FollowUpStatus;
      outcome: FollowUpCompletionOutcome | null;
      agencyId: string | null;
      attempts: number;
    };

/** On a call whose caller matches a registered client with earlier contacts in the last 30 days. */
export interface RepeatContact {
  /** Earlier calls in the 30 days before this one (this call not counted). */
  count30d: number;
  /** Earlier calls in the 7 days before this one: "third call this week" is count7d + 1. */
  count7d: number;
  lastAt: string;
  lastOutcome: CallOutcome | null;
}

export interface FollowUpAttempt {
  id: string;
  at: string;
  outcome: FollowUpAttemptOutcome;
  note: string | null;
  by: string | null;
}

/** A follow-up task: due within 24 h at the person's community centre. */
export interface FollowUpView {
  id: string;
  status: FollowUpStatus;
  source: FollowUpSource;
  callId: string | null;
  incidentId: string | null;
  clientId: string | null;
  regionId: string | null;
  agencyId: string | null;
  category: Category;
  dueAt: string;
  doneAt: string | null;
  doneBy: string | null;
  outcome: FollowUpCompletionOutcome | null;
  notes: string | null;
  createdAt: string;
  overdue: boolean;
  attempts: FollowUpAttempt[];
  /** Whom to call back: the registered client, else the caller's number (an audited read). */
  person: { name: string | null; phone: string | null };
  /** The incident it follows, in the centre's view: what happened, not the clinical record. */
  incident: {
    number: string;
    category: Category;
    summary: string | null;
    disposition: string | null;
    closedAt: string | null;
  } | null;
  handBack: { note: string; at: string; by: string | null } | null;
}

export const followUpListQuerySchema = z.strictObject({
  status: z.enum(['open', 'done', 'all']).default('open'),
  agencyId: z.uuid().optional(),
});

/** POST /follow-ups/:id/attempts */
export const followUpAttemptSchema = z.strictObject({
  at: isoTime,
  outcome: z.enum(FOLLOW_UP_ATTEMPT_OUTCOMES),
  note: z.string().trim().max(1000).optional(),
});
export type FollowUpAttemptRequest = z.infer<typeof followUpAttemptSchema>;

/** POST /follow-ups/:id/complete */
export const followUpCompleteSchema = z.strictObject({
  outcome: z.enum(FOLLOW_UP_COMPLETION_OUTCOMES),
  notes: z.string().trim().max(2000).optional(),
});
export type FollowUpCompleteRequest = z.infer<typeof followUpCompleteSchema>;

/** POST /incidents/:id/hand-back: the coordinator hands a closed incident's person to their community centre. */
export const handBackSchema = z.strictObject({
  note: text(1000),
  /** Defaults to the centre the client is registered with, else the community centre of the incident's district. */
  agencyId: z.uuid().optional(),
});
export type HandBackRequest = z.infer<typeof handBackSchema>;

/** Event data of follow-up.created / follow-up.updated: ids and state, never the person. */
export interface FollowUpEventData {
  id: string;
  status: FollowUpStatus;
  source: FollowUpSource;
  agencyId: string | null;
  incidentId: string | null;
  category: Category;
  dueAt: string;
  attempts: number;
  outcome: FollowUpCompletionOutcome | null;
  /** The centre the task was just moved away from, which hears that it left its queue. */
  previousAgencyId?: string | null;
}
