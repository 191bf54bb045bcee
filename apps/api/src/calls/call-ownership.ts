import type { Actor } from '../common/actor.js';
import { conflict, forbidden } from '../common/errors.js';
import type { CallRow } from './calls.repository.js';

// One counselor works a call at a time: the one who answered it (or created it at the console). Another
// counselor acting on it by accident (two tabs, a stale queue) could triage the wrong person, so they must take
// it over explicitly, which is recorded. Supervisors and coordinators are not bound by it: they oversee.

/** Refuses a counselor acting on another counselor's active call (403). */
export function assertMayActOn(call: Pick<CallRow, 'status' | 'counselor_id'>, actor: Actor): void {
  if (actor.role !== 'counselor') return;
  if (call.status === 'active' && call.counselor_id !== null && call.counselor_id !== actor.userId) {
    throw forbidden(
      'Another counselor is handling this call; take it over explicitly (POST /calls/:id/takeover) to act on it',
    );
  }
}

/** Triage and ending need a call that is being handled now: answered, not ended. */
export function assertActive(call: Pick<CallRow, 'status'>, action: string): void {
  if (call.status === 'ringing')
    throw conflict('STATE_CHANGED', `Answer the call before you ${action}`, 'call-not-answered');
  if (call.status === 'ended') throw conflict('STATE_CHANGED', `The call has ended; cannot ${action}`, 'call-ended');
}
