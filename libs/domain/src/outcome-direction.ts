// Which way each outcome improves, defined once: a difference between treatments is read through
// it ("ODI +2.41" is worse, "EQ-5D +0.05" better), in the dashboard's tables and the methods.

export type BetterWhen = 'lower' | 'higher';

/** Per outcome the analyses compare: scores of pain and disability fall as a patient recovers, quality of life rises, events are to be avoided. */
export const OUTCOME_BETTER_WHEN = {
  NRS: 'lower',
  ODI: 'lower',
  RMDQ: 'lower',
  EQ5D: 'higher',
  EQ_VAS: 'higher',
  NEW_FRACTURE: 'lower',
  COMPLICATION: 'lower',
} as const satisfies Record<string, BetterWhen>;

export type ComparedOutcome = keyof typeof OUTCOME_BETTER_WHEN;

/**
 * How to read a difference "group minus reference": which is better for this outcome, and which
 * group the estimate favours ("lower is better: favours Vertebroplasty"). Names are the caller's
 * (already in words); a difference of 0, or none, favours nobody.
 */
export function differenceReading(outcome: ComparedOutcome, difference: number | null | undefined, group: string, reference: string): string {
  const better = OUTCOME_BETTER_WHEN[outcome];
  const head = `${better} is better`;
  if (difference === null || difference === undefined || difference === 0) return `${head}: no difference`;
  const groupBetter = better === 'lower' ? difference < 0 : difference > 0;
  return `${head}: favours ${groupBetter ? group : reference}`;
}
