import { DEFAULT_RESPONSE_TIMES } from '#triage';
import { moreUrgent, nextRespondBy } from './incident-triage.js';

const at = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-01T11:00:00Z');

describe('incident deadline on re-triage', () => {
  it('keeps the running clock when the category is confirmed', () => {
    const current = { category: 'B' as const, respondBy: new Date('2026-03-01T12:00:00Z') };
    expect(nextRespondBy(current, { category: 'B', assessedAt: later }, DEFAULT_RESPONSE_TIMES)).toBe(
      current.respondBy,
    );
  });

  it('restarts from the new assessment when the category changes', () => {
    const current = { category: 'D' as const, respondBy: new Date(at.getTime() + 4320 * 60_000) };
    expect(nextRespondBy(current, { category: 'B', assessedAt: later }, DEFAULT_RESPONSE_TIMES)?.toISOString()).toBe(
      '2026-03-01T13:00:00.000Z',
    );
    expect(nextRespondBy(current, { category: 'F', assessedAt: later }, DEFAULT_RESPONSE_TIMES)).toBeNull();
  });

  it('orders categories by urgency', () => {
    expect(moreUrgent('A', 'B')).toBe(true);
    expect(moreUrgent('C', 'B')).toBe(false);
    expect(moreUrgent('B', 'B')).toBe(false);
  });
});
