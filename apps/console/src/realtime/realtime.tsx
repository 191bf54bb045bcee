import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { UserView } from '#contracts';
import type { Api } from '../api/endpoints';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { beep, flashTitle } from './attention';
import { EventStore, type EntityKind, type EntityMaps } from './event-store';
import { FrameBatcher } from './frame-batch';
import { loadSnapshot } from './snapshot';
import { connectRealtime, type ConnectionStatus, type RealtimeConnection } from './socket';
import { SyncController } from './sync-controller';
import { useLatest } from '../common/use-latest';

interface Realtime {
  store: EventStore;
  /** The store's change notifications, at most once a frame: what screens and map layers listen to. */
  changes: FrameBatcher;
  status: ConnectionStatus;
  /** The first catch-up after login has finished: lists are complete. */
  synced: boolean;
  /** When the store last heard from the server, for the stale-data banner (a getter: no re-render per event). */
  lastEventAt: () => number | null;
  /** Subscribe to completed catch-ups (after every (re)connect and gap). */
  onSynced: (listener: (lastSeq: number) => void) => () => void;
}

const RealtimeContext = createContext<Realtime | null>(null);

const ALERT_FRESH_MS = 10 * 60_000;

/**
 * One store and one socket per signed-in user (the parent keys this by user id). A renewed `token` is handed to
 * the live socket rather than reconnecting; the first catch-up starts from snapshots at the log's head.
 */
export function RealtimeProvider({
  token,
  user,
  api,
  children,
}: {
  token: string;
  user: UserView;
  api: Api;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const tRef = useLatest(t);
  const userRef = useLatest(user);
  const tokenRef = useRef(token);
  const store = useMemo(() => new EventStore(), []);
  const changes = useMemo(() => new FrameBatcher(store), [store]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const lastEventAt = useRef<number | null>(null);
  // A ref, not memoised state: listeners come and go without a render.
  const syncedListeners = useRef(new Set<(lastSeq: number) => void>());
  const connection = useRef<RealtimeConnection | null>(null);

  useEffect(() => {
    let initialDone = false;
    const sync = new SyncController(store, {
      fetchPage: (after, limit) => api.events(after, limit),
      fetchHead: () => api.eventsHead(),
      loadSnapshot: (asOf) => loadSnapshot(api, userRef.current, store, asOf),
      onSynced: (lastSeq) => {
        initialDone = true;
        setSynced(true);
        lastEventAt.current = Date.now();
        for (const l of syncedListeners.current) l(lastSeq);
      },
      onError: () => undefined, // the next reconnect or gap retries; a 401 already logged out
    });

    // Sound and title flash only for what is new to this operator, never for what the first catch-up reads.
    const stopAttention = store.onEnvelope((envelope) => {
      lastEventAt.current = Date.now();
      if (!initialDone) return;
      if (envelope.type === 'dispatch.offered' && user.role === 'responder' && envelope.data.teamId === user.teamId) {
        if (Date.parse(envelope.data.expiresAt) > Date.now()) {
          beep('offer');
          flashTitle(tRef.current.attention.newOffer);
        }
      } else if (envelope.type === 'incident.created' && user.role === 'coordinator') {
        // A new incident needs a coordinator as much as an alert does (issue 13 item 4): the same tone and flash.
        if (Date.now() - Date.parse(envelope.occurredAt) < ALERT_FRESH_MS) {
          beep('alert');
          flashTitle(tRef.current.incidentAttention.flash(envelope.data.number));
        }
      } else if (envelope.type === 'alert.raised' && user.role !== 'responder' && user.role !== 'counselor') {
        if (Date.now() - Date.parse(envelope.occurredAt) < ALERT_FRESH_MS) {
          beep('alert');
          flashTitle(tRef.current.attention.newAlert);
        }
      }
    });

    const live = connectRealtime({
      token: tokenRef.current,
      sync,
      onStatus: setStatus,
      onRefused: async () => {
        try {
          await api.me();
          return true;
        } catch (error) {
          return !(error instanceof ApiError && error.status === 401);
        }
      },
    });
    connection.current = live;
    return () => {
      connection.current = null;
      live.close();
      stopAttention();
      sync.dispose();
    };
  }, [store, api, user.role, user.teamId, tRef, userRef]);

  useEffect(() => {
    tokenRef.current = token;
    connection.current?.updateToken(token);
  }, [token]);

  const onSynced = useCallback(
    (listener: (lastSeq: number) => void) => {
      syncedListeners.current.add(listener);
      return () => {
        syncedListeners.current.delete(listener);
      };
    },
    [syncedListeners],
  );
  const getLastEventAt = useCallback(() => lastEventAt.current, []);
  const value = useMemo<Realtime>(
    () => ({ store, changes, status, synced, lastEventAt: getLastEventAt, onSynced }),
    [store, changes, status, synced, getLastEventAt, onSynced],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime outside RealtimeProvider');
  return value;
}

export function useStore(): EventStore {
  return useRealtime().store;
}

/** The store's changes, once a frame (see frame-batch.ts). */
export function useChanges(): FrameBatcher {
  return useRealtime().changes;
}

/** An entry of the store's map for `kind`. */
export type EntryOf<K extends EntityKind> = EntityMaps[K] extends Map<string, infer V> ? V : never;

/** Re-renders (at most once a frame) when any entry of `kind` changes; returns the live map (read it, never mutate it). */
export function useEntities<K extends EntityKind>(kind: K): { map: ReadonlyMap<string, EntryOf<K>>; version: number } {
  const { store, changes } = useRealtime();
  const version = useSyncExternalStore(
    (cb) => changes.subscribe(kind, cb),
    () => store.version(kind),
  );
  return { map: store[kind] as ReadonlyMap<string, EntryOf<K>>, version };
}

/** One entry, re-rendering (at most once a frame) only when that entry changes. */
export function useEntry<K extends EntityKind>(kind: K, id: string | null): EntryOf<K> | undefined {
  const { store, changes } = useRealtime();
  const subscribe = useCallback(
    (cb: () => void) =>
      changes.subscribe(kind, (ids) => {
        if (id !== null && ids.has(id)) cb();
      }),
    [changes, kind, id],
  );
  return useSyncExternalStore(subscribe, () =>
    id === null ? undefined : (store[kind].get(id) as EntryOf<K> | undefined),
  );
}
