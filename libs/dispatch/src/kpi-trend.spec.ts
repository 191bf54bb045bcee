import { isTimeZone, localDate, nextLocalMidnight, trendSlices } from './kpi-trend.js';

describe('trend slices', () => {
  it('cuts a period into Seoul calendar days, clipped to the period', () => {
    const slices = trendSlices(
      new Date('2026-02-03T12:00:00+09:00'),
      new Date('2026-02-05T06:00:00+09:00'),
      'day',
      'Asia/Seoul',
    );
    expect(slices.map((s) => [s.bucket, s.from.toISOString(), s.to.toISOString()])).toEqual([
      ['2026-02-03', '2026-02-03T03:00:00.000Z', '2026-02-03T15:00:00.000Z'],
      ['2026-02-04', '2026-02-03T15:00:00.000Z', '2026-02-04T15:00:00.000Z'],
      ['2026-02-05', '2026-02-04T15:00:00.000Z', '2026-02-04T21:00:00.000Z'],
    ]);
    expect(slices.every((s) => s.hourOfDay === null)).toBe(true);
  });

  it('follows daylight saving: a spring-forward day is 23 hours long', () => {
    const start = new Date('2026-03-08T00:00:00-05:00');
    const next = nextLocalMidnight(start, 'America/New_York');
    expect(next.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect((next.getTime() - start.getTime()) / 3600_000).toBe(23);
    expect(localDate(next, 'America/New_York')).toBe('2026-03-09');
  });

  it('gives the 24 hours of day over the whole period', () => {
    const from = new Date('2026-02-01T00:00:00Z');
    const to = new Date('2026-02-08T00:00:00Z');
    const slices = trendSlices(from, to, 'hour', 'Asia/Seoul');
    expect(slices.map((s) => s.bucket)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(slices.every((s) => s.from === from && s.to === to)).toBe(true);
    expect(slices[23].hourOfDay).toBe(23);
  });

  it('knows time zones', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
