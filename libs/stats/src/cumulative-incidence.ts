import { assertLevel, zForLevel } from './distributions';
import { checkCompetingRisksRows, tallyByTime, tieFactor, type CompetingRisksOptions } from './competing-risks-input';

export interface CumulativeIncidenceOptions extends CompetingRisksOptions {
  level?: number;
}

export interface CifRow {
  time: number;
  /** Subjects at risk just before `time` (counts included). */
  nRisk: number;
  /** Events of this curve's cause at `time`. */
  nEvent: number;
  /** Events of the other causes at `time`. */
  nCompeting: number;
  /** Subjects censored at `time`; they count as at risk at `time`, as in Kaplan-Meier. */
  nCensor: number;
  estimate: number;
  /** Aalen (1978) variance as R's cmprsk::cuminc reports it. */
  variance: number;
  stdErr: number;
  /** Interval from the log(-log) transform of the estimate, see `cifInterval`. */
  lower: number;
  upper: number;
}

export interface CifCurve {
  cause: number;
  events: number;
  /** One row per distinct time with an event of any cause, ascending. */
  rows: CifRow[];
}

export interface CumulativeIncidence {
  n: number;
  level: number;
  /** Largest observed time (event or censoring): the curves are not defined beyond it. */
  maxTime: number;
  /** Cause codes seen with at least one event, ascending. */
  causes: number[];
  curves: CifCurve[];
  /** All-cause event-free survival (Kaplan-Meier) after each row's time, in row order. */
  eventFree: number[];
}

export interface CifPoint {
  estimate: number;
  variance: number;
  stdErr: number;
  lower: number;
  upper: number;
}

/**
 * Aalen-Johansen estimate of the cumulative incidence function of each cause, with the
 * variance of Aalen (1978) that R's cmprsk::cuminc reports, and a confidence interval on
 * the log(-log) scale.
 *
 * `cause` is 0 for censored and 1, 2, ... for the causes. With S(t-) the all-cause
 * Kaplan-Meier survival just before event time t_i, n_i at risk and d_ji events of cause j:
 *
 *   F_j(t) = sum over t_i <= t of S(t_i-) d_ji / n_i
 *
 *   Var F_j(t) = sum over t_i <= t of S(t_i-)^2 / n_i^2 * {
 *       c(d_ji, n_i) d_ji [1 + (F_j(t_i) - F_j(t)) / S(t_i)]^2
 *     + c(d_oi, n_i) d_oi [(F_j(t_i) - F_j(t)) / S(t_i)]^2 }
 *
 * where d_oi are the events of the other causes at t_i and c(d, n) = (n - d) / (n - 1) for
 * d > 1 (1 otherwise) corrects for tied events. The terms with 1 / S(t_i) are left out where
 * S(t_i) = 0 (everyone at risk failed), as cuminc does. Censored subjects tied with events
 * are at risk at that time. The sum is kept as three running sums (its square expanded in
 * F_j(t)), so the whole curve costs one pass; the variance is evaluated where F_j jumps and
 * carried over the other causes' event times, where it does not change (their terms vanish
 * because F_j(t_i) = F_j(t)).
 */
