import type { Role } from '#contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { watchActivity } from './activity';
import { IdleClock } from './idle-clock';
import { idlePolicy, type IdlePolicy } from './idle-policy';
import { useLatest } from '../common/use-latest';

const WARN_MS = 60_000;

export interface IdleState {
  policy: IdlePolicy;
  /** Seconds left once inside the last minute before logoff or lock; null otherwise. */
  warningSeconds: number | null;
  /** The watch desk is locked (policy `lock`): the password unlocks it. */
  locked: boolean;
  unlock: () => void;
}

/** Idle handling by role (see idle-policy.ts): logoff after `minutes`, lock after `minutes`, or nothing. */
export function useIdlePolicy(role: Role, minutes: number, onLogoff: () => void): IdleState {
  const policy = idlePolicy(role);
  const [warningSeconds, setWarningSeconds] = useState<number | null>(null);
  const [locked, setLocked] = useState(false);
  const onLogoffRef = useLatest(onLogoff);
  const clockRef = useRef<IdleClock | null>(null);

  useEffect(() => {
    if (policy === 'none' || locked) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the idle clock is a timer outside React; stopping it clears its warning
      setWarningSeconds(null);
      return;
    }
    const clock = new IdleClock(Math.max(1, minutes) * 60_000, Date.now());
    clockRef.current = clock;
    const stopWatching = watchActivity(() => clock.touch(Date.now()));
    const timer = window.setInterval(() => {
      const left = clock.remainingMs(Date.now());
      if (left === 0) {
        if (policy === 'lock') setLocked(true);
        else onLogoffRef.current();
      }
      setWarningSeconds(left > 0 && left <= WARN_MS ? Math.ceil(left / 1000) : null);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      stopWatching();
    };
  }, [minutes, policy, locked, onLogoffRef]);

  const unlock = useCallback(() => setLocked(false), []);
  return { policy, warningSeconds, locked, unlock };
}
