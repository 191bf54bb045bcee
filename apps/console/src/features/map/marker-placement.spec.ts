import { describe, expect, it } from '@jest/globals';
import { SortedIds } from '../../realtime/sorted-ids';
import {
  compareDeadlines,
  incidentPlace,
  standaloneFrom,
  standaloneIncidents,
  waitingDeadline,
} from './marker-placement';

describe('standaloneIncidents', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();
  const list = [
    { id: 'late', status: 'open' as const, respondBy: at(50) },
    { id: 'soon', status: 'open' as const, respondBy: at(5) },
    { id: 'none', status: 'open' as const, respondBy: null },
    { id: 'taken', status: 'dispatched' as const, respondBy: at(1) },
  ];

  it('keeps incidents waiting for a team out of clusters, most pressing first, up to the cap', () => {
    expect([...standaloneIncidents(list, null, 2)]).toEqual(['soon', 'late']);
    expect(standaloneIncidents(list, null).has('taken')).toBe(false);
  });

  it('always keeps the selected incident visible', () => {
    expect(standaloneIncidents(list, 'taken', 1)).toEqual(new Set(['soon', 'taken']));
  });

  it('never clusters a waiting incident: beyond the standalone ones it is drawn on its own', () => {
    const standalone = standaloneIncidents(list, null, 1);
    expect(list.map((i) => incidentPlace(i, standalone))).toEqual(['waiting', 'alone', 'waiting', 'cluster']);
    expect(incidentPlace({ id: 'gone', status: 'closed', respondBy: null }, standalone)).toBeNull();
    expect(incidentPlace(list[3], new Set(['taken']))).toBe('alone');
  });

  it('breaks equal deadlines by id, as the live order of the waiting incidents on the map does', () => {
    const tied = [
      { id: 'b', status: 'open' as const, respondBy: at(5) },
      { id: 'a', status: 'open' as const, respondBy: at(5) },
      ...list,
    ];
    const byId = new Map(tied.map((i) => [i.id, i]));
    const live = new SortedIds<number>((id) => {
      const i = byId.get(id);
      return i ? waitingDeadline(i) : null;
    }, compareDeadlines);
    live.update(byId.keys());
    expect(live.ids).toEqual(['a', 'b', 'soon', 'late', 'none']);
    expect(standaloneFrom(live.head(2), null, 2)).toEqual(standaloneIncidents(tied, null, 2));
    expect(standaloneFrom(live.ids, 'taken', 1)).toEqual(new Set(['a', 'taken']));
  });
});
