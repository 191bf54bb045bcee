import { formatDateTime, formatFullDateTime, formatTime } from './format';

// 24-hour time in both languages (issue 13 item 8): never "오후 05:48", never "24:05" after midnight.
describe.each(['ko', 'en'])('24-hour times (%s)', (lang) => {
  const afternoon = new Date(2026, 10, 30, 17, 48, 5).toISOString();
  const afterMidnight = new Date(2026, 11, 1, 0, 5, 3).toISOString();

  it('formats an afternoon on a 24-hour clock', () => {
    expect(formatTime(afternoon, lang)).toBe('17:48:05');
    expect(formatDateTime(afternoon, lang)).toContain('17:48');
    expect(formatFullDateTime(afternoon, lang)).toContain('17:48:05');
    for (const text of [
      formatTime(afternoon, lang),
      formatDateTime(afternoon, lang),
      formatFullDateTime(afternoon, lang),
    ])
      expect(text).not.toMatch(/오전|오후|AM|PM|시/);
  });

  it('starts the day at 00, not 24', () => {
    expect(formatTime(afterMidnight, lang)).toBe('00:05:03');
    expect(formatFullDateTime(afterMidnight, lang)).toContain('00:05:03');
    expect(formatFullDateTime(afterMidnight, lang)).not.toContain('24:');
  });
});
