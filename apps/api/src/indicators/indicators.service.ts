import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATEGORIES, HANDOFF_DECLINE_REASONS, type Category, type KpiReport } from '#contracts';
import { countBy, percentile, roundDuration, roundShare, share } from '#dispatch';
import { rowsOf } from '../database/tx.js';

export interface KpiPeriod {
  from: Date;
  to: Date;
  /** Only incidents of this region (and the calls, handoffs and follow-ups that belong to them). */
  regionId?: string | null;
  /** Only this triage category. */
  category?: Category | null;
  /** Only what happened in this local hour of day (0–23) in `timeZone` (GET /kpis/trend by hour). */
  hourOfDay?: number | null;
  timeZone?: string;
}

/**
 * The filters as SQL on the row's own region, category and time columns; parameters $3 region, $4 category,
 * $5 hour of day, $6 time zone follow $1 from and $2 to in every query of the report.
 */
function filterSql(cols: { region: string; category: string; at: string }): string {
  return `AND ($3::uuid IS NULL OR ${cols.region} = $3::uuid)
          AND ($4::text IS NULL OR ${cols.category} = $4::text)
          AND ($5::int IS NULL OR extract(hour FROM ${cols.at} AT TIME ZONE $6::text)::int = $5::int)`;
}

/** A call belongs to a region through its incident, and has the category of its current triage. */
const CALL_REGION = `(SELECT fi.region_id FROM links fl JOIN incident fi ON fi.id = fl.incident_id WHERE fl.call_id = c.id ORDER BY fi.created_at LIMIT 1)`;
const CALL_CATEGORY = `(SELECT ft.category FROM triage ft WHERE ft.call_id = c.id AND ft.superseded_at IS NULL)`;

/** The calls linked to each incident: the incident_call table and call.incident_id (either may be set). */
const LINKS = `links AS (
  SELECT incident_id, call_id FROM incident_call
  UNION
  SELECT incident_id, id AS call_id FROM call WHERE incident_id IS NOT NULL
)`;

const zeroByCategory = (): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

/**
 * The indicators of reference/standards.md §3 over a half-open period [from, to). Definitions are in docs/api.md
 * ("Indicators"); percentiles are computed by `percentile` of libs/dispatch (linear interpolation, as percentile_cont).
 */
@Injectable()
export class IndicatorsService {
  constructor(private readonly ds: DataSource) {}

  private async q<T>(sql: string, params: unknown[]): Promise<T[]> {
    return rowsOf<T>(await this.ds.query(sql, params));
  }

