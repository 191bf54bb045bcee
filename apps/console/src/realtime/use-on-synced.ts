import { useEffect } from 'react';
import { useRealtime } from './realtime';
import { useLatest } from '../common/use-latest';

/**
 * Runs `listener` after every completed catch-up (login, each reconnect, each gap), given the seq the log reached:
 * for what the log cannot tell, e.g. alerts acknowledged elsewhere.
 */
export function useOnSynced(listener: (lastSeq: number) => Promise<unknown>): void {
  const { onSynced } = useRealtime();
  const listenerRef = useLatest(listener);
  useEffect(
    () => onSynced((lastSeq) => void listenerRef.current(lastSeq).catch(() => undefined)),
    [onSynced, listenerRef],
  );
}
