import { neededSkillsFor } from './skills.js';

describe('neededSkillsFor', () => {
  it('needs nothing for an adult Korean speaker with no special circumstances', () => {
    expect(neededSkillsFor({})).toEqual([]);
    expect(neededSkillsFor({ subjectAge: 40, language: 'ko', substance: false, preferFemaleClinician: false })).toEqual(
      [],
    );
  });

  it.each([
    [0, ['adolescent']],
    [15, ['adolescent']],
    [18, ['adolescent']],
    [18.9, ['adolescent']],
    [19, []],
    [64, []],
    [65, ['elderly']],
    [92, ['elderly']],
  ])('age %p → %p (minor below 19, elderly from 65)', (age, skills) => {
    expect(neededSkillsFor({ subjectAge: age })).toEqual(skills);
  });

  it.each([null, undefined, Number.NaN, -3])('ignores an unusable age %p', (age) => {
    expect(neededSkillsFor({ subjectAge: age })).toEqual([]);
  });

  it.each([
    ['en', 'english'],
    ['EN-US', 'english'],
    [' English ', 'english'],
    ['영어', 'english'],
    ['zh', 'chinese'],
    ['zh-TW', 'chinese'],
    ['yue', 'chinese'],
    ['Mandarin', 'chinese'],
    ['kvk', 'sign-language'],
    ['KSL', 'sign-language'],
    ['sign-language', 'sign-language'],
    ['수어', 'sign-language'],
  ])('language %p → %p', (language, skill) => {
    expect(neededSkillsFor({ language })).toEqual([skill]);
  });

  it.each(['ko', 'ko-KR', 'Korean', 'fr', '', null])('language %p needs no skill', (language) => {
    expect(neededSkillsFor({ language })).toEqual([]);
  });

  it('maps substance use, a female clinician and a psychiatric assessment', () => {
    expect(neededSkillsFor({ substance: true })).toEqual(['addiction']);
    expect(neededSkillsFor({ preferFemaleClinician: true })).toEqual(['female-clinician']);
    expect(neededSkillsFor({ psychiatricAssessment: true })).toEqual(['psychiatrist']);
  });

  it('combines needs in the vocabulary order', () => {
    expect(
      neededSkillsFor({
        subjectAge: 16,
        language: 'zh-CN',
        substance: true,
        preferFemaleClinician: true,
        psychiatricAssessment: true,
      }),
    ).toEqual(['adolescent', 'addiction', 'female-clinician', 'chinese', 'psychiatrist']);
  });
});
