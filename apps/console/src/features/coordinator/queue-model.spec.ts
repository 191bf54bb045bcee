import { describe, expect, it } from '@jest/globals';
import type { IncidentEntry } from '../../realtime/event-store';
import { incidentQueue } from './queue-model';

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
});
