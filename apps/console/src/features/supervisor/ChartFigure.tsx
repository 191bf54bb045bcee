import type { ReactNode } from 'react';
import { Chart as ReactChart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';

/**
 * A chart (Chart.js on a canvas) under its title, then `children`: the data table with the same numbers and its
 * export. The canvas is an image named by a text summary; the table is what screen readers and tests read.
 */
export function ChartFigure({
  id,
  title,
  wide = false,
  data,
  options,
  summary,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  data: ChartData<'bar' | 'line'>;
  options: ChartOptions<'bar' | 'line'>;
  summary: string;
  children: ReactNode;
}) {
  return (
    <figure className={wide ? 'kpi-chart kpi-chart-wide' : 'kpi-chart'} data-testid={`chart-${id}`}>
      <figcaption className="kpi-chart-title">{title}</figcaption>
      <div className="kpi-chart-canvas">
        <ReactChart type="bar" data={data} options={options} role="img" aria-label={summary} />
      </div>
      {children}
    </figure>
  );
}
