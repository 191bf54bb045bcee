import { particle, withParticle } from './particles';

describe('Korean particles chosen by the last syllable', () => {
  it('reads the final consonant of a Hangul syllable', () => {
    expect(particle('중부경찰서', '을/를')).toBe('를');
    expect(particle('중부소방서', '이/가')).toBe('가');
    expect(particle('병원', '을/를')).toBe('을');
    expect(particle('사건', '은/는')).toBe('은');
    expect(particle('팀', '과/와')).toBe('과');
    expect(particle('센터', '과/와')).toBe('와');
  });

  it('takes 로 after ㄹ and after a vowel, 으로 after any other final consonant', () => {
    expect(particle('서울', '으로/로')).toBe('로');
    expect(particle('병원', '으로/로')).toBe('으로');
    expect(particle('센터', '으로/로')).toBe('로');
  });

  it('reads digits and Latin letters as they are spoken', () => {
    expect(withParticle('JUNG-1', '이/가')).toBe('JUNG-1이'); // 일
    expect(withParticle('GANGNAM-2', '이/가')).toBe('GANGNAM-2가'); // 이
    expect(withParticle('2026-000123', '이/가')).toBe('2026-000123이'); // 삼
    expect(withParticle('2026-000124', '을/를')).toBe('2026-000124를'); // 사
    expect(withParticle('TEAM-L', '은/는')).toBe('TEAM-L은'); // 엘
    expect(withParticle('A', '을/를')).toBe('A를'); // 에이
    expect(particle('7', '으로/로')).toBe('로'); // 칠
  });

  it('skips a closing bracket or punctuation at the end', () => {
    expect(withParticle('Jungbu Police Station (중부경찰서)', '을/를')).toBe('Jungbu Police Station (중부경찰서)를');
    expect(particle('김민준.', '이/가')).toBe('이');
  });
});
