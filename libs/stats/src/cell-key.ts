/**
 * The cell-key method of perturbing counts (Fraser B, Wooton J. A proposed method for
 * confidentialising tabular output to protect against differencing. UNECE Work Session on
 * Statistical Data Confidentiality, Geneva 2005; Thompson G, Broadfoot S, Elazar D. Methodology
 * for the automatic confidentialisation of statistical outputs from remote servers at the
 * Australian Bureau of Statistics. UNECE Work Session, Ottawa 2013), as used by the ABS's
 * TableBuilder.
 *
 * Every record carries a fixed random key in [0, KEY_MODULUS). A cell's key is the sum of its
 * records' keys modulo KEY_MODULUS, so the same set of records always gets the same key, however
 * the query that produced it was written; the cell's noise is read from a perturbation table at
 * that key. Consequences: asking again returns the same figure (noise cannot be averaged away by
 * repetition); two queries that describe the same patients agree; two queries that differ by a
 * few patients carry unrelated noise, so their difference does not reveal the few.
 */

/** Record keys are integers in [0, KEY_MODULUS). */
export const KEY_MODULUS = 1 << 20;

/** The perturbation table: noise values and their probabilities, by the unperturbed count. */
const NOISE: { values: number[]; p: number[] }[] = [
  // n = 0 is structural and never perturbed: an empty cell stays empty.
  { values: [0], p: [1] },
  // Small counts get noise that cannot make them negative, still with mean 0.
  { values: [-1, 0, 1], p: [0.25, 0.5, 0.25] },
  { values: [-2, -1, 0, 1, 2], p: [0.05, 0.2, 0.5, 0.2, 0.05] },
  // From 3 on: noise in -3..3, mean 0, variance 1.4.
  { values: [-3, -2, -1, 0, 1, 2, 3], p: [0.02, 0.08, 0.2, 0.4, 0.2, 0.08, 0.02] },
];

/** The largest change the table makes to a count. */
export const MAX_NOISE = 3;

function row(n: number) {
  return NOISE[Math.min(n, NOISE.length - 1)];
}

/** A cell's key from the sum of its records' keys (any integer; reduced modulo KEY_MODULUS). */
export function cellKey(keySum: number): number {
  const k = keySum % KEY_MODULUS;
  return k < 0 ? k + KEY_MODULUS : k;
}

/** The noise the table gives a count of n whose cell key is `key`. */
export function cellKeyNoise(n: number, key: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number >= 0, got ${n}`);
  const u = cellKey(key) / KEY_MODULUS;
  const { values, p } = row(n);
  let cumulative = 0;
  for (let i = 0; i < values.length; i++) {
    cumulative += p[i];
    if (u < cumulative) return values[i];
  }
  return values[values.length - 1];
}

/** The perturbed count: never negative, 0 only when the cell is empty or the table says so. */
export function perturbCount(n: number, keySum: number): number {
  return Math.max(0, n + cellKeyNoise(n, keySum));
}

/** Mean and variance of the table's noise for a count of n (for tests and the docs). */
export function noiseMoments(n: number): { mean: number; variance: number } {
  const { values, p } = row(n);
  const mean = values.reduce((s, v, i) => s + v * p[i], 0);
  return { mean, variance: values.reduce((s, v, i) => s + (v - mean) ** 2 * p[i], 0) };
}
