import { TIMER, type SlaTimerKind } from '#contracts';

// The response clock of an incident. `respondBy` is when a face-to-face response must have started (triage
// category → minutes, reference/triage.md); the control room is warned before it passes and alerted when it has.

/** NFPA 1225: answer → first unit dispatched within 60 s for 90% of calls. */
export const DISPATCH_PROCESSING_SECONDS = 60;

/** What must still be missing when the timer fires for the alert to be raised. */
export type SlaCondition = 'not-dispatched' | 'not-on-scene';

export interface PlannedSlaTimer {
  kind: SlaTimerKind;
  dueAt: Date;
  condition: SlaCondition;
}

export interface SlaPlanInput {
  respondBy: Date | null;
  now: Date;
  /** How long before respondBy the warning fires (0 disables the warning). */
  warningMinutes: number;
  processingSeconds?: number;
}

/**
 * The timers an incident needs:
 * - no respondBy (categories without a face-to-face response): none;
 * - respondBy in the future: a warning `warningMinutes` before it (at once when less is left) and a breach at it,
 *   both raised only if no team is on scene by then;
 * - respondBy not in the future (category A, "respond now"): a clock measured against respondBy would be breached at
 *   birth and only teach people to ignore it, so the one check is the dispatch-processing target instead: a warning
 *   when no team has been offered the incident `processingSeconds` after it was created.
 */
export function planSlaTimers(input: SlaPlanInput): PlannedSlaTimer[] {
  const { respondBy, now } = input;
  if (respondBy === null) return [];
  const nowMs = now.getTime();
  const dueMs = respondBy.getTime();
  if (!Number.isFinite(nowMs) || !Number.isFinite(dueMs)) throw new RangeError('planSlaTimers: invalid date');
  if (!Number.isFinite(input.warningMinutes) || input.warningMinutes < 0) {
    throw new RangeError(`planSlaTimers: warningMinutes must be ≥ 0, got ${input.warningMinutes}`);
  }
  if (dueMs <= nowMs) {
    const seconds = input.processingSeconds ?? DISPATCH_PROCESSING_SECONDS;
    return [{ kind: TIMER.slaWarning, dueAt: new Date(nowMs + seconds * 1000), condition: 'not-dispatched' }];
  }
  const out: PlannedSlaTimer[] = [];
  if (input.warningMinutes > 0) {
    out.push({
      kind: TIMER.slaWarning,
      dueAt: new Date(Math.max(nowMs, dueMs - input.warningMinutes * 60_000)),
      condition: 'not-on-scene',
    });
  }
  out.push({ kind: TIMER.slaBreach, dueAt: new Date(dueMs), condition: 'not-on-scene' });
  return out;
}

export type SlaState =
  /** No response time (categories F, G). */
  | 'none'
  /** Running, more than the warning margin left. */
  | 'ok'
  /** Running, inside the warning margin. */
  | 'warning'
  /** Passed with no team on scene. */
  | 'breached'
  /** A team arrived in time. */
  | 'met'
  /** A team arrived, late. */
  | 'missed';

export function slaState(input: {
  respondBy: Date | null;
  onSceneAt: Date | null;
  now: Date;
  warningMinutes: number;
}): SlaState {
  const { respondBy, onSceneAt, now } = input;
  if (respondBy === null) return 'none';
  if (onSceneAt !== null) return onSceneAt.getTime() <= respondBy.getTime() ? 'met' : 'missed';
  const left = respondBy.getTime() - now.getTime();
  if (left <= 0) return 'breached';
  return left <= input.warningMinutes * 60_000 ? 'warning' : 'ok';
}

/** Whole minutes left until respondBy (negative when passed), or null without one. Rounded toward the deadline. */
export function minutesLeft(respondBy: Date | null, now: Date): number | null {
  if (respondBy === null) return null;
  return Math.floor((respondBy.getTime() - now.getTime()) / 60_000);
}
