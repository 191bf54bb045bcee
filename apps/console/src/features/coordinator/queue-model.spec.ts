import { describe, expect, it } from '@jest/globals';
import type { IncidentEntry } from '../../realtime/event-store';
import { compareQueueKeys, incidentQueue, queueKey } from './queue-model';

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

describe('incidentQueue', () => {
  it('orders active incidents by time left to respondBy, no deadline last, and drops closed ones', () => {
    const list = incidentQueue([
      entry('late', { respondBy: '2026-01-01T08:00:00Z' }),
      entry('none-g', { category: 'G' }),
      entry('soon', { respondBy: '2026-01-01T01:00:00Z', category: 'B' }),
      entry('overdue', { respondBy: '2025-12-31T23:00:00Z' }),
      entry('closed', { respondBy: '2026-01-01T00:10:00Z', status: 'closed' }),
      entry('none-f', { category: 'F' }),
    ]);
    expect(list.map((i) => i.id)).toEqual(['overdue', 'soon', 'late', 'none-f', 'none-g']);
  });

  it('breaks exact ties by id, and gives no key to an incident that left the queue', () => {
    const list = incidentQueue([entry('b', {}), entry('a', {}), entry('c', { category: 'B' })]);
    expect(list.map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(queueKey(entry('x', { status: 'closed' }))).toBeNull();
    const soon = queueKey(entry('s', { respondBy: '2026-01-01T01:00:00Z', category: 'E' }))!;
    const later = queueKey(entry('l', { respondBy: '2026-01-01T02:00:00Z', category: 'B' }))!;
    expect(compareQueueKeys(soon, later)).toBeLessThan(0);
  });
});
