import { TZDate } from '@date-fns/tz';

// The Art. 50 emergency-admission clock (Mental Health Welfare Act): at most three days, public holidays excluded.
// Read as the contract states it: the clock runs 72 hours, and every calendar day in the centre's time zone that is
// a Sunday or on the holiday calendar is skipped whole (the clock stands still from its midnight to the next).

export const EMERGENCY_ADMISSION_HOURS = 72;
/** The alert before the end leaves half a day to arrange a consent, guardian or administrative admission. */
export const ADMISSION_EXPIRY_WARNING_HOURS = 12;
/** The guardian must be told in writing; the task turns overdue after this long. */
export const GUARDIAN_NOTICE_HOURS = 24;

const HOUR = 3_600_000;

/** Whether the clock stands still on this local day: Sundays and days on the holiday calendar. */
export function isClockStopped(day: string, holidays: ReadonlySet<string>): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 0 || holidays.has(day);
}

/**
 * When an emergency admission must end: `hours` (72) of running clock from `admittedAt`, walking calendar days in
 * `timeZone` and skipping Sundays and `holidays` whole. Pure: the calendar is passed in.
 */
export function admissionEndsAt(
  admittedAt: Date,
  holidays: ReadonlySet<string>,
  timeZone: string,
  hours = EMERGENCY_ADMISSION_HOURS,
): Date {
  let remaining = hours * HOUR;
  let cursor = admittedAt.getTime();
  // A year of consecutive holidays would be a broken calendar; stop rather than loop for ever.
  for (let days = 0; days < 366; days++) {
    const local = new TZDate(cursor, timeZone);
    const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
    // The next local midnight, from the zone's own rules (a DST day is 23 or 25 hours long).
    const nextMidnight = new TZDate(y, m, d + 1, timeZone).getTime();
    if (!isClockStopped(ymd(y, m, d), holidays)) {
      const runs = nextMidnight - cursor;
      if (remaining <= runs) return new Date(cursor + remaining);
      remaining -= runs;
    }
    cursor = nextMidnight;
  }
  throw new Error('admissionEndsAt: no running day within a year; check the holiday calendar');
}

/** The `admission-expiring` alert time. */
export function admissionWarningAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() - ADMISSION_EXPIRY_WARNING_HOURS * HOUR);
}

export function guardianNoticeDueAt(admittedAt: Date): Date {
  return new Date(admittedAt.getTime() + GUARDIAN_NOTICE_HOURS * HOUR);
}

/** The guardian-notice task: done once recorded, otherwise due until its deadline and overdue after. */
export function guardianNoticeStatus(dueAt: Date, notifiedAt: Date | null, now: Date): 'due' | 'overdue' | 'done' {
  if (notifiedAt) return 'done';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'due';
}

function ymd(y: number, monthIndex: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
