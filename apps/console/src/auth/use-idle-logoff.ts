import { useEffect, useRef, useState } from 'react';
import { watchActivity } from './activity';
import { IdleClock } from './idle-clock';

const WARN_MS = 60_000;

/** Calls `onIdle` after `minutes` without input; returns the seconds left once inside the last minute. */
export function useIdleLogoff(minutes: number, onIdle: () => void): number | null {
  const [warningSeconds, setWarningSeconds] = useState<number | null>(null);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    const clock = new IdleClock(Math.max(1, minutes) * 60_000, Date.now());
    const stopWatching = watchActivity(() => clock.touch(Date.now()));
    const timer = window.setInterval(() => {
      const left = clock.remainingMs(Date.now());
      if (left === 0) onIdleRef.current();
      setWarningSeconds(left <= WARN_MS ? Math.ceil(left / 1000) : null);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      stopWatching();
    };
  }, [minutes]);

  return warningSeconds;
}
