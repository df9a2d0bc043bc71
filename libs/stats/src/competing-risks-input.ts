/**
 * Input checks and per-time tallies shared by the cumulative incidence estimator and Gray's
 * test. Both only ever use counts at each distinct time (at risk, events per cause, censored),
 * so a row with a count of n is exactly n identical rows: aggregated input gives the expanded
 * data's results by construction, not by approximation.
 */

export interface CompetingRisksOptions {
  /**
   * Number of subjects each row stands for (positive whole numbers), for data that arrive
   * aggregated as (time, cause, n). Defaults to 1 per row.
   */
  count?: readonly number[];
}

export interface TimeTally {
  time: number;
  /** Subjects censored at this time (cause 0). */
  censored: number;
  /** Events at this time by cause code; causes without an event here are absent. */
  events: Map<number, number>;
  /** Events of all causes at this time. */
  eventTotal: number;
}

export interface CheckedRows {
  n: number;
  counts: number[];
}

/** Validates the columns and returns each row's count; every refusal names the field and the rule. */
export function checkCompetingRisksRows(
  time: readonly number[],
  cause: readonly number[],
  options: CompetingRisksOptions,
  extra: { name: string; length: number }[] = [],
): CheckedRows {
  const len = time.length;
  if (cause.length !== len) throw new RangeError(`cause has ${cause.length} values but time has ${len}: they must be the same length`);
  for (const e of extra) {
    if (e.length !== len) throw new RangeError(`${e.name} has ${e.length} values but time has ${len}: they must be the same length`);
  }
  const counts = options.count ? [...options.count] : new Array<number>(len).fill(1);
  if (counts.length !== len) throw new RangeError(`count has ${counts.length} values but time has ${len}: they must be the same length`);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const t = time[i];
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`time[${i}] must be a finite number >= 0, got ${t}`);
    const c = cause[i];
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`cause[${i}] must be a whole number >= 0 (0 = censored), got ${c}`);
    const k = counts[i];
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`count[${i}] must be a whole number >= 1, got ${k}`);
    n += k;
  }
  return { n, counts };
}

/** Tallies the rows whose indices are given (all rows when omitted) by distinct time, ascending. */
export function tallyByTime(time: readonly number[], cause: readonly number[], counts: readonly number[], indices?: readonly number[]): TimeTally[] {
  const idx = indices ? [...indices] : time.map((_, i) => i);
  idx.sort((a, b) => time[a] - time[b]);
  const out: TimeTally[] = [];
  for (const i of idx) {
    let last = out[out.length - 1];
    if (!last || last.time !== time[i]) {
      last = { time: time[i], censored: 0, events: new Map(), eventTotal: 0 };
      out.push(last);
    }
    const c = cause[i];
    const k = counts[i];
    if (c === 0) last.censored += k;
    else {
      last.events.set(c, (last.events.get(c) ?? 0) + k);
      last.eventTotal += k;
    }
  }
  return out;
}

/**
 * The tie correction of the variance when d subjects out of n at risk fail together:
 * (n - d) / (n - 1), written as 1 - (d - 1) / (n - 1) and only applied for d > 1, the way
 * cmprsk computes it, so that our variances agree with it to the last digits.
 */
export function tieFactor(d: number, n: number): number {
  return d > 1 ? 1 - (d - 1) / (n - 1) : 1;
}
