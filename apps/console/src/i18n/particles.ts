// Korean particles after a name or a number (issue 13 item 8): 은/는, 이/가, 을/를, 과/와, (으)로 depend on whether
// the word's last syllable ends in a consonant (받침). A template cannot know that for a callsign or an agency name,
// so `particle` reads it: Hangul from the syllable block, digits and Latin letters by how they are read aloud.

export type ParticlePair = '은/는' | '이/가' | '을/를' | '과/와' | '으로/로';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const JONGSEONG_COUNT = 28;
/** The final consonant ㄹ: (으)로 takes 로 after it, as after a vowel. */
const RIEUL = 8;

// 영 일 이 삼 사 오 육 칠 팔 구: the readings of 0–9 that end in a consonant, and which of them in ㄹ.
const DIGIT_FINAL: Record<string, 'none' | 'rieul' | 'other'> = {
  '0': 'other',
  '1': 'rieul',
  '2': 'none',
  '3': 'other',
  '4': 'none',
  '5': 'none',
  '6': 'other',
  '7': 'rieul',
  '8': 'rieul',
  '9': 'none',
};
// Latin letters read in Korean: L 엘, R 알 (ㄹ); M 엠, N 엔 (other consonants); the rest end in a vowel.
const LATIN_FINAL: Record<string, 'rieul' | 'other'> = { l: 'rieul', r: 'rieul', m: 'other', n: 'other' };

function finalSound(word: string): 'none' | 'rieul' | 'other' {
  // Closing brackets, quotes and punctuation are not read: look at the last letter or digit.
  const letters = [...word.trim()].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const last = letters.at(-1);
  if (!last) return 'none';
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_FIRST) % JONGSEONG_COUNT;
    return jong === 0 ? 'none' : jong === RIEUL ? 'rieul' : 'other';
  }
  if (last in DIGIT_FINAL) return DIGIT_FINAL[last];
  return LATIN_FINAL[last.toLowerCase()] ?? 'none';
}

/** The particle of `pair` that follows `word`: particle('중부경찰서', '을/를') → '를'. */
export function particle(word: string, pair: ParticlePair): string {
  const sound = finalSound(word);
  if (pair === '으로/로') return sound === 'other' ? '으로' : '로';
  const [withFinal, withoutFinal] = pair.split('/') as [string, string];
  return sound === 'none' ? withoutFinal : withFinal;
}

/** The word followed by its particle: withParticle('JUNG-1', '이/가') → 'JUNG-1이'. */
export function withParticle(word: string, pair: ParticlePair): string {
  return `${word}${particle(word, pair)}`;
}
