import { describe, expect, it } from '@jest/globals';
import { validateTriageInput } from '#triage';
import {
  TRIAGE_QUESTIONS,
  emptyAnswers,
  evaluateTriageForm,
  isQuestionVisible,
  missingQuestions,
  setAnswer,
  toTriageInput,
  type TriageAnswers,
} from './triage-form-model';

function answerAll(answers: TriageAnswers): TriageAnswers {
  let next = answers;
  for (const q of TRIAGE_QUESTIONS) {
    if (next[q.id] === null && isQuestionVisible(next, q.id))
      next = setAnswer(next, q.id, q.options[q.options.length - 1] === false ? false : (q.options[0] as never));
  }
  return next;
}

describe('triage form model', () => {
  it('starts with nothing answered and Q3–Q5 hidden', () => {
    const answers = emptyAnswers();
    expect(isQuestionVisible(answers, 'wishDead')).toBe(true);
    expect(isQuestionVisible(answers, 'suicidalThoughts')).toBe(true);
    expect(isQuestionVisible(answers, 'thoughtsWithMethod')).toBe(false);
    expect(isQuestionVisible(answers, 'intent')).toBe(false);
    expect(isQuestionVisible(answers, 'planWithIntent')).toBe(false);
    expect(isQuestionVisible(answers, 'behavior')).toBe(true);
    const evaluation = evaluateTriageForm(answers);
    expect(evaluation.complete).toBe(false);
    expect(evaluation.result.category).toBe('G');
    expect(evaluation.visible).not.toContain('intent');
  });

  it('shows Q3–Q5 after a yes to Q2 and asks for them', () => {
    const answers = setAnswer(emptyAnswers(), 'suicidalThoughts', true);
    expect(isQuestionVisible(answers, 'thoughtsWithMethod')).toBe(true);
    expect(isQuestionVisible(answers, 'intent')).toBe(true);
    expect(isQuestionVisible(answers, 'planWithIntent')).toBe(true);
    expect(missingQuestions(answers)).toEqual(
      expect.arrayContaining(['thoughtsWithMethod', 'intent', 'planWithIntent']),
    );
  });

  it('clears Q3–Q5 when Q2 goes back to no, so a hidden yes cannot linger', () => {
    let answers = setAnswer(emptyAnswers(), 'suicidalThoughts', true);
    answers = setAnswer(answers, 'intent', true);
    answers = setAnswer(answers, 'thoughtsWithMethod', true);
    expect(evaluateTriageForm(answers).result.category).toBe('B');
    answers = setAnswer(answers, 'suicidalThoughts', false);
    expect(answers.intent).toBeNull();
    expect(answers.thoughtsWithMethod).toBeNull();
    expect(toTriageInput(answers).cssrs).toMatchObject({
      suicidalThoughts: false,
      thoughtsWithMethod: false,
      intent: false,
      planWithIntent: false,
    });
    expect(evaluateTriageForm(answers).result.category).not.toBe('B');
  });

  it('updates category, reasons and caller guidance live as answers change', () => {
    let answers = emptyAnswers();
    answers = setAnswer(answers, 'wishDead', true);
    let evaluation = evaluateTriageForm(answers);
    expect(evaluation.result.cssrsRisk).toBe('low');
    expect(evaluation.result.category).toBe('C'); // low risk and no capable support (unanswered counts as no)
    expect(evaluation.result.reasons).toEqual(expect.arrayContaining(['cssrs.low+noSupport', 'cssrs.low']));
    answers = setAnswer(answers, 'capableSupportPresent', true);
    evaluation = evaluateTriageForm(answers);
    expect(evaluation.result.category).toBe('D');
    expect(evaluation.guidance.category).toBe('D');
    answers = setAnswer(answers, 'selfHarmInProgress', true);
    evaluation = evaluateTriageForm(answers);
    expect(evaluation.result.category).toBe('A');
    expect(evaluation.result.notify.ems).toBe(true);
    expect(evaluation.result.respondWithinMinutes).toBe(0);
    expect(evaluation.guidance.category).toBe('A');
    expect(evaluation.guidance.tellCaller.en.length).toBeGreaterThan(0);
    expect(evaluation.guidance.tellCaller.ko.length).toBeGreaterThan(0);
  });

  it('gives high risk and category B for a plan with intent', () => {
    let answers = setAnswer(emptyAnswers(), 'suicidalThoughts', true);
    answers = setAnswer(answers, 'planWithIntent', true);
    const evaluation = evaluateTriageForm(answers);
    expect(evaluation.result.cssrsRisk).toBe('high');
    expect(evaluation.result.category).toBe('B');
    expect(evaluation.result.reasons).toContain('cssrs.high');
  });

  it('is complete only when every visible question is answered', () => {
    const all = answerAll(emptyAnswers());
    const evaluation = evaluateTriageForm(all);
    expect(evaluation.missing).toEqual([]);
    expect(evaluation.complete).toBe(true);
    // Q3–Q5 were hidden, so not needed for completeness.
    expect(all.intent).toBeNull();
  });

  it('becomes incomplete again when Q2 yes reveals new questions', () => {
    const all = answerAll(emptyAnswers());
    const reopened = setAnswer(all, 'suicidalThoughts', true);
    expect(evaluateTriageForm(reopened).complete).toBe(false);
    expect(evaluateTriageForm(reopened).missing).toEqual(['thoughtsWithMethod', 'intent', 'planWithIntent']);
  });

  it('always produces an input the API accepts', () => {
    let answers = setAnswer(emptyAnswers(), 'suicidalThoughts', true);
    answers = setAnswer(answers, 'intent', true);
    answers = setAnswer(answers, 'harmToOthers', 'threats');
    answers = setAnswer(answers, 'suicidalThoughts', false);
    const input = toTriageInput(answers);
    expect(validateTriageInput(input).ok).toBe(true);
    expect(evaluateTriageForm(answers).errors).toEqual([]);
    expect(Object.keys(input).sort()).toEqual(Object.keys(toTriageInput(emptyAnswers())).sort());
  });
});
