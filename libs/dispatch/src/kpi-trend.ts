import type { KpiTrend, ResponseTimes, TrendBucket } from '#contracts';
import { kpiRows, toCsv } from './kpi-rows.js';

// Buckets of GET /kpis/trend in the centre's time zone. A day is a calendar day there (midnight to midnight, so a
// daylight-saving day is 23 or 25 hours); an hour of day gathers that hour over every day of the period.

const pad = (n: number): string => String(n).padStart(2, '0');

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(new Date(at), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** The instant of local midnight that starts the local day after the one `at` falls in. */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day + 1);
  // Two passes settle the offset on the far side of a daylight-saving change.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

export interface TrendSlice {
  bucket: string;
  from: Date;
  to: Date;
  /** Set for hour-of-day buckets: the slice is [from, to) restricted to this local hour. */
  hourOfDay: number | null;
}

/** The slices a trend is made of: local days clipped to [from, to), or the 24 hours of day over all of it. */
export function trendSlices(from: Date, to: Date, bucket: TrendBucket, timeZone: string): TrendSlice[] {
  if (bucket === 'hour') return Array.from({ length: 24 }, (_, h) => ({ bucket: pad(h), from, to, hourOfDay: h }));
  const slices: TrendSlice[] = [];
  let start = from;
  while (start.getTime() < to.getTime()) {
    const next = nextLocalMidnight(start, timeZone);
    const end = next.getTime() < to.getTime() ? next : to;
    slices.push({ bucket: localDate(start, timeZone), from: start, to: end, hourOfDay: null });
    start = end;
  }
  return slices;
}

/** GET /kpis/trend as CSV: one line per bucket and indicator. */
export function kpiTrendCsv(trend: KpiTrend, responseTimes: Readonly<ResponseTimes>): string {
  const lines = trend.points.flatMap((p) =>
    kpiRows(p.report, responseTimes).map((r) => [trend.bucket, p.bucket, r.domain, r.indicator, r.value, r.unit]),
  );
  return toCsv(['bucket_kind', 'bucket', 'domain', 'indicator', 'value', 'unit'], lines);
}
