import { z } from 'zod';
import { CATEGORIES, type Category } from './vocabulary.js';

// The triage input of reference/triage.md §3: every field required, no extra fields.
// Skip logic (Q3–Q5 only when Q2 is yes) is checked by the rules in libs/triage, which owns the semantics.

export const CSSRS_BEHAVIORS = ['none', 'lifetime', 'past3Months'] as const;
export const HARM_TO_OTHERS = ['none', 'threats', 'imminent', 'inProgress'] as const;
export const PSYCHOSIS_LEVELS = ['none', 'stable', 'worsening'] as const;
export const DISTRESS_LEVELS = ['none', 'moderate', 'high'] as const;
export const CSSRS_RISKS = ['none', 'low', 'moderate', 'high'] as const;
export type CssrsRisk = (typeof CSSRS_RISKS)[number];

export const cssrsAnswersSchema = z.strictObject({
  wishDead: z.boolean(),
  suicidalThoughts: z.boolean(),
  thoughtsWithMethod: z.boolean(),
  intent: z.boolean(),
  planWithIntent: z.boolean(),
  behavior: z.enum(CSSRS_BEHAVIORS),
});
export type CssrsAnswers = z.infer<typeof cssrsAnswersSchema>;

export const triageInputSchema = z.strictObject({
  cssrs: cssrsAnswersSchema,
  selfHarmInProgress: z.boolean(),
  medicalEmergency: z.boolean(),
  rescueNeeded: z.boolean(),
  harmToOthers: z.enum(HARM_TO_OTHERS),
  weaponAccess: z.boolean(),
  psychosis: z.enum(PSYCHOSIS_LEVELS),
  capableSupportPresent: z.boolean(),
  distress: z.enum(DISTRESS_LEVELS),
  policeRequestsAssessment: z.boolean(),
  referralOnly: z.boolean(),
  infoOnly: z.boolean(),
});
export type TriageInput = z.infer<typeof triageInputSchema>;

export interface PartnerNotification {
  police: boolean;
  ems: boolean;
  fire: boolean;
}

/** Minutes to respond per category; null means no face-to-face response (F, G). */
export type ResponseTimes = Record<Category, number | null>;

export interface TriageOverride {
  from: Category;
  to: Category;
  reason: string;
  by: string;
  at: string;
}

export interface TriageResult {
  category: Category;
  cssrsRisk: CssrsRisk;
  respondWithinMinutes: number | null;
  notify: PartnerNotification;
  reasons: string[];
  rulesVersion: string;
}

/** A triage as stored and returned by the API: the rules' result plus who/when and any override. */
export interface TriageRecord extends TriageResult {
  id: string;
  callId: string;
  input: TriageInput;
  suggestedCategory: Category;
  assessedAt: string;
  assessedBy: string;
  override: TriageOverride | null;
}

export const triageOverrideSchema = z.strictObject({
  category: z.enum(CATEGORIES),
  reason: z.string().trim().min(3, 'a reason of at least 3 characters is required').max(2000),
});
export type TriageOverrideInput = z.infer<typeof triageOverrideSchema>;
