import { describe, expect, it } from '@jest/globals';
import { SortedIds } from './sorted-ids';

// Entries of a store kind, as the lists see them: a rank (null: not listed).
function list(initial: Record<string, number | null>) {
  const ranks = new Map(Object.entries(initial));
  const sorted = new SortedIds<number>(
    (id) => ranks.get(id) ?? null,
    (a, b) => a - b,
  );
  sorted.update(ranks.keys());
  return { ranks, sorted };
}

/** The same order by sorting everything: rank, then id. */
function sortedFromScratch(ranks: ReadonlyMap<string, number | null>): string[] {
  return [...ranks]
    .filter((e): e is [string, number] => e[1] !== null)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

describe('SortedIds', () => {
  it('orders by key, ties by id, and leaves out entries without a key', () => {
    const { sorted } = list({ c: 2, a: 2, b: 1, gone: null });
    expect(sorted.ids).toEqual(['b', 'a', 'c']);
  });

  it('moves a changed entry to its new place and keeps the same array when nothing moved', () => {
    const { ranks, sorted } = list({ a: 1, b: 2, c: 3 });
    const before = sorted.ids;
    ranks.set('b', 2);
    expect(sorted.update(['b'])).toBe(false);
    expect(sorted.ids).toBe(before);
    ranks.set('c', 0);
    expect(sorted.update(['c'])).toBe(true);
    expect(sorted.ids).toEqual(['c', 'a', 'b']);
    expect(sorted.ids).not.toBe(before);
  });

  it('adds and drops entries as their key appears and goes', () => {
    const { ranks, sorted } = list({ a: 1 });
    ranks.set('b', 0);
    ranks.set('a', null);
    expect(sorted.update(['a', 'b', 'unknown'])).toBe(true);
    expect(sorted.ids).toEqual(['b']);
  });

  it('gives the same head array while the first ids stay the same', () => {
    const { ranks, sorted } = list({ a: 1, b: 2, c: 3, d: 4 });
    const head = sorted.head(2);
    expect(head).toEqual(['a', 'b']);
    ranks.set('d', 2.5);
    sorted.update(['d']);
    expect(sorted.head(2)).toBe(head);
    ranks.set('c', 0);
    sorted.update(['c']);
    expect(sorted.head(2)).toEqual(['c', 'a']);
  });

  it('always equals sorting everything again, one change or many at a time', () => {
    // A fixed linear congruential sequence: the same changes on every run.
    let seed = 12;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const initial: Record<string, number | null> = {};
    for (let i = 0; i < 300; i++) initial[`id${i}`] = Math.floor(random() * 20);
    const { ranks, sorted } = list(initial);
    for (let round = 0; round < 200; round++) {
      // Mostly a change or two, now and then a burst larger than a catch-up page's re-sort threshold.
      const n = round % 25 === 0 ? 100 : 1 + Math.floor(random() * 3);
      const changed: string[] = [];
      for (let k = 0; k < n; k++) {
        const id = `id${Math.floor(random() * 320)}`;
        ranks.set(id, random() < 0.1 ? null : Math.floor(random() * 20));
        changed.push(id);
      }
      sorted.update(changed);
      expect(sorted.ids).toEqual(sortedFromScratch(ranks));
    }
  });
});
