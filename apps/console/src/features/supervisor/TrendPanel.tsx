import { useCallback, useEffect } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { KpiTrend, TrendBucket } from '#contracts';
import { useAuth } from '../../auth/auth';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { ChartFigure } from './ChartFigure';
import { CHART_COLOURS } from './chart-setup';
import { downloadApiCsv } from './csv-download';
import { formatValue } from './dashboard-model';

const NENA_15S_SHARE = 0.9;

/** Calls per bucket (bars) and the share answered within 15 s (line, with the NENA 90 % target), with its table. */
function TrendChart({ trend, query }: { trend: KpiTrend; query: string }) {
  const { t, lang } = useI18n();
  const { token } = useAuth();
  const id = `trend-${trend.bucket}`;
  const title = t.dashboard.charts[id] ?? id;
  const labels = trend.points.map((p) => p.bucket);
  const data: ChartData<'bar' | 'line'> = {
    labels,
    datasets: [
      {
        type: 'bar',
        label: t.dashboard.calls,
        data: trend.points.map((p) => p.report.calls.total),
        backgroundColor: CHART_COLOURS.value,
        yAxisID: 'y',
      },
      {
        type: 'line',
        label: t.dashboard.answered15,
        data: trend.points.map((p) => (p.report.calls.total ? p.report.calls.answeredWithin15sShare * 100 : null)),
        spanGaps: true,
        borderColor: CHART_COLOURS.second,
        backgroundColor: CHART_COLOURS.second,
        yAxisID: 'share',
      },
      {
        type: 'line',
        label: t.dashboard.targetLine,
        data: labels.map(() => NENA_15S_SHARE * 100),
        borderColor: CHART_COLOURS.target,
        borderDash: [6, 4],
        pointRadius: 0,
        yAxisID: 'share',
      },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      y: { beginAtZero: true, position: 'left' },
      share: { beginAtZero: true, max: 100, position: 'right', grid: { drawOnChartArea: false } },
    },
  };
  const summary = `${title}: ${
    trend.points
      .filter((p) => p.report.calls.total > 0)
      .map(
        (p) =>
          `${p.bucket} ${p.report.calls.total} ${t.dashboard.calls}, ${formatValue(p.report.calls.answeredWithin15sShare, 'share', lang)}`,
      )
      .join('; ') || t.dashboard.noData
  }`;
  const exportCsv = useCallback(
    () =>
      void downloadApiCsv(`/kpis/trend?${query}`, token, `kpis-trend-${trend.bucket}.csv`).catch(() =>
        window.alert(t.dashboard.exportFailed),
      ),
    [query, token, trend.bucket, t],
  );
  return (
    <ChartFigure id={id} title={title} wide data={data} options={options} summary={summary}>
      <DataTable
        caption={title}
        columns={[
          trend.bucket === 'day' ? t.dashboard.day : t.dashboard.hour,
          t.dashboard.calls,
          t.dashboard.answered15,
          t.dashboard.incidents,
          t.dashboard.withinTarget,
        ]}
        testId={`chart-table-${id}`}
      >
        {trend.points.map((p) => (
          <tr
            key={p.bucket}
            data-bucket={p.bucket}
            data-calls={p.report.calls.total}
            data-incidents={p.report.incidents.total}
          >
            <th scope="row">{p.bucket}</th>
            <td>{p.report.calls.total}</td>
            {/* A share of nothing is not 0 %: empty buckets show a dash. */}
            <td>{p.report.calls.total ? formatValue(p.report.calls.answeredWithin15sShare, 'share', lang) : '—'}</td>
            <td>{p.report.incidents.total}</td>
            <td>{p.report.incidents.total ? formatValue(p.report.response.withinTargetShare, 'share', lang) : '—'}</td>
          </tr>
        ))}
      </DataTable>
      <ExportButton what={title} onClick={exportCsv} />
    </ChartFigure>
  );
}

/** Trends by day and by hour of day over the dashboard's period and filters. */
export function TrendPanel({ query, onReady }: { query: string; onReady: (period: string | null) => void }) {
  const { t } = useI18n();
  const { api } = useAuth();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const q = (bucket: TrendBucket) => `${query}&bucket=${bucket}&timeZone=${encodeURIComponent(timeZone)}`;
  const day = useLoad((signal) => api.kpiTrend(q('day'), signal), `day|${query}`);
  const hour = useLoad((signal) => api.kpiTrend(q('hour'), signal), `hour|${query}`);
  // The period both trends were loaded for, so the page knows they match its filters (see DashboardPage).
  const ready =
    !day.loading &&
    !hour.loading &&
    day.data &&
    hour.data &&
    day.data.from === hour.data.from &&
    day.data.to === hour.data.to
      ? `${day.data.from}|${day.data.to}`
      : null;
  useEffect(() => onReady(ready), [ready, onReady]);
  return (
    <section className="panel domain-section" aria-labelledby="trends-title" data-testid="trends">
      <h3 id="trends-title">{t.dashboard.trends}</h3>
      {day.error || hour.error ? <p role="alert">{t.dashboard.failed}</p> : null}
      <div className="kpi-charts">
        {day.data ? (
          <TrendChart trend={day.data} query={q('day')} />
        ) : (
          <p className="empty-note">{t.dashboard.loading}</p>
        )}
        {hour.data ? <TrendChart trend={hour.data} query={q('hour')} /> : null}
      </div>
    </section>
  );
}
