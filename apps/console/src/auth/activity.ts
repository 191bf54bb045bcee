// What counts as the operator being at the console. Idle logoff and token refresh both listen to the same inputs,
// so "active" means the same thing to both.
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Calls `onActivity` on any user input anywhere in the window; returns the unsubscribe. */
export function watchActivity(onActivity: () => void): () => void {
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
  return () => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
  };
}
