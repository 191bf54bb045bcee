import type { KpiDomain, KpiRow } from '#contracts';
import { meetsTarget } from '#dispatch';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { downloadRows } from './csv-download';
import { formatValue, type ChartSpec } from './dashboard-model';
import { KpiChart } from './KpiChart';
import { indicatorLabel } from './labels';

/** One CRISES domain: its indicators as a table (value, target, met or missed) and its charts. */
export function DomainSection({ domain, rows, charts }: { domain: KpiDomain; rows: KpiRow[]; charts: ChartSpec[] }) {
  const { t, lang } = useI18n();
  const title = t.dashboard.domains[domain];
  const headingId = `domain-${domain}`;
  const exportRows = () =>
    downloadRows(
      `kpis-${domain}.csv`,
      ['domain', 'indicator', 'value', 'unit', 'target_op', 'target'],
      rows.map((r) => [r.domain, r.indicator, r.value, r.unit, r.target?.op ?? null, r.target?.value ?? null]),
    );
  return (
    <section className="panel domain-section" aria-labelledby={headingId} data-testid={`domain-${domain}`}>
      <h3 id={headingId}>{title}</h3>
      <DataTable
        caption={title}
        columns={[t.dashboard.indicator, t.dashboard.value, t.dashboard.target, t.dashboard.status]}
        testId={`domain-table-${domain}`}
      >
        {rows.map((r) => {
          const met = meetsTarget(r);
          return (
            <tr key={r.indicator} data-indicator={r.indicator} data-value={r.value}>
              <th scope="row">{indicatorLabel(t, r.indicator)}</th>
              <td>{formatValue(r.value, r.unit, lang)}</td>
              <td>
                {r.target
                  ? `${r.target.op === '>=' ? '≥' : '≤'} ${formatValue(r.target.value, r.unit, lang)}`
                  : t.dashboard.noTarget}
              </td>
              <td className={met === false ? 'kpi-missed' : undefined}>
                {met === null ? t.dashboard.noTarget : met ? `✓ ${t.dashboard.met}` : `✗ ${t.dashboard.missed}`}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <ExportButton what={title} onClick={exportRows} />
      <div className="kpi-charts">
        {charts.map((c) => (
          <KpiChart
            key={c.id}
            id={c.id}
            title={t.dashboard.charts[c.id] ?? c.id}
            unit={c.unit}
            points={c.points.map((p) => ({ ...p, label: indicatorLabel(t, p.key) }))}
          />
        ))}
      </div>
    </section>
  );
}
