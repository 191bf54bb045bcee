import { validateTriageSubmission } from '#triage';
import { emptyAnswers, evaluateTriageForm, setAnswer, type TriageAnswers } from './triage-form-model';
import { triageSubmission } from './triage-completeness';

// The counselor's form and the API agree on what is unanswered (issue 13 item 1).

const answer = (pairs: [keyof TriageAnswers, boolean | string][]): TriageAnswers =>
  pairs.reduce((a, [id, v]) => setAnswer(a, id, v as never), emptyAnswers());

describe('triage completeness on the form', () => {
  it('is not assessed before any answer (it used to show G)', () => {
    const e = evaluateTriageForm(emptyAnswers());
    expect(e.completeness.assessed).toBe(false);
    expect(e.completeness.open).toHaveLength(8);
  });

  it('is not assessed with only Q1–Q3 answered; the submission is refused naming Q4, Q5 and the rest of the path', () => {
    const e = evaluateTriageForm(
      answer([
        ['wishDead', true],
        ['suicidalThoughts', true],
        ['thoughtsWithMethod', true],
      ]),
    );
    expect(e.completeness.assessed).toBe(false);
    const v = validateTriageSubmission(triageSubmission(e.input, e.completeness.open, null));
    expect(v.ok ? [] : v.errors.map((x) => x.field)).toEqual(e.completeness.open);
    expect(e.completeness.openIds).toContain('intent');
  });

  it('sends open questions as "could not ask" with the chosen category, which the API takes', () => {
    const e = evaluateTriageForm(emptyAnswers());
    const body = triageSubmission(e.input, e.completeness.open, { category: 'C', reason: 'caller hung up' });
    const v = validateTriageSubmission(body);
    expect(v.ok && v.value.counselorCategory).toEqual({ category: 'C', reason: 'caller hung up' });
  });

  it('counts a danger-now yes that makes it A as assessed, with the rest still open', () => {
    const e = evaluateTriageForm(answer([['selfHarmInProgress', true]]));
    expect(e.result.category).toBe('A');
    expect(e.completeness.assessed).toBe(true);
    expect(e.completeness.open.length).toBeGreaterThan(0);
  });

  it('is assessed when the path is answered, and speaks to a family caller about the person', () => {
    const e = evaluateTriageForm(
      answer([
        ['selfHarmInProgress', false],
        ['medicalEmergency', false],
        ['rescueNeeded', false],
        ['harmToOthers', 'none'],
        ['weaponAccess', false],
        ['wishDead', true],
        ['suicidalThoughts', true],
        ['thoughtsWithMethod', true],
        ['intent', true],
        ['planWithIntent', false],
        ['behavior', 'none'],
      ]),
      {},
      true,
    );
    expect(e.completeness).toMatchObject({ assessed: true, open: [] });
    expect(e.result.category).toBe('B');
    expect(e.guidance.tellCaller.en).not.toContain('hurt yourself');
    expect(validateTriageSubmission(triageSubmission(e.input, [], null)).ok).toBe(true);
  });
});
