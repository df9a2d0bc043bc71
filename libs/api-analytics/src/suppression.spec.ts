import { cellsToSuppress, shownCellsByCategory } from './suppression';

describe('small-cell suppression', () => {
  it('withholds counts under the threshold, and one more so the total does not reveal it', () => {
    // Groups of 40, 7 and 25, total 72: hiding only the 7 would leave 72 - 40 - 25 = 7.
    const hidden = cellsToSuppress([40, 7, 25], 11);
    expect([...hidden].sort()).toEqual([1, 2]);
    const shown = [40, 7, 25].filter((_, i) => !hidden.has(i));
    // From the total and what is shown, only the sum of the hidden cells can be recovered.
    expect(72 - shown.reduce((a, b) => a + b, 0)).toBe(32);
  });

  it('leaves large cells and zero alone, and needs no complement when two cells are small', () => {
    expect(cellsToSuppress([40, 25, 12], 11).size).toBe(0);
    expect([...cellsToSuppress([40, 3, 5], 11)].sort()).toEqual([1, 2]);
    expect(cellsToSuppress([40, 0, 25], 11).size).toBe(0);
  });
});

describe('cells by category', () => {
  const cell = (category: string, n: number) => ({ category, n, k: n * 1000 });
  it('suppresses within each category, with its complement, and leaves other categories alone', () => {
    const cells = [cell('M1', 40), cell('M1', 7), cell('M1', 25), cell('M3', 30), cell('M3', 12)];
    const shown = shownCellsByCategory({ suppress: true, perturb: false, threshold: 11 }, cells);
    expect(cells.map((c) => shown.get(c))).toEqual([40, null, null, 30, 12]);
    const identified = shownCellsByCategory({ suppress: false, perturb: false, threshold: 11 }, cells);
    expect(cells.map((c) => identified.get(c))).toEqual([40, 7, 25, 30, 12]);
  });
});
