import { blankTriageInput } from './blank-input.js';
import { callerGuidance, callerIsThirdParty } from './guidance.js';
import { isAssessed, lookupIn, openPathQuestions, validateTriageSubmission } from './completeness.js';
import { triage } from './rules.js';

// Issue 13 item 1: an unanswered question on the path is not a "no".

const body = (patch: (b: Record<string, unknown> & { cssrs: Record<string, unknown> }) => void) => {
  const b = structuredClone(blankTriageInput()) as unknown as Record<string, unknown> & {
    cssrs: Record<string, unknown>;
  };
  patch(b);
  return b;
};

describe('openPathQuestions', () => {
  it('lists the danger-now questions and the C-SSRS screener before any answer (Q3–Q5 off the path)', () => {
    expect(openPathQuestions(() => null)).toEqual([
      'selfHarmInProgress',
      'medicalEmergency',
      'rescueNeeded',
      'harmToOthers',
      'weaponAccess',
      'cssrs.wishDead',
      'cssrs.suicidalThoughts',
      'cssrs.behavior',
    ]);
  });

  it('puts Q3–Q5 on the path after a yes to Q2: answering only Q1–Q3 leaves intent and plan open', () => {
    const b = body((x) => {
      x.cssrs.wishDead = true;
      x.cssrs.suicidalThoughts = true;
      x.cssrs.thoughtsWithMethod = true;
      x.cssrs.intent = null;
      x.cssrs.planWithIntent = null;
    });
    expect(openPathQuestions(lookupIn(b))).toEqual(['cssrs.intent', 'cssrs.planWithIntent']);
  });

  it('is empty for a fully answered input', () => {
    expect(openPathQuestions(lookupIn(blankTriageInput() as unknown as Record<string, unknown>))).toEqual([]);
  });
});

describe('isAssessed', () => {
  it('is false with a question open unless the answers given already make it A', () => {
    expect(isAssessed(['cssrs.intent'], 'C')).toBe(false);
    expect(isAssessed(['cssrs.intent'], 'G')).toBe(false);
    expect(isAssessed(['cssrs.intent'], 'A')).toBe(true);
    expect(isAssessed([], 'G')).toBe(true);
  });
});

describe('validateTriageSubmission', () => {
  it('accepts a complete input as before, with nothing listed as not asked', () => {
    const v = validateTriageSubmission(blankTriageInput());
    expect(v).toEqual({ ok: true, value: { input: blankTriageInput(), couldNotAsk: [], counselorCategory: null } });
  });

  it('refuses an unanswered question on the path, naming it', () => {
    const v = validateTriageSubmission(body((x) => (x.cssrs.behavior = null)));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual([{ field: 'cssrs.behavior', message: expect.stringContaining('unanswered') }]);
  });

  it('refuses a missing danger-now question, naming it once', () => {
    const v = validateTriageSubmission(body((x) => delete x.weaponAccess));
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['weaponAccess']);
  });

  it('takes Q3–Q5 left out after a no to Q2 (off the path) as no', () => {
    const v = validateTriageSubmission(body((x) => (x.cssrs.intent = null)));
    expect(v.ok).toBe(true);
  });

  it('accepts "could not ask" with a reason only together with the counselor’s category and reason', () => {
    const open = body((x) => {
      x.cssrs.suicidalThoughts = null;
      x.cssrs.behavior = null;
    });
    const couldNotAsk = [
      { question: 'cssrs.suicidalThoughts', reason: 'caller hung up mid-question' },
      { question: 'cssrs.behavior', reason: 'caller hung up mid-question' },
    ];
    const without = validateTriageSubmission({ ...open, couldNotAsk });
    expect(without.ok ? [] : without.errors.map((e) => e.field)).toEqual(['counselorCategory']);

    const v = validateTriageSubmission({
      ...open,
      couldNotAsk,
      counselorCategory: { category: 'C', reason: 'sounded intoxicated and hopeless' },
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.counselorCategory).toEqual({ category: 'C', reason: 'sounded intoxicated and hopeless' });
    expect(v.value.input.cssrs.behavior).toBe('none');
    expect(v.value.input.cssrs.suicidalThoughts).toBe(false);
  });

  it('refuses "could not ask" for an answered question, a short reason, and a counselor category without gaps', () => {
    const listedAnswered = validateTriageSubmission({
      ...blankTriageInput(),
      couldNotAsk: [{ question: 'medicalEmergency', reason: 'no' }],
      counselorCategory: { category: 'C', reason: 'x' },
    });
    expect(listedAnswered.ok ? [] : listedAnswered.errors.map((e) => e.field).sort()).toEqual([
      'couldNotAsk.0.reason',
      'counselorCategory',
    ]);
    const answeredButListed = validateTriageSubmission({
      ...blankTriageInput(),
      couldNotAsk: [{ question: 'medicalEmergency', reason: 'line dropped' }],
      counselorCategory: { category: 'C', reason: 'judgement' },
    });
    expect(answeredButListed.ok ? [] : answeredButListed.errors.map((e) => e.field)).toEqual([
      'couldNotAsk.0.question',
    ]);
    const categoryAlone = validateTriageSubmission({
      ...blankTriageInput(),
      counselorCategory: { category: 'C', reason: 'judgement' },
    });
    expect(categoryAlone.ok ? [] : categoryAlone.errors.map((e) => e.field)).toEqual(['counselorCategory']);
  });

  it('still refuses skip-logic breaches and extra fields', () => {
    const v = validateTriageSubmission({ ...body((x) => (x.cssrs.intent = true)), extra: 1 });
    expect(v.ok ? [] : v.errors.map((e) => e.field).sort()).toEqual(['cssrs.intent', 'extra']);
  });

  it('never reads the rules’ lower bound as the answer: the gap-filled input is G, the counselor decides', () => {
    const v = validateTriageSubmission({
      ...body((x) => (x.selfHarmInProgress = null)),
      couldNotAsk: [{ question: 'selfHarmInProgress', reason: 'third party did not know' }],
      counselorCategory: { category: 'B', reason: 'police report an attempt last night' },
    });
    expect(v.ok).toBe(true);
    if (v.ok) expect(triage(v.value.input).category).toBe('G');
  });
});

describe('guidance for who is calling', () => {
  it('tells a family member about the person, never "anything you could use to hurt yourself"', () => {
    const own = callerGuidance('B');
    const family = callerGuidance('B', undefined, true);
    expect(own.tellCaller.en).toContain('hurt yourself');
    expect(family.tellCaller.en).not.toMatch(/hurt yourself|you could use/);
    expect(family.tellCaller.en).toContain('them');
    expect(family.tellCaller.ko).toContain('그분');
    expect(family.doNow).toEqual(own.doNow);
  });

  it('reads the relation: empty or self is the person, anything else a third party', () => {
    expect(callerIsThirdParty(null)).toBe(false);
    expect(callerIsThirdParty(' 본인 ')).toBe(false);
    expect(callerIsThirdParty('Self')).toBe(false);
    expect(callerIsThirdParty('mother')).toBe(true);
    expect(callerIsThirdParty('어머니')).toBe(true);
  });
});
