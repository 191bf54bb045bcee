import { SLA_TIMER_KINDS, TIMER } from '#contracts';
import { isTerminal, minutesLeft, planSlaTimers, type SlaCondition } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import { appendTimeline, loadIncidentRow } from './incidents.repository.js';
import type { TimerRunner } from '../timers/timer-runner.js';
import {
  cancelTimers,
  latestPayloadNumber,
  scheduleTimer,
  scheduleTimers,
  type TimerRow,
} from '../timers/timers.repository.js';

/** SLA_WARNING_MINUTES' default, for callers without the config at hand. */
export const DEFAULT_SLA_WARNING_MINUTES = 15;

/**
 * Schedules the response-clock timers of an incident in the caller's transaction (POST /incidents calls this
 * when the incident gets its respondBy; call it again whenever respondBy changes, e.g. after a re-triage: it
 * replaces the pending ones). Category A ("respond now") gets a 60-second dispatch-processing check instead.
 */
export async function scheduleSlaTimers(
  tx: Tx,
  incidentId: string,
  respondBy: Date | string | null,
  warningMinutes?: number,
): Promise<void> {
  const due = respondBy === null ? null : new Date(respondBy);
  // Without an explicit margin (a re-triage deep in the intake code), keep the one the clock was first planned with.
  const margin =
    warningMinutes ??
    (await latestPayloadNumber(tx, SLA_TIMER_KINDS, incidentId, 'warningMinutes')) ??
    DEFAULT_SLA_WARNING_MINUTES;
  await cancelSlaTimers(tx, incidentId);
  for (const t of planSlaTimers({ respondBy: due, now: tx.now, warningMinutes: margin })) {
    await scheduleTimer(tx, t.kind, incidentId, t.dueAt, {
      condition: t.condition,
      respondBy: due?.toISOString() ?? null,
      warningMinutes: margin,
    });
  }
}

/** The response clock of a new incident: nothing to replace yet, so its timers go in with one statement. */
export async function scheduleNewSlaTimers(
  tx: Tx,
  incidentId: string,
  respondBy: Date | null,
  warningMinutes: number,
): Promise<void> {
  const planned = planSlaTimers({ respondBy, now: tx.now, warningMinutes });
  await scheduleTimers(
    tx,
    planned.map((t) => ({
      kind: t.kind,
      refId: incidentId,
      dueAt: t.dueAt,
      payload: { condition: t.condition, respondBy: respondBy?.toISOString() ?? null, warningMinutes },
    })),
  );
}

export async function cancelSlaTimers(tx: Tx, incidentId: string): Promise<void> {
  await cancelTimers(tx, SLA_TIMER_KINDS, incidentId);
}

export function registerSlaHandlers(runner: TimerRunner): void {
  runner.register(TIMER.slaWarning, (tx, timer) => slaCheck(tx, timer, 'warning'));
  runner.register(TIMER.slaBreach, (tx, timer) => slaCheck(tx, timer, 'breach'));
}

/** Raises the alert only if what the clock demands is still missing; once per incident and kind while open. */
async function slaCheck(tx: Tx, timer: TimerRow, level: 'warning' | 'breach'): Promise<void> {
  const incident = await loadIncidentRow(tx, timer.ref_id!);
  if (!incident || isTerminal(incident.status)) return;
  const condition = (timer.payload.condition as SlaCondition | undefined) ?? 'not-on-scene';
  // A timer planned for an older respondBy (re-triaged without rescheduling) says nothing about the current one.
  const planned = (timer.payload.respondBy as string | null | undefined) ?? null;
  const current = incident.respond_by?.getTime() ?? null;
  if (
    (planned === null) !== (current === null) ||
    (planned !== null && current !== null && Math.abs(Date.parse(planned) - current) >= 1000)
  )
    return;
  if (condition === 'not-on-scene' && incident.on_scene_at) return;
  if (condition === 'not-dispatched' && incident.first_dispatched_at) return;

  const kind = level === 'warning' ? 'sla-warning' : 'sla-breach';
  let message: string;
  if (condition === 'not-dispatched')
    message = `${incident.number} (category ${incident.category}): no team offered within 60 s`;
  else if (level === 'warning') {
    const left = minutesLeft(incident.respond_by, tx.now) ?? 0;
    message = `${incident.number} (category ${incident.category}): response due in ${Math.max(0, left)} min, no team on scene`;
  } else message = `${incident.number} (category ${incident.category}): response time passed, no team on scene`;

  const alert = await raiseAlert(tx, {
    kind,
    severity: level === 'warning' ? 'warning' : 'critical',
    message,
    incidentId: incident.id,
    regionId: incident.region_id,
    location: { lat: incident.lat, lng: incident.lng },
    dedupeKey: `${kind}:${incident.id}`,
  });
  if (alert) await appendTimeline(tx, incident.id, `alert.${kind}`, { alertId: alert.id, condition });
}
