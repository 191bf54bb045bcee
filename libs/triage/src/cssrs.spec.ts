import { type CssrsAnswers, type CssrsRisk } from '#contracts';
import { CSSRS_ORDER, WORST_CSSRS, allCssrsCombinations } from '../../../test/support/cssrs.js';
import { blankTriageInput } from './blank-input.js';
import { CSSRS_QUESTIONS, GATED_CSSRS_QUESTIONS, cssrsRisk } from './cssrs.js';

const NO: CssrsAnswers = blankTriageInput().cssrs;
const answers = (patch: Partial<CssrsAnswers>): CssrsAnswers => ({ ...NO, ...patch });

// An independent statement of the bands: each "yes" carries its own band and the worst one wins.
const RANK: readonly CssrsRisk[] = ['none', 'low', 'moderate', 'high'];
function expectedRisk(a: CssrsAnswers): CssrsRisk {
  const bands: CssrsRisk[] = ['none'];
  if (a.wishDead) bands.push('low');
  if (a.suicidalThoughts) bands.push('low');
  if (a.thoughtsWithMethod) bands.push('moderate');
  if (a.intent) bands.push('high');
  if (a.planWithIntent) bands.push('high');
  if (a.behavior === 'lifetime') bands.push('moderate');
  if (a.behavior === 'past3Months') bands.push('high');
  return bands.reduce((worst, band) => (RANK.indexOf(band) > RANK.indexOf(worst) ? band : worst));
}

describe('cssrsRisk', () => {
  it('is none when every answer is no', () => {
    expect(cssrsRisk(NO)).toBe('none');
  });

  const BANDS: [string, Partial<CssrsAnswers>, CssrsRisk][] = [
    ['Q1 wishDead only', { wishDead: true }, 'low'],
    ['Q2 suicidalThoughts only', { suicidalThoughts: true }, 'low'],
    ['Q1 and Q2', { wishDead: true, suicidalThoughts: true }, 'low'],
    ['Q3 thoughtsWithMethod (after Q2)', { suicidalThoughts: true, thoughtsWithMethod: true }, 'moderate'],
    ['Q4 intent (after Q2)', { suicidalThoughts: true, intent: true }, 'high'],
    ['Q5 planWithIntent (after Q2)', { suicidalThoughts: true, planWithIntent: true }, 'high'],
    ['Q3 + Q4', { suicidalThoughts: true, thoughtsWithMethod: true, intent: true }, 'high'],
    ['Q3 + Q5', { suicidalThoughts: true, thoughtsWithMethod: true, planWithIntent: true }, 'high'],
    ['Q6 behavior lifetime alone', { behavior: 'lifetime' }, 'moderate'],
    ['Q6 behavior past 3 months alone', { behavior: 'past3Months' }, 'high'],
    ['Q1 + behavior lifetime', { wishDead: true, behavior: 'lifetime' }, 'moderate'],
    ['Q1 + Q2 + behavior lifetime', { wishDead: true, suicidalThoughts: true, behavior: 'lifetime' }, 'moderate'],
    ['Q3 + behavior lifetime', { suicidalThoughts: true, thoughtsWithMethod: true, behavior: 'lifetime' }, 'moderate'],
    ['Q1 + behavior past 3 months', { wishDead: true, behavior: 'past3Months' }, 'high'],
    [
      'Q3 + behavior past 3 months',
      { suicidalThoughts: true, thoughtsWithMethod: true, behavior: 'past3Months' },
      'high',
    ],
    ['every yes', WORST_CSSRS, 'high'],
  ];

  it.each(BANDS.map(([name, patch, risk]) => [`${name} → ${risk}`, patch, risk] as const))(
    '%s',
    (_title, patch, risk) => {
      expect(cssrsRisk(answers(patch))).toBe(risk);
    },
  );

  it('keeps a "yes" recorded against the skip logic rather than under-rating risk', () => {
    expect(cssrsRisk(answers({ intent: true }))).toBe('high');
    expect(cssrsRisk(answers({ thoughtsWithMethod: true }))).toBe('moderate');
  });

  it('agrees with the band definitions on all 96 answer combinations', () => {
    const combinations = allCssrsCombinations();
    expect(combinations).toHaveLength(96);
    const mismatches = combinations.filter((a) => cssrsRisk(a) !== expectedRisk(a));
    expect(mismatches).toEqual([]);
    // Every band is reachable, so the comparison above is not vacuous.
    expect(new Set(combinations.map(cssrsRisk))).toEqual(new Set(RANK));
  });
});

describe('C-SSRS question lists', () => {
  it('lists Q1–Q6 in asking order and gates Q3–Q5', () => {
    expect(CSSRS_QUESTIONS).toEqual(CSSRS_ORDER);
    expect(GATED_CSSRS_QUESTIONS).toEqual(['thoughtsWithMethod', 'intent', 'planWithIntent']);
  });
});
