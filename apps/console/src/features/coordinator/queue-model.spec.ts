import { describe, expect, it } from '@jest/globals';
import type { IncidentEntry } from '../../realtime/event-store';
import { SortedIds } from '../../realtime/sorted-ids';
import { compareQueueKeys, queueKey } from './queue-model';

function entry(id: string, patch: Partial<IncidentEntry>): IncidentEntry {
  return {
    id,
    number: id,
    status: 'open',
    category: 'C',
    regionId: null,
    location: { lat: 0, lng: 0 },
    respondBy: null,
    createdAt: '2026-01-01T00:00:00Z',
    teamId: null,
    summary: null,
    address: null,
    seq: 1,
    ...patch,
  };
}

/** The queue as the coordinator's list keeps it (IncidentQueue: useSortedIds with these keys), as the entries change. */
function queue(entries: IncidentEntry[]): { ids: () => readonly string[]; change: (e: IncidentEntry) => void } {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const list = new SortedIds((id) => {
    const e = byId.get(id);
    return e ? queueKey(e) : null;
  }, compareQueueKeys);
  list.update(byId.keys());
  return {
    ids: () => list.ids,
    change: (e) => {
      byId.set(e.id, e);
      list.update([e.id]);
    },
  };
}

describe('the incident queue', () => {
  it('orders active incidents by time left to respondBy, no deadline last, and drops closed ones', () => {
    const list = queue([
      entry('late', { respondBy: '2026-01-01T08:00:00Z' }),
      entry('none-g', { category: 'G' }),
      entry('soon', { respondBy: '2026-01-01T01:00:00Z', category: 'B' }),
      entry('overdue', { respondBy: '2025-12-31T23:00:00Z' }),
      entry('closed', { respondBy: '2026-01-01T00:10:00Z', status: 'closed' }),
      entry('none-f', { category: 'F' }),
    ]);
    expect(list.ids()).toEqual(['overdue', 'soon', 'late', 'none-f', 'none-g']);
  });

  it('moves an incident when its deadline changes, and drops it when it closes', () => {
    const late = entry('late', { respondBy: '2026-01-01T08:00:00Z' });
    const list = queue([late, entry('soon', { respondBy: '2026-01-01T01:00:00Z' })]);
    list.change({ ...late, respondBy: '2026-01-01T00:30:00Z' });
    expect(list.ids()).toEqual(['late', 'soon']);
    list.change({ ...late, status: 'closed' });
    expect(list.ids()).toEqual(['soon']);
  });

  it('breaks exact ties by id, and gives no key to an incident that left the queue', () => {
    const list = queue([entry('b', {}), entry('a', {}), entry('c', { category: 'B' })]);
    expect(list.ids()).toEqual(['c', 'a', 'b']);
    expect(queueKey(entry('x', { status: 'closed' }))).toBeNull();
    const soon = queueKey(entry('s', { respondBy: '2026-01-01T01:00:00Z', category: 'E' }))!;
    const later = queueKey(entry('l', { respondBy: '2026-01-01T02:00:00Z', category: 'B' }))!;
    expect(compareQueueKeys(soon, later)).toBeLessThan(0);
  });
});