export function cumulativeIncidence(time: readonly number[], cause: readonly number[], options: CumulativeIncidenceOptions = {}): CumulativeIncidence {
  const level = options.level ?? 0.95;
  assertLevel(level);
  const { n, counts } = checkCompetingRisksRows(time, cause, options);
  const z = zForLevel(level);
  const tally = tallyByTime(time, cause, counts);
  const causes = [...new Set(cause.filter((c) => c !== 0))].sort((a, b) => a - b);
  const maxTime = tally.length ? tally[tally.length - 1].time : NaN;

  const state = causes.map(() => ({ f: 0, v1: 0, v2: 0, v3: 0, variance: 0, events: 0 }));
  const rows: CifRow[][] = causes.map(() => []);
  const eventFree: number[] = [];
  let nRisk = n;
  let s = 1;
  for (const tt of tally) {
    if (tt.eventTotal > 0) {
      const sAfter = (s * (nRisk - tt.eventTotal)) / nRisk;
      causes.forEach((c, j) => {
        const st = state[j];
        const d = tt.events.get(c) ?? 0;
        const other = tt.eventTotal - d;
        if (d > 0) st.f += (s * d) / nRisk;
        // Terms a_i - F_j(t) b_i of the sum above: a = F_j(t_i) / S(t_i), b = 1 / S(t_i) for
        // the competing events, a = 1 + F_j(t_i) / S(t_i) for the cause's own events.
        if (other > 0 && sAfter > 0) {
          const w = (s * s * tieFactor(other, nRisk) * other) / (nRisk * nRisk);
          const a = st.f / sAfter;
          const b = 1 / sAfter;
          st.v1 += a * a * w;
          st.v2 += a * b * w;
          st.v3 += b * b * w;
        }
        if (d > 0) {
          const w = (s * s * tieFactor(d, nRisk) * d) / (nRisk * nRisk);
          const b = sAfter > 0 ? 1 / sAfter : 0;
          const a = 1 + b * st.f;
          st.v1 += a * a * w;
          st.v2 += a * b * w;
          st.v3 += b * b * w;
          st.variance = st.v1 + st.f * st.f * st.v3 - 2 * st.f * st.v2;
          st.events += d;
        }
        const { lower, upper } = cifInterval(st.f, st.variance, z);
        rows[j].push({
          time: tt.time,
          nRisk,
          nEvent: d,
          nCompeting: other,
          nCensor: tt.censored,
          estimate: st.f,
          variance: st.variance,
          stdErr: Math.sqrt(st.variance),
          lower,
          upper,
        });
      });
      s = sAfter;
      eventFree.push(s);
    }
    nRisk -= tt.eventTotal + tt.censored;
  }
  return {
    n,
    level,
    maxTime,
    causes,
    curves: causes.map((c, j) => ({ cause: c, events: state[j].events, rows: rows[j] })),
    eventFree,
  };
}

/**
 * Confidence interval of a cumulative incidence on the log(-log) scale (Marubini & Valsecchi
 * 1995; Choudhury 2002; Pintilie 2006, section 4.2): log(-log F) has standard error
 * se / (F |log F|) by the delta method, and back-transforming gives
 * [F^exp(z se / (F |log F|)), F^exp(-z se / (F |log F|))], which stays inside (0, 1) where
 * the plain interval F +- z se would cross 0 early in follow-up. At F = 0 (no event of the
 * cause yet) the interval is [0, 0], as the Kaplan-Meier band is [1, 1] at S = 1; at F = 1
 * the transform is undefined and both limits are NaN.
 */
export function cifInterval(estimate: number, variance: number, z: number): { lower: number; upper: number } {
  if (estimate === 0) return { lower: 0, upper: 0 };
  if (!(estimate < 1) || !Number.isFinite(variance)) return { lower: NaN, upper: NaN };
  const k = (z * Math.sqrt(variance)) / (estimate * Math.abs(Math.log(estimate)));
  return { lower: estimate ** Math.exp(k), upper: estimate ** Math.exp(-k) };
}

/**
 * The cumulative incidence of `cause` at time t, reading the right-continuous step function
 * ("cumulative incidence at 1 and 2 years"): 0 before the first event, NaN beyond the last
 * observed time (nobody is followed that long), as cmprsk's timepoints gives NA. A cause
 * without any event has incidence 0 throughout follow-up.
 */
export function cumulativeIncidenceAt(ci: CumulativeIncidence, cause: number, t: number): CifPoint {
  if (!(t <= ci.maxTime)) return { estimate: NaN, variance: NaN, stdErr: NaN, lower: NaN, upper: NaN };
  const curve = ci.curves.find((c) => c.cause === cause);
  let point: CifPoint = { estimate: 0, variance: 0, stdErr: 0, lower: 0, upper: 0 };
  for (const r of curve?.rows ?? []) {
    if (r.time > t) break;
    point = { estimate: r.estimate, variance: r.variance, stdErr: r.stdErr, lower: r.lower, upper: r.upper };
  }
  return point;
}
