import { CATEGORIES } from '#contracts';
import { triage } from '#triage';
import {
  CALLS_PER_HOUR,
  CATEGORY_MIX,
  DEFAULTS,
  nextArrivalSeconds,
  parseSimulateArgs,
  pickWeighted,
  triageAnswers,
} from './traffic-model.js';
import { seededRandom } from './seeded-random.js';

describe('traffic model', () => {
  it("averages Seoul's crisis line (about 30,000 sessions a year), busiest at night", () => {
    expect(CALLS_PER_HOUR).toHaveLength(24);
    const perYear = CALLS_PER_HOUR.reduce((s, x) => s + x, 0) * 365;
    expect(perYear).toBeGreaterThan(29_000);
    expect(perYear).toBeLessThan(32_000);
    expect(Math.max(...CALLS_PER_HOUR)).toBe(CALLS_PER_HOUR[22]);
    expect(Math.min(...CALLS_PER_HOUR)).toBe(CALLS_PER_HOUR[6]);
    expect(Object.values(CATEGORY_MIX).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
  });

  it('draws a Poisson stream with the asked rate and categories in proportion, the same for the same seed', () => {
    const random = seededRandom(42);
    let t = 0;
    let n = 0;
    while ((t += nextArrivalSeconds(10, random)) < 1000 * 3600) n++;
    expect(n / 1000).toBeGreaterThan(9.7);
    expect(n / 1000).toBeLessThan(10.3);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const c = pickWeighted(CATEGORY_MIX, random);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    expect(counts.G / 20_000).toBeCloseTo(CATEGORY_MIX.G, 1);
    expect(counts.A / 20_000).toBeCloseTo(CATEGORY_MIX.A, 1);
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(nextArrivalSeconds(0, random)).toBe(Number.POSITIVE_INFINITY);
  });

  it('answers triage so that the rules give each category A–E', () => {
    for (const c of CATEGORIES.slice(0, 5)) expect(triage(triageAnswers(c)).category).toBe(c);
  });
});

describe('parseSimulateArgs', () => {
  it('reads the flags and the admin password from the environment', () => {
    expect(parseSimulateArgs(['--minutes', '5', '--speed', '60'], { ADMIN_PASSWORD: 'pw' })).toEqual({
      ...DEFAULTS,
      minutes: 5,
      speed: 60,
      adminPassword: 'pw',
    });
    expect(parseSimulateArgs(['--url', 'http://10.0.0.5:3000/', '--rate', '2.5', '--seed', '9']).url).toBe(
      'http://10.0.0.5:3000',
    );
    expect(parseSimulateArgs([]).url).toBe('http://127.0.0.1:3000');
  });

  it('refuses a bad or unknown flag, naming it', () => {
    expect(() => parseSimulateArgs(['--minutes', '0'])).toThrow(/--minutes/);
    expect(() => parseSimulateArgs(['--speed'])).toThrow(/--speed/);
    expect(() => parseSimulateArgs(['--url', 'localhost'])).toThrow(/--url/);
    expect(() => parseSimulateArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
