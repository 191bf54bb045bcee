import { Injectable } from '@nestjs/common';
import { CATEGORIES, HANDOFF_DECLINE_REASONS, type Category, type KpiReport } from '#contracts';
import { countBy, percentile, roundDuration, roundShare, share } from '#dispatch';
import { Db } from '../database/db.js';
import { kpiCalls, kpiFollowUps, kpiHandoffs, kpiIncidents, type KpiPeriod } from './indicators.repository.js';

export type { KpiPeriod } from './indicators.repository.js';

/** The durations that were measured, none below zero. */
const measured = (values: (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null).map((v) => Math.max(0, v));

const zeroByCategory = (): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

/**
 * The indicators of reference/standards.md §3 over a half-open period [from, to). Definitions are in docs/api.md
 * ("Indicators"); percentiles are computed by `percentile` of libs/dispatch (linear interpolation, as percentile_cont).
 */
@Injectable()
export class IndicatorsService {
  constructor(private readonly db: Db) {}

  async kpis(period: KpiPeriod, now = new Date()): Promise<KpiReport> {
    const calls = await kpiCalls(this.db, period);
    const answerSeconds = measured(calls.map((c) => c.s));
    const incidents = await kpiIncidents(this.db, period, now);
    const handoffs = await kpiHandoffs(this.db, period);
    const followUps = await kpiFollowUps(this.db, period);

    const byCategory = zeroByCategory();
    for (const i of incidents) byCategory[i.category] += 1;

    const processing = measured(incidents.map((i) => i.first_offer_s));

    const onSceneMinutesP50ByCategory = zeroByCategory();
    for (const c of CATEGORIES) {
      const mins = incidents
        .filter((i) => i.category === c && i.on_scene_min !== null)
        .map((i) => Math.max(0, i.on_scene_min!));
      onSceneMinutesP50ByCategory[c] = roundDuration(percentile(mins, 0.5));
    }
    const eligible = incidents.filter((i) => i.target_eligible);

    const isAccepted = (s: string): boolean => s === 'accepted' || s === 'completed';
    const hospital = handoffs.filter((h) => h.kind === 'hospital');
    const hospitalAccepted = hospital.filter((h) => isAccepted(h.status)).length;
    const hospitalDeclined = hospital.filter((h) => h.status === 'declined').length;
    const declined = handoffs.filter((h) => h.status === 'declined');

    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      calls: {
        total: calls.length,
        answered: answerSeconds.length,
        answeredWithin15sShare: roundShare(share(answerSeconds.filter((s) => s <= 15).length, calls.length)),
        answeredWithin20sShare: roundShare(share(answerSeconds.filter((s) => s <= 20).length, calls.length)),
        answerSecondsP50: roundDuration(percentile(answerSeconds, 0.5)),
        answerSecondsP90: roundDuration(percentile(answerSeconds, 0.9)),
      },
      incidents: { total: incidents.length, byCategory },
      processing: {
        measured: processing.length,
        answerToDispatchSecondsP90: roundDuration(percentile(processing, 0.9)),
        within60sShare: roundShare(share(processing.filter((s) => s <= 60).length, processing.length)),
      },
      response: {
        offered: incidents.filter((i) => i.offered).length,
        accepted: incidents.filter((i) => i.accepted).length,
        onScene: incidents.filter((i) => i.on_scene).length,
        withinTargetShare: roundShare(share(eligible.filter((i) => i.within_target).length, eligible.length)),
        acceptSecondsP50: roundDuration(percentile(measured(incidents.map((i) => i.accept_s)), 0.5)),
        onSceneMinutesP50ByCategory,
      },
      handoffs: {
        requested: handoffs.length,
        accepted: handoffs.filter((h) => isAccepted(h.status)).length,
        declined: declined.length,
        hospitalRefusalRate: roundShare(share(hospitalDeclined, hospitalAccepted + hospitalDeclined)),
        declineReasons: countBy(
          HANDOFF_DECLINE_REASONS,
          declined.map((h) => h.reason_code),
        ),
        // Request to a hospital's accept; a bed request's hospitals share its request time, so this is request → bed found.
        bedFoundMinutesP50: roundDuration(percentile(measured(hospital.map((h) => h.accept_min)), 0.5)),
      },
      policeInvolvementShare: roundShare(share(incidents.filter((i) => i.police).length, incidents.length)),
      followUps: {
        due: followUps.due,
        doneWithin24hShare: roundShare(share(followUps.done, followUps.due)),
      },
    };
  }
}
