import { z } from 'zod';
import { CATEGORIES } from './vocabulary.js';

// Issue 13 item 1, "unanswered is not no": a triage body may leave a question on the asking path (danger now and
// the C-SSRS screener along its skip path) as `null` only when it lists that question in `couldNotAsk` with a
// reason; the counselor then chooses the category with a reason (`counselorCategory`), recorded as an override.
// The rest of the body is the triage input of reference/triage.md §3, unchanged.

/** The questions a triage must answer before it counts as assessed (dotted paths, as in error `field`s). */
export const DANGER_NOW_QUESTIONS = [
  'selfHarmInProgress',
  'medicalEmergency',
  'rescueNeeded',
  'harmToOthers',
  'weaponAccess',
] as const;
export const CSSRS_PATH_QUESTIONS = [
  'cssrs.wishDead',
  'cssrs.suicidalThoughts',
  'cssrs.thoughtsWithMethod',
  'cssrs.intent',
  'cssrs.planWithIntent',
  'cssrs.behavior',
] as const;
export type PathQuestion = (typeof DANGER_NOW_QUESTIONS)[number] | (typeof CSSRS_PATH_QUESTIONS)[number];
export const PATH_QUESTIONS: readonly PathQuestion[] = [...DANGER_NOW_QUESTIONS, ...CSSRS_PATH_QUESTIONS];

const reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(2000);

export const couldNotAskSchema = z.strictObject({
  question: z.enum(PATH_QUESTIONS as unknown as [PathQuestion, ...PathQuestion[]]),
  reason,
});
export type CouldNotAsk = z.infer<typeof couldNotAskSchema>;

export const counselorCategorySchema = z.strictObject({ category: z.enum(CATEGORIES), reason });
export type CounselorCategory = z.infer<typeof counselorCategorySchema>;
