/**
 * Fixed bins over 0..1 for propensity histograms: [0, w), [w, 2w), ..., [1 - w, 1]. Fixed (not
 * data-driven) edges mean two cohorts' figures can be read side by side and the edges say
 * nothing about the data.
 */
export function propensityBinEdges(bins = 10): number[] {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError('bins must be a positive integer');
  return Array.from({ length: bins + 1 }, (_, i) => i / bins);
}

/** The bin of a probability among `bins` equal bins over 0..1 (1 falls in the last bin). */
export function propensityBin(p: number, bins = 10): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a propensity must be in [0, 1], got ${p}`);
  return Math.min(bins - 1, Math.floor(p * bins));
}

export interface OverlapHistogram<L> {
  /** The treatment whose generalized propensity is binned. */
  score: L;
  /** The patients' actual group. */
  group: L;
  /** Patient indices per bin. */
  bins: number[][];
}

/**
 * Overlap of generalized propensity scores: for each treatment's score, its distribution in
 * each actual group (McCaffrey et al. 2013, Stat Med 32:3388, for more than two treatments).
 * Where a group has patients at a score no other group reaches, those patients have no
 * comparable counterparts and their weights in the other groups become extreme. With two
 * groups one score is enough (the other is its mirror image), so only the second group's is
 * given. `propensities` holds, per patient, the scores in `groups` order (null when the
 * patient is not analysed).
 */
export function propensityOverlap<L>(
  propensities: readonly (readonly number[] | null)[],
  group: readonly L[],
  groups: readonly L[],
  bins = 10,
): OverlapHistogram<L>[] {
  if (propensities.length !== group.length) throw new RangeError('propensities and group differ in length');
  const scores = groups.length === 2 ? [1] : groups.map((_, s) => s);
  const out: OverlapHistogram<L>[] = [];
  for (const s of scores) {
    for (const g of groups) {
      const counts: number[][] = Array.from({ length: bins }, () => []);
      propensities.forEach((row, i) => {
        if (row && group[i] === g) counts[propensityBin(row[s], bins)].push(i);
      });
      out.push({ score: groups[s], group: g, bins: counts });
    }
  }
  return out;
}
