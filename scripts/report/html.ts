import { en } from '../../dashboard/src/i18n/en.ts';
import type { Cell } from './csv.ts';
import type { MeetingPack } from './packQuery.ts';
import { label, type Table } from './tables.ts';

/* The meeting pack as one printable page: the same tables as the CSV files, with a cover. */

export function escapeHtml(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Statuses that get a traffic-light colour wherever they appear in a cell, by the label the cell shows. */
const toneByCode: Record<string, string> = {
  MEETING_OBLIGATIONS: 'good',
  ON_TRACK: 'good',
  DONE: 'good',
  COMPLETED: 'good',
  AT_RISK: 'warn',
  DELAYED: 'warn',
  LATE: 'warn',
  FAILING: 'bad',
  OFF_TRACK: 'bad',
  OVERDUE: 'bad',
  MISSING: 'bad',
  NOT_REPORTED: 'bad',
  MET: 'good',
  DUE: 'warn',
  NOT_MET: 'bad',
};
const labelPrefixes = ['complianceStatus', 'status', 'delivery', 'indicatorStatus', 'obligationStatus'];
const tone: Record<string, string> = Object.fromEntries(
  Object.entries(toneByCode).flatMap(([code, css]) =>
    labelPrefixes.flatMap((prefix): [string, string][] => (`${prefix}.${code}` in en ? [[label(prefix, code)!, css]] : [])),
  ),
);

/** The printed pages' look: the meeting pack's and the alerts digest's. */
export const pageStyle = `<style>
  body { font: 10pt/1.4 system-ui, sans-serif; margin: 2em; color: #111; }
  h1 { font-size: 16pt; margin-bottom: 0; } h2 { font-size: 12pt; margin-top: 2em; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #eee; } .good { background: #d9f2d9; } .warn { background: #fff1c2; } .bad { background: #f8d0d0; }
  td { overflow-wrap: break-word; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 8pt; }
    h2 { break-after: avoid-page; margin-top: 1.2em; }
    section { break-inside: avoid-page; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
  }
</style>`;

function cell(value: Cell): string {
  const css = typeof value === 'string' && tone[value] ? ` class="${tone[value]}"` : '';
  return `<td${css}>${escapeHtml(value)}</td>`;
}

export function table(t: Table): string {
  const printed = t.header.map((h, i) => (t.csvOnly?.includes(h) ? -1 : i)).filter((i) => i >= 0);
  const header = printed.map((i) => t.header[i]!);
  const body = t.rows.length
    ? t.rows.map((row) => `<tr>${printed.map((i) => cell(row[i])).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${header.length}">None.</td></tr>`;
  return `<section id="${t.name}">
<h2>${escapeHtml(t.title)}</h2>
<table>
<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
}

export function packHtml(pack: MeetingPack, tables: readonly Table[]): string {
  const { body } = pack;
  const cadence = !body.nextMeetingDue
    ? '<strong class="bad">The body has no meeting on record</strong>'
    : body.meetingOverdue
      ? `<strong class="bad">Overdue by ${body.daysOverdue} days</strong> (next meeting was due ${escapeHtml(body.nextMeetingDue)})`
      : `Next meeting due ${escapeHtml(body.nextMeetingDue)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Meeting pack: ${escapeHtml(body.name)}, ${escapeHtml(pack.preparedOn)}</title>
${pageStyle}
</head>
<body>
<header>
<h1>Meeting pack: ${escapeHtml(body.name)}</h1>
<p>${escapeHtml(pack.framework.title)} (${escapeHtml(pack.framework.country.name)}), led by ${escapeHtml(pack.framework.leadOrganisation.name)}.</p>
<p>Prepared on ${escapeHtml(pack.preparedOn)}. Meets ${escapeHtml(body.cadence.description)}; last met ${escapeHtml(body.lastMetOn ?? 'never')}. ${cadence}.</p>
</header>
${tables.map(table).join('\n')}
</body>
</html>
`;
}
