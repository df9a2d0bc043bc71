// Spreadsheets run a cell that begins with =, +, -, @, a tab or a carriage return as a formula
// (OWASP, "CSV Injection"): a note typed as =HYPERLINK("http://...") would become a live link, or
// worse, on the computer of whoever opens the export. Every text cell the registry writes (the
// API's exports and the dashboard's chart downloads) goes through textCell, which puts an
// apostrophe in front of such a value; spreadsheets then show it as text. Number columns are
// written as they are, so -2.5 stays a number.
//
// The CSV import takes that apostrophe away again (fromTextCell in libs/api-import-export), so that a records export imported
// into a registry stores exactly what was exported. To keep that exact, a value that already
// begins with apostrophes followed by such a character gets one more: the import removes one
// apostrophe from a cell that begins with apostrophes followed by one of them, and nothing from
// any other cell (an apostrophe before ordinary text is kept as data).

const FORMULA = /^'*[=+\-@\t\r]/;

/** A text value as written to a CSV cell: with an apostrophe in front if a spreadsheet would run it. */
export function textCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}
