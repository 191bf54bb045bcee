import { y2025, y2026, y2027 } from '@hyunbinseo/holidays-kr/all';
import {
  admissionEndsAt,
  admissionWarningAt,
  guardianNoticeDueAt,
  guardianNoticeStatus,
  isClockStopped,
} from './clock.js';

// The built-in calendar the API loads: Korea's public holidays as published in the official gazette.
const KOREA = new Set<string>([...Object.keys(y2025), ...Object.keys(y2026), ...Object.keys(y2027)]);
const SEOUL = 'Asia/Seoul';
const ends = (admitted: string, holidays: ReadonlySet<string> = KOREA, tz = SEOUL): string =>
  admissionEndsAt(new Date(admitted), holidays, tz).toISOString();

describe('admissionEndsAt (Art. 50: 72 hours, Sundays and public holidays skipped whole)', () => {
  it('runs 72 plain hours across ordinary weekdays', () => {
    expect(ends('2026-11-30T09:00:00+09:00')).toBe(new Date('2026-12-03T09:00:00+09:00').toISOString());
  });

  it('skips Christmas (Friday) and the Sunday after it, but counts the Saturday', () => {
    expect(KOREA.has('2026-12-25')).toBe(true);
    // Thu 24th 10:00 → 14 h; Fri 25th skipped; Sat 26th 24 h; Sun 27th skipped; Mon 28th 24 h; Tue 29th 10 h.
    expect(ends('2026-12-24T10:00:00+09:00')).toBe(new Date('2026-12-29T10:00:00+09:00').toISOString());
  });

  it('skips the three days of Lunar New Year (Seollal) and the Sunday before them', () => {
    expect(['2026-02-16', '2026-02-17', '2026-02-18'].every((d) => KOREA.has(d))).toBe(true);
    // Sat 14th 20:00 → 4 h; Sun 15th and Seollal 16th–18th skipped; Thu 19th, Fri 20th 48 h; Sat 21st 20 h.
    expect(ends('2026-02-14T20:00:00+09:00')).toBe(new Date('2026-02-21T20:00:00+09:00').toISOString());
  });

  it('skips a substitute holiday: Independence Movement Day on a Sunday moves to Monday', () => {
    expect(KOREA.has('2026-03-02')).toBe(true);
    // Sat 28 Feb 12:00 → 12 h; Sun 1 Mar and the substitute Mon 2 Mar skipped; Tue, Wed 48 h; Thu 5 Mar 12 h.
    expect(ends('2026-02-28T12:00:00+09:00')).toBe(new Date('2026-03-05T12:00:00+09:00').toISOString());
    // Without the substitute day on the calendar the end would come a day earlier.
    const withoutSubstitute = new Set([...KOREA].filter((d) => d !== '2026-03-02'));
    expect(ends('2026-02-28T12:00:00+09:00', withoutSubstitute)).toBe(
      new Date('2026-03-04T12:00:00+09:00').toISOString(),
    );
  });

  it('starts the clock at the next running midnight when admitted on a Sunday', () => {
    expect(ends('2026-12-06T15:30:00+09:00')).toBe(new Date('2026-12-10T00:00:00+09:00').toISOString());
  });

  it('reads calendar days in the centre’s time zone, not the server’s', () => {
    // Sat 15:00 in New York is Sun 05:00 in Seoul: Seoul's clock waits for Monday, New York's runs from Saturday.
    const admitted = '2026-12-05T20:00:00Z';
    expect(ends(admitted, new Set(), SEOUL)).toBe('2026-12-09T15:00:00.000Z');
    expect(ends(admitted, new Set(), 'America/New_York')).toBe('2026-12-09T20:00:00.000Z');
  });

  it('refuses a calendar with no running day instead of looping', () => {
    const everyDay = new Set(
      Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)),
    );
    expect(() => admissionEndsAt(new Date('2026-01-01T00:00:00Z'), everyDay, 'UTC')).toThrow(/holiday calendar/);
  });
});

describe('admission tasks', () => {
  it('warns 12 hours before the end and makes the guardian notice due 24 hours after admission', () => {
    expect(admissionWarningAt(new Date('2026-12-29T10:00:00+09:00')).toISOString()).toBe(
      new Date('2026-12-28T22:00:00+09:00').toISOString(),
    );
    expect(guardianNoticeDueAt(new Date('2026-12-24T10:00:00+09:00')).toISOString()).toBe(
      new Date('2026-12-25T10:00:00+09:00').toISOString(),
    );
  });

  it('shows the guardian notice as due, overdue after its deadline, and done once recorded', () => {
    const due = new Date('2026-12-25T01:00:00Z');
    expect(guardianNoticeStatus(due, null, new Date('2026-12-25T00:59:59Z'))).toBe('due');
    expect(guardianNoticeStatus(due, null, new Date('2026-12-25T01:00:01Z'))).toBe('overdue');
    expect(guardianNoticeStatus(due, new Date('2026-12-26T00:00:00Z'), new Date('2026-12-27T00:00:00Z'))).toBe('done');
  });

  it('stops the clock on Sundays and listed days only', () => {
    expect(isClockStopped('2026-12-27', new Set())).toBe(true);
    expect(isClockStopped('2026-12-26', new Set())).toBe(false);
    expect(isClockStopped('2026-12-28', new Set(['2026-12-28']))).toBe(true);
  });
});
