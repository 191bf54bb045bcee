import { useCallback, useEffect, useMemo, useState } from 'react';
import { KPI_DOMAINS } from '#contracts';
import { kpiRows } from '#dispatch';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import './chart-setup';
import './dashboard.css';
import { downloadApiCsv } from './csv-download';
import {
  dashboardCharts,
  defaultFilters,
  kpiQuery,
  localDateString,
  monthFilters,
  type DashboardFilters as Filters,
} from './dashboard-model';
import { DashboardFilters } from './DashboardFilters';
import { DistrictMap } from './DistrictMap';
import { DomainSection } from './DomainSection';
import { TrendPanel } from './TrendPanel';
import { formatFullDateTime } from '../../common/format';

/**
 * The supervisor's dashboard: GET /kpis for a period, region and category, grouped under the CRISES domains, each
 * chart with its target and its data table; trends; the district map; CSV exports; a printable monthly report.
 */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const { api, token } = useAuth();
  const [filters, setFilters] = useState<Filters>(() => defaultFilters(new Date()));
  const [month, setMonth] = useState(() => localDateString(new Date()).slice(0, 7));
  const [printPending, setPrintPending] = useState(false);
  const query = useMemo(() => kpiQuery(filters), [filters]);
  const report = useLoad((signal) => api.kpis(query, signal), query);
  const targets = useLoad(() => api.kpiTargets(), 'targets');
  const params = new URLSearchParams(query);
  const [trendsPeriod, setTrendsPeriod] = useState<string | null>(null);
  const [districtsPeriod, setDistrictsPeriod] = useState<string | null>(null);
  const onTrendsReady = useCallback((period: string | null) => setTrendsPeriod(period), []);
  const onDistrictsReady = useCallback((period: string | null) => setDistrictsPeriod(period), []);

  // The monthly report prints once all of that month's figures (indicators, trends, districts) are on the page:
  // each part names the period it holds, so figures of the previous period cannot pass for the new month's.
  const period = `${params.get('from')}|${params.get('to')}`;
  const complete =
    !report.loading &&
    report.data !== null &&
    `${report.data.from}|${report.data.to}` === period &&
    trendsPeriod === period &&
    (districtsPeriod === period || districtsPeriod === 'no-regions');
  useEffect(() => {
    if (!printPending || !complete) return;
    // Print on the next frame, once the complete report is painted.
    requestAnimationFrame(() => {
      setPrintPending(false);
      window.print();
    });
  }, [printPending, complete]);

  const exportAll = () =>
    void downloadApiCsv(`/kpis?${query}`, token, `kpis-${filters.fromDate}-${filters.toDate}.csv`).catch(() =>
      window.alert(t.dashboard.exportFailed),
    );
  const rows = report.data && targets.data ? kpiRows(report.data, targets.data.responseMinutes) : null;
  const charts = report.data && targets.data ? dashboardCharts(report.data, targets.data.responseMinutes) : [];
  return (
    <div
      className="dashboard"
      data-testid="dashboard"
      data-complete={complete ? 'true' : 'false'}
      data-from={params.get('from')}
      data-to={params.get('to')}
      data-query={query}
    >
      <header className="dashboard-head">
        <h2>{t.dashboard.title}</h2>
        <div className="print-only report-head">
          <p>{t.dashboard.reportTitle}</p>
          <p>{t.dashboard.reportPeriod(filters.fromDate, filters.toDate)}</p>
          {/* eslint-disable-next-line react-hooks/purity -- the printed report states when it was rendered */}
          <p>{t.dashboard.reportGenerated(formatFullDateTime(Date.now(), lang))}</p>
        </div>
        <DashboardFilters key={query} value={filters} onApply={setFilters} />
        <div className="dashboard-actions no-print">
          <button type="button" className="btn" onClick={exportAll} data-testid="export-kpis">
            {t.dashboard.exportAll}
          </button>
          <label>
            {t.dashboard.month}
            <input type="month" name="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn"
            data-testid="print-month"
            disabled={!/^\d{4}-\d{2}$/.test(month)}
            onClick={() => {
              setFilters(monthFilters(month, filters));
              setPrintPending(true);
            }}
          >
            {t.dashboard.printMonth}
          </button>
        </div>
      </header>
      {report.error || targets.error ? <p role="alert">{t.dashboard.failed}</p> : null}
      {!rows ? <p className="empty-note">{t.dashboard.loading}</p> : null}
      {rows ? (
        <div className="dashboard-domains" data-testid="kpi-domains" aria-busy={report.loading}>
          {KPI_DOMAINS.map((d) => (
            <DomainSection
              key={d}
              domain={d}
              rows={rows.filter((r) => r.domain === d)}
              charts={charts.filter((c) => c.domain === d)}
            />
          ))}
        </div>
      ) : null}
      <TrendPanel query={query} onReady={onTrendsReady} />
      <DistrictMap query={query} onReady={onDistrictsReady} />
    </div>
  );
}
