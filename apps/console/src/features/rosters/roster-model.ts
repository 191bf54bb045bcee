import type { ShiftView } from '#contracts';

// The roster week in the browser's local time (the centre's clock): Monday 00:00 to the next Monday 00:00.
// Plain functions, so the drag arithmetic and the week copy are unit-tested without a browser.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ShiftDraft {
  teamId: string;
  startsAt: string;
  endsAt: string;
}

/** Local midnight of the Monday of `date`'s week. */
export function weekStart(date: Date): Date {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const sinceMonday = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - sinceMonday);
  return d;
}

/** `date` moved by whole calendar days (local), keeping the wall-clock time. */
export function addDays(date: Date, days: number): Date {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return d;
}

/** The seven local midnights of the week starting at `start`. */
export function weekDays(start: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Where an interval sits on a track spanning [from, to), in percent; null when it lies outside. */
export function placeOnTrack(
  start: number,
  end: number,
  from: number,
  to: number,
): { left: number; width: number } | null {
  const s = Math.max(start, from);
  const e = Math.min(end, to);
  if (!(e > s)) return null;
  return { left: ((s - from) / (to - from)) * 100, width: ((e - s) / (to - from)) * 100 };
}

/** A pointer position on the week track (0..1 of its width) as an instant, snapped to the hour. */
export function instantAt(fraction: number, from: Date, to: Date): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  const raw = from.getTime() + clamped * (to.getTime() - from.getTime());
  return Math.round(raw / HOUR) * HOUR;
}

/** A drag from one point of a team's track to another as a shift (either direction); null when under an hour. */
export function draggedShift(teamId: string, fromFraction: number, toFraction: number, week: Date): ShiftDraft | null {
  const end = addDays(week, 7);
  const a = instantAt(fromFraction, week, end);
  const b = instantAt(toFraction, week, end);
  const [s, e] = a <= b ? [a, b] : [b, a];
  if (e - s < HOUR) return null;
  return { teamId, startsAt: new Date(s).toISOString(), endsAt: new Date(e).toISOString() };
}

/** `days` shifts of `hours` each, starting at `first` and on each following calendar day at the same local time. */
export function repeatedShifts(teamId: string, first: Date, hours: number, days: number): ShiftDraft[] {
  return Array.from({ length: days }, (_, i) => {
    const start = addDays(first, i);
    return { teamId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * HOUR).toISOString() };
  });
}

/** Last week's shifts moved to this week, same weekday and local time. */
export function copiedWeek(lastWeek: readonly ShiftView[]): ShiftDraft[] {
  return lastWeek.map((s) => {
    const start = addDays(new Date(s.startsAt), 7);
    const length = Date.parse(s.endsAt) - Date.parse(s.startsAt);
    return {
      teamId: s.teamId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + length).toISOString(),
    };
  });
}