  async kpis(period: KpiPeriod, now = new Date()): Promise<KpiReport> {
    const p = [
      period.from.toISOString(),
      period.to.toISOString(),
      period.regionId ?? null,
      period.category ?? null,
      period.hourOfDay ?? null,
      period.timeZone ?? 'UTC',
    ];

    // Calls received in the period; answer seconds of the answered ones.
    const calls = await this.q<{ s: number | null }>(
      `WITH ${LINKS}
       SELECT extract(epoch FROM c.answered_at - c.received_at)::float8 AS s
         FROM call c WHERE c.received_at >= $1::timestamptz AND c.received_at < $2::timestamptz
         ${filterSql({ region: CALL_REGION, category: CALL_CATEGORY, at: 'c.received_at' })}`,
      p,
    );
    const answerSeconds = calls
      .map((c) => c.s)
      .filter((s): s is number => s !== null)
      .map((s) => Math.max(0, s));

    // Incidents created in the period, with everything the processing, response and police figures need.
    const incidents = await this.q<{
      category: Category;
      first_offer_s: number | null;
      offered: boolean;
      accepted: boolean;
      accept_s: number | null;
      on_scene: boolean;
      on_scene_min: number | null;
      target_eligible: boolean;
      within_target: boolean;
      police: boolean;
    }>(
      `WITH ${LINKS},
       inc AS (SELECT * FROM incident WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
               ${filterSql({ region: 'region_id', category: 'category', at: 'created_at' })}),
       first_call AS (
         SELECT DISTINCT ON (l.incident_id) l.incident_id, c.answered_at
           FROM links l JOIN call c ON c.id = l.call_id
          WHERE l.incident_id IN (SELECT id FROM inc)
          ORDER BY l.incident_id, c.received_at, c.id
       ),
       first_offer AS (
         SELECT incident_id, min(offered_at) AS offered_at FROM dispatch WHERE incident_id IN (SELECT id FROM inc) GROUP BY incident_id
       )
       SELECT i.category,
              extract(epoch FROM fo.offered_at - fc.answered_at)::float8 AS first_offer_s,
              (fo.offered_at IS NOT NULL OR i.first_dispatched_at IS NOT NULL) AS offered,
              (i.accepted_at IS NOT NULL) AS accepted,
              extract(epoch FROM i.accepted_at - coalesce(fo.offered_at, i.first_dispatched_at))::float8 AS accept_s,
              (i.on_scene_at IS NOT NULL) AS on_scene,
              (extract(epoch FROM i.on_scene_at - i.created_at) / 60)::float8 AS on_scene_min,
              (i.respond_by IS NOT NULL AND i.status <> 'cancelled'
                 AND (i.on_scene_at IS NOT NULL OR i.respond_by <= coalesce(i.closed_at, $7::timestamptz))) AS target_eligible,
              coalesce(i.respond_by IS NOT NULL AND i.on_scene_at <= i.respond_by, false) AS within_target,
              (coalesce(i.notify->>'police', 'false') = 'true'
                 OR EXISTS (SELECT 1 FROM links l JOIN triage t ON t.call_id = l.call_id AND t.superseded_at IS NULL
                             WHERE l.incident_id = i.id AND coalesce(t.notify->>'police', 'false') = 'true')
                 OR EXISTS (SELECT 1 FROM handoff h WHERE h.incident_id = i.id AND h.kind = 'police')) AS police
         FROM inc i
         LEFT JOIN first_call fc ON fc.incident_id = i.id
         LEFT JOIN first_offer fo ON fo.incident_id = i.id`,
      [...p, now.toISOString()],
    );

    const handoffs = await this.q<{
      kind: string;
      status: string;
      reason_code: string | null;
      accept_min: number | null;
    }>(
      `SELECT h.kind, h.status, h.reason_code,
              CASE WHEN h.kind = 'hospital' AND h.status IN ('accepted','completed') AND h.responded_at IS NOT NULL
                   THEN extract(epoch FROM h.responded_at - h.requested_at) / 60 END::float8 AS accept_min
         FROM handoff h JOIN incident i ON i.id = h.incident_id
        WHERE h.requested_at >= $1::timestamptz AND h.requested_at < $2::timestamptz
        ${filterSql({ region: 'i.region_id', category: 'i.category', at: 'h.requested_at' })}`,
      p,
    );

    const [followUps] = await this.q<{ due: number; done: number }>(
      `SELECT count(*)::int AS due,
              count(*) FILTER (WHERE done_at IS NOT NULL AND done_at <= created_at + interval '24 hours')::int AS done
         FROM follow_up WHERE due_at >= $1::timestamptz AND due_at < $2::timestamptz
         ${filterSql({ region: 'region_id', category: 'category', at: 'due_at' })}`,
      p,
    );

    const byCategory = zeroByCategory();
    for (const i of incidents) byCategory[i.category] += 1;

    const processing = incidents
      .map((i) => i.first_offer_s)
      .filter((s): s is number => s !== null)
      .map((s) => Math.max(0, s));

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
        acceptSecondsP50: roundDuration(
          percentile(
            incidents
              .map((i) => i.accept_s)
              .filter((s): s is number => s !== null)
              .map((s) => Math.max(0, s)),
            0.5,
          ),
        ),
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
        bedFoundMinutesP50: roundDuration(
          percentile(
            hospital
              .map((h) => h.accept_min)
              .filter((m): m is number => m !== null)
              .map((m) => Math.max(0, m)),
            0.5,
          ),
        ),
      },
      policeInvolvementShare: roundShare(share(incidents.filter((i) => i.police).length, incidents.length)),
      followUps: {
        due: followUps?.due ?? 0,
        doneWithin24hShare: roundShare(share(followUps?.done ?? 0, followUps?.due ?? 0)),
      },
    };
  }
}
