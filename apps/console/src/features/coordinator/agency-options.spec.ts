import type { AgencyView } from '#contracts';
import { agencyOptions } from './agency-options';

const agency = (id: string, kind: AgencyView['kind'], name: string, lat: number): AgencyView => ({
  id,
  code: id.toUpperCase(),
  kind,
  name,
  regionIds: [],
  location: { lat, lng: 127.0 },
  bedsAvailable: null,
});

const LIST = [
  agency('h-far', 'hospital', 'Far Hospital', 37.7),
  agency('p-1', 'police', 'Jung Police Station', 37.56),
  agency('h-near', 'hospital', 'Near Hospital', 37.561),
  agency('c-1', 'community', 'Jung-gu Community Centre', 37.57),
];

describe('agencyOptions', () => {
  it('groups by kind in a fixed order, nearest to the incident first', () => {
    const groups = agencyOptions(LIST, { lat: 37.56, lng: 127.0 }, '');
    expect(groups.map((g) => g.kind)).toEqual(['hospital', 'police', 'community']);
    expect(groups[0].agencies.map((a) => a.id)).toEqual(['h-near', 'h-far']);
    expect(groups[0].agencies[0].distanceKm).toBeLessThan(1);
  });

  it('filters by name or code, any case, and drops empty groups', () => {
    expect(agencyOptions(LIST, null, 'jung').map((g) => g.kind)).toEqual(['police', 'community']);
    expect(agencyOptions(LIST, null, 'H-FAR').flatMap((g) => g.agencies.map((a) => a.id))).toEqual(['h-far']);
    expect(agencyOptions(LIST, null, 'nothing like it')).toEqual([]);
  });
});
