// A chart's numbers as a CSV file: exactly the table its card shows under "Show as table" (the
// same rounded, formatted cells; a withheld count stays the withheld wording, never a number).

import type { ChartTable } from './chart-text';

// A spreadsheet runs a cell that begins with =, +, @, a tab or a carriage return (or a minus
// before something that is not a number) as a formula: such a cell gets an apostrophe in front,
// as in the server's exports (csv-writer.ts). "-1.5" stays a number.
const FORMULA = /^([=+@\t\r]|-(?![\d.]))/;

/** One cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  const cell = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The table as CSV: a header row of its columns, then its rows; lines end with CRLF. */
export function tableCsv(table: ChartTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name from a chart's title: "Complication rates, by grade" → "complication-rates-by-grade.png". */
export function chartFileName(title: string, extension: string): string {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'chart'}.${extension}`;
}
