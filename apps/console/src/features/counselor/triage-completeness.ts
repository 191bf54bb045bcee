import type { Category, CounselorCategory, PathQuestion, TriageInput } from '#contracts';
import { isAssessed, openPathQuestions } from '#triage';
import type { TriageAnswers, TriageQuestionId } from './triage-form-model';

// "Unanswered is not no" on the counselor's screen (issue 13 item 1): which questions on the path are open,
// whether the suggestion can be relied on, and the body the API takes (open questions sent as null, and listed
// as "could not ask" only when the counselor chose the category with a reason).

export interface TriageCompleteness {
  open: PathQuestion[];
  /** The same questions as form ids (for highlighting). */
  openIds: TriageQuestionId[];
  assessed: boolean;
}

export function questionIdOf(question: PathQuestion): TriageQuestionId {
  return question.replace(/^cssrs\./, '') as TriageQuestionId;
}

export function triageCompleteness(answers: TriageAnswers, categoryOfAnswersGiven: Category): TriageCompleteness {
  const open = openPathQuestions((q) => answers[questionIdOf(q)]);
  return { open, openIds: open.map(questionIdOf), assessed: isAssessed(open, categoryOfAnswersGiven) };
}

/** The POST /calls/:id/triage body: open path questions null; with `chosen`, each listed as not asked. */
export function triageSubmission(
  input: TriageInput,
  open: readonly PathQuestion[],
  chosen: CounselorCategory | null,
): Record<string, unknown> {
  const body = structuredClone(input) as unknown as Record<string, unknown> & { cssrs: Record<string, unknown> };
  for (const q of open) {
    const id = questionIdOf(q);
    if (q.startsWith('cssrs.')) body.cssrs[id] = null;
    else body[id] = null;
  }
  if (!chosen || open.length === 0) return body;
  return {
    ...body,
    couldNotAsk: open.map((question) => ({ question, reason: chosen.reason })),
    counselorCategory: chosen,
  };
}
