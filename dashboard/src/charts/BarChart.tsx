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
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, LineController, LineElement, PointElement);

export interface Series {
  label: string;
  /** null draws nothing: a missing or suppressed figure, never a zero. */
  data: (number | null)[];
  color: string;
  /** Drawn as a line over the bars (a baseline or a target). */
  line?: boolean;
  dashed?: boolean;
}

/**
 * A Chart.js bar chart. The canvas is described for screen readers by `summary`; every chart
 * sits next to a table with the same figures, which is what assistive technology reads.
 */
export function BarChart({
  labels,
  series,
  summary,
  stacked = false,
  horizontal = false,
  height = 260,
}: {
  labels: string[];
  series: Series[];
  summary: string;
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Views rebuild their arrays on every render; redraw only when the figures themselves change.
  const figures = JSON.stringify({ labels, series, stacked, horizontal });
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          ...(s.line ? { type: 'line' as const, borderDash: s.dashed ? [6, 4] : [], pointRadius: 3, fill: false } : {}),
          label: s.label,
          data: s.data,
          backgroundColor: s.color,
          borderColor: s.color,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: { x: { stacked, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    } as never);
    return () => chart.destroy();
  }, [figures]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
