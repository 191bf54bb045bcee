import type { Category, KpiDomain, KpiReport, KpiRow, ResponseTimes } from '#contracts';
import { kpiRows } from '#dispatch';

// What the dashboard asks for and draws, as plain functions: the filters as a query, the period of a month, and
// the charts of each CRISES domain (labels, values and the standard's target for each bar).

export interface DashboardFilters {
  /** Local calendar dates, `YYYY-MM-DD`, both included. */
  fromDate: string;
  toDate: string;
  regionId: string;
  category: Category | '';
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function localDateString(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` date as an instant. */
export function localMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The last seven days up to today. */
export function defaultFilters(now: Date): DashboardFilters {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6);
  return { fromDate: localDateString(from), toDate: localDateString(now), regionId: '', category: '' };
}

/** A calendar month (`YYYY-MM`) as its first and last dates. */
export function monthFilters(month: string, base: DashboardFilters): DashboardFilters {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { ...base, fromDate: localDateString(new Date(y, m - 1, 1)), toDate: localDateString(new Date(y, m, 0)) };
}

/** The filters as the query of GET /kpis: [from local midnight, the midnight after toDate), with offsets. */
export function kpiQuery(f: DashboardFilters, extra: Record<string, string> = {}): string {
  const from = localMidnight(f.fromDate);
  const end = localMidnight(f.toDate);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...extra });
  if (f.regionId) params.set('regionId', f.regionId);
  if (f.category) params.set('category', f.category);
  return params.toString();
}

/** Whether the dates make a period the API accepts (from not after to). */
export function validPeriod(f: DashboardFilters): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(f.fromDate) && /^\d{4}-\d{2}-\d{2}$/.test(f.toDate) && f.fromDate <= f.toDate;
}

export type ChartUnit = 'count' | 'share' | 'seconds' | 'minutes';

export interface ChartPoint {
  key: string;
  value: number;
  target: number | null;
}

export interface ChartSpec {
  id: string;
  domain: KpiDomain;
  unit: ChartUnit;
  points: ChartPoint[];
}

/** Categories whose response target is at most a day are charted on one scale. */
export const CHARTED_TARGET_MINUTES = 24 * 60;

/**
 * An axis label: the category letter for per-category indicators, otherwise the name in lines of about
 * `width` characters (Chart.js draws an array as several lines).
 */
export function axisLabel(key: string, label: string, width = 18): string | string[] {
  const last = key.slice(key.lastIndexOf('.') + 1);
  if (/^[A-G]$/.test(last)) return last;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const line = lines[lines.length - 1];
    if (line !== undefined && line.length + word.length < width) lines[lines.length - 1] = `${line} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A chart: its bars are the KPI rows it names, an exact indicator or a family ending in '.' (one bar per member). */
interface ChartPlan {
  id: string;
  domain: KpiDomain;
  unit: ChartUnit;
  indicators: readonly string[];
  /** Which of the named rows are drawn; all by default. */
  drawn?: (row: KpiRow) => boolean;
}

// The charts of the indicator dashboard, in domain order. Bars and targets are the rows of the tables and the CSV
// (libs/dispatch kpi-rows: reference/standards.md and the centre's categories), so a chart cannot disagree with them.
const CHART_PLANS: readonly ChartPlan[] = [
  {
    id: 'answer-times',
    domain: 'timely',
    unit: 'seconds',
    indicators: ['calls.answerSecondsP50', 'calls.answerSecondsP90', 'processing.answerToDispatchSecondsP90'],
  },
  {
    id: 'timely-shares',
    domain: 'timely',
    unit: 'share',
    indicators: ['calls.answeredWithin15sShare', 'calls.answeredWithin20sShare', 'processing.within60sShare'],
  },
  {
    id: 'on-scene-by-category',
    domain: 'safe',
    unit: 'minutes',
    indicators: ['response.onSceneMinutesP50ByCategory.'],
    // Targets of days and weeks (D, E) would flatten the urgent bars to nothing; their figures stay in the tables.
    drawn: (row) => row.target !== null && row.target.value <= CHARTED_TARGET_MINUTES,
  },
  { id: 'within-target', domain: 'safe', unit: 'share', indicators: ['response.withinTargetShare'] },
  { id: 'incidents-by-category', domain: 'accessible', unit: 'count', indicators: ['incidents.byCategory.'] },
  { id: 'police-involvement', domain: 'least-restrictive', unit: 'share', indicators: ['policeInvolvementShare'] },
  {
    id: 'response-funnel',
    domain: 'effective',
    unit: 'count',
    indicators: ['incidents.total', 'response.offered', 'response.accepted', 'response.onScene'],
  },
  { id: 'follow-up', domain: 'person-centred', unit: 'share', indicators: ['followUps.doneWithin24hShare'] },
  {
    id: 'handoffs',
    domain: 'partnership',
    unit: 'count',
    indicators: ['handoffs.requested', 'handoffs.accepted', 'handoffs.declined', 'handoffs.declineReasons.'],
  },
];

const named = (row: KpiRow, name: string): boolean =>
  name.endsWith('.') ? row.indicator.startsWith(name) : row.indicator === name;

/** The charts of the indicator dashboard, each bar with its standard's or the centre's target. */
export function dashboardCharts(r: KpiReport, responseMinutes: Readonly<ResponseTimes>): ChartSpec[] {
  const rows = kpiRows(r, responseMinutes);
  return CHART_PLANS.map(({ id, domain, unit, indicators, drawn = () => true }) => ({
    id,
    domain,
    unit,
    points: indicators
      .flatMap((name) => rows.filter((row) => named(row, name) && drawn(row)))
      .map((row) => ({ key: row.indicator, value: row.value, target: row.target?.value ?? null })),
  }));
}

/** A value as shown: shares as percent, durations with their unit. */
export function formatValue(value: number, unit: ChartUnit, lang: string): string {
  const locale = lang === 'ko' ? 'ko-KR' : 'en-GB';
  if (unit === 'share') return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  const n = value.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (unit === 'seconds') return lang === 'ko' ? `${n}초` : `${n} s`;
  if (unit === 'minutes') return lang === 'ko' ? `${n}분` : `${n} min`;
  return n;
}

/** Staffing gap of a region: planned staff minus the members of its teams on duty now (never below zero). */
export function staffingGap(planned: number | null, rostered: number): number | null {
  return planned === null ? null : Math.max(0, planned - rostered);
}
