// A list kept in order as entries change, instead of sorted again on every change. With thousands of entries and
// 20 changes a second, re-sorting (and re-rendering) whole lists per change was the console's main cost
// (issue 12). Each changed id is taken out and put back at its new place by binary search; `ids` is a new array
// only when the order or the membership really changed, so a screen can compare it by reference and do nothing.

interface Keyed<K> {
  id: string;
  key: K;
}

/** Above this many changes at once (a snapshot, a catch-up page), sorting everything again is cheaper. */
const RESORT_OVER = 64;

export class SortedIds<K> {
  private readonly keys = new Map<string, K>();
  private entries: Keyed<K>[] = [];
  private snapshot: readonly string[] = [];
  private lastHead: readonly string[] = [];

  /**
   * `keyOf` gives an id's current sort key, or null to leave it out of the list; `compare` orders two keys.
   * Ties are broken by id, so the order is total and the same however the changes arrived.
   */
  constructor(
    private readonly keyOf: (id: string) => K | null,
    private readonly compare: (a: K, b: K) => number,
  ) {}

  /** The ids in order. The same array until the order or the membership changes. */
  get ids(): readonly string[] {
    return this.snapshot;
  }

  /** The first `n` ids: the same array as long as they are the same ids in the same order. */
  head(n: number): readonly string[] {
    const next = this.snapshot.length <= n ? this.snapshot : this.snapshot.slice(0, n);
    const last = this.lastHead;
    if (last.length === next.length && next.every((id, i) => id === last[i])) return last;
    this.lastHead = next;
    return next;
  }

  /** Re-reads the keys of `changed`; true when `ids` changed. */
  update(changed: Iterable<string>): boolean {
    const ids = [...changed];
    if (ids.length > RESORT_OVER) return this.resort(ids);
    let moved = false;
    for (const id of ids) if (this.move(id)) moved = true;
    if (moved) this.snapshot = this.entries.map((e) => e.id);
    return moved;
  }

  private order(a: Keyed<K>, b: Keyed<K>): number {
    return this.compare(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** The first index whose entry sorts after `entry` (or where `entry` itself is). */
  private place(entry: Keyed<K>): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order(this.entries[mid], entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private move(id: string): boolean {
    const before = this.keys.get(id);
    const key = this.keyOf(id);
    let from = -1;
    if (before !== undefined) {
      from = this.place({ id, key: before });
      this.entries.splice(from, 1);
      this.keys.delete(id);
    }
    if (key === null) return from !== -1;
    const entry = { id, key };
    const to = this.place(entry);
    this.entries.splice(to, 0, entry);
    this.keys.set(id, key);
    return from !== to;
  }

  private resort(ids: readonly string[]): boolean {
    for (const id of ids) {
      const key = this.keyOf(id);
      if (key === null) this.keys.delete(id);
      else this.keys.set(id, key);
    }
    this.entries = [...this.keys].map(([id, key]) => ({ id, key }));
    this.entries.sort((a, b) => this.order(a, b));
    const next = this.entries.map((e) => e.id);
    const same = next.length === this.snapshot.length && next.every((id, i) => id === this.snapshot[i]);
    if (!same) this.snapshot = next;
    return !same;
  }
}
