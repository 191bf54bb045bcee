import { TEAM_SKILLS, type TeamSkill } from '#contracts';

export interface SkillContext {
  /** Age of the person in crisis, when known. */
  subjectAge?: number | null;
  /** Language the person needs, as a BCP 47 / ISO 639 code or a plain name ("en", "zh-TW", "English", "KSL"). */
  language?: string | null;
  /** Alcohol or drug use is part of the crisis. */
  substance?: boolean;
  /** The person asked for, or the situation calls for, a female clinician (e.g. after sexual violence). */
  preferFemaleClinician?: boolean;
  /** A psychiatric assessment on scene is expected (e.g. police request an emergency admission assessment). */
  psychiatricAssessment?: boolean;
}

/** Under 19 is a minor (청소년) for Korean youth-protection purposes, which is what changes the approach. */
export const ADOLESCENT_BELOW_AGE = 19;
/** 65 and over: the threshold of Korean elderly-welfare services. */
export const ELDERLY_FROM_AGE = 65;

// Primary language subtags and common spellings; Korean needs nothing special and unknown languages map to
// no skill rather than a guess.
const LANGUAGE_SKILLS: ReadonlyMap<string, TeamSkill> = new Map<string, TeamSkill>([
  ...['en', 'eng', 'english', '영어'].map((k): [string, TeamSkill] => [k, 'english']),
  ...['zh', 'zho', 'chi', 'cmn', 'yue', 'chinese', 'mandarin', 'cantonese', '중국어'].map((k): [string, TeamSkill] => [
    k,
    'chinese',
  ]),
  ...['sgn', 'kvk', 'ksl', 'sign', 'sign-language', '수어', '수화', '한국수어'].map((k): [string, TeamSkill] => [
    k,
    'sign-language',
  ]),
]);

function languageSkill(language: string): TeamSkill | undefined {
  const normalised = language.trim().toLowerCase();
  return LANGUAGE_SKILLS.get(normalised) ?? LANGUAGE_SKILLS.get(normalised.split(/[-_\s]/)[0]);
}

/**
 * The team skills an incident calls for, derived from what the counselor learned on the call. Returned
 * in the vocabulary's order (TEAM_SKILLS), without duplicates, so equal contexts give equal arrays.
 */
export function neededSkillsFor(context: SkillContext): TeamSkill[] {
  const needed = new Set<TeamSkill>();
  const age = context.subjectAge;
  if (typeof age === 'number' && Number.isFinite(age) && age >= 0) {
    if (age < ADOLESCENT_BELOW_AGE) needed.add('adolescent');
    if (age >= ELDERLY_FROM_AGE) needed.add('elderly');
  }
  if (context.language) {
    const skill = languageSkill(context.language);
    if (skill) needed.add(skill);
  }
  if (context.substance) needed.add('addiction');
  if (context.preferFemaleClinician) needed.add('female-clinician');
  if (context.psychiatricAssessment) needed.add('psychiatrist');
  return TEAM_SKILLS.filter((s) => needed.has(s));
}
