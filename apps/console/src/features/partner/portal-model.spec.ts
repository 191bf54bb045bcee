import { sortForPartner } from './portal-model';

describe('sortForPartner', () => {
  it('puts unanswered requests first, then accepted ones, then the rest, newest first in each group', () => {
    const h = (id: string, status: 'requested' | 'accepted' | 'declined' | 'withdrawn', minute: number) => ({
      id,
      status,
      requestedAt: `2026-11-30T10:${String(minute).padStart(2, '0')}:00+09:00`,
    });
    const sorted = sortForPartner([
      h('old-req', 'requested', 1),
      h('acc', 'accepted', 9),
      h('new-req', 'requested', 5),
      h('wd', 'withdrawn', 8),
      h('dec', 'declined', 9),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['new-req', 'old-req', 'acc', 'dec', 'wd']);
  });
});
