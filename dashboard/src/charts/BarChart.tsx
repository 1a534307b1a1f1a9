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
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18n.tsx';

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
 * A Chart.js bar chart in a figure: `summary` is its visible caption and the canvas's name for
 * screen readers, both axes carry a title, and the figures it draws are written out as the
 * canvas's description (read by assistive technology, not shown: every view has a table of the
 * same figures beside its chart).
 */
export function BarChart({
  labels,
  series,
  summary,
  axes,
  stacked = false,
  horizontal = false,
  height = 260,
}: {
  labels: string[];
  series: Series[];
  summary: string;
  /** What the categories are (sectors, periods…) and what the bars measure (actions, cases…). */
  axes: { category: string; value: string };
  stacked?: boolean;
  horizontal?: boolean;
  height?: number;
}) {
  const i18n = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const described = useId();
  // Views rebuild their arrays on every render; redraw only when the figures themselves change.
  const figures = JSON.stringify({ labels, series, stacked, horizontal, axes });
  const [x, y] = horizontal ? [axes.value, axes.category] : [axes.category, axes.value];
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
        // Every category keeps its label: Chart.js would otherwise skip some when they are crowded.
        scales: {
          x: { stacked, beginAtZero: true, ticks: { precision: 0, autoSkip: horizontal }, title: { display: true, text: x } },
          y: { stacked, beginAtZero: true, ticks: { precision: 0, autoSkip: !horizontal }, title: { display: true, text: y } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    } as never);
    return () => chart.destroy();
  }, [figures]);
  return (
    <figure
      className="chart-figure"
      data-axis-x={x}
      data-axis-y={y}
      data-categories={JSON.stringify(labels)}
      data-series={JSON.stringify(series.map((s) => s.label))}
    >
      <figcaption>{summary}</figcaption>
      <div className="chart" style={{ height: horizontal ? Math.max(height, 90 + 26 * labels.length) : height }}>
        <canvas ref={canvas} role="img" aria-label={summary} aria-describedby={described} />
      </div>
      <div id={described} hidden>
        <p>{i18n.t('chart.axes', { x, y })}</p>
        {series.map((s) => (
          <p key={s.label}>
            {i18n.t('chart.figures', {
              series: s.label,
              figures: labels
                .map((label, n) => {
                  const value = s.data[n];
                  return `${label} ${value === null || value === undefined ? i18n.t('chart.noFigure') : i18n.number(value)}`;
                })
                .join(', '),
            })}
          </p>
        ))}
      </div>
    </figure>
  );
}
