import { cachedGateways, uncachedGateways, type BenchRun, type LoadedRow } from './results.ts';

/**
 * The bench's requests/s as an SVG chart, written from the numbers alone: two panels of grouped
 * bars, one group per operation and one bar per gateway, without a cache (ours against Hive and
 * Hive with its Rust planner) and with one (ours against Hive with its response cache), each on
 * its own scale so neither hides the other. A title, labelled axes, a legend, each bar's value,
 * a pattern per gateway besides its colour, and a text alternative (`<title>`, `<desc>`) listing every figure.
 */

// Each gateway has its colour and its pattern (solid, stripes, dots), so the bars can be told
// apart without seeing colour: in greyscale, in print, or with a colour vision deficiency.
const colours: Record<string, string> = {
  ours: '#1b6ca8',
  'ours, cached': '#1b6ca8',
  Hive: '#d9822b',
  'Hive, cached': '#d9822b',
  'Hive, Rust planner': '#7a4fa0',
};
const patterns: Record<string, string> = {
  ours: 'solid',
  'ours, cached': 'solid',
  Hive: 'stripes',
  'Hive, cached': 'stripes',
  'Hive, Rust planner': 'dots',
};
const patternDefs = [
  `<pattern id="fill-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/><rect width="4" height="8" fill="${colours.Hive}"/></pattern>`,
  `<pattern id="fill-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="2" fill="${colours['Hive, Rust planner']}"/></pattern>`,
];
const fill = (gateway: string) => {
  const pattern = patterns[gateway] ?? 'solid';
  return pattern === 'solid' ? (colours[gateway] ?? '#888') : `url(#fill-${pattern})`;
};
const outline = (gateway: string) => colours[gateway] ?? '#888';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

interface Panel {
  title: string;
  gateways: readonly string[];
  operations: string[];
}

const width = 960;
const panelHeight = 300;
const left = 70;
const right = 20;
const top = 70;

function panel(rows: LoadedRow[], spec: Panel, y0: number): string {
  // NaN where the gateway did not answer the operation, or finished no request: no bar, "n/a".
  const value = (op: string, g: string) => rows.find((r) => r.operation === op && r.gateway === g)?.rps ?? NaN;
  const max = niceMax(Math.max(0, ...spec.operations.flatMap((op) => spec.gateways.map((g) => value(op, g))).filter(Number.isFinite)));
  const plotHeight = panelHeight - 90;
  const plotTop = y0 + 30;
  const plotWidth = width - left - right;
  const groupWidth = plotWidth / Math.max(1, spec.operations.length);
  const barWidth = Math.min(48, (groupWidth * 0.8) / spec.gateways.length);
  const y = (v: number) => plotTop + plotHeight - (v / max) * plotHeight;
  const parts: string[] = [`<text x="${left}" y="${y0 + 16}" font-size="15" font-weight="bold">${escape(spec.title)}</text>`];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${Math.round(v).toLocaleString('en-GB')}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(16 ${plotTop + plotHeight / 2}) rotate(-90)" font-size="12" text-anchor="middle">requests per second</text>`,
    `<line x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
  );
  spec.operations.forEach((op, i) => {
    const groupLeft = left + i * groupWidth + (groupWidth - barWidth * spec.gateways.length) / 2;
    spec.gateways.forEach((g, j) => {
      const x = groupLeft + j * barWidth;
      const measured = value(op, g);
      if (!Number.isFinite(measured)) {
        parts.push(`<text x="${(x + (barWidth - 3) / 2).toFixed(1)}" y="${y(0) - 4}" font-size="10" text-anchor="middle">n/a</text>`);
        return;
      }
      const v = measured;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barWidth - 3).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${fill(g)}" stroke="${outline(g)}"><title>${escape(`${op}, ${g}: ${Math.round(v)} requests/s`)}</title></rect>`,
        `<text x="${(x + (barWidth - 3) / 2).toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${Math.round(v).toLocaleString('en-GB')}</text>`,
      );
    });
    parts.push(
      `<text x="${(left + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${y(0) + 18}" font-size="12" text-anchor="middle">${escape(op)}</text>`,
    );
  });
  parts.push(`<text x="${left + plotWidth / 2}" y="${y(0) + 38}" font-size="12" text-anchor="middle">operation</text>`);
  const legendY = y0 + 16;
  spec.gateways.forEach((g, j) => {
    const x = width - right - (spec.gateways.length - j) * 170;
    parts.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${fill(g)}" stroke="${outline(g)}"/>`,
      `<text x="${x + 18}" y="${legendY}" font-size="12">${escape(g)}</text>`,
    );
  });
  return parts.join('\n');
}

const rpsText = (rps: number | undefined) => (rps !== undefined && Number.isFinite(rps) ? String(Math.round(rps)) : 'n/a');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function benchChart(run: BenchRun): string {
  const operations = [...new Set(run.loaded.map((r) => r.operation))];
  const cachedOperations = operations.filter((op) => op !== 'CaseWithResponses');
  const panels: Panel[] = [
    { title: 'Without a response cache', gateways: uncachedGateways, operations },
    {
      title: 'With a response cache (case reads: never cached)',
      gateways: cachedGateways,
      operations: cachedOperations,
    },
  ];
  const height = top + panels.length * panelHeight;
  const title = `Requests per second, our gateway and Hive Gateway, ${run.machine.cpus} CPUs, ${run.date}`;
  const description = panels
    .map(
      (p) =>
        `${p.title}: ` +
        p.operations
          .map(
            (op) =>
              `${op}: ${p.gateways.map((g) => `${g} ${rpsText(run.loaded.find((r) => r.operation === op && r.gateway === g)?.rps)}`).join(', ')}`,
          )
          .join('; '),
    )
    .join('. ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif">`,
    `<title id="chart-title">${escape(title)}</title>`,
    `<desc id="chart-desc">${escape(`${description}. Requests per second, medians over ${plural(run.settings.rounds, 'interleaved round')}; n/a: not answered or no request finished.`)}</desc>`,
    `<defs>${patternDefs.join('')}</defs>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="28" font-size="18" font-weight="bold" text-anchor="middle">${escape(title)}</text>`,
    `<text x="${width / 2}" y="48" font-size="12" text-anchor="middle">${escape(`medians over ${plural(run.settings.rounds, 'interleaved round')} of ${run.settings.seconds} s, ${run.settings.connections} connections, a new caller token per request`)}</text>`,
    ...panels.map((p, i) => panel(run.loaded, p, top + i * panelHeight)),
    `</svg>`,
    '',
  ].join('\n');
}
