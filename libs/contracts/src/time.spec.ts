import { holidaysSchema } from './admissions.js';
import { isoDay, isoInstant } from './time.js';

describe('dates the API accepts', () => {
  it('refuses year 0000, which ISO 8601 allows but PostgreSQL cannot store (found by the fuzz suite on PUT /holidays)', () => {
    expect(isoDay.safeParse('0000-02-29').success).toBe(false);
    expect(isoInstant.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    const refused = holidaysSchema.safeParse(['2026-12-25', '0000-02-29']);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual([1]);
  });

  it('keeps the centre’s years and refuses the far future', () => {
    expect(isoDay.safeParse('2026-12-25').success).toBe(true);
    expect(isoInstant.safeParse('2026-11-30T09:00:00+09:00').success).toBe(true);
    expect(isoDay.safeParse('1899-12-31').success).toBe(false);
    expect(isoDay.safeParse('5252-02-29').success).toBe(false);
  });
});
