import { type CssrsAnswers, type FieldError } from '#contracts';
import { CSSRS_ORDER, WORST_CSSRS, allCssrsCombinations } from '../../../test/support/cssrs.js';
import { blankTriageInput } from './blank-input.js';
import { GATED_CSSRS_QUESTIONS } from './cssrs.js';
import { ROOT_FIELD, clearSkippedAnswers, skipLogic, validateTriageInput } from './validate.js';

// Bodies arrive as untyped JSON, so the tests build them as plain records.
type Body = Record<string, unknown> & { cssrs: Record<string, unknown> };
function body(): Body {
  return structuredClone(blankTriageInput());
}

function errorsOf(value: unknown): FieldError[] {
  const result = validateTriageInput(value);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.errors;
}

const TOP_LEVEL_FIELDS = Object.keys(blankTriageInput());
const CSSRS_FIELDS = Object.keys(blankTriageInput().cssrs);
const BOOLEAN_FIELDS = TOP_LEVEL_FIELDS.filter((key) => typeof body()[key] === 'boolean');
const CSSRS_BOOLEAN_FIELDS = CSSRS_FIELDS.filter((key) => key !== 'behavior');
const SKIP_MESSAGE = /asked only when cssrs\.suicidalThoughts is yes/;

describe('validateTriageInput: valid bodies', () => {
  it('accepts the all-no body and returns it typed', () => {
    expect(validateTriageInput(body())).toEqual({ ok: true, value: blankTriageInput() });
  });

  it('accepts a body with every risk present', () => {
    const value = {
      cssrs: WORST_CSSRS,
      selfHarmInProgress: true,
      medicalEmergency: true,
      rescueNeeded: true,
      harmToOthers: 'inProgress',
      weaponAccess: true,
      psychosis: 'worsening',
      capableSupportPresent: true,
      distress: 'high',
      policeRequestsAssessment: true,
      referralOnly: true,
      infoOnly: true,
    };
    expect(validateTriageInput(value)).toEqual({ ok: true, value });
  });

  it('checks the 12 top-level and 6 C-SSRS fields of the spec', () => {
    expect(TOP_LEVEL_FIELDS).toHaveLength(12);
    expect(CSSRS_FIELDS).toEqual(CSSRS_ORDER);
  });
});

describe('validateTriageInput: missing fields', () => {
  it.each(TOP_LEVEL_FIELDS.map((f) => [f] as const))('refuses a body without %s', (field) => {
    const b = body();
    delete b[field];
    expect(errorsOf(b)).toEqual([{ field, message: `${field} is required` }]);
  });

  it.each(CSSRS_FIELDS.map((f) => [f] as const))('refuses a body without cssrs.%s', (field) => {
    const b = body();
    delete b.cssrs[field];
    expect(errorsOf(b)).toEqual([{ field: `cssrs.${field}`, message: `cssrs.${field} is required` }]);
  });

  it('treats an explicit undefined as missing', () => {
    expect(errorsOf({ ...body(), distress: undefined })).toEqual([
      { field: 'distress', message: 'distress is required' },
    ]);
  });

  it('reports each missing field once', () => {
    expect(errorsOf({ cssrs: {} }).map((e) => e.field)).toEqual([
      ...CSSRS_ORDER.map((f) => `cssrs.${f}`),
      ...TOP_LEVEL_FIELDS.filter((f) => f !== 'cssrs'),
    ]);
  });
});

describe('validateTriageInput: extra fields', () => {
  it('refuses an extra top-level field, naming it', () => {
    expect(errorsOf({ ...body(), notes: 'x' })).toEqual([{ field: 'notes', message: 'notes is not an allowed field' }]);
  });

  it('refuses an extra field inside cssrs, naming its path', () => {
    const b = body();
    b.cssrs.behaviour = 'none';
    expect(errorsOf(b)).toEqual([{ field: 'cssrs.behaviour', message: 'cssrs.behaviour is not an allowed field' }]);
  });

  it('reports one error per extra field', () => {
    const b: Record<string, unknown> = { ...body(), a: 1, b: 2 };
    expect(errorsOf(b).map((e) => e.field)).toEqual(['a', 'b']);
  });
});

describe('validateTriageInput: wrong types', () => {
  it.each(BOOLEAN_FIELDS.map((f) => [f] as const))('refuses a non-boolean %s', (field) => {
    for (const [value, received] of [
      ['true', 'string'],
      [1, 'number'],
      [null, 'null'],
      [[], 'array'],
      [{}, 'object'],
    ] as const) {
      expect(errorsOf({ ...body(), [field]: value })).toEqual([
        { field, message: `${field} must be a boolean (received ${received})` },
      ]);
    }
  });

  it.each(CSSRS_BOOLEAN_FIELDS.map((f) => [f] as const))('refuses a non-boolean cssrs.%s', (field) => {
    const b = body();
    b.cssrs[field] = 'yes';
    expect(errorsOf(b)).toEqual([
      { field: `cssrs.${field}`, message: `cssrs.${field} must be a boolean (received string)` },
    ]);
  });

  it.each([
    ['harmToOthers', '"none", "threats", "imminent", "inProgress"'],
    ['psychosis', '"none", "stable", "worsening"'],
    ['distress', '"none", "moderate", "high"'],
  ])('refuses a value of %s outside its list, listing the allowed values', (field, allowed) => {
    expect(errorsOf({ ...body(), [field]: 'severe' })).toEqual([
      { field, message: `${field} must be one of ${allowed} (received "severe")` },
    ]);
    expect(errorsOf({ ...body(), [field]: 2 })).toEqual([
      { field, message: `${field} must be one of ${allowed} (received number)` },
    ]);
  });

  it('refuses a value of cssrs.behavior outside its list, case included', () => {
    const b = body();
    b.cssrs.behavior = 'Past3Months';
    expect(errorsOf(b)).toEqual([
      {
        field: 'cssrs.behavior',
        message: 'cssrs.behavior must be one of "none", "lifetime", "past3Months" (received "Past3Months")',
      },
    ]);
  });

  it.each([
    [null, 'null'],
    [[], 'array'],
    ['cssrs', 'string'],
  ])('refuses cssrs = %p', (value, received) => {
    expect(errorsOf({ ...body(), cssrs: value })).toEqual([
      { field: 'cssrs', message: `cssrs must be an object (received ${received})` },
    ]);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['{}', 'string'],
    [42, 'number'],
    [[], 'array'],
  ])('refuses a body that is %p, naming the body', (value, received) => {
    expect(errorsOf(value)).toEqual([
      { field: ROOT_FIELD, message: `${ROOT_FIELD} must be an object (received ${received})` },
    ]);
  });

  it('reports every problem at once', () => {
    const b: Record<string, unknown> = { ...body(), weaponAccess: 'no', extra: true };
    delete b.infoOnly;
    expect(
      errorsOf(b)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['extra', 'infoOnly', 'weaponAccess']);
  });
});

