import { CATEGORIES, type Category, type CssrsAnswers, type PartnerNotification, type TriageInput } from '#contracts';
import { WORST_CSSRS } from '../../../test/support/cssrs.js';
import { blankTriageInput } from './blank-input.js';
import { DEFAULT_RESPONSE_TIMES } from './response-times.js';
import { REASON_CATEGORY, REASON_CODES, RULES_VERSION, TRIAGE_RULES, triage } from './rules.js';

type InputPatch = Partial<Omit<TriageInput, 'cssrs'>> & { cssrs?: Partial<CssrsAnswers> };

function input(patch: InputPatch = {}): TriageInput {
  const blank = blankTriageInput();
  return { ...blank, ...patch, cssrs: { ...blank.cssrs, ...patch.cssrs } };
}

const NOBODY: PartnerNotification = { police: false, ems: false, fire: false };
const POLICE: PartnerNotification = { ...NOBODY, police: true };
const EMS: PartnerNotification = { ...NOBODY, ems: true };
const FIRE: PartnerNotification = { ...NOBODY, fire: true };

interface RowCase {
  name: string;
  patch: InputPatch;
  category: Category;
  reasons: string[];
  notify: PartnerNotification;
}

// One case per condition of the rules table (reference/triage.md §4), each alone on the all-no baseline.
// Support is stated wherever a row depends on it, so combining two cases never changes it silently.
const ROWS: RowCase[] = [
  {
    name: 'self-harm in progress',
    patch: { selfHarmInProgress: true },
    category: 'A',
    reasons: ['selfHarmInProgress'],
    notify: EMS,
  },
  {
    name: 'medical emergency',
    patch: { medicalEmergency: true },
    category: 'A',
    reasons: ['medicalEmergency'],
    notify: EMS,
  },
  { name: 'rescue needed', patch: { rescueNeeded: true }, category: 'A', reasons: ['rescueNeeded'], notify: FIRE },
  {
    name: 'harm to others in progress',
    patch: { harmToOthers: 'inProgress' },
    category: 'A',
    reasons: ['harmToOthers.inProgress'],
    notify: POLICE,
  },
  {
    name: 'imminent harm to others with a weapon',
    patch: { harmToOthers: 'imminent', weaponAccess: true },
    category: 'A',
    reasons: ['harmToOthers.imminent+weapon', 'harmToOthers.imminent'],
    notify: POLICE,
  },
  {
    name: 'C-SSRS high by Q4 intent',
    patch: { cssrs: { suicidalThoughts: true, intent: true } },
    category: 'B',
    reasons: ['cssrs.high'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS high by Q5 plan with intent',
    patch: { cssrs: { suicidalThoughts: true, planWithIntent: true } },
    category: 'B',
    reasons: ['cssrs.high'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS high by behavior in the past 3 months',
    patch: { cssrs: { behavior: 'past3Months' } },
    category: 'B',
    reasons: ['cssrs.high'],
    notify: NOBODY,
  },
  {
    name: 'imminent harm to others, no weapon',
    patch: { harmToOthers: 'imminent' },
    category: 'B',
    reasons: ['harmToOthers.imminent'],
    notify: POLICE,
  },
  {
    name: 'threats to others with a weapon',
    patch: { harmToOthers: 'threats', weaponAccess: true },
    category: 'B',
    reasons: ['harmToOthers.threats+weapon', 'harmToOthers.threats'],
    notify: POLICE,
  },
  {
    name: 'police request an assessment',
    patch: { policeRequestsAssessment: true },
    category: 'B',
    reasons: ['policeRequestsAssessment'],
    notify: POLICE,
  },
  {
    name: 'C-SSRS moderate by Q3 method',
    patch: { cssrs: { suicidalThoughts: true, thoughtsWithMethod: true } },
    category: 'C',
    reasons: ['cssrs.moderate'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS moderate by lifetime behavior',
    patch: { cssrs: { behavior: 'lifetime' } },
    category: 'C',
    reasons: ['cssrs.moderate'],
    notify: NOBODY,
  },
  {
    name: 'psychosis worsening',
    patch: { psychosis: 'worsening' },
    category: 'C',
    reasons: ['psychosis.worsening'],
    notify: NOBODY,
  },
  {
    name: 'threats to others, no weapon',
    patch: { harmToOthers: 'threats' },
    category: 'C',
    reasons: ['harmToOthers.threats'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS low by Q1 without support',
    patch: { cssrs: { wishDead: true }, capableSupportPresent: false },
    category: 'C',
    reasons: ['cssrs.low+noSupport', 'cssrs.low'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS low by Q2 without support',
    patch: { cssrs: { suicidalThoughts: true }, capableSupportPresent: false },
    category: 'C',
    reasons: ['cssrs.low+noSupport', 'cssrs.low'],
    notify: NOBODY,
  },
  {
    name: 'high distress without support',
    patch: { distress: 'high', capableSupportPresent: false },
    category: 'C',
    reasons: ['distress.high+noSupport', 'distress.high'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS low by Q1 with support',
    patch: { cssrs: { wishDead: true }, capableSupportPresent: true },
    category: 'D',
    reasons: ['cssrs.low'],
    notify: NOBODY,
  },
  {
    name: 'C-SSRS low by Q1 and Q2 with support',
    patch: { cssrs: { wishDead: true, suicidalThoughts: true }, capableSupportPresent: true },
    category: 'D',
    reasons: ['cssrs.low'],
    notify: NOBODY,
  },
  {
    name: 'high distress with support',
    patch: { distress: 'high', capableSupportPresent: true },
    category: 'D',
    reasons: ['distress.high'],
    notify: NOBODY,
  },
  {
    name: 'psychosis stable',
    patch: { psychosis: 'stable' },
    category: 'D',
    reasons: ['psychosis.stable'],
    notify: NOBODY,
  },
  {
    name: 'psychosis stable with support',
    patch: { psychosis: 'stable', capableSupportPresent: true },
    category: 'D',
    reasons: ['psychosis.stable'],
    notify: NOBODY,
  },
  {
    name: 'moderate distress',
    patch: { distress: 'moderate' },
    category: 'E',
    reasons: ['distress.moderate'],
    notify: NOBODY,
  },
  {
    name: 'moderate distress with support',
    patch: { distress: 'moderate', capableSupportPresent: true },
    category: 'E',
    reasons: ['distress.moderate'],
    notify: NOBODY,
  },
  { name: 'referral only', patch: { referralOnly: true }, category: 'F', reasons: ['referralOnly'], notify: NOBODY },
  { name: 'information only', patch: { infoOnly: true }, category: 'G', reasons: ['infoOnly'], notify: NOBODY },
];

// Inputs that trigger nothing on their own: they only qualify another condition.
const QUALIFIERS: RowCase[] = [
  { name: 'weapon access alone', patch: { weaponAccess: true }, category: 'G', reasons: [], notify: NOBODY },
  { name: 'capable support alone', patch: { capableSupportPresent: true }, category: 'G', reasons: [], notify: NOBODY },
];

const rank = (c: Category): number => CATEGORIES.indexOf(c);

describe('triage: the baseline', () => {
  it('gives G with no reasons, no notification and no response time when every answer is no', () => {
    expect(triage(blankTriageInput())).toEqual({
      category: 'G',
      cssrsRisk: 'none',
      respondWithinMinutes: null,
      notify: NOBODY,
      reasons: [],
      rulesVersion: RULES_VERSION,
    });
  });
});

describe('triage: every row of the rules table, alone', () => {
  it.each([...ROWS, ...QUALIFIERS].map((row) => [`${row.name} → ${row.category}`, row] as const))(
    '%s',
    (_title, row) => {
      const result = triage(input(row.patch));
      expect(result.category).toBe(row.category);
      expect(result.reasons).toEqual(row.reasons);
      expect(result.notify).toEqual(row.notify);
      expect(result.respondWithinMinutes).toBe(DEFAULT_RESPONSE_TIMES[row.category]);
      expect(result.rulesVersion).toBe(RULES_VERSION);
    },
  );

  it('covers every reason code and every category', () => {
    expect(new Set(ROWS.flatMap((row) => row.reasons))).toEqual(new Set(REASON_CODES));
    expect(new Set(ROWS.map((row) => row.category))).toEqual(new Set(CATEGORIES));
  });
});

describe('triage: precedence (the most urgent category wins)', () => {
  // Two rows conflict when they set the same answer, or both set C-SSRS answers (bands do not add up).
  const conflict = (a: InputPatch, b: InputPatch): boolean =>
    (a.cssrs !== undefined && b.cssrs !== undefined) || Object.keys(a).some((key) => key !== 'cssrs' && key in b);

  const pairs = ROWS.flatMap((a, i) => ROWS.slice(i + 1).map((b) => [a, b] as const)).filter(
    ([a, b]) => !conflict(a.patch, b.patch),
  );

  it('has a meaningful number of independent pairs', () => {
    expect(pairs.length).toBeGreaterThan(200);
  });

  it.each(pairs.map(([a, b]) => [`${a.name} + ${b.name}`, a, b] as const))('%s', (_title, a, b) => {
    const both = triage(input({ ...a.patch, ...b.patch, cssrs: { ...a.patch.cssrs, ...b.patch.cssrs } }));
    const winner = rank(a.category) <= rank(b.category) ? a.category : b.category;
    expect(both.category).toBe(winner);
    // Independent conditions keep each other's reasons, in most-urgent-first order.
    expect(both.reasons).toEqual(REASON_CODES.filter((code) => a.reasons.includes(code) || b.reasons.includes(code)));
  });

  it('lets an action in progress beat high C-SSRS risk, and keeps both reasons', () => {
    const result = triage(input({ selfHarmInProgress: true, cssrs: { suicidalThoughts: true, planWithIntent: true } }));
    expect(result).toMatchObject({
      category: 'A',
      cssrsRisk: 'high',
      reasons: ['selfHarmInProgress', 'cssrs.high'],
      notify: EMS,
    });
  });

  it('lets referral beat information only', () => {
    expect(triage(input({ referralOnly: true, infoOnly: true }))).toMatchObject({
      category: 'F',
      reasons: ['referralOnly', 'infoOnly'],
    });
  });

  it('lets moderate distress beat a referral', () => {
    expect(triage(input({ distress: 'moderate', referralOnly: true })).category).toBe('E');
  });

  it('lets a stronger C-SSRS answer replace a weaker band rather than add to it', () => {
    const result = triage(input({ cssrs: { wishDead: true, suicidalThoughts: true, thoughtsWithMethod: true } }));
    expect(result).toMatchObject({ category: 'C', cssrsRisk: 'moderate', reasons: ['cssrs.moderate'] });
  });

  it('turns threats into B once a weapon is added, and imminent harm into A', () => {
    expect(triage(input({ harmToOthers: 'threats' })).category).toBe('C');
    expect(triage(input({ harmToOthers: 'threats', weaponAccess: true })).category).toBe('B');
    expect(triage(input({ harmToOthers: 'imminent' })).category).toBe('B');
    expect(triage(input({ harmToOthers: 'imminent', weaponAccess: true })).category).toBe('A');
    expect(triage(input({ harmToOthers: 'inProgress', weaponAccess: true })).reasons).toEqual([
      'harmToOthers.inProgress',
    ]);
  });

  it('lists every reason that holds when everything is yes', () => {
    const result = triage(
      input({
        cssrs: WORST_CSSRS,
        selfHarmInProgress: true,
        medicalEmergency: true,
        rescueNeeded: true,
        harmToOthers: 'imminent',
        weaponAccess: true,
        psychosis: 'worsening',
        distress: 'high',
        policeRequestsAssessment: true,
        referralOnly: true,
        infoOnly: true,
      }),
    );
    expect(result).toMatchObject({
      category: 'A',
      cssrsRisk: 'high',
      respondWithinMinutes: 0,
      notify: { police: true, ems: true, fire: true },
      reasons: [
        'selfHarmInProgress',
        'medicalEmergency',
        'rescueNeeded',
        'harmToOthers.imminent+weapon',
        'cssrs.high',
        'harmToOthers.imminent',
        'policeRequestsAssessment',
        'psychosis.worsening',
        'distress.high+noSupport',
        'distress.high',
        'referralOnly',
        'infoOnly',
      ],
    });
  });
});

describe('triage: partner notification', () => {
  it.each<[string, InputPatch, Category, PartnerNotification]>([
    ['self-harm: ambulance, no police', { selfHarmInProgress: true }, 'A', EMS],
    [
      'medical emergency with a weapon at hand: ambulance and police',
      { medicalEmergency: true, weaponAccess: true },
      'A',
      { police: true, ems: true, fire: false },
    ],
    ['rescue only: fire, no ambulance', { rescueNeeded: true }, 'A', FIRE],
    [
      'rescue with self-harm: fire and ambulance',
      { rescueNeeded: true, selfHarmInProgress: true },
      'A',
      { police: false, ems: true, fire: true },
    ],
    [
      'rescue requested by police: fire and police',
      { rescueNeeded: true, policeRequestsAssessment: true },
      'A',
      { police: true, ems: false, fire: true },
    ],
    ['B by C-SSRS alone: nobody', { cssrs: { behavior: 'past3Months' } }, 'B', NOBODY],
    [
      'B by C-SSRS with a weapon at hand: police',
      { cssrs: { behavior: 'past3Months' }, weaponAccess: true },
      'B',
      POLICE,
    ],
    ['B by police request: police', { policeRequestsAssessment: true }, 'B', POLICE],
    [
      'B by C-SSRS with threats to others: police',
      { cssrs: { behavior: 'past3Months' }, harmToOthers: 'threats' },
      'B',
      POLICE,
    ],
    ['C by threats: no police', { harmToOthers: 'threats' }, 'C', NOBODY],
    ['C by psychosis with a weapon at hand: no police', { psychosis: 'worsening', weaponAccess: true }, 'C', NOBODY],
    ['D with a weapon at hand: no police', { psychosis: 'stable', weaponAccess: true }, 'D', NOBODY],
    ['E with a weapon at hand: no police', { distress: 'moderate', weaponAccess: true }, 'E', NOBODY],
    ['F with a weapon at hand: no police', { referralOnly: true, weaponAccess: true }, 'F', NOBODY],
    ['G with a weapon at hand: no police', { weaponAccess: true, infoOnly: true }, 'G', NOBODY],
  ])('%s', (_name, patch, category, notify) => {
    const result = triage(input(patch));
    expect(result.category).toBe(category);
    expect(result.notify).toEqual(notify);
  });
});

describe('triage: response times', () => {
  const byCategory: Record<Category, InputPatch> = {
    A: { medicalEmergency: true },
    B: { policeRequestsAssessment: true },
    C: { psychosis: 'worsening' },
    D: { psychosis: 'stable' },
    E: { distress: 'moderate' },
    F: { referralOnly: true },
    G: { infoOnly: true },
  };

  it.each(CATEGORIES.map((c) => [c] as const))('uses the Victorian default for %s', (category) => {
    const result = triage(input(byCategory[category]));
    expect(result.category).toBe(category);
    expect(result.respondWithinMinutes).toBe({ A: 0, B: 120, C: 480, D: 4320, E: 40320, F: null, G: null }[category]);
  });

  it('applies configured times over the defaults, category by category', () => {
    // The Korean CTRS bands: immediate / 2 h / 12 h / 48 h / 2 weeks.
    const responseTimes = { C: 720, D: 2880, E: 20160, F: 10080 };
    const minutes = (c: Category) => triage(input(byCategory[c]), { responseTimes }).respondWithinMinutes;
    expect(CATEGORIES.map(minutes)).toEqual([0, 120, 720, 2880, 20160, 10080, null]);
  });

  it('keeps the default for an override left undefined and accepts null', () => {
    expect(triage(input(byCategory.C), { responseTimes: { C: undefined } }).respondWithinMinutes).toBe(480);
    expect(triage(input(byCategory.E), { responseTimes: { E: null } }).respondWithinMinutes).toBeNull();
  });

  it('refuses a configured time that is not whole minutes >= 0', () => {
    expect(() => triage(input(), { responseTimes: { B: -1 } })).toThrow(/category B/);
    expect(() => triage(input(), { responseTimes: { C: 1.5 } })).toThrow(/category C/);
    expect(() => triage(input(), { responseTimes: { D: Number.NaN } })).toThrow(/category D/);
  });

  it('does not change the category when times change', () => {
    expect(triage(input(byCategory.B), { responseTimes: { B: 5000, C: 1 } }).category).toBe('B');
  });
});

describe('the rules table', () => {
  it('is ordered from the most to the least urgent category', () => {
    const ranks = TRIAGE_RULES.map((rule) => rank(rule.category));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('has the documented, stable reason codes in urgency order', () => {
    expect(REASON_CODES).toEqual([
      'selfHarmInProgress',
      'medicalEmergency',
      'rescueNeeded',
      'harmToOthers.inProgress',
      'harmToOthers.imminent+weapon',
      'cssrs.high',
      'harmToOthers.imminent',
      'harmToOthers.threats+weapon',
      'policeRequestsAssessment',
      'cssrs.moderate',
      'psychosis.worsening',
      'harmToOthers.threats',
      'cssrs.low+noSupport',
      'distress.high+noSupport',
      'cssrs.low',
      'distress.high',
      'psychosis.stable',
      'distress.moderate',
      'referralOnly',
      'infoOnly',
    ]);
  });

  it('maps each reason code to its category', () => {
    expect(REASON_CATEGORY).toEqual({
      selfHarmInProgress: 'A',
      medicalEmergency: 'A',
      rescueNeeded: 'A',
      'harmToOthers.inProgress': 'A',
      'harmToOthers.imminent+weapon': 'A',
      'cssrs.high': 'B',
      'harmToOthers.imminent': 'B',
      'harmToOthers.threats+weapon': 'B',
      policeRequestsAssessment: 'B',
      'cssrs.moderate': 'C',
      'psychosis.worsening': 'C',
      'harmToOthers.threats': 'C',
      'cssrs.low+noSupport': 'C',
      'distress.high+noSupport': 'C',
      'cssrs.low': 'D',
      'distress.high': 'D',
      'psychosis.stable': 'D',
      'distress.moderate': 'E',
      referralOnly: 'F',
      infoOnly: 'G',
    });
  });

  it('names its version', () => {
    expect(RULES_VERSION).toBe('vic-mhts-2010+cssrs-screener/1.0.0');
  });

  it('does not modify its input', () => {
    const given = input({ selfHarmInProgress: true, cssrs: { wishDead: true } });
    const copy = structuredClone(given);
    triage(given, { responseTimes: { B: 60 } });
    expect(given).toEqual(copy);
  });
});
