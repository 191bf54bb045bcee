import { describe, expect, it } from '@jest/globals';
import type { IncidentStatus } from '#contracts';
import { ActiveIncidentCounts } from './region-shading';

describe('ActiveIncidentCounts', () => {
  it('counts active incidents per region as they open, move, close and disappear', () => {
    const incidents = new Map<string, { regionId: string | null; status: IncidentStatus }>([
      ['a', { regionId: 'r1', status: 'open' }],
      ['b', { regionId: 'r1', status: 'dispatched' }],
      ['c', { regionId: 'r2', status: 'closed' }],
      ['d', { regionId: null, status: 'open' }],
    ]);
    const counts = new ActiveIncidentCounts((id) => incidents.get(id));
    counts.update(incidents.keys());
    expect(counts.counts).toEqual(new Map([['r1', 2]]));

    incidents.set('a', { regionId: 'r2', status: 'on-scene' });
    incidents.set('b', { regionId: 'r1', status: 'closed' });
    incidents.set('c', { regionId: 'r2', status: 'open' });
    counts.update(['a', 'b', 'c']);
    expect(counts.counts).toEqual(new Map([['r2', 2]]));

    incidents.delete('a');
    counts.update(['a', 'unknown']);
    counts.update(['c']);
    expect(counts.counts).toEqual(new Map([['r2', 1]]));
  });
});
