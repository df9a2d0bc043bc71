import { analysisLabel } from '@vfr/domain';
import { labelOf } from '../charts/palette';

// The overview's risk-adjusted answer in words (docs/methods.md, The adjusted answer): pain at a
// time point per treatment, IPTW-adjusted, in one sentence each with its interval, and a warning
// naming what differed between the groups before treatment.

export interface AdjustedPain {
  n: number | null;
  suppressedGroups: string[];
  means: { group: string; n: number | null; mean: number; adjusted: number; adjustedLower: number; adjustedUpper: number }[];
  differences: { group: string; versus: string; adjusted: number; adjustedLower: number; adjustedUpper: number }[];
  balance: { covariate: string; group: string; versus: string; smdBefore: number; smdAfter: number }[];
}

/** Standardized mean differences at or above this are imbalance (Austin 2009's 0.1). */
export const IMBALANCE = 0.1;

const one = (v: number) => v.toFixed(1);

/** One sentence per treatment group: its adjusted mean with interval, and its difference from the reference. */
export function adjustedSentences(a: AdjustedPain, when: string): string[] {
  return a.means.map((m) => {
    const name = labelOf(m.group);
    const mean = `${name}: mean pain ${when} ${one(m.adjusted)} of 10 (95% CI ${one(m.adjustedLower)} to ${one(m.adjustedUpper)}; n = ${m.n ?? 'withheld'})`;
    const d = a.differences.find((x) => x.group === m.group);
    if (!d) return `${mean}, the reference.`;
    const versus = labelOf(d.versus).toLowerCase();
    // Whether the interval excludes no difference decides the wording, not the point alone.
    if (d.adjustedLower <= 0 && d.adjustedUpper >= 0)
      return `${mean}: no clear difference from ${versus} (${signed(d.adjusted)} points, 95% CI ${signed(d.adjustedLower)} to ${signed(d.adjustedUpper)}).`;
    const lower = d.adjusted < 0;
    return `${mean}: ${one(Math.abs(d.adjusted))} points ${lower ? 'lower (better)' : 'higher (worse)'} than ${versus} (95% CI ${one(Math.abs(lower ? d.adjustedUpper : d.adjustedLower))} to ${one(Math.abs(lower ? d.adjustedLower : d.adjustedUpper))}).`;
  });
}

const signed = (v: number) => (v > 0 ? `+${one(v)}` : one(v));

/** The covariates on which some pair of groups differed before weighting, and those still differing after, largest first. */
export function baselineImbalance(a: AdjustedPain): { before: string[]; after: string[] } {
  const worst = (pick: (b: AdjustedPain['balance'][number]) => number) => {
    const by = new Map<string, number>();
    for (const b of a.balance) by.set(b.covariate, Math.max(by.get(b.covariate) ?? 0, Math.abs(pick(b))));
    return [...by].filter(([, v]) => v >= IMBALANCE).sort((x, y) => y[1] - x[1]);
  };
  return { before: worst((b) => b.smdBefore).map(([c]) => analysisLabel(c)), after: worst((b) => b.smdAfter).map(([c]) => analysisLabel(c)) };
}

/** The largest few by name, the rest counted: a warning that lists twenty covariates is not read. */
const SHOWN = 3;
const listed = (xs: string[]) => (xs.length > SHOWN ? `${xs.slice(0, SHOWN).join('; ')}; and ${xs.length - SHOWN} more` : xs.join('; '));

/** The warning shown above the sentences, or null when the groups were alike before treatment. */
export function imbalanceWarning(a: AdjustedPain): string | null {
  const { before, after } = baselineImbalance(a);
  if (before.length === 0) return null;
  return (
    `The treatment groups differed before treatment, most in ${listed(before)} (standardized difference ${IMBALANCE} or more), so their raw figures are not comparable. ` +
    'The figures below weight patients to make the groups alike in these. ' +
    (after.length
      ? `After weighting, ${after.length} still differ, most ${listed(after)}: read them with care.`
      : 'After weighting, none differs by that much.')
  );
}
