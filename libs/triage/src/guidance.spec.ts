import { CATEGORIES } from '#contracts';
import { callerGuidance, withinPhrase } from './guidance.js';
import { resolveResponseTimes } from './response-times.js';

const HANGUL = /[\uac00-\ud7a3]/;

describe('callerGuidance', () => {
  it.each(CATEGORIES.map((c) => [c] as const))('gives %s short lines in English and Korean', (category) => {
    const guidance = callerGuidance(category);
    expect(guidance.category).toBe(category);
    for (const line of [guidance.tellCaller, guidance.doNow]) {
      expect(line.en.length).toBeGreaterThan(20);
      expect(line.en.length).toBeLessThan(220);
      expect(line.en).not.toMatch(HANGUL);
      expect(line.ko).toMatch(HANGUL);
      expect(`${line.en} ${line.ko}`).not.toMatch(/undefined|null|NaN|\$\{/);
    }
  });

  it('tells the counselor to keep a category A caller on the line while emergency services are sent', () => {
    const a = callerGuidance('A');
    expect(a.doNow.en).toContain('Keep the caller on the line; emergency services are being sent');
    expect(a.doNow.ko).toContain('통화를 계속 유지하세요');
    expect(a.tellCaller.en).toContain('stay on the line');
  });

  it.each([
    ['B', 'within 2 hours', '2시간 이내에'],
    ['C', 'within 8 hours', '8시간 이내에'],
    ['D', 'within 72 hours', '72시간 이내에'],
    ['E', 'within 4 weeks', '4주 이내에'],
  ] as const)('states the default response time for %s', (category, en, ko) => {
    const guidance = callerGuidance(category);
    expect(guidance.tellCaller.en).toContain(en);
    expect(guidance.tellCaller.ko).toContain(ko);
    expect(guidance.doNow.en).toContain(en);
    expect(guidance.doNow.ko).toContain(ko);
  });

  it('states configured response times, never the defaults', () => {
    const times = resolveResponseTimes({ B: 30, C: 720, E: 20160 });
    expect(callerGuidance('B', times).tellCaller.en).toContain('within 30 minutes');
    expect(callerGuidance('B', times).tellCaller.en).not.toContain('2 hours');
    expect(callerGuidance('C', times).tellCaller.ko).toContain('12시간 이내에');
    expect(callerGuidance('E', times).doNow.en).toContain('within 2 weeks');
  });

  it('gives distinct guidance per category', () => {
    const lines = CATEGORIES.map((c) => callerGuidance(c).doNow.en);
    expect(new Set(lines).size).toBe(CATEGORIES.length);
  });

  it('says no face-to-face response is needed for a referral', () => {
    expect(callerGuidance('F').doNow.en).toMatch(/^Referral:/);
    expect(callerGuidance('G').doNow.en).toMatch(/^Advice or information only:/);
  });
});

describe('withinPhrase', () => {
  it.each([
    [0, 'right away', '즉시'],
    [1, 'within 1 minute', '1분 이내에'],
    [45, 'within 45 minutes', '45분 이내에'],
    [60, 'within 1 hour', '1시간 이내에'],
    [90, 'within 90 minutes', '90분 이내에'],
    [1440, 'within 24 hours', '24시간 이내에'],
    [10080, 'within 1 week', '1주 이내에'],
    [40320, 'within 4 weeks', '4주 이내에'],
    [null, 'as soon as we can', '가능한 한 빨리'],
  ])('%p minutes → %s / %s', (minutes, en, ko) => {
    expect(withinPhrase(minutes)).toEqual({ en, ko });
  });
});