describe('validateTriageInput: C-SSRS skip logic', () => {
  const subsets = [1, 2, 3, 4, 5, 6, 7].map((mask) => GATED_CSSRS_QUESTIONS.filter((_q, n) => (mask & (1 << n)) !== 0));

  it.each(GATED_CSSRS_QUESTIONS.map((q) => [q] as const))(
    'refuses cssrs.%s = true while cssrs.suicidalThoughts is false',
    (question) => {
      const b = body();
      b.cssrs[question] = true;
      const errors = errorsOf(b);
      expect(errors).toEqual([{ field: `cssrs.${question}`, message: expect.stringMatching(SKIP_MESSAGE) }]);
      expect(errors[0]?.message).toContain(`cssrs.${question}`);
    },
  );

  it.each(subsets.map((s) => [s.join(' + '), s] as const))(
    'refuses %s with Q2 no: one error per offending field',
    (_t, questions) => {
      const b = body();
      for (const q of questions) b.cssrs[q] = true;
      expect(errorsOf(b)).toEqual(
        questions.map((q) => ({ field: `cssrs.${q}`, message: expect.stringMatching(SKIP_MESSAGE) })),
      );
    },
  );

  it('refuses the breach even when Q1 is yes', () => {
    const b = body();
    b.cssrs.wishDead = true;
    b.cssrs.intent = true;
    expect(errorsOf(b).map((e) => e.field)).toEqual(['cssrs.intent']);
  });

  it.each(subsets.map((s) => [s.join(' + '), s] as const))('accepts %s when Q2 is yes', (_t, questions) => {
    const b = body();
    b.cssrs.suicidalThoughts = true;
    for (const q of questions) b.cssrs[q] = true;
    expect(validateTriageInput(b).ok).toBe(true);
  });

  it('reports a skip-logic breach alongside shape errors', () => {
    const b: Body = { ...body(), extra: 1 };
    b.cssrs.planWithIntent = true;
    expect(errorsOf(b).map((e) => e.field)).toEqual(['extra', 'cssrs.planWithIntent']);
  });

  it('accepts exactly the skip-consistent answers among all 96 combinations', () => {
    let accepted = 0;
    const combinations = allCssrsCombinations();
    expect(combinations).toHaveLength(96);
    for (const cssrs of combinations) {
      const consistent = cssrs.suicidalThoughts || !(cssrs.thoughtsWithMethod || cssrs.intent || cssrs.planWithIntent);
      const result = validateTriageInput({ ...body(), cssrs });
      expect(result.ok).toBe(consistent);
      if (result.ok) accepted++;
    }
    expect(accepted).toBe(54);
  });
});

describe('skipLogic', () => {
  it('hides Q3–Q5 until Q2 is yes', () => {
    expect(skipLogic({ suicidalThoughts: false })).toEqual({
      askMethodIntentPlan: false,
      visibleQuestions: ['wishDead', 'suicidalThoughts', 'behavior'],
    });
  });

  it('shows all six questions once Q2 is yes', () => {
    expect(skipLogic({ suicidalThoughts: true })).toEqual({
      askMethodIntentPlan: true,
      visibleQuestions: ['wishDead', 'suicidalThoughts', 'thoughtsWithMethod', 'intent', 'planWithIntent', 'behavior'],
    });
  });

  it('does not depend on Q1 or Q6', () => {
    const answers: CssrsAnswers = { ...blankTriageInput().cssrs, wishDead: true, behavior: 'past3Months' };
    expect(skipLogic(answers).askMethodIntentPlan).toBe(false);
  });
});

describe('clearSkippedAnswers', () => {
  const answered: CssrsAnswers = {
    wishDead: true,
    suicidalThoughts: false,
    thoughtsWithMethod: true,
    intent: true,
    planWithIntent: true,
    behavior: 'lifetime',
  };

  it('resets hidden Q3–Q5 to no once Q2 is no, keeping Q1 and Q6', () => {
    const cleared = clearSkippedAnswers(answered);
    expect(cleared).toEqual({ ...answered, thoughtsWithMethod: false, intent: false, planWithIntent: false });
    expect(validateTriageInput({ ...body(), cssrs: cleared }).ok).toBe(true);
  });

  it('keeps every answer while Q2 is yes, and returns a copy', () => {
    const withQ2 = { ...answered, suicidalThoughts: true };
    const kept = clearSkippedAnswers(withQ2);
    expect(kept).toEqual(withQ2);
    expect(kept).not.toBe(withQ2);
  });
});
