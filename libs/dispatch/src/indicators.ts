// Pure helpers for the indicators (GET /kpis): percentiles, shares and rounding that never give NaN.

/**
 * The p-th percentile (0..1) of the values with linear interpolation between closest ranks — the same definition
 * as PostgreSQL's percentile_cont. An empty list gives 0 (an empty period reports zeros, never NaN or null).
 */
export function percentile(values: readonly number[], p: number): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return 0;
  const q = Math.min(1, Math.max(0, p));
  const pos = q * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = xs[lo];
  const b = xs[hi];
  return a + (b - a) * (pos - lo);
}

/** part ÷ whole as a number from 0 to 1; 0 when the whole is 0. */
export function share(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(1, part / whole);
}

/** Rounds to `digits` decimals (half away from zero); non-finite values become 0. */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/** Shares are reported with 4 decimals, durations with 1. */
export const roundShare = (value: number): number => roundTo(value, 4);
export const roundDuration = (value: number): number => roundTo(value, 1);

/** Counts per key, with every key of `keys` present (0 when absent); unknown keys are kept too. */
export function countBy<K extends string>(
  keys: readonly K[],
  values: readonly (string | null | undefined)[],
  unknown = 'unspecified',
): Record<K, number> & Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  for (const v of values) {
    const k = v ?? unknown;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
