import { useEffect, useMemo, useRef, useState } from 'react';
import type { HandoffView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useEntities, useStore } from '../../realtime/realtime';
import { sortForPartner } from './portal-model';

/**
 * The agency's own handoffs, live. The list comes from GET /handoffs (each item in this reader's view); the event
 * store says when one is new or changed (`handoff.created/updated` carry ids and status, no personal data), and
 * the changed one is read again through the audited GET /handoffs/:id.
 */
export function usePartnerHandoffs(): {
  handoffs: HandoffView[];
  loaded: boolean;
  failed: boolean;
  replace: (view: HandoffView) => void;
} {
  const { api } = useAuth();
  const store = useStore();
  const { map, version } = useEntities('handoffs');
  const [views, setViews] = useState<ReadonlyMap<string, HandoffView>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const inFlight = useRef(new Set<string>());
  // The event seq each handoff was last re-read for: one read per change, never a loop.
  const readFor = useRef(new Map<string, number>());

  const replace = (view: HandoffView) => setViews((current) => new Map(current).set(view.id, view));

  useEffect(() => {
    let live = true;
    api.handoffs().then(
      (list) => {
        if (!live) return;
        store.seedHandoffs(list);
        setViews(new Map(list.map((h) => [h.id, h])));
        setLoaded(true);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, store]);

  // Re-read a handoff whose live status (or contact confirmation) differs from the view we hold.
  useEffect(() => {
    if (!loaded) return;
    for (const entry of map.values()) {
      const view = views.get(entry.id);
      const stale =
        !view ||
        view.status !== entry.status ||
        (entry.contactConfirmedAt ?? null) !== (view.contactConfirmedAt ?? null);
      if (!stale || inFlight.current.has(entry.id) || readFor.current.get(entry.id) === entry.seq) continue;
      inFlight.current.add(entry.id);
      readFor.current.set(entry.id, entry.seq);
      api
        .handoff(entry.id)
        .then(replace, () => undefined)
        .finally(() => inFlight.current.delete(entry.id));
    }
    // `version` is what changes; the map is mutated in place
  }, [map, version, views, loaded, api]);

  const handoffs = useMemo(() => sortForPartner([...views.values()]), [views]);
  return { handoffs, loaded, failed, replace };
}
