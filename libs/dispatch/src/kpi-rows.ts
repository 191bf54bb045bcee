import {
  CATEGORIES,
  type Category,
  type KpiDomain,
  type KpiReport,
  type KpiRow,
  type KpiUnit,
  type ResponseTimes,
} from '#contracts';

// The indicators of GET /kpis as rows grouped under the CRISES quality domains, each with its standard's target
// (reference/standards.md §1). The API's CSV and the console's dashboard tables are both made from these rows,
// so an exported file and the screen cannot disagree.

type Target = KpiRow['target'];

const NENA = 'NENA-STA-020.1-2020';
const NFPA = 'NFPA 1225';

const atLeast = (value: number, source: string): Target => ({ op: '>=', value, source });
const atMost = (value: number, source: string): Target => ({ op: '<=', value, source });

interface Spec {
  domain: KpiDomain;
  indicator: string;
  unit: KpiUnit;
  target: Target;
  read: (r: KpiReport) => number;
}

const spec = (
  domain: KpiDomain,
  indicator: string,
  unit: KpiUnit,
  read: (r: KpiReport) => number,
  target: Target = null,
): Spec => ({
  domain,
  indicator,
  unit,
  target,
  read,
});

type Section = 'calls' | 'incidents' | 'processing' | 'response' | 'handoffs' | 'followUps';

/** The fields of a report section that are one number (not a per-category or per-reason record). */
type Figure<S extends Section> = {
  [F in keyof KpiReport[S]]: KpiReport[S][F] extends number ? F : never;
}[keyof KpiReport[S]];

/** An indicator that is one figure of the report, named `section.field` after it so the name and value cannot part. */
const figure = <S extends Section>(
  domain: KpiDomain,
  section: S,
  field: Figure<S>,
  unit: KpiUnit,
  target: Target = null,
): Spec => spec(domain, `${section}.${String(field)}`, unit, (r) => r[section][field] as number, target);

/**
 * The category response targets as minutes (reference/triage.md): `respondWithinMinutes` of the centre's
 * configuration; F and G have none.
 */
function categorySpecs(responseTimes: Readonly<ResponseTimes>): Spec[] {
  return CATEGORIES.map((c: Category) => {
    const minutes = responseTimes[c];
    return spec(
      'safe',
      `response.onSceneMinutesP50ByCategory.${c}`,
      'minutes',
      (r) => r.response.onSceneMinutesP50ByCategory[c] ?? 0,
      minutes === null ? null : atMost(minutes, `category ${c} response target`),
    );
  });
}

function specs(report: KpiReport, responseTimes: Readonly<ResponseTimes>): Spec[] {
  return [
    figure('timely', 'calls', 'answerSecondsP50', 'seconds'),
    figure('timely', 'calls', 'answerSecondsP90', 'seconds', atMost(15, NENA)),
    figure('timely', 'calls', 'answeredWithin15sShare', 'share', atLeast(0.9, NENA)),
    figure('timely', 'calls', 'answeredWithin20sShare', 'share', atLeast(0.95, NENA)),
    figure('timely', 'processing', 'answerToDispatchSecondsP90', 'seconds', atMost(60, NFPA)),
    figure('timely', 'processing', 'within60sShare', 'share', atLeast(0.9, NFPA)),
    figure('timely', 'response', 'acceptSecondsP50', 'seconds'),
    figure('safe', 'response', 'withinTargetShare', 'share', atLeast(0.9, 'category response targets')),
    ...categorySpecs(responseTimes),
    figure('accessible', 'calls', 'total', 'count'),
    figure('accessible', 'calls', 'answered', 'count'),
    figure('accessible', 'incidents', 'total', 'count'),
    ...CATEGORIES.map((c) =>
      spec('accessible', `incidents.byCategory.${c}`, 'count', (r) => r.incidents.byCategory[c] ?? 0),
    ),
    spec('least-restrictive', 'policeInvolvementShare', 'share', (r) => r.policeInvolvementShare),
    figure('effective', 'processing', 'measured', 'count'),
    figure('effective', 'response', 'offered', 'count'),
    figure('effective', 'response', 'accepted', 'count'),
    figure('effective', 'response', 'onScene', 'count'),
    figure('person-centred', 'followUps', 'due', 'count'),
    figure('person-centred', 'followUps', 'doneWithin24hShare', 'share', atLeast(1, 'follow-up within 24 h')),
    figure('partnership', 'handoffs', 'requested', 'count'),
    figure('partnership', 'handoffs', 'accepted', 'count'),
    figure('partnership', 'handoffs', 'declined', 'count'),
    figure('partnership', 'handoffs', 'hospitalRefusalRate', 'share'),
    figure('partnership', 'handoffs', 'bedFoundMinutesP50', 'minutes'),
    // Decline reasons are open-ended (an unknown code is kept), so they are read from the report itself.
    ...Object.keys(report.handoffs.declineReasons)
      .sort()
      .map((code) =>
        spec('partnership', `handoffs.declineReasons.${code}`, 'count', (r) => r.handoffs.declineReasons[code] ?? 0),
      ),
  ];
}

/** Every indicator of the report as a row, in domain order, with its target. */
export function kpiRows(report: KpiReport, responseTimes: Readonly<ResponseTimes>): KpiRow[] {
  return specs(report, responseTimes).map((s) => ({
    domain: s.domain,
    indicator: s.indicator,
    value: s.read(report),
    unit: s.unit,
    target: s.target,
  }));
}

/** Whether a value meets its target (null when the indicator has none). */
export function meetsTarget(row: Pick<KpiRow, 'value' | 'target'>): boolean | null {
  if (!row.target) return null;
  return row.target.op === '>=' ? row.value >= row.target.value : row.value <= row.target.value;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at its start) is prefixed with an apostrophe (OWASP CSV injection);
 * numbers are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: a header line and one line per row, CRLF line ends. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const KPI_CSV_HEADER = [
  'domain',
  'indicator',
  'value',
  'unit',
  'target_op',
  'target',
  'target_source',
  'from',
  'to',
] as const;

/** GET /kpis as CSV: one line per indicator (KPI_CSV_HEADER). */
export function kpiCsv(report: KpiReport, responseTimes: Readonly<ResponseTimes>): string {
  return toCsv(
    KPI_CSV_HEADER,
    kpiRows(report, responseTimes).map((r) => [
      r.domain,
      r.indicator,
      r.value,
      r.unit,
      r.target?.op,
      r.target?.value,
      r.target?.source,
      report.from,
      report.to,
    ]),
  );
}
