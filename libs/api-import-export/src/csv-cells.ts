import { stringify, Stringifier } from 'csv-stringify';
import { LIST_NONE, LIST_SEPARATOR } from '@vfr/domain';

// Spreadsheets run a cell that begins with =, +, -, @, a tab or a carriage return as a formula
// (OWASP, "CSV Injection"): a note typed as =HYPERLINK("http://...") would become a live link, or
// worse, on the computer of whoever opens the export. Every text cell the registry writes goes
// through textCell, which puts an apostrophe in front of such a value; spreadsheets then show it
// as text. Number columns are written as they are, so -2.5 stays a number.
//
// The import takes that apostrophe away again (fromTextCell), so that a records export imported
// into a registry stores exactly what was exported. To keep that exact, a value that already
// begins with apostrophes followed by such a character gets one more: the import removes one
// apostrophe from a cell that begins with apostrophes followed by one of them, and nothing from
// any other cell (an apostrophe before ordinary text is kept as data).

const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A text value as written to a CSV cell: with an apostrophe in front if a spreadsheet would run it. */
export function textCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** A CSV cell as read by the import: without the apostrophe textCell put in front. */
export function fromTextCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/**
 * The SQL that writes an enum list column as its CSV cell (libs/domain's listCell): values
 * separated by semicolons, NONE for an empty list, an empty cell for NULL.
 */
export function listCellSql(column: string): string {
  return `CASE WHEN cardinality(${column}) = 0 THEN '${LIST_NONE}' ELSE array_to_string(${column}, '${LIST_SEPARATOR}') END`;
}

/** PostgreSQL's number types: smallint, integer, bigint, real, double precision, numeric. */
const NUMBER_TYPES = new Set([21, 23, 20, 700, 701, 1700]);

/** The columns of a query's result whose SQL type is a number (from its row description). */
export function numberColumns(fields: readonly { name: string; dataTypeID: number }[]): Set<string> {
  return new Set(fields.filter((f) => NUMBER_TYPES.has(f.dataTypeID)).map((f) => f.name));
}

/**
 * The CSV writer of every export: a header row, booleans as true and false, and each text cell
 * through textCell unless isNumber says its column holds numbers (PostgreSQL's numeric arrives as
 * text, so the column's type decides, never the look of the value).
 */
export function csvWriter(columns: string[], isNumber: (column: string) => boolean): Stringifier {
  return stringify({
    header: true,
    columns,
    cast: {
      boolean: (b) => (b ? 'true' : 'false'),
      string: (value, context) => (context.header || isNumber(String(context.column)) ? value : textCell(value)),
    },
  });
}
