import { chiSquarePValue } from './distributions';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  expected: number[][];
  /** Pearson residuals (O - E) / sqrt(E), to see which cells drive the statistic. */
  residuals: number[][];
  /** Cells with expected count < 5, the usual warning threshold (Cochran 1954). */
  smallExpectedCells: number;
}

/**
 * Pearson chi-square test of independence for an r x c table of counts, without Yates'
 * correction (as R's chisq.test for tables larger than 2 x 2, and the textbook X^2).
 * Rows or columns that are entirely zero are dropped, since they carry no information and
 * would otherwise give 0/0 cells.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  if (table.length === 0 || table[0].length === 0) throw new RangeError('empty table');
  const cols = table[0].length;
  for (const row of table) {
    if (row.length !== cols) throw new RangeError('ragged table');
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`counts must be finite and >= 0, got ${v}`);
  }
  const rowSums = table.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((a, r) => a + r[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError('table has no counts');
  const expected = table.map((_, i) => colSums.map((c) => (rowSums[i] * c) / total));
  let statistic = 0;
  let smallExpectedCells = 0;
  const residuals = table.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i][j];
      if (e === 0) return 0;
      if (e < 5) smallExpectedCells++;
      statistic += (o - e) ** 2 / e;
      return (o - e) / Math.sqrt(e);
    }),
  );
  const df = (rowSums.filter((r) => r > 0).length - 1) * (colSums.filter((c) => c > 0).length - 1);
  return { statistic, df, pValue: df > 0 ? chiSquarePValue(statistic, df) : NaN, expected, residuals, smallExpectedCells };
}
