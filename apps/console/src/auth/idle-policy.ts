import type { Role } from '#contracts';

// What inactivity means per role (issue 13 item 2). A counselor's or an administrator's screen left alone logs off
// after IDLE_LOGOFF_MINUTES (personal records on screen). A team's phone is in a pocket on scene: it must keep
// receiving offers, so it never idles out. The control room's watch desk locks instead: the password is needed to
// act again, but offers and alerts still show and sound. Sessions still end when the server refuses the token.

export type IdlePolicy = 'logoff' | 'lock' | 'none';

export function idlePolicy(role: Role): IdlePolicy {
  if (role === 'responder') return 'none';
  if (role === 'coordinator' || role === 'supervisor') return 'lock';
  return 'logoff';
}

/** Whether the access token is renewed without operator input: the phone and the locked watch desk stay connected. */
export function keepsSessionAlive(role: Role): boolean {
  return idlePolicy(role) !== 'logoff';
}
