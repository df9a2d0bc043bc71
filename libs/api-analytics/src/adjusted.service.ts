import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TimePoint, TreatmentGrouping, TreatmentKind, ValidationError } from '@vfr/domain';
import { iptwAnalysis } from '@vfr/stats';
import { cohortSql, followUp } from './cohort.sql';
import { AdjustedComparisonModel, PropensityTrimming } from './models/adjusted.model';
import { MEASURE_COLUMN, OutcomeMeasure, timePointOrdinal } from './outcome-measures';
import { disclosureFor, shownCount } from './suppression';

// The propensity model (docs/methods.md, Adjusted comparisons): age, sex, Genant grade, fracture age, cause,
// baseline NRS. Binary covariates get the binary SMD.
const COVARIATES: { name: string; binary: boolean }[] = [
  { name: 'age', binary: false },
  { name: 'female', binary: true },
  { name: 'maxGenantGrade', binary: false },
  { name: 'fractureAgeDays', binary: false },
  { name: 'osteoporoticCause', binary: true },
  { name: 'baselineNrs', binary: false },
];

interface Row {
  grp: string;
  /** The patient's record key (suppression.ts). */
  rk: number;
  x: number[];
  y: number;
}

@Injectable()
export class AdjustedService {
  constructor(private readonly reader: AggregateReader) {}

