/*
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields with commas, quotes or
 * line breaks quoted and their quotes doubled. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return, or with =, +, - or @ after spaces) is prefixed with an apostrophe, so opening the pack in a
 * spreadsheet cannot execute what a sector typed into a note.
 */

export type Cell = string | number | boolean | null | undefined;

/** OWASP's formula starts: = + - @ tab or carriage return first, or = + - @ after leading spaces. */
const formulaStart = /^(?:[=+\-@\t\r]|\s*[=+\-@])/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV written by toCsv back into rows (used to check what was written). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
