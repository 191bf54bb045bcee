import { CSSRS_BEHAVIORS, type CssrsAnswers } from '#contracts';

// C-SSRS fixtures for the specs, stated here once and independently of libs/triage (reference/triage.md §2).

/** The screener's questions in asking order (Q1–Q6), as the reference lists them. */
export const CSSRS_ORDER = 'wishDead suicidalThoughts thoughtsWithMethod intent planWithIntent behavior'.split(' ');

/** Every answer at its worst: each yes/no question "yes", suicidal behaviour in the past three months. */
export const WORST_CSSRS: CssrsAnswers = {
  wishDead: true,
  suicidalThoughts: true,
  thoughtsWithMethod: true,
  intent: true,
  planWithIntent: true,
  behavior: 'past3Months',
};

/** All 96 answer sets: the 32 combinations of the five yes/no questions times each behaviour. */
export function allCssrsCombinations(): CssrsAnswers[] {
  const result: CssrsAnswers[] = [];
  for (let bits = 0; bits < 32; bits++) {
    for (const behavior of CSSRS_BEHAVIORS) {
      result.push({
        wishDead: (bits & 1) !== 0,
        suicidalThoughts: (bits & 2) !== 0,
        thoughtsWithMethod: (bits & 4) !== 0,
        intent: (bits & 8) !== 0,
        planWithIntent: (bits & 16) !== 0,
        behavior,
      });
    }
  }
  return result;
}
