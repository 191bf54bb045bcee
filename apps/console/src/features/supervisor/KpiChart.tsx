import type { ChartData, ChartOptions } from 'chart.js';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure } from './ChartFigure';
import { CHART_COLOURS } from './chart-setup';
import { downloadRows } from './csv-download';
import { axisLabel, formatValue, type ChartPoint, type ChartUnit } from './dashboard-model';

export interface LabelledPoint extends ChartPoint {
  label: string;
}

/**
 * One indicator chart (Chart.js on a canvas) with its target line, paired with a data table that carries the same
 * numbers: the canvas is an image named by a text summary, the table is what screen readers and tests read.
 */
export function KpiChart({
  id,
  title,
  unit,
  points,
}: {
  id: string;
  title: string;
  unit: ChartUnit;
  points: LabelledPoint[];
}) {
  const { t, lang } = useI18n();
  const hasTarget = points.some((p) => p.target !== null);
  const scale = unit === 'share' ? 100 : 1;
  const data: ChartData<'bar' | 'line'> = {
    labels: points.map((p) => axisLabel(p.key, p.label)),
    datasets: [
      { type: 'bar', label: title, data: points.map((p) => p.value * scale), backgroundColor: CHART_COLOURS.value },
      ...(hasTarget
        ? [
            {
              type: 'line' as const,
              label: t.dashboard.targetLine,
              data: points.map((p) => (p.target === null ? null : p.target * scale)),
              borderColor: CHART_COLOURS.target,
              backgroundColor: CHART_COLOURS.target,
              borderDash: [6, 4],
              pointStyle: 'line' as const,
              pointRadius: 12,
              pointBorderWidth: 3,
              // One target for all bars is a line across; per-bar targets (categories) are marks on each bar.
              showLine: new Set(points.map((p) => p.target)).size === 1,
            },
          ]
        : []),
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: { y: { beginAtZero: true, ...(unit === 'share' ? { max: 100 } : {}) } },
    // The bars are named by the caption; the legend explains only the target marks.
    plugins: { legend: { display: hasTarget, labels: { filter: (item) => item.datasetIndex === 1 } } },
  };
  const summary = `${title}: ${points.map((p) => `${p.label} ${formatValue(p.value, unit, lang)}${p.target !== null ? ` (${t.dashboard.target} ${formatValue(p.target, unit, lang)})` : ''}`).join('; ')}`;
  const exportRows = () =>
    downloadRows(
      `${id}.csv`,
      ['indicator', 'label', 'value', 'target'],
      points.map((p) => [p.key, p.label, p.value, p.target]),
    );
  return (
    <ChartFigure id={id} title={title} data={data} options={options} summary={summary}>
      <DataTable
        caption={title}
        columns={[t.dashboard.indicator, t.dashboard.value, t.dashboard.target]}
        testId={`chart-table-${id}`}
      >
        {points.map((p) => (
          <tr key={p.key} data-indicator={p.key} data-value={p.value}>
            <th scope="row">{p.label}</th>
            <td>{formatValue(p.value, unit, lang)}</td>
            <td>{p.target === null ? t.dashboard.noTarget : formatValue(p.target, unit, lang)}</td>
          </tr>
        ))}
      </DataTable>
      <ExportButton what={title} onClick={exportRows} />
    </ChartFigure>
  );
}
