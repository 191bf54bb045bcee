import { similarityReasons, type SimilarityCandidate } from './similarity.js';

const now = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const base: SimilarityCandidate = {
  createdAt: hoursAgo(1),
  clientId: 'c1',
  addressKey: 'seoul1',
  location: { lat: 37.5, lng: 127 },
  sameCaller: false,
};

describe('similar incidents', () => {
  it('matches the same client for 12 hours', () => {
    expect(
      similarityReasons(
        { ...base, createdAt: hoursAgo(11.9) },
        { clientId: 'c1', addressKey: null, location: null },
        now,
      ).reasons,
    ).toEqual(['client']);
    expect(
      similarityReasons(
        { ...base, createdAt: hoursAgo(12.1) },
        { clientId: 'c1', addressKey: null, location: null },
        now,
      ).reasons,
    ).toEqual([]);
  });

  it('matches the same address, caller or a point within 150 m for 6 hours', () => {
    const near = { lat: 37.5 + 0.001, lng: 127 }; // ≈ 111 m north
    const r = similarityReasons(
      { ...base, sameCaller: true },
      { clientId: null, addressKey: 'seoul1', location: near },
      now,
    );
    expect(r.reasons).toEqual(['caller', 'address', 'nearby']);
    expect(r.distanceM).toBeGreaterThan(100);
    expect(r.distanceM).toBeLessThan(120);
    const old = similarityReasons(
      { ...base, createdAt: hoursAgo(7), sameCaller: true },
      { clientId: null, addressKey: 'seoul1', location: near },
      now,
    );
    expect(old.reasons).toEqual([]);
  });

  it('does not call a point 200 m away nearby', () => {
    const far = { lat: 37.5 + 0.0018, lng: 127 };
    expect(similarityReasons(base, { clientId: null, addressKey: null, location: far }, now).reasons).toEqual([]);
  });
});
