import { assertLevel, zForLevel } from './distributions';

/** 'log' is R survfit's default conf.type, so our curves match R output by default. */
export type KmConfType = 'log' | 'log-log' | 'plain';

export interface KmOptions {
  level?: number;
  confType?: KmConfType;
  /**
   * How many subjects each (time, event) entry stands for (default 1 each): subjects with the
   * same time and status can travel as one entry with their count, as a GROUP BY gives them.
   */
  counts?: readonly number[];
}

export interface KmRow {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  survival: number;
  /** Greenwood standard error of S(t) (R's summary.survfit std.err). */
  stdErr: number;
  lower: number;
  upper: number;
}

export interface KmMedian {
  median: number;
  lower: number;
  upper: number;
}

export interface KaplanMeier {
  n: number;
  events: number;
  level: number;
  confType: KmConfType;
  /** One row per distinct observed time (events or censorings), as R's survfit keeps them. */
  rows: KmRow[];
  median: KmMedian;
}

/**
 * Kaplan-Meier estimate with Greenwood variance. `event` is 1 (or true) for an event and 0
 * for censoring; an event and a censoring at the same time count the censored subject as
 * still at risk, the usual convention.
 */
export function kaplanMeier(time: readonly number[], event: readonly (number | boolean)[], options: KmOptions = {}): KaplanMeier {
  const level = options.level ?? 0.95;
  const confType = options.confType ?? 'log';
  assertLevel(level);
  if (time.length !== event.length) throw new RangeError('time and event differ in length');
  const counts = options.counts;
  if (counts && counts.length !== time.length) throw new RangeError('time and counts differ in length');
  const z = zForLevel(level);
  const order = time.map((t, i) => ({ t, d: Number(event[i]) ? 1 : 0, w: counts ? counts[i] : 1 })).sort((a, b) => a.t - b.t);
  for (const o of order) {
    if (!Number.isFinite(o.t)) throw new RangeError(`times must be finite, got ${o.t}`);
    if (!Number.isInteger(o.w) || o.w < 0) throw new RangeError(`counts must be whole numbers of 0 or more, got ${o.w}`);
  }

  const rows: KmRow[] = [];
  const total = order.reduce((a, o) => a + o.w, 0);
  let nRisk = total;
  let s = 1;
  // Greenwood's sum of d / (n (n - d)) is the variance of log S(t).
  let greenwood = 0;
  for (let i = 0; i < order.length;) {
    const t = order[i].t;
    let d = 0;
    let c = 0;
    while (i < order.length && order[i].t === t) {
      if (order[i].d) d += order[i].w;
      else c += order[i].w;
      i++;
    }
    // A time whose entries all count 0 subjects is no observed time.
    if (d + c === 0) continue;
    if (d > 0) {
      s *= 1 - d / nRisk;
      greenwood += nRisk > d ? d / (nRisk * (nRisk - d)) : Infinity;
    }
    const seLog = Math.sqrt(greenwood);
    const { lower, upper } = confidenceBand(s, seLog, z, confType);
    rows.push({ time: t, nRisk, nEvent: d, nCensor: c, survival: s, stdErr: s * seLog, lower, upper });
    nRisk -= d + c;
  }
  const eventCount = order.reduce((a, o) => a + o.d * o.w, 0);
  const km: KaplanMeier = { n: total, events: eventCount, level, confType, rows, median: { median: NaN, lower: NaN, upper: NaN } };
  km.median = medianSurvival(km);
  return km;
}

function confidenceBand(s: number, seLog: number, z: number, type: KmConfType): { lower: number; upper: number } {
  // Same edge rules as R: no interval once S is 0 (log scale undefined), a degenerate one at S = 1.
  if (s === 0 || !Number.isFinite(seLog)) return { lower: NaN, upper: NaN };
  if (type === 'plain') {
    const se = s * seLog;
    return { lower: Math.max(0, s - z * se), upper: Math.min(1, s + z * se) };
  }
  if (type === 'log') {
    return { lower: s * Math.exp(-z * seLog), upper: Math.min(1, s * Math.exp(z * seLog)) };
  }
  if (s === 1) return { lower: 1, upper: 1 };
  // log(-log S) has SE seLog / |log S| (delta method); back-transforming gives S^exp(+-...).
  const k = (z * seLog) / Math.abs(Math.log(s));
  return { lower: s ** Math.exp(k), upper: s ** Math.exp(-k) };
}

/** S(t) for any t: the step function is right-continuous, 1 before the first time. */
export function survivalAt(km: KaplanMeier, t: number): number {
  let s = 1;
  for (const r of km.rows) {
    if (r.time > t) break;
    s = r.survival;
  }
  return s;
}

/**
 * Number at risk just before each requested time (subjects with time >= t), which is what
 * risk tables under KM plots and R's summary(fit, times = ...) n.risk show.
 */
export function numberAtRisk(km: KaplanMeier, times: readonly number[]): number[] {
  return times.map((t) => {
    const row = km.rows.find((r) => r.time >= t);
    return row ? row.nRisk : 0;
  });
}

const MEDIAN_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * First time a curve reaches <= 0.5. When the curve sits exactly at 0.5 over an interval
 * the midpoint to the next drop is used, which is how R's quantile.survfit resolves it.
 */
function crossing(times: readonly number[], values: readonly number[]): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v <= 0.5 + MEDIAN_TOLERANCE)) continue;
    if (Math.abs(v - 0.5) < MEDIAN_TOLERANCE) {
      for (let j = i + 1; j < values.length; j++) {
        if (values[j] < v - MEDIAN_TOLERANCE) return (times[i] + times[j]) / 2;
      }
    }
    return times[i];
  }
  return NaN;
}

/**
 * Median survival with the Brookmeyer-Crowley style interval R prints: where the lower
 * and upper confidence curves cross 0.5. NaN means "not reached" (R's NA). A limit that is
 * undefined (the band has no value once S is 0) does not count as a crossing: when the upper
 * curve is still above 0.5 at the last event, which takes S to 0, the upper limit is not
 * reached, as quantile.survfit reports it, rather than the time of that last event.
 */
export function medianSurvival(km: KaplanMeier): KmMedian {
  const ev = km.rows.filter((r) => r.nEvent > 0);
  const times = ev.map((r) => r.time);
  return {
    median: crossing(
      times,
      ev.map((r) => r.survival),
    ),
    lower: crossing(
      times,
      ev.map((r) => r.lower),
    ),
    upper: crossing(
      times,
      ev.map((r) => r.upper),
    ),
  };
}
