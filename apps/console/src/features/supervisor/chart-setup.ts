import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Chart.js is tree-shaken: only the parts the dashboard draws are registered, once, in the dashboard's own chunk.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** Okabe–Ito colours (distinguishable with colour-blindness); targets are also dashed, not only coloured. */
export const CHART_COLOURS = { value: '#0072B2', second: '#009E73', target: '#D55E00' } as const;

export { Chart };
