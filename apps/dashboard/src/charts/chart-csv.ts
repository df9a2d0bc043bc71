// A chart's numbers as a CSV file: exactly the table its card shows under "Show as table" (the
// same rounded, formatted cells; a withheld count stays the withheld wording, never a number).

import { textCell } from '@vfr/domain';
import type { ChartTable } from './chart-text';

// A table's cells are formatted text: one that begins with a negative number as shown ("-1.5",
// "-2.8 (-3.4 to -2.2)") is left as it is; any other goes through the domain's textCell, the rule
// of the server's exports ("-2+3" is still guarded).
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?(\s|$)/;

/** One cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  const cell = NEGATIVE_NUMBER.test(value) ? value : textCell(value);
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
