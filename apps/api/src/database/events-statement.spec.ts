import type { PendingEvent } from './events-statement.js';
import { eventsStatement, NOTIFY_PAYLOAD_BYTES } from './events-statement.js';

const unit = (...sizes: number[]): PendingEvent[] =>
  sizes.map((n) => ({ type: 'alert.raised', data: { message: '가'.repeat(n) }, audience: ['role:supervisor'] }));

/** The notifications' parts: the envelopes' messages' lengths in each, and where each starts. */
function runs(units: PendingEvent[][]): { first: number; sizes: number[]; bytes: number }[] {
  const params = eventsStatement(units, new Date('2026-12-01T00:00:00Z')).params;
  const [bodies, firsts, counts] = params.slice(7) as [string[], number[], number[]];
  return bodies.map((body, i) => {
    const envelopes = JSON.parse(body) as { data: { message: string } }[];
    expect(envelopes).toHaveLength(counts[i]);
    return { first: firsts[i], sizes: envelopes.map((e) => e.data.message.length), bytes: Buffer.byteLength(body) };
  });
}

describe('the events statement', () => {
  it("packs consecutive units' envelopes into one notification while they fit, never splitting a unit", () => {
    // A Korean syllable is 3 bytes in UTF-8: 1,500 of them make an envelope of about 4.6 kB.
    const parts = runs([unit(10), unit(1500, 10), unit(1500), unit(10), []]);
    expect(parts.map(({ first, sizes }) => ({ first, sizes }))).toEqual([
      { first: 0, sizes: [10, 1500, 10] },
      { first: 3, sizes: [1500, 10] },
    ]);
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(NOTIFY_PAYLOAD_BYTES);
  });

  it('sends a unit too large for a notification alone, between the runs before and after it', () => {
    const parts = runs([unit(10), unit(3000), unit(10, 10)]);
    expect(parts.map(({ first, sizes }) => ({ first, sizes }))).toEqual([
      { first: 0, sizes: [10] },
      { first: 1, sizes: [3000] },
      { first: 2, sizes: [10, 10] },
    ]);
    expect(parts[1].bytes).toBeGreaterThan(NOTIFY_PAYLOAD_BYTES);
  });

  it("numbers every unit's events in order, with each event's rooms", () => {
    const params = eventsStatement([unit(1), unit(2, 3)], new Date('2026-12-01T00:00:00Z')).params;
    expect(params[0]).toBe(3);
    expect((params[3] as string[]).map((d) => (JSON.parse(d) as { message: string }).message.length)).toEqual([
      1, 2, 3,
    ]);
    expect([params[5], params[6]]).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });
});
