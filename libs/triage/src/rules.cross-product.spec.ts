import {
  CATEGORIES,
  CSSRS_BEHAVIORS,
  DISTRESS_LEVELS,
  HARM_TO_OTHERS,
  PSYCHOSIS_LEVELS,
  type Category,
  type CssrsAnswers,
  type CssrsRisk,
  type TriageInput,
  type TriageResult,
} from '#contracts';
import { DEFAULT_RESPONSE_TIMES } from './response-times.js';
import { REASON_CODES, triage } from './rules.js';
import { validateTriageInput } from './validate.js';

// The full input space: 54 skip-consistent C-SSRS answer sets (6 with Q2 = no, 48 with Q2 = yes) times
// 2^8 · 4 · 3 · 3 = 9,216 combinations of the other fields = 497,664 inputs. Every one is checked against an
// independent transcription of reference/triage.md §4–5, so a changed rule shows up as a mismatch here.

const BOOLS = [false, true] as const;

function consistentCssrsAnswers(): CssrsAnswers[] {
  const result: CssrsAnswers[] = [];
  for (const wishDead of BOOLS)
    for (const suicidalThoughts of BOOLS)
      for (const thoughtsWithMethod of BOOLS)
        for (const intent of BOOLS)
          for (const planWithIntent of BOOLS)
            for (const behavior of CSSRS_BEHAVIORS) {
              // Q3–Q5 are asked only after a yes to Q2.
              if (!suicidalThoughts && (thoughtsWithMethod || intent || planWithIntent)) continue;
              result.push({ wishDead, suicidalThoughts, thoughtsWithMethod, intent, planWithIntent, behavior });
            }
  return result;
}

function* allInputs(): Generator<TriageInput> {
  for (const cssrs of consistentCssrsAnswers())
    for (const selfHarmInProgress of BOOLS)
      for (const medicalEmergency of BOOLS)
        for (const rescueNeeded of BOOLS)
          for (const harmToOthers of HARM_TO_OTHERS)
            for (const weaponAccess of BOOLS)
              for (const psychosis of PSYCHOSIS_LEVELS)
                for (const capableSupportPresent of BOOLS)
                  for (const distress of DISTRESS_LEVELS)
                    for (const policeRequestsAssessment of BOOLS)
                      for (const referralOnly of BOOLS)
                        for (const infoOnly of BOOLS)
                          yield {
                            cssrs,
                            selfHarmInProgress,
                            medicalEmergency,
                            rescueNeeded,
                            harmToOthers,
                            weaponAccess,
                            psychosis,
                            capableSupportPresent,
                            distress,
                            policeRequestsAssessment,
                            referralOnly,
                            infoOnly,
                          };
}

function expectedRisk(c: CssrsAnswers): CssrsRisk {
  if (c.intent || c.planWithIntent || c.behavior === 'past3Months') return 'high';
  if (c.thoughtsWithMethod || c.behavior === 'lifetime') return 'moderate';
  if (c.wishDead || c.suicidalThoughts) return 'low';
  return 'none';
}

/** reference/triage.md §4, written out as the spec states it. */
function expectedCategory(i: TriageInput): Category {
  const risk = expectedRisk(i.cssrs);
  const high = risk === 'high';
  const moderate = risk === 'moderate';
  const low = risk === 'low';
  if (
    i.selfHarmInProgress ||
    i.medicalEmergency ||
    i.rescueNeeded ||
    i.harmToOthers === 'inProgress' ||
    (i.harmToOthers === 'imminent' && i.weaponAccess)
  )
    return 'A';
  if (
    high ||
    i.harmToOthers === 'imminent' ||
    (i.harmToOthers === 'threats' && i.weaponAccess) ||
    i.policeRequestsAssessment
  )
    return 'B';
  if (
    moderate ||
    i.psychosis === 'worsening' ||
    i.harmToOthers === 'threats' ||
    ((low || i.distress === 'high') && !i.capableSupportPresent)
  )
    return 'C';
  if (low || i.distress === 'high' || i.psychosis === 'stable') return 'D';
  if (i.distress === 'moderate') return 'E';
  if (i.referralOnly) return 'F';
  return 'G';
}

