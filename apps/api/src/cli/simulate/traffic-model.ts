import type { Category, TriageInput } from '#contracts';
import { blankTriageInput } from '#triage';
import type { Random } from './seeded-random.js';

// The shape of a crisis line's traffic, for `npm run simulate` (pure: no I/O, seeded, unit-tested).
// Seoul's crisis line answers more than 30,000 sessions a year (reference/korea.md), about 3.5 an hour on average;
// crisis lines are busiest in the evening and the first hours of the night and quietest in the early morning.

/** Calls per hour at each hour of day (00–23); the mean is 3.5 (≈ 30,700 a year). */
export const CALLS_PER_HOUR: readonly number[] = [
  4.6, 4.2, 3.6, 2.8, 2.0, 1.5, 1.4, 1.8, 2.4, 3.0, 3.3, 3.4, 3.4, 3.4, 3.5, 3.6, 3.7, 3.9, 4.2, 4.5, 4.8, 5.0, 5.1,
  4.9,
];

/**
 * Triage categories in a crisis line's mix: most calls are counselling and advice (E–G); a small share needs a
 * team now or within hours (A–C), which is what the field teams see.
 */
export const CATEGORY_MIX: Readonly<Record<Category, number>> = {
  A: 0.03,
  B: 0.08,
  C: 0.12,
  D: 0.1,
  E: 0.2,
  F: 0.15,
  G: 0.32,
};

/** Categories that get a field team in the simulation (D gets one half of the time). */
export const FIELD_CATEGORIES: ReadonlySet<Category> = new Set(['A', 'B', 'C']);

/** Seconds to the next call of a Poisson stream with `perHour` calls an hour. */
export function nextArrivalSeconds(perHour: number, random: Random): number {
  if (!(perHour > 0)) return Number.POSITIVE_INFINITY;
  return (-Math.log(1 - random()) / perHour) * 3600;
}

export function pickWeighted<K extends string>(weights: Readonly<Record<K, number>>, random: Random): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1][0];
}

/** A uniform draw in [min, max). */
export const between = (min: number, max: number, random: Random): number => min + (max - min) * random();

/** Triage answers that the triage rules (libs/triage) grade as `category`. */
export function triageAnswers(category: Category): TriageInput {
  const no: TriageInput = { ...blankTriageInput(), capableSupportPresent: true };
  switch (category) {
    case 'A':
      return { ...no, selfHarmInProgress: true };
    case 'B':
      return {
        ...no,
        cssrs: {
          wishDead: true,
          suicidalThoughts: true,
          thoughtsWithMethod: true,
          intent: true,
          planWithIntent: false,
          behavior: 'none',
        },
      };
    case 'C':
      return { ...no, psychosis: 'worsening' };
    case 'D':
      return { ...no, psychosis: 'stable' };
    case 'E':
      return { ...no, distress: 'moderate' };
    case 'F':
    case 'G':
      return no;
  }
}

export interface SimulateOptions {
  url: string;
  /** Wall-clock minutes to run. */
  minutes: number;
  /** Simulated seconds per real second. */
  speed: number;
  /** Multiplies the hourly call rates (a busier or quieter centre). */
  rate: number;
  seed: number;
  password: string;
  adminPassword: string | null;
  responderPassword: string;
}

export const DEFAULTS: SimulateOptions = {
  url: 'http://127.0.0.1:3000',
  minutes: 10,
  speed: 60,
  rate: 1,
  seed: 1577,
  password: 'demo-1577-0199',
  adminPassword: null,
  responderPassword: 'simulated-team-1577',
};

/** `--minutes 5 --speed 60 --url … --rate 2 --seed 7`; a bad or unknown flag throws naming it. */
export function parseSimulateArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): SimulateOptions {
  const o: SimulateOptions = {
    ...DEFAULTS,
    adminPassword: env.ADMIN_PASSWORD ?? null,
    password: env.SIMULATE_PASSWORD ?? DEFAULTS.password,
  };
  const positive = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0)
      throw new Error(`--${name} needs a positive number, got ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--url':
        if (!value || !/^https?:\/\//.test(value))
          throw new Error(`--url needs an http(s) URL, got ${value ?? 'nothing'}`);
        o.url = value.replace(/\/+$/, '');
        break;
      case '--minutes':
        o.minutes = positive('minutes', value);
        break;
      case '--speed':
        o.speed = positive('speed', value);
        break;
      case '--rate':
        o.rate = positive('rate', value);
        break;
      case '--seed':
        o.seed = Math.floor(positive('seed', value));
        break;
      case '--password':
        if (!value) throw new Error('--password needs a value');
        o.password = value;
        break;
      case '--admin-password':
        if (!value) throw new Error('--admin-password needs a value');
        o.adminPassword = value;
        break;
      default:
        throw new Error(
          `unknown option ${flag} (known: --url --minutes --speed --rate --seed --password --admin-password)`,
        );
    }
    i++;
  }
  return o;
}