  /**
   * Mean outcome at a time point, each group against conservative care (or the first group),
   * unadjusted (Welch) and weighted by the inverse probability of the treatment received
   * (multinomial propensity, stabilized weights, not truncated: truncating the pooled weights
   * at percentiles cuts mostly the smallest group's and biases its difference), optionally
   * after the multinomial Crump trimming, with each group's weights and effective sample size
   * and the covariate balance before and after weighting for every pair of groups.
   */
  async compare(
    actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, measure: OutcomeMeasure, timePoint: TimePoint,
    trimming: PropensityTrimming = PropensityTrimming.NONE,
  ): Promise<AdjustedComparisonModel> {
    if (timePoint === TimePoint.UNSCHEDULED) throw ValidationError.single('timePoint', 'enum', 'timePoint must be a scheduled time point');
    const params = new SqlParams();
    const fu = followUp(grouping);
    const y = fu.score(MEASURE_COLUMN[measure], timePointOrdinal(timePoint));
    const raw: { grp: string; rk: number; age: number; female: number; genant: number | null; fracture_age: number | null; osteo: number; baseline: number | null; y: number }[] =
      await this.reader.query(
        `SELECT ${fu.group} AS grp, c.record_key AS rk, c.age, (c.sex = 'FEMALE')::int AS female, c.max_genant AS genant, c.fracture_age_days AS fracture_age,
                ('OSTEOPOROTIC' = ANY(c.causes))::int AS osteo, c.baseline_nrs AS baseline, ${y} AS y
         FROM (${cohortSql(filter, actor, params)}) c
         WHERE ${y} IS NOT NULL`,
        params.values,
      );
    const complete: Row[] = raw
      .filter((r) => r.genant !== null && r.fracture_age !== null && r.baseline !== null)
      .map((r) => ({ grp: r.grp, rk: Number(r.rk), x: [r.age, r.female, Number(r.genant), Number(r.fracture_age), r.osteo, Number(r.baseline)], y: Number(r.y) }));
    const d = disclosureFor(actor);
    const keyed = (of: { rk: number }[]) => ({ n: of.length, k: of.reduce((a, r) => a + r.rk, 0) });
    const counts = new Map<string, (typeof complete)[number][]>();
    for (const r of complete) counts.set(r.grp, [...(counts.get(r.grp) ?? []), r]);
    // Groups too small to report (as the reader sees counts), or to model, are left out.
    const tooSmall = [...counts].filter(([, of]) => of.length < 2 || shownCount(d, keyed(of)) === null).map(([g]) => g);
    const rows = complete.filter((r) => !tooSmall.includes(r.grp));
    const groups = [...new Set(rows.map((r) => r.grp))].sort((a, b) => (a === TreatmentKind.CONSERVATIVE ? -1 : b === TreatmentKind.CONSERVATIVE ? 1 : a.localeCompare(b)));
    const incomplete = raw.filter((r) => r.genant === null || r.fracture_age === null || r.baseline === null).map((r) => ({ rk: Number(r.rk) }));
    const base = { outcome: `${measure} at ${timePoint}`, n: shownCount(d, keyed(rows)), excluded: shownCount(d, keyed(incomplete)), suppressedGroups: tooSmall.sort(), trimming };
    if (groups.length < 2) {
      return {
        ...base, covariates: COVARIATES.map((c) => c.name), constantCovariates: [], differences: [], balance: [], weights: [],
        trimmingThreshold: null, trimmedGroups: [], propensityConverged: true,
      };
    }

    // A covariate every patient shares (sex in a women-only cohort) carries no information and
    // makes the model singular: it is left out and named, rather than failing the fit.
    const varying = COVARIATES.map((_, j) => j).filter((j) => rows.some((r) => r.x[j] !== rows[0].x[j]));
    const a = analyse({
      x: rows.map((r) => varying.map((j) => r.x[j])),
      group: rows.map((r) => r.grp),
      y: rows.map((r) => r.y),
      groups,
      binary: varying.map((j) => COVARIATES[j].binary),
      trimming,
      // Trimming must not leave a group the reader could not see counted.
      keepGroup: (idx) => shownCount(d, keyed(idx.map((i) => rows[i]))) !== null,
    }, trimming);
    const shownOf = (idx: number[]) => shownCount(d, keyed(idx.map((i) => rows[i])));
    const shownN = (g: string) => shownOf(a.members.get(g) ?? []);
    const differences = a.differences.map((x) => ({
      group: x.group, versus: x.versus, n: shownN(x.group), nVersus: shownN(x.versus),
      unadjusted: x.unadjusted.difference, unadjustedLower: x.unadjusted.lower, unadjustedUpper: x.unadjusted.upper,
      adjusted: x.adjusted.difference, adjustedLower: x.adjusted.lower, adjustedUpper: x.adjusted.upper,
    }));
    const balance = a.balance.map((b) => ({ covariate: COVARIATES[varying[b.covariate]].name, group: b.group, versus: b.versus, smdBefore: b.smdBefore, smdAfter: b.smdAfter }));
    const weights = a.weightSummary.map((w) => {
      const all = rows.map((r, i) => (r.grp === w.group ? i : -1)).filter((i) => i >= 0);
      const kept = new Set(a.members.get(w.group) ?? []);
      const n = shownN(w.group);
      // The weight summaries say about as much as the group's size (the stabilized weights sum
      // to about n), so they are withheld with it. For readers whose counts are perturbed
      // (docs/privacy.md) the sum would undo the perturbation: it is withheld, and the effective
      // sample size is shown to the nearest 5.
      const shown = n !== null && kept.size > 0;
      return {
        group: w.group, n: kept.size > 0 ? n : null, trimmed: trimming === PropensityTrimming.NONE ? 0 : shownOf(all.filter((i) => !kept.has(i))),
        min: shown ? w.min : null, median: shown ? w.median : null, max: shown ? w.max : null,
        sum: shown && !d.perturb ? w.sum : null,
        ess: !shown ? null : d.perturb ? Math.round(w.ess / 5) * 5 : w.ess,
      };
    });
    return {
      ...base,
      covariates: varying.map((j) => COVARIATES[j].name),
      constantCovariates: COVARIATES.filter((_, j) => !varying.includes(j)).map((c) => c.name),
      differences, balance, weights, trimmingThreshold: a.threshold, trimmedGroups: [...a.droppedGroups].sort(), propensityConverged: a.converged,
    };
  }
}

function analyse(input: Parameters<typeof iptwAnalysis<string>>[0], trimming: PropensityTrimming) {
  try {
    return iptwAnalysis(input);
  } catch (e) {
    if (trimming !== PropensityTrimming.NONE && e instanceof RangeError && /trimming left/.test(e.message)) {
      throw ValidationError.single('trimming', 'range', 'trimming leaves fewer than two groups to compare in this cohort');
    }
    throw e;
  }
}
