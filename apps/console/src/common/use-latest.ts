import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest `value`, for listeners and timers that are set up once but must call the
 * current callback. Written after commit, not during render: React may render and throw a render away, and a ref
 * written then would point at props that never reached the screen.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
