import {
  CSSRS_BEHAVIORS,
  DISTRESS_LEVELS,
  HARM_TO_OTHERS,
  PSYCHOSIS_LEVELS,
  type CssrsAnswers,
  type TriageInput,
  type TriageResult,
} from '#contracts';
import { triageCompleteness, type TriageCompleteness } from './triage-completeness';
import {
  CSSRS_QUESTIONS,
  GATED_CSSRS_QUESTIONS,
  blankTriageInput,
  callerGuidance,
  clearSkippedAnswers,
  resolveResponseTimes,
  skipLogic,
  triage,
  validateTriageInput,
  type CallerGuidance,
  type TriageConfig,
} from '#triage';

// The guided triage form as plain data: which questions are asked, what the answers mean for the input the
// rules take, and the live result the counselor sees while answering. The React form only renders this.

type CssrsKey = keyof CssrsAnswers;
type TopKey = Exclude<keyof TriageInput, 'cssrs'>;
export type TriageQuestionId = CssrsKey | TopKey;
type ValueOf<Q extends TriageQuestionId> = Q extends CssrsKey
  ? CssrsAnswers[Q]
  : Q extends TopKey
    ? TriageInput[Q]
    : never;

/** Every answer, `null` until the counselor has given it. */
export type TriageAnswers = { [Q in TriageQuestionId]: ValueOf<Q> | null };
export type TriageAnswerValue = TriageAnswers[TriageQuestionId];

export const TRIAGE_SECTIONS = ['immediate', 'cssrs', 'others', 'clinical', 'service'] as const;
export type TriageSection = (typeof TRIAGE_SECTIONS)[number];

export interface TriageQuestion {
  id: TriageQuestionId;
  section: TriageSection;
  /** The answers offered, in display order (booleans show as yes / no). */
  options: readonly (boolean | string)[];
}

const YES_NO = [true, false] as const;
const CSSRS_IDS: ReadonlySet<TriageQuestionId> = new Set<TriageQuestionId>(CSSRS_QUESTIONS);

/** In asking order: danger now first, then the C-SSRS screener, then the rest. */
export const TRIAGE_QUESTIONS: readonly TriageQuestion[] = [
  { id: 'selfHarmInProgress', section: 'immediate', options: YES_NO },
  { id: 'medicalEmergency', section: 'immediate', options: YES_NO },
  { id: 'rescueNeeded', section: 'immediate', options: YES_NO },
  { id: 'wishDead', section: 'cssrs', options: YES_NO },
  { id: 'suicidalThoughts', section: 'cssrs', options: YES_NO },
  { id: 'thoughtsWithMethod', section: 'cssrs', options: YES_NO },
  { id: 'intent', section: 'cssrs', options: YES_NO },
  { id: 'planWithIntent', section: 'cssrs', options: YES_NO },
  { id: 'behavior', section: 'cssrs', options: CSSRS_BEHAVIORS },
  { id: 'harmToOthers', section: 'others', options: HARM_TO_OTHERS },
  { id: 'weaponAccess', section: 'others', options: YES_NO },
  { id: 'psychosis', section: 'clinical', options: PSYCHOSIS_LEVELS },
  { id: 'distress', section: 'clinical', options: DISTRESS_LEVELS },
  { id: 'capableSupportPresent', section: 'clinical', options: YES_NO },
  { id: 'policeRequestsAssessment', section: 'service', options: YES_NO },
  { id: 'referralOnly', section: 'service', options: YES_NO },
  { id: 'infoOnly', section: 'service', options: YES_NO },
];

export function emptyAnswers(): TriageAnswers {
  return Object.fromEntries(TRIAGE_QUESTIONS.map((q) => [q.id, null])) as TriageAnswers;
}

/** A new answers object with one answer set; a "no" to Q2 clears Q3–Q5, which are then no longer asked. */
export function setAnswer<Q extends TriageQuestionId>(
  answers: TriageAnswers,
  id: Q,
  value: TriageAnswers[Q],
): TriageAnswers {
  const next: TriageAnswers = { ...answers, [id]: value };
  if (id === 'suicidalThoughts' && value !== true) {
    for (const gated of GATED_CSSRS_QUESTIONS) next[gated] = null;
  }
  return next;
}

export function isQuestionVisible(answers: TriageAnswers, id: TriageQuestionId): boolean {
  if (!CSSRS_IDS.has(id)) return true;
  return (
    skipLogic({ suicidalThoughts: answers.suicidalThoughts === true }).visibleQuestions as readonly string[]
  ).includes(id);
}

export function visibleQuestions(answers: TriageAnswers): TriageQuestion[] {
  return TRIAGE_QUESTIONS.filter((q) => isQuestionVisible(answers, q.id));
}

/** Visible questions still unanswered. */
export function missingQuestions(answers: TriageAnswers): TriageQuestionId[] {
  return visibleQuestions(answers)
    .filter((q) => answers[q.id] === null)
    .map((q) => q.id);
}

/** The rules' input: unanswered questions count as "no" / "none", hidden C-SSRS items as "no". */
export function toTriageInput(answers: TriageAnswers): TriageInput {
  const input = blankTriageInput();
  const cssrs: CssrsAnswers = { ...input.cssrs };
  const top: Record<string, unknown> = {};
  for (const q of TRIAGE_QUESTIONS) {
    const value = answers[q.id];
    if (value === null) continue;
    if (CSSRS_IDS.has(q.id)) (cssrs as unknown as Record<string, unknown>)[q.id] = value;
    else top[q.id] = value;
  }
  return { ...input, ...(top as Partial<TriageInput>), cssrs: clearSkippedAnswers(cssrs) };
}

export interface TriageFormEvaluation {
  input: TriageInput;
  /** The suggestion for the answers so far; provisional until `complete`. */
  result: TriageResult;
  complete: boolean;
  missing: TriageQuestionId[];
  visible: TriageQuestionId[];
  guidance: CallerGuidance;
  /** Errors the API would give for this input (none for anything the form can produce). */
  errors: { field: string; message: string }[];
  /** Open questions on the danger-now / C-SSRS path and whether the suggestion counts (issue 13 item 1). */
  completeness: TriageCompleteness;
}

export function evaluateTriageForm(
  answers: TriageAnswers,
  config: TriageConfig = {},
  thirdParty = false,
): TriageFormEvaluation {
  const input = toTriageInput(answers);
  const result = triage(input, config);
  const missing = missingQuestions(answers);
  const validation = validateTriageInput(input);
  return {
    input,
    result,
    complete: missing.length === 0,
    missing,
    visible: visibleQuestions(answers).map((q) => q.id),
    guidance: callerGuidance(result.category, resolveResponseTimes(config.responseTimes), thirdParty),
    errors: validation.ok ? [] : validation.errors,
    completeness: triageCompleteness(answers, result.category),
  };
}

/** Whether an answer value is the boolean yes/no kind (for rendering). */
export function isYesNo(question: TriageQuestion): boolean {
  return question.options.length === 2 && typeof question.options[0] === 'boolean';
}
