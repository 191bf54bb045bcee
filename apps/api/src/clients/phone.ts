// Caller numbers arrive in every format a person or a PBX can write: "010-1234-5678", "+82 10 1234 5678",
// "0082-10-…", "(02) 123-4567". Matching compares the national form (leading 0, digits only), so the same
// Korean number written internationally or domestically is one key.

const KOREA_COUNTRY_CODE = '82';
/** Shorter digit strings (short codes like 112, partial numbers) would match unrelated clients. */
export const MIN_MATCH_DIGITS = 8;

/** The national-format digits of a phone number, or null when it has too few digits to identify anyone. */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.replace(/\D/g, '');
  // International prefix dialled from Korea (00, 001, 002…): "0082…" is the same as "+82…".
  const intl = /^00[0-9]?82/.exec(digits);
  if (intl && digits.length - intl[0].length >= 7) digits = KOREA_COUNTRY_CODE + digits.slice(intl[0].length);
  // A national number always starts with 0 (or 1 for short service codes), so a leading 82 is the country code.
  if (digits.startsWith(KOREA_COUNTRY_CODE) && digits.length >= 9) {
    const national = digits.slice(KOREA_COUNTRY_CODE.length);
    // "+82 (0)10 …" keeps its trunk 0; otherwise the trunk 0 is restored.
    digits = national.startsWith('0') ? national : `0${national}`;
  }
  return digits.length >= MIN_MATCH_DIGITS ? digits : null;
}
