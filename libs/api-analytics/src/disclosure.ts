import { perturbCount } from '@vfr/stats';

// How a reader sees one count (suppression.ts and docs/privacy.md say who sees what). Free of the
// framework so that the model fits' worker threads (adjusted.fits.ts) load it quickly.

export interface Disclosure {
  /** Counts (after perturbation) from 1 to threshold - 1 are withheld. */
  suppress: boolean;
  /** Counts are perturbed by the cell-key method. */
  perturb: boolean;
  threshold: number;
}

/** A count with the sum of its patients' record keys, as SQL returns it. */
export interface KeyedCount {
  n: number;
  /** sum(record_key) over the records counted (0 for an empty cell). */
  k: number;
}

/** A count as this reader sees it: perturbed where they are, null where withheld. An empty cell shows 0. */
export function shownCount(d: Disclosure, c: KeyedCount): number | null {
  if (c.n === 0) return 0;
  const v = d.perturb ? perturbCount(c.n, Number(c.k)) : c.n;
  return d.suppress && v < d.threshold ? null : v;
}
