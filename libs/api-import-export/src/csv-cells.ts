import { LIST_NONE, LIST_SEPARATOR } from '@vfr/domain';

// The CSV writer and textCell, which neutralise spreadsheet formulas in every export, are api-core's
// (csv-writer.ts): the audit log's export writes through them as well.
export { csvWriter, textCell } from '@vfr/api-core';

// The import takes that apostrophe away again (fromTextCell), so that a records export imported
// into a registry stores exactly what was exported. To keep that exact, a value that already
// begins with apostrophes followed by such a character gets one more: the import removes one
// apostrophe from a cell that begins with apostrophes followed by one of them, and nothing from
// any other cell (an apostrophe before ordinary text is kept as data).

const NEUTRALISED = /^'+[=+\-@\t\r]/;

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
