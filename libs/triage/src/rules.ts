import type { Category, CssrsRisk, PartnerNotification, ResponseTimes, TriageInput, TriageResult } from '#contracts';
import { cssrsRisk } from './cssrs.js';
import { resolveResponseTimes } from './response-times.js';

// The triage rules of reference/triage.md §4 as one table: each row is one condition of one category, in
// urgency order. The category is that of the first row that holds (the most urgent wins); the reasons are
// the codes of every row that holds, so a counselor sees all the risk present, not only the decisive one.
//
// Reason codes (stable: stored with each triage and translated by the console; never rename, only add):
//
// | Code                          | Cat. | Holds when                                                    |
// |-------------------------------|------|---------------------------------------------------------------|
// | selfHarmInProgress            | A    | selfHarmInProgress                                            |
// | medicalEmergency              | A    | medicalEmergency                                              |
// | rescueNeeded                  | A    | rescueNeeded                                                  |
// | harmToOthers.inProgress       | A    | harmToOthers = inProgress                                     |
// | harmToOthers.imminent+weapon  | A    | harmToOthers = imminent and weaponAccess                      |
// | cssrs.high                    | B    | C-SSRS band high                                              |
// | harmToOthers.imminent         | B    | harmToOthers = imminent (with or without a weapon)            |
// | harmToOthers.threats+weapon   | B    | harmToOthers = threats and weaponAccess                       |
// | policeRequestsAssessment      | B    | policeRequestsAssessment                                      |
// | cssrs.moderate                | C    | C-SSRS band moderate                                          |
// | psychosis.worsening           | C    | psychosis = worsening                                         |
// | harmToOthers.threats          | C    | harmToOthers = threats (with or without a weapon)             |
// | cssrs.low+noSupport           | C    | C-SSRS band low and not capableSupportPresent                 |
// | distress.high+noSupport       | C    | distress = high and not capableSupportPresent                 |
// | cssrs.low                     | D    | C-SSRS band low (with or without support)                     |
// | distress.high                 | D    | distress = high (with or without support)                     |
// | psychosis.stable              | D    | psychosis = stable                                            |
// | distress.moderate             | E    | distress = moderate                                           |
// | referralOnly                  | F    | referralOnly                                                  |
// | infoOnly                      | G    | infoOnly (G is also the result when no row holds; reasons []) |
//
// A weaker condition implied by a stronger one is still listed (imminent+weapon also gives imminent; low
// without support also gives low), so each code means exactly its own row and nothing is hidden.

/** Identifies the rules that produced a result; bump it whenever a row, a band or a notify rule changes. */
export const RULES_VERSION = 'vic-mhts-2010+cssrs-screener/1.0.0';

interface RuleFacts {
  input: TriageInput;
  risk: CssrsRisk;
}

interface TriageRule {
  readonly code: string;
  readonly category: Category;
  readonly holds: (facts: RuleFacts) => boolean;
}

export const TRIAGE_RULES = [
  { code: 'selfHarmInProgress', category: 'A', holds: ({ input }) => input.selfHarmInProgress },
  { code: 'medicalEmergency', category: 'A', holds: ({ input }) => input.medicalEmergency },
  { code: 'rescueNeeded', category: 'A', holds: ({ input }) => input.rescueNeeded },
  { code: 'harmToOthers.inProgress', category: 'A', holds: ({ input }) => input.harmToOthers === 'inProgress' },
  {
    code: 'harmToOthers.imminent+weapon',
    category: 'A',
    holds: ({ input }) => input.harmToOthers === 'imminent' && input.weaponAccess,
  },
  { code: 'cssrs.high', category: 'B', holds: ({ risk }) => risk === 'high' },
  { code: 'harmToOthers.imminent', category: 'B', holds: ({ input }) => input.harmToOthers === 'imminent' },
  {
    code: 'harmToOthers.threats+weapon',
    category: 'B',
    holds: ({ input }) => input.harmToOthers === 'threats' && input.weaponAccess,
  },
  { code: 'policeRequestsAssessment', category: 'B', holds: ({ input }) => input.policeRequestsAssessment },
  { code: 'cssrs.moderate', category: 'C', holds: ({ risk }) => risk === 'moderate' },
  { code: 'psychosis.worsening', category: 'C', holds: ({ input }) => input.psychosis === 'worsening' },
  { code: 'harmToOthers.threats', category: 'C', holds: ({ input }) => input.harmToOthers === 'threats' },
  {
    code: 'cssrs.low+noSupport',
    category: 'C',
    holds: ({ input, risk }) => risk === 'low' && !input.capableSupportPresent,
  },
  {
    code: 'distress.high+noSupport',
    category: 'C',
    holds: ({ input }) => input.distress === 'high' && !input.capableSupportPresent,
  },
  { code: 'cssrs.low', category: 'D', holds: ({ risk }) => risk === 'low' },
  { code: 'distress.high', category: 'D', holds: ({ input }) => input.distress === 'high' },
  { code: 'psychosis.stable', category: 'D', holds: ({ input }) => input.psychosis === 'stable' },
  { code: 'distress.moderate', category: 'E', holds: ({ input }) => input.distress === 'moderate' },
  { code: 'referralOnly', category: 'F', holds: ({ input }) => input.referralOnly },
  { code: 'infoOnly', category: 'G', holds: ({ input }) => input.infoOnly },
] as const satisfies readonly TriageRule[];

export type ReasonCode = (typeof TRIAGE_RULES)[number]['code'];

/** Every reason code, most urgent first (the order `reasons` uses). */
export const REASON_CODES: readonly ReasonCode[] = TRIAGE_RULES.map((rule) => rule.code);

/** The category each reason code belongs to. */
export const REASON_CATEGORY = Object.fromEntries(TRIAGE_RULES.map((rule) => [rule.code, rule.category])) as Readonly<
  Record<ReasonCode, Category>
>;

/** The category when no row of a more urgent category holds. */
const FALLBACK_CATEGORY: Category = 'G';

export interface TriageConfig {
  responseTimes?: Partial<ResponseTimes>;
}

/** Suggests a category for a validated input (see `validateTriageInput`); the counselor confirms or overrides it. */
export function triage(input: TriageInput, config: TriageConfig = {}): TriageResult {
  const facts: RuleFacts = { input, risk: cssrsRisk(input.cssrs) };
  const held = TRIAGE_RULES.filter((rule) => rule.holds(facts));
  const category = held[0]?.category ?? FALLBACK_CATEGORY;
  return {
    category,
    cssrsRisk: facts.risk,
    respondWithinMinutes: resolveResponseTimes(config.responseTimes)[category],
    notify: partnersToNotify(input, category),
    reasons: held.map((rule) => rule.code),
    rulesVersion: RULES_VERSION,
  };
}

/**
 * Which partner services to alert (reference/triage.md §5). Police only for A/B and only when violence, a
 * weapon or the police themselves are involved: the least restrictive response is the rule, so categories
 * C–G never bring police to a person in crisis.
 */
export function partnersToNotify(input: TriageInput, category: Category): PartnerNotification {
  const urgent = category === 'A' || category === 'B';
  return {
    police: urgent && (input.harmToOthers !== 'none' || input.weaponAccess || input.policeRequestsAssessment),
    ems: category === 'A' && (input.selfHarmInProgress || input.medicalEmergency),
    fire: input.rescueNeeded,
  };
}
