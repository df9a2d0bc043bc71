import { textCell } from '@vfr/domain';
import { stringify, Stringifier } from 'csv-stringify';

// Every text cell goes through the domain's textCell (an apostrophe in front of what a spreadsheet
// would run as a formula; see csv-text.ts there), the same rule the dashboard's downloads follow.
export { textCell };

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