/** Every condition that holds, in the documented most-urgent-first order. */
function expectedReasons(i: TriageInput): string[] {
  const risk = expectedRisk(i.cssrs);
  const held = new Set<string>();
  if (i.selfHarmInProgress) held.add('selfHarmInProgress');
  if (i.medicalEmergency) held.add('medicalEmergency');
  if (i.rescueNeeded) held.add('rescueNeeded');
  if (i.harmToOthers === 'inProgress') held.add('harmToOthers.inProgress');
  if (i.harmToOthers === 'imminent' && i.weaponAccess) held.add('harmToOthers.imminent+weapon');
  if (risk === 'high') held.add('cssrs.high');
  if (i.harmToOthers === 'imminent') held.add('harmToOthers.imminent');
  if (i.harmToOthers === 'threats' && i.weaponAccess) held.add('harmToOthers.threats+weapon');
  if (i.policeRequestsAssessment) held.add('policeRequestsAssessment');
  if (risk === 'moderate') held.add('cssrs.moderate');
  if (i.psychosis === 'worsening') held.add('psychosis.worsening');
  if (i.harmToOthers === 'threats') held.add('harmToOthers.threats');
  if (risk === 'low' && !i.capableSupportPresent) held.add('cssrs.low+noSupport');
  if (i.distress === 'high' && !i.capableSupportPresent) held.add('distress.high+noSupport');
  if (risk === 'low') held.add('cssrs.low');
  if (i.distress === 'high') held.add('distress.high');
  if (i.psychosis === 'stable') held.add('psychosis.stable');
  if (i.distress === 'moderate') held.add('distress.moderate');
  if (i.referralOnly) held.add('referralOnly');
  if (i.infoOnly) held.add('infoOnly');
  return REASON_CODES.filter((code) => held.has(code));
}

function expectedResult(i: TriageInput): TriageResult {
  const category = expectedCategory(i);
  const urgent = category === 'A' || category === 'B';
  return {
    category,
    cssrsRisk: expectedRisk(i.cssrs),
    respondWithinMinutes: DEFAULT_RESPONSE_TIMES[category],
    notify: {
      police: urgent && (i.harmToOthers !== 'none' || i.weaponAccess || i.policeRequestsAssessment),
      ems: category === 'A' && (i.selfHarmInProgress || i.medicalEmergency),
      fire: i.rescueNeeded,
    },
    reasons: expectedReasons(i),
    rulesVersion: 'vic-mhts-2010+cssrs-screener/1.0.0',
  };
}

const sameResult = (a: TriageResult, b: TriageResult): boolean =>
  a.category === b.category &&
  a.cssrsRisk === b.cssrsRisk &&
  a.respondWithinMinutes === b.respondWithinMinutes &&
  a.notify.police === b.notify.police &&
  a.notify.ems === b.notify.ems &&
  a.notify.fire === b.notify.fire &&
  a.rulesVersion === b.rulesVersion &&
  a.reasons.length === b.reasons.length &&
  a.reasons.every((reason, n) => reason === b.reasons[n]);

describe('triage over the full cross-product of inputs', () => {
  // Computed once: 497,664 triages take well under a second.
  const mismatches: { input: TriageInput; got: TriageResult; want: TriageResult }[] = [];
  const policeOutsideAB: TriageInput[] = [];
  const emsOutsideA: TriageInput[] = [];
  const perCategory = new Map<Category, number>();
  let total = 0;

  beforeAll(() => {
    for (const given of allInputs()) {
      total++;
      const got = triage(given);
      const want = expectedResult(given);
      if (!sameResult(got, want) && mismatches.length < 5) mismatches.push({ input: given, got, want });
      if (got.notify.police && got.category !== 'A' && got.category !== 'B') policeOutsideAB.push(given);
      if (got.notify.ems && got.category !== 'A') emsOutsideA.push(given);
      perCategory.set(got.category, (perCategory.get(got.category) ?? 0) + 1);
    }
  });

  it('covers all 497,664 skip-consistent inputs and reaches every category', () => {
    expect(consistentCssrsAnswers()).toHaveLength(54);
    expect(total).toBe(54 * 2 ** 8 * 4 * 3 * 3);
    expect([...perCategory.keys()].sort()).toEqual([...CATEGORIES]);
  });

  it('matches the specification on every input (category, band, reasons, notify, response time)', () => {
    expect(mismatches).toEqual([]);
  });

  it('never notifies police for categories C to G (least restrictive response)', () => {
    expect(policeOutsideAB).toEqual([]);
  });

  it('never calls an ambulance outside category A', () => {
    expect(emsOutsideA).toEqual([]);
  });

  it('accepts every generated input as valid', () => {
    // A deterministic sample (every 997th input, a prime so the stride does not align with any field's cycle).
    let checked = 0;
    let n = 0;
    for (const given of allInputs()) {
      if (n++ % 997 !== 0) continue;
      checked++;
      expect(validateTriageInput(given)).toEqual({ ok: true, value: given });
    }
    expect(checked).toBeGreaterThan(400);
  });
});
