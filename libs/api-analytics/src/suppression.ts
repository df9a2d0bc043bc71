import { Actor, isDeidentified } from '@vfr/api-core';
import { smallCellThresholdFromEnv } from '@vfr/api-database';
import { Role } from '@vfr/domain';
import { wilsonInterval } from '@vfr/stats';
import { Disclosure, KeyedCount, shownCount } from './disclosure';

// The reader's rule for one count lives in disclosure.ts (free of the framework, for the model
// fits' worker threads); the rest of the disclosure control is here.
export type { Disclosure, KeyedCount };
export { shownCount };

/**
 * Disclosure control of every count a reader sees (docs/privacy.md):
 * - identified readers (coordinators, admins) see exact counts;
 * - researchers, who receive row-level de-identified data by design, see exact counts with those
 *   below the threshold withheld (and a second cell where a total would give the first away), so
 *   that their figures agree with their export;
 * - department heads, who see aggregates only, see counts perturbed by the cell-key method
 *   (libs/stats cell-key.ts) and then withheld below the threshold: the same patients always give
 *   the same figure, and two overlapping queries carry unrelated noise, so differencing them does
 *   not recover the small group between them.
 */
export const DEFAULT_SMALL_CELL_THRESHOLD = smallCellThresholdFromEnv();

export function disclosureFor(actor: Actor, threshold = DEFAULT_SMALL_CELL_THRESHOLD): Disclosure {
  return { suppress: isDeidentified(actor), perturb: actor.role === Role.DEPARTMENT_HEAD, threshold };
}

/**
 * SQL for the sum of the record keys (`key`) of the rows counted (where `condition` holds, if given), as
 * int8: what the cell-key method perturbs a count with. Only a reader whose counts are perturbed
 * needs it; for any other it is 0, and the statement is spared an aggregate over every row.
 */
export function recordKeySumSql(actor: Actor, condition?: string, key = 'rk'): string {
  if (!disclosureFor(actor).perturb) return '0::int8';
  return condition ? `sum(${key}) FILTER (WHERE ${condition})::int8` : `sum(${key})::int8`;
}

/**
 * Cells published beside their total (groups of a cohort, kinds of a time point): each shown as
 * shownCount would, and for exact counts a second cell withheld where the total would give a
 * withheld one away. Perturbed counts need no complement: the total carries its own noise.
 */
export function shownCells(d: Disclosure, cells: readonly KeyedCount[]): (number | null)[] {
  if (!d.suppress || d.perturb) return cells.map((c) => shownCount(d, c));
  const hidden = cellsToSuppress(
    cells.map((c) => c.n),
    d.threshold,
  );
  return cells.map((c, i) => (hidden.has(i) ? null : c.n));
}

/**
 * Cells grouped by category (a time point, a kind), each category's cells being the groups':
 * every category shown as shownCells shows cells beside their total. Returns each cell's count
 * as the reader sees it (null: withheld).
 */
export function shownCellsByCategory<T extends KeyedCount & { category: string }>(d: Disclosure, cells: readonly T[]): Map<T, number | null> {
  const shown = new Map<T, number | null>();
  const byCategory = new Map<string, T[]>();
  for (const c of cells) byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
  for (const group of byCategory.values()) {
    const counts = shownCells(d, group);
    group.forEach((c, i) => shown.set(c, counts[i]));
  }
  return shown;
}

/**
 * A proportion's numerator and denominator as shown: both withheld when either is; a perturbed
 * numerator never exceeds its perturbed denominator.
 */
export function shownProportion(d: Disclosure, x: KeyedCount, n: KeyedCount, nShown = shownCount(d, n)): { x: number | null; n: number | null } {
  const xs = shownCount(d, x);
  if (nShown === null || xs === null) return { x: null, n: null };
  return { x: Math.min(xs, nShown), n: nShown };
}

/** Indexes of the cells to withhold, given that their total is shown (exact counts). */
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

/** A share as shownRate gives it: null counts and rate when withheld. */
export interface ShownRate {
  n: number | null;
  events: number | null;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

/**
 * A share as the reader may see it: the denominator and the events through shownCount and
 * shownProportion, the events withheld too when the complement is small (as the discharge figure
 * withholds a small number of overnight stays: n minus a shown count would give it away), the
 * Wilson interval of what is shown.
 */
export function shownRate(d: Disclosure, total: KeyedCount, events: KeyedCount): ShownRate {
  const n = shownCount(d, total);
  const hidden = { n, events: null, rate: null, lower: null, upper: null, suppressed: true };
  if (n === null) return hidden;
  const x = shownProportion(d, events, total, n).x;
  const rest = shownCount(d, { n: total.n - events.n, k: Number(total.k) - Number(events.k) });
  if (x === null || rest === null) return hidden;
  const ci = n > 0 ? wilsonInterval(x, n) : null;
  return { n, events: x, rate: ci?.proportion ?? null, lower: ci?.lower ?? null, upper: ci?.upper ?? null, suppressed: false };
}
