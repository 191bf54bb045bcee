import type { CssrsAnswers, CssrsRisk } from '#contracts';

// The C-SSRS screener (reference/triage.md §2): six questions, banded into none / low / moderate / high.

/** The screener's questions in the order the counselor asks them (Q1–Q6). */
export const CSSRS_QUESTIONS = [
  'wishDead',
  'suicidalThoughts',
  'thoughtsWithMethod',
  'intent',
  'planWithIntent',
  'behavior',
] as const satisfies readonly (keyof CssrsAnswers)[];
export type CssrsQuestion = (typeof CSSRS_QUESTIONS)[number];

/** Q3–Q5: asked only when Q2 (suicidalThoughts) is yes. */
export const GATED_CSSRS_QUESTIONS = [
  'thoughtsWithMethod',
  'intent',
  'planWithIntent',
] as const satisfies readonly CssrsQuestion[];

/**
 * The screener's risk band.
 *
 * Answers are taken as given: a "yes" is never discarded here, even one that breaks the skip logic, because
 * under-rating suicide risk is the worse failure. `validateTriageInput` refuses such inputs before they reach
 * the rules, so the two only disagree for callers that skip validation.
 */
export function cssrsRisk(answers: CssrsAnswers): CssrsRisk {
  if (answers.intent || answers.planWithIntent || answers.behavior === 'past3Months') return 'high';
  if (answers.thoughtsWithMethod || answers.behavior === 'lifetime') return 'moderate';
  if (answers.wishDead || answers.suicidalThoughts) return 'low';
  return 'none';
}
