import { addDays, copiedWeek, draggedShift, HOUR, placeOnTrack, repeatedShifts, weekStart } from './roster-model';

describe('roster model', () => {
  it('starts the week on Monday at local midnight', () => {
    const sunday = new Date(2031, 2, 9, 23, 30); // Sunday 9 March 2031
    expect(weekStart(sunday)).toEqual(new Date(2031, 2, 3));
    expect(weekStart(new Date(2031, 2, 3, 0, 0))).toEqual(new Date(2031, 2, 3));
  });

  it('places an interval on a track and clips it', () => {
    expect(placeOnTrack(25, 50, 0, 100)).toEqual({ left: 25, width: 25 });
    expect(placeOnTrack(-10, 10, 0, 100)).toEqual({ left: 0, width: 10 });
    expect(placeOnTrack(100, 120, 0, 100)).toBeNull();
  });

  it('turns a drag into an hour-snapped shift, in either direction, and ignores a click', () => {
    const week = new Date(2031, 2, 3);
    const at = (h: number) => new Date(week.getTime() + h * HOUR).toISOString();
    // 7 × 24 = 168 hours across the track: 9/168 is Monday 09:00, 33/168 Tuesday 09:00.
    expect(draggedShift('t', 33.2 / 168, 8.9 / 168, week)).toEqual({ teamId: 't', startsAt: at(9), endsAt: at(33) });
    expect(draggedShift('t', 0.5, 0.5, week)).toBeNull();
  });

  it('repeats a 24-hour shift on consecutive days and copies a week forward', () => {
    const first = new Date(2031, 2, 3, 9);
    const week = repeatedShifts('t', first, 24, 7);
    expect(week).toHaveLength(7);
    expect(week[6]).toEqual({
      teamId: 't',
      startsAt: addDays(first, 6).toISOString(),
      endsAt: addDays(first, 7).toISOString(),
    });
    const copied = copiedWeek([{ id: 's', ...week[0] }]);
    expect(copied).toEqual([
      { teamId: 't', startsAt: addDays(first, 7).toISOString(), endsAt: addDays(first, 8).toISOString() },
    ]);
  });
});
