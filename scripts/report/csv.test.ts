import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves the rest alone', () => {
    expect(csvCell('Dhaka, Savar')).toBe('"Dhaka, Savar"');
    expect(csvCell('the "Delivery Board"')).toBe('"the ""Delivery Board"""');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses a leading tab or carriage return, and a formula behind leading spaces', () => {
    expect(csvCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('  =cmd|x')).toBe(`'  =cmd|x`);
    expect(csvCell(' \t+1')).toBe(`' \t+1`);
    expect(csvCell('  plain')).toBe('  plain');
  });

  it('reads back what it writes', () => {
    const rows = [
      ['a,b', 'line\r\nbreak', '"q"'],
      ['', '1', 'x'],
    ];
    expect(parseCsv(toCsv(['h1', 'h2', 'h3'], rows))).toEqual([['h1', 'h2', 'h3'], ...rows]);
  });
});
