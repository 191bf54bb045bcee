import type { Category } from '#contracts';
import type { Queryable } from '../database/db.js';

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

/** The period and filters as the parameters $1–$6 every statement of the report shares. */
function params(period: KpiPeriod): unknown[] {
  return [
    period.from.toISOString(),
    period.to.toISOString(),
    period.regionId ?? null,
    period.category ?? null,
    period.hourOfDay ?? null,
    period.timeZone ?? 'UTC',
  ];
}

/** Calls received in the period: the answer seconds of each (null when unanswered). */
export function kpiCalls(db: Queryable, period: KpiPeriod): Promise<{ s: number | null }[]> {
  return db.query(
    `WITH ${LINKS}
     SELECT extract(epoch FROM c.answered_at - c.received_at)::float8 AS s
       FROM call c WHERE c.received_at >= $1::timestamptz AND c.received_at < $2::timestamptz
       ${filterSql({ region: CALL_REGION, category: CALL_CATEGORY, at: 'c.received_at' })}`,
    params(period),
  );
}

export interface KpiIncidentRow {
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
}

/** Incidents created in the period, with everything the processing, response and police figures need. */
export function kpiIncidents(db: Queryable, period: KpiPeriod, now: Date): Promise<KpiIncidentRow[]> {
  return db.query(
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
    [...params(period), now.toISOString()],
  );
}

export interface KpiHandoffRow {
  kind: string;
  status: string;
  reason_code: string | null;
  accept_min: number | null;
}

/** Handoffs requested in the period; minutes to a hospital's accept. */
export function kpiHandoffs(db: Queryable, period: KpiPeriod): Promise<KpiHandoffRow[]> {
  return db.query(
    `SELECT h.kind, h.status, h.reason_code,
            CASE WHEN h.kind = 'hospital' AND h.status IN ('accepted','completed') AND h.responded_at IS NOT NULL
                 THEN extract(epoch FROM h.responded_at - h.requested_at) / 60 END::float8 AS accept_min
       FROM handoff h JOIN incident i ON i.id = h.incident_id
      WHERE h.requested_at >= $1::timestamptz AND h.requested_at < $2::timestamptz
      ${filterSql({ region: 'i.region_id', category: 'i.category', at: 'h.requested_at' })}`,
    params(period),
  );
}

/** Follow-ups due in the period, and how many were done within 24 hours of being created. */
export async function kpiFollowUps(db: Queryable, period: KpiPeriod): Promise<{ due: number; done: number }> {
  const [row] = await db.query<{ due: number; done: number }>(
    `SELECT count(*)::int AS due,
            count(*) FILTER (WHERE done_at IS NOT NULL AND done_at <= created_at + interval '24 hours')::int AS done
       FROM follow_up WHERE due_at >= $1::timestamptz AND due_at < $2::timestamptz
       ${filterSql({ region: 'region_id', category: 'category', at: 'due_at' })}`,
    params(period),
  );
  return row ?? { due: 0, done: 0 };
}
