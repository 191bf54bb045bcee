import { countBy, percentile, roundDuration, roundShare, roundTo, share } from './indicators.js';

describe('percentile', () => {
  it('interpolates linearly like percentile_cont', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37);
    expect(percentile([40, 10, 30, 20], 0)).toBe(10);
    expect(percentile([40, 10, 30, 20], 1)).toBe(40);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
  });

  it('gives the only value for one value and 0 for none', () => {
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([Number.NaN], 0.5)).toBe(0);
  });
});

describe('share', () => {
  it('is a number from 0 to 1, 0 for an empty whole', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBe(0);
    expect(share(3, 0)).toBe(0);
    expect(share(5, 4)).toBe(1);
  });
});

describe('rounding', () => {
  it('rounds shares to 4 and durations to 1 decimal, never NaN', () => {
    expect(roundShare(2 / 3)).toBe(0.6667);
    expect(roundDuration(12.25)).toBe(12.3);
    expect(roundTo(Number.NaN, 2)).toBe(0);
    expect(roundTo(-1.25, 1)).toBe(-1.3);
  });
});

describe('countBy', () => {
  it('lists every known key and counts unknown and missing ones', () => {
    expect(countBy(['a', 'b'], ['a', 'a', null, 'z'])).toEqual({ a: 2, b: 0, unspecified: 1, z: 1 });
  });
});
