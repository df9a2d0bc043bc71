/**
 * Small-cell suppression for de-identified readers: a count below the threshold is withheld, and
 * when a total is published alongside, a second cell is withheld too (the smallest remaining) so
 * that the first cannot be recovered by subtraction.
 */
export const DEFAULT_SMALL_CELL_THRESHOLD = Number(process.env.SMALL_CELL_THRESHOLD ?? 11);

export interface Cell {
  n: number;
}

/** Indexes of the cells to withhold, given that their total is shown. */
export function cellsToSuppress(counts: readonly number[], threshold = DEFAULT_SMALL_CELL_THRESHOLD): Set<number> {
  const hidden = new Set<number>();
  counts.forEach((n, i) => {
    if (n > 0 && n < threshold) hidden.add(i);
  });
  if (hidden.size === 1 && counts.length > 1) {
    // Complementary suppression: hide the next smallest cell as well.
    const next = counts
      .map((n, i) => ({ n, i }))
      .filter(({ i }) => !hidden.has(i))
      .sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.i);
  }
  return hidden;
}
