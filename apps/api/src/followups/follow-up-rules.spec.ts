import { CATEGORIES } from '#contracts';
import { followUpDueAt, needsFollowUp, needsFollowUpAfterClose } from './follow-up-rules.js';

describe('follow-up rules', () => {
  it('creates a follow-up for B, C and D without a dispatch only', () => {
    const due = CATEGORIES.filter((c) => needsFollowUp(c, false));
    expect(due).toEqual(['B', 'C', 'D']);
    expect(CATEGORIES.filter((c) => needsFollowUp(c, true))).toEqual([]);
    expect(needsFollowUp(null, false)).toBe(false);
  });

  it('follows up A–C after an incident closes', () => {
    expect(CATEGORIES.filter((c) => needsFollowUpAfterClose(c))).toEqual(['A', 'B', 'C']);
  });

  it('is due 24 hours after the call ended', () => {
    expect(followUpDueAt(new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});
