import { CATEGORIES } from '#contracts';
import { DEFAULT_RESPONSE_TIMES, parseResponseTimes, resolveResponseTimes, respondBy } from './response-times.js';

const VICTORIAN = { A: 0, B: 120, C: 480, D: 4320, E: 40320, F: null, G: null };

describe('DEFAULT_RESPONSE_TIMES', () => {
  it('holds the Victorian scale: now, 2 h, 8 h, 72 h, 4 weeks, and no face-to-face response for F and G', () => {
    expect(DEFAULT_RESPONSE_TIMES).toEqual(VICTORIAN);
  });

  it('cannot be changed by a consumer', () => {
    expect(Object.isFrozen(DEFAULT_RESPONSE_TIMES)).toBe(true);
  });
});

describe('resolveResponseTimes', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveResponseTimes()).toEqual(VICTORIAN);
    expect(resolveResponseTimes({})).toEqual(VICTORIAN);
  });

  it('lays overrides over the defaults, null included, and ignores undefined', () => {
    expect(resolveResponseTimes({ B: 60, F: 10080, E: null, C: undefined })).toEqual({
      ...VICTORIAN,
      B: 60,
      F: 10080,
      E: null,
    });
  });

  it('returns a fresh object each time', () => {
    const times = resolveResponseTimes();
    times.B = 1;
    expect(resolveResponseTimes().B).toBe(120);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])(
    'refuses %p minutes, naming the category',
    (minutes) => {
      expect(() => resolveResponseTimes({ D: minutes })).toThrow(RangeError);
      expect(() => resolveResponseTimes({ D: minutes })).toThrow(/category D/);
    },
  );
});

describe('respondBy', () => {
  const assessedAt = new Date('2025-03-01T23:30:00.000Z');

  it.each([
    ['A', '2025-03-01T23:30:00.000Z'],
    ['B', '2025-03-02T01:30:00.000Z'],
    ['C', '2025-03-02T07:30:00.000Z'],
    ['D', '2025-03-04T23:30:00.000Z'],
    ['E', '2025-03-29T23:30:00.000Z'],
  ] as const)('adds the default minutes for %s', (category, due) => {
    expect(respondBy(assessedAt, category, DEFAULT_RESPONSE_TIMES)?.toISOString()).toBe(due);
  });

  it.each([['F'], ['G']] as const)('has no deadline for %s', (category) => {
    expect(respondBy(assessedAt, category, DEFAULT_RESPONSE_TIMES)).toBeNull();
  });

  it('uses the defaults when no times are given', () => {
    expect(respondBy(assessedAt, 'B')?.toISOString()).toBe('2025-03-02T01:30:00.000Z');
  });

  it('uses configured times', () => {
    const times = resolveResponseTimes({ B: 30, F: 60, C: null });
    expect(respondBy(assessedAt, 'B', times)?.toISOString()).toBe('2025-03-02T00:00:00.000Z');
    expect(respondBy(assessedAt, 'F', times)?.toISOString()).toBe('2025-03-02T00:30:00.000Z');
    expect(respondBy(assessedAt, 'C', times)).toBeNull();
  });

  it('returns a new Date and leaves assessedAt alone', () => {
    const before = assessedAt.getTime();
    const due = respondBy(assessedAt, 'A');
    expect(due).not.toBe(assessedAt);
    expect(assessedAt.getTime()).toBe(before);
  });

  it('refuses an invalid date', () => {
    expect(() => respondBy(new Date('not a date'), 'A')).toThrow(RangeError);
  });
});

describe('parseResponseTimes', () => {
  it('parses the documented example and keeps the defaults for F and G', () => {
    expect(parseResponseTimes('A=0,B=120,C=480,D=4320,E=40320')).toEqual(VICTORIAN);
  });

  it('parses the Korean CTRS bands', () => {
    expect(parseResponseTimes('A=0,B=120,C=720,D=2880,E=20160')).toEqual({ ...VICTORIAN, C: 720, D: 2880, E: 20160 });
  });

  it('keeps the default of every category left out', () => {
    expect(parseResponseTimes('B=60')).toEqual({ ...VICTORIAN, B: 60 });
  });

  it('gives the defaults for an empty or blank string', () => {
    expect(parseResponseTimes('')).toEqual(VICTORIAN);
    expect(parseResponseTimes('   ')).toEqual(VICTORIAN);
  });

  it('accepts spaces, lower-case categories and null/none', () => {
    expect(parseResponseTimes(' a = 5 , b=60, F=none ,G=NULL, e=null ')).toEqual({
      ...VICTORIAN,
      A: 5,
      B: 60,
      E: null,
    });
  });

  it('sets every category', () => {
    const parsed = parseResponseTimes(CATEGORIES.map((c, n) => `${c}=${n * 10}`).join(','));
    expect(parsed).toEqual({ A: 0, B: 10, C: 20, D: 30, E: 40, F: 50, G: 60 });
  });

  it.each([
    ['A=0,X=5', '"X=5"', /unknown category "X"/],
    ['H=10', '"H=10"', /unknown category "H"/],
    ['AB=10', '"AB=10"', /unknown category "AB"/],
    ['=10', '"=10"', /unknown category ""/],
    ['B120', '"B120"', /expected <category>=<minutes>/],
    ['A=0,B', '"B"', /expected <category>=<minutes>/],
    ['A=0,,B=1', '""', /expected <category>=<minutes>/],
    ['A=0,', '""', /expected <category>=<minutes>/],
    ['B=', '"B="', /whole number/],
    ['B=-1', '"B=-1"', /whole number/],
    ['B=1.5', '"B=1.5"', /whole number/],
    ['B=two', '"B=two"', /whole number/],
    ['B=1e3', '"B=1e3"', /whole number/],
    ['B=0x10', '"B=0x10"', /whole number/],
    ['B=99999999999999999999', '"B=99999999999999999999"', /whole number/],
    ['B=1=2', '"B=1=2"', /whole number/],
    ['B=1,b=2', '"b=2"', /category B is given more than once/],
  ])('refuses %p, naming the entry %s', (config, part, why) => {
    expect(() => parseResponseTimes(config)).toThrow(Error);
    expect(() => parseResponseTimes(config)).toThrow(`invalid response-time entry ${part}`);
    expect(() => parseResponseTimes(config)).toThrow(why);
  });
});
