import type { core } from 'zod';
import { triageInputSchema, type CssrsAnswers, type FieldError, type TriageInput } from '#contracts';
import { CSSRS_QUESTIONS, GATED_CSSRS_QUESTIONS, type CssrsQuestion } from './cssrs.js';

// Validation of a triage body (reference/triage.md §3): shape by the shared zod schema, then the C-SSRS skip
// logic, which the schema cannot express and which this library owns. Every problem is reported at once so a
// counselor fixes the form in one pass.

export type TriageValidation = { ok: true; value: TriageInput } | { ok: false; errors: FieldError[] };

/** The `field` reported when the body itself is not an object (there is no property to name). */
export const ROOT_FIELD = 'body';

export interface SkipLogicState {
  /** Whether Q3–Q5 (method, intent, plan) may be asked: only after a "yes" to Q2. */
  askMethodIntentPlan: boolean;
  /** The questions to show, in asking order. */
  visibleQuestions: CssrsQuestion[];
}

/** Which C-SSRS questions are askable given the answers so far (the console shows/hides Q3–Q5 with it). */
export function skipLogic(answers: Pick<CssrsAnswers, 'suicidalThoughts'>): SkipLogicState {
  const askMethodIntentPlan = answers.suicidalThoughts;
  const hidden: readonly CssrsQuestion[] = askMethodIntentPlan ? [] : GATED_CSSRS_QUESTIONS;
  return { askMethodIntentPlan, visibleQuestions: CSSRS_QUESTIONS.filter((q) => !hidden.includes(q)) };
}

/**
 * The answers with hidden questions reset to "no". The console calls it when Q2 flips back to "no", so answers
 * given to Q3–Q5 before the flip cannot linger unseen and then be refused by validation.
 */
export function clearSkippedAnswers(answers: CssrsAnswers): CssrsAnswers {
  if (answers.suicidalThoughts) return { ...answers };
  return { ...answers, thoughtsWithMethod: false, intent: false, planWithIntent: false };
}

export function validateTriageInput(body: unknown): TriageValidation {
  const parsed = triageInputSchema.safeParse(body);
  const errors = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, body));
  // Checked on the raw body too, so a skip-logic breach is reported alongside unrelated shape errors.
  errors.push(...skipLogicErrors(body));
  if (parsed.success && errors.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

function skipLogicErrors(body: unknown): FieldError[] {
  if (!isRecord(body) || !isRecord(body.cssrs) || body.cssrs.suicidalThoughts !== false) return [];
  const cssrs = body.cssrs;
  return GATED_CSSRS_QUESTIONS.filter((q) => cssrs[q] === true).map((q) => ({
    field: `cssrs.${q}`,
    message: `cssrs.${q} is asked only when cssrs.suicidalThoughts is yes, so it must be false while cssrs.suicidalThoughts is false`,
  }));
}

function describeIssue(issue: core.$ZodIssue, body: unknown): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      return { field, message: `${field} is not an allowed field` };
    });
  }
  const field = path.length > 0 ? path.join('.') : ROOT_FIELD;
  const lookup = valueAt(body, path);
  if (path.length > 0 && !lookup.present) return [{ field, message: `${field} is required` }];
  if (issue.code === 'invalid_type') {
    return [{ field, message: `${field} must be ${withArticle(issue.expected)} (received ${typeName(lookup.value)})` }];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return [{ field, message: `${field} must be one of ${options} (received ${shown(lookup.value)})` }];
  }
  return [{ field, message: `${field}: ${issue.message}` }];
}

/** The value at a path, and whether the last key exists at all (absent and explicitly undefined both count as missing). */
function valueAt(body: unknown, path: readonly string[]): { present: boolean; value: unknown } {
  let current: unknown = body;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key) || current[key] === undefined)
      return { present: false, value: undefined };
    current = current[key];
  }
  return { present: true, value: current };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeName(value);
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
