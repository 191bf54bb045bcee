import { useEffect, useRef } from 'react';
import { useRealtime } from './realtime';

/**
 * Loads REST snapshots into the store once per screen (`onMount`) and after every completed catch-up
 * (`onSynced`, given the seq the log reached), e.g. to learn of alerts acknowledged elsewhere.
 */
export function useSeed(onMount: () => Promise<unknown>, onSynced?: (lastSeq: number) => Promise<unknown>): void {
  const realtime = useRealtime();
  const mountRef = useRef(onMount);
  const syncedRef = useRef(onSynced);
  mountRef.current = onMount;
  syncedRef.current = onSynced;
  useEffect(() => {
    void mountRef.current().catch(() => undefined);
    return realtime.onSynced((lastSeq) => void syncedRef.current?.(lastSeq).catch(() => undefined));
  }, [realtime.onSynced]);
}
