import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { EntityKind } from './event-store';
import { useRealtime, type EntryOf } from './realtime';
import { SortedIds } from './sorted-ids';

/** What a list shows: its first rows, how many there are in all, and (read when needed) every id in order. */
export interface SortedView {
  shown: readonly string[];
  total: number;
  all: () => readonly string[];
}

/**
 * The ids of `kind` in the order of `keyOf`/`compare` (module-level functions: new ones rebuild the list), leaving
 * out entries whose key is null, and the first `limit` of them. Re-renders only when those first ids or the count
 * change: a list subscribes to this and each row to its own entry (useEntry), so a change re-renders one row, and
 * the list only when its rows move.
 */
export function useSortedIds<K extends EntityKind, Key>(
  kind: K,
  keyOf: (entry: EntryOf<K>) => Key | null,
  compare: (a: Key, b: Key) => number,
  limit = Number.POSITIVE_INFINITY,
): SortedView {
  const { store, changes } = useRealtime();
  const list = useMemo(() => {
    const entries = store[kind] as ReadonlyMap<string, EntryOf<K>>;
    const ids = new SortedIds<Key>((id) => {
      const entry = entries.get(id);
      return entry ? keyOf(entry) : null;
    }, compare);
    const all = () => ids.ids;
    ids.update(entries.keys());
    const holder = { version: store.version(kind), view: { shown: ids.head(limit), total: ids.ids.length, all } };
    /** Applies changed ids; true when what the list shows changed. */
    const apply = (changed: Iterable<string>): boolean => {
      holder.version = store.version(kind);
      if (!ids.update(changed)) return false;
      const shown = ids.head(limit);
      if (shown === holder.view.shown && ids.ids.length === holder.view.total) return false;
      holder.view = { shown, total: ids.ids.length, all };
      return true;
    };
    return { holder, apply };
  }, [store, kind, keyOf, compare, limit]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      // Changes between the render that built the list and this subscription are read in full.
      if (list.holder.version !== store.version(kind) && list.apply(store[kind].keys())) onChange();
      return changes.subscribe(kind, (ids) => {
        if (list.apply(ids)) onChange();
      });
    },
    [store, changes, kind, list],
  );
  return useSyncExternalStore(subscribe, () => list.holder.view);
}

/** A number (or other primitive) computed from all entries of `kind`, re-rendering only when it changes. */
export function useEntitiesValue<K extends EntityKind, V extends string | number | boolean>(
  kind: K,
  compute: (entries: ReadonlyMap<string, EntryOf<K>>) => V,
): V {
  const { store, changes } = useRealtime();
  const subscribe = useCallback((onChange: () => void) => changes.subscribe(kind, onChange), [changes, kind]);
  return useSyncExternalStore(subscribe, () => compute(store[kind] as ReadonlyMap<string, EntryOf<K>>));
}
