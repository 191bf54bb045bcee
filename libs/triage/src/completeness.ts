import { z } from 'zod';
import {
  PATH_QUESTIONS,
  counselorCategorySchema,
  couldNotAskSchema,
  type Category,
  type CounselorCategory,
  type CouldNotAsk,
  type FieldError,
  type PathQuestion,
  type TriageInput,
} from '#contracts';
import { validateTriageInput } from './validate.js';

// "Unanswered is not no" (issue 13 item 1). A question on the asking path (danger now, then the C-SSRS screener
// along its skip path) that has no answer leaves the triage "not assessed": the rules would read the gap as "no"
// and under-rate the risk. The API takes such a gap only as an explicit "could not ask" with a reason, and then
// only with the counselor's own category and reason, which is recorded as an override of the rules' suggestion.

/** Reads an answer by its dotted path; `null` and `undefined` both mean "no answer". */
export type AnswerLookup = (question: PathQuestion) => unknown;

const GATED: readonly PathQuestion[] = ['cssrs.thoughtsWithMethod', 'cssrs.intent', 'cssrs.planWithIntent'];

/** The questions on the path that have no answer, in asking order. Q3–Q5 are on the path only after a yes to Q2. */
export function openPathQuestions(answer: AnswerLookup): PathQuestion[] {
  const q2Yes = answer('cssrs.suicidalThoughts') === true;
  return PATH_QUESTIONS.filter((q) => (q2Yes || !GATED.includes(q)) && isUnanswered(answer(q)));
}

/**
 * Whether the rules' category can be relied on: every path question answered, or the answers given already make
 * it A (nothing unanswered can make it more urgent, so the counselor goes straight on to send help).
 */
export function isAssessed(open: readonly PathQuestion[], categoryOfAnswersGiven: Category): boolean {
  return open.length === 0 || categoryOfAnswersGiven === 'A';
}

/** A lookup over a body shaped like the triage input (top-level fields and `cssrs.*`). */
export function lookupIn(body: Record<string, unknown>): AnswerLookup {
  return (question) => {
    const [head, tail] = question.split('.') as [string, string | undefined];
    const value = body[head];
    if (tail === undefined) return value;
    return isRecord(value) ? value[tail] : undefined;
  };
}

export interface TriageSubmission {
  /** The rules' input; a question that could not be asked reads "no" / "none" here (a lower bound only). */
  input: TriageInput;
  couldNotAsk: CouldNotAsk[];
  /** Present exactly when `couldNotAsk` is not empty. */
  counselorCategory: CounselorCategory | null;
}

export type SubmissionValidation = { ok: true; value: TriageSubmission } | { ok: false; errors: FieldError[] };

/** Validates a triage body with its completeness rules; every problem at once, each naming its field. */
export function validateTriageSubmission(body: unknown): SubmissionValidation {
  if (!isRecord(body)) return toSubmission(validateTriageInput(body), [], null);
  const { couldNotAsk: rawCouldNotAsk, counselorCategory: rawCategory, ...rest } = body;
  const errors: FieldError[] = [];

  const couldNotAsk = parseList(rawCouldNotAsk, errors);
  const open = openPathQuestions(lookupIn(rest));
  const listed = new Set(couldNotAsk.map((c) => c.question));
  const filled = structuredClone(rest);
  // Q3–Q5 off the path (no yes to Q2) are not asked at all: no answer there reads "no", as the skip logic says.
  if (lookupIn(rest)('cssrs.suicidalThoughts') !== true && isRecord(filled.cssrs)) {
    for (const q of GATED) if (isUnanswered(lookupIn(filled)(q))) setAt(filled, q, false);
  }
  const reported = new Set<string>();
  for (const q of open) {
    if (listed.has(q)) {
      setAt(filled, q, q === 'harmToOthers' || q === 'cssrs.behavior' ? 'none' : false);
    } else {
      reported.add(q);
      errors.push({
        field: q,
        message: `${q} is on the question path and unanswered: answer it, or list it in couldNotAsk with the reason it could not be asked`,
      });
    }
  }
  couldNotAsk.forEach((c, i) => {
    if (!open.includes(c.question)) {
      errors.push({
        field: `couldNotAsk.${i}.question`,
        message: `${c.question} is not an unanswered question on the path; list only questions left without an answer`,
      });
    }
  });

  let counselorCategory: CounselorCategory | null = null;
  if (couldNotAsk.length > 0) {
    const parsed = counselorCategorySchema.safeParse(rawCategory);
    if (parsed.success) counselorCategory = parsed.data;
    else
      errors.push({
        field: 'counselorCategory',
        message:
          'questions could not be asked, so choose the category yourself: {category, reason} (reason of at least 3 characters)',
      });
  } else if (rawCategory !== undefined) {
    errors.push({
      field: 'counselorCategory',
      message: 'counselorCategory goes only with couldNotAsk; to change a complete triage use /triage/override',
    });
  }

  const shape = validateTriageInput(filled);
  if (!shape.ok) errors.push(...shape.errors.filter((e) => !reported.has(e.field)));
  if (errors.length > 0 || !shape.ok) return { ok: false, errors };
  return { ok: true, value: { input: shape.value, couldNotAsk, counselorCategory } };
}

function toSubmission(
  v: ReturnType<typeof validateTriageInput>,
  couldNotAsk: CouldNotAsk[],
  counselorCategory: CounselorCategory | null,
): SubmissionValidation {
  return v.ok ? { ok: true, value: { input: v.value, couldNotAsk, counselorCategory } } : v;
}

function parseList(raw: unknown, errors: FieldError[]): CouldNotAsk[] {
  if (raw === undefined) return [];
  const parsed = z.array(couldNotAskSchema).max(PATH_QUESTIONS_MAX).safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = ['couldNotAsk', ...issue.path.map(String)].join('.');
    errors.push({ field, message: `${field}: ${issue.message}` });
  }
  return [];
}

const PATH_QUESTIONS_MAX = 11;

function isUnanswered(value: unknown): boolean {
  return value === null || value === undefined;
}

function setAt(body: Record<string, unknown>, question: PathQuestion, value: unknown): void {
  const [head, tail] = question.split('.') as [string, string | undefined];
  if (tail === undefined) body[head] = value;
  else {
    if (!isRecord(body[head])) body[head] = {};
    (body[head] as Record<string, unknown>)[tail] = value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
