import { CATEGORIES, type Category, type ResponseTimes } from '#contracts';

// Response times are configuration (reference/triage.md §1): Korean centres have used other bands (CTRS:
// immediate / 2 h / 12 h / 48 h / 2 weeks), so the Victorian values are only the defaults.

const MINUTE_MS = 60_000;

/** Victorian mental health triage scale (2010): A now, B 2 h, C 8 h, D 72 h, E 4 weeks; F and G no face-to-face response. */
export const DEFAULT_RESPONSE_TIMES: Readonly<ResponseTimes> = Object.freeze({
  A: 0,
  B: 120,
  C: 480,
  D: 4320,
  E: 40320,
  F: null,
  G: null,
});

/**
 * The defaults with the overrides laid over them. An override left `undefined` keeps the default; a value
 * that is not `null` or a whole number of minutes ≥ 0 throws, so a misconfiguration fails at start-up rather
 * than producing a wrong deadline on a live call.
 */
export function resolveResponseTimes(overrides: Partial<ResponseTimes> = {}): ResponseTimes {
  const resolved: ResponseTimes = { ...DEFAULT_RESPONSE_TIMES };
  for (const category of CATEGORIES) {
    const minutes = overrides[category];
    if (minutes === undefined) continue;
    if (minutes !== null && !isMinutes(minutes)) {
      throw new RangeError(
        `response time for category ${category} must be a whole number of minutes >= 0 or null, got ${String(minutes)}`,
      );
    }
    resolved[category] = minutes;
  }
  return resolved;
}

/** When the response is due: `assessedAt` plus the category's minutes, or null when the category has no response time. */
export function respondBy(
  assessedAt: Date,
  category: Category,
  responseTimes: Readonly<ResponseTimes> = DEFAULT_RESPONSE_TIMES,
): Date | null {
  if (Number.isNaN(assessedAt.getTime())) throw new RangeError('respondBy: assessedAt is an invalid Date');
  const minutes = responseTimes[category];
  return minutes === null ? null : new Date(assessedAt.getTime() + minutes * MINUTE_MS);
}

/**
 * Parses a config string such as `TRIAGE_RESPONSE_MINUTES="A=0,B=120,C=480,D=4320,E=40320"`.
 * Entries are `<category>=<minutes>` separated by commas (category letters in either case); `null` or `none`
 * means no face-to-face response. Categories left out keep their defaults, so the result is complete; an
 * empty string gives the defaults. Throws an Error naming the offending entry.
 */
export function parseResponseTimes(config: string): ResponseTimes {
  const result: Partial<ResponseTimes> = {};
  if (config.trim() === '') return resolveResponseTimes(result);
  for (const rawPart of config.split(',')) {
    const part = rawPart.trim();
    const bad = (why: string) => new Error(`invalid response-time entry "${part}" in "${config}": ${why}`);
    const match = /^([^=\s]*)\s*=\s*(.*)$/.exec(part);
    if (!match) throw bad('expected <category>=<minutes>, e.g. B=120');
    const [, key = '', value = ''] = match;
    const category = CATEGORIES.find((c) => c === key.toUpperCase());
    if (!category) throw bad(`unknown category "${key}"; expected one of ${CATEGORIES.join(', ')}`);
    if (category in result) throw bad(`category ${category} is given more than once`);
    const minutes = parseMinutes(value);
    if (minutes === undefined) throw bad(`minutes "${value}" must be a whole number >= 0, or null/none`);
    result[category] = minutes;
  }
  return resolveResponseTimes(result);
}

/** Minutes, null for "no response", or undefined when the text is not a valid value. */
function parseMinutes(value: string): number | null | undefined {
  if (/^(null|none)$/i.test(value)) return null;
  // Digits only: Number() alone would accept "", "1e3", "0x10" and " 5 ".
  if (!/^\d+$/.test(value)) return undefined;
  const minutes = Number(value);
  return Number.isSafeInteger(minutes) ? minutes : undefined;
}

function isMinutes(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
