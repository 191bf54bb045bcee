import type { Role } from './vocabulary.js';
import type { KpiReport } from './indicators.js';
import type { AuditAction } from './audit-actions.js';

// The supervisor's dashboard (GET /kpis filters, GET /kpis/trend) and the PIPA access-log review (GET /audit).

/**
 * The quality domains of the CRISES framework (Crisis Services: Indicators and Standards): every indicator of
 * GET /kpis is shown and exported under one of them.
 */
export const KPI_DOMAINS = [
  'timely',
  'safe',
  'accessible',
  'least-restrictive',
  'effective',
  'person-centred',
  'partnership',
] as const;
export type KpiDomain = (typeof KPI_DOMAINS)[number];

export const KPI_UNITS = ['count', 'share', 'seconds', 'minutes'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** One indicator as a row of the dashboard tables and of the CSV: `indicator` is its dotted path in KpiReport. */
export interface KpiRow {
  domain: KpiDomain;
  indicator: string;
  value: number;
  unit: KpiUnit;
  /** The standard's target, when there is one: the value must be `>=` (shares) or `<=` (times) it. */
  target: { op: '>=' | '<='; value: number; source: string } | null;
}

export const TREND_BUCKETS = ['day', 'hour'] as const;
/** `day`: one point per calendar day of the centre; `hour`: one point per hour of day (0–23) over the period. */
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface KpiTrendPoint {
  /** `YYYY-MM-DD` for days, `00`–`23` for hours of day (in the trend's time zone). */
  bucket: string;
  report: KpiReport;
}

/** GET /kpis/trend: the same indicators per bucket, so a chart point and GET /kpis agree by construction. */
export interface KpiTrend {
  from: string;
  to: string;
  bucket: TrendBucket;
  timeZone: string;
  points: KpiTrendPoint[];
}

/** One row of GET /audit (PIPA access log: account, time, address, whose data, action). */
export interface AuditRowView {
  id: string;
  at: string;
  actor: string;
  actorId: string | null;
  role: Role | 'system' | 'anonymous' | 'integration';
  /** Today's name, also for rows written under an older one (auditActionOf). */
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  subjectId: string | null;
  ip: string | null;
}

export const UNUSUAL_ACCESS_REASONS = ['no-relationship', 'outside-shift'] as const;
/**
 * Why a read of a person's record is flagged: `no-relationship` the reader never had a call or an incident with the
 * person (took or triaged a call, created, dispatched or answered an incident, or a team of theirs was sent);
 * `outside-shift` a shift-bound reader (a team member) read it while the team had no shift.
 */
export type UnusualAccessReason = (typeof UNUSUAL_ACCESS_REASONS)[number];

export interface UnusualAccessView extends AuditRowView {
  reasons: UnusualAccessReason[];
}

/** GET /audit/unusual: reads of a person's record in the period that deserve a look in the monthly review. */
export interface UnusualAccessReport {
  from: string;
  to: string;
  rows: UnusualAccessView[];
}
