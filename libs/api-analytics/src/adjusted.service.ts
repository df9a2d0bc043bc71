import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TimePoint, timePointWindow, TreatmentGrouping, ValidationError } from '@vfr/domain';
import { propensityBinEdges, propensityOverlap, selectCovariates } from '@vfr/stats';
import { ADJUSTMENT_COVARIATES, covariateRow, CovariateSource, REFERENCE_LEVELS } from './adjusted.covariates';
import { fitAdjusted } from './adjusted.fits';
import { ADJUSTED_FITS, FitPool } from './fit-pool';
import { FollowUp, followUp, groupedCohortSql, isConservativeGroup } from './cohort.sql';
import { AdjustedComparisonModel, PropensityTrimming } from './models/adjusted.model';
import { MEASURE_COLUMN, OutcomeMeasure, timePointOrdinal } from './outcome-measures';
import { Disclosure, disclosureFor, KeyedCount, shownCells, shownCount } from './suppression';

interface Patient {
  grp: string;
  /** The patient's record key (suppression.ts). */
  rk: number;
  /** Covariates (adjusted.covariates.ts), null when one is missing. */
  x: number[] | null;
  /** The outcome, null when not measured at the time point. */
  y: number | null;
}

interface Row extends Patient {
  x: number[];
  y: number;
}

const OVERLAP_BINS = 10;

@Injectable()
export class AdjustedService {
  constructor(
    private readonly reader: AggregateReader,
    private readonly fits: FitPool,
  ) {}

  /**
   * Mean outcome at a time point, each group against conservative care (or the first group),
   * unadjusted (Welch) and weighted by the inverse probability of the treatment received
   * (multinomial propensity, stabilized weights, not truncated: truncating the pooled weights
   * at percentiles cuts mostly the smallest group's and biases its difference), optionally
   * after the multinomial Crump trimming, with each group's weights and effective sample size
   * and the covariate balance before and after weighting for every pair of groups.
   */
  async compare(
    actor: Actor,
    filter: CohortFilter,
    grouping: TreatmentGrouping,
    measure: OutcomeMeasure,
    timePoint: TimePoint,
    trimming: PropensityTrimming = PropensityTrimming.NONE,
  ): Promise<AdjustedComparisonModel> {
    if (timePoint === TimePoint.UNSCHEDULED) throw ValidationError.single('timePoint', 'enum', 'timePoint must be a scheduled time point');
    return this.compareOutcome(
      actor,
      filter,
      grouping,
      `${measure} at ${timePoint}`,
      (fu) => fu.score(MEASURE_COLUMN[measure], timePointOrdinal(timePoint)),
      trimming,
    );
  }

  /**
   * The risk of a new vertebral fracture by a time point's target day (M12: day 365), each group
   * against the first, unadjusted and weighted as `compare` does: the outcome is 1 for a patient
   * whose first new fracture falls within follow-up by that day, 0 for one followed to that day
   * without one, and missing for one whose follow-up ended earlier without a fracture (those enter
   * the missing-outcome sensitivity analysis). The propensity model holds the osteoporosis care
   * after the fracture (anti-osteoporotic drug) with the other covariates: without it, a new
   * fracture rate would compare the drugs as much as the treatments (docs/methods.md).
   */
  async compareNewFracture(
    actor: Actor,
    filter: CohortFilter,
    grouping: TreatmentGrouping,
    timePoint: TimePoint,
    trimming: PropensityTrimming = PropensityTrimming.NONE,
  ): Promise<AdjustedComparisonModel> {
    const window = timePointWindow(timePoint);
    if (!window || window.targetDay <= 0)
      throw ValidationError.single('timePoint', 'enum', 'timePoint must be a scheduled time point after the treatment (D1 to M24)');
    const day = window.targetDay;
    return this.compareOutcome(
      actor,
      filter,
      grouping,
      `NEW_FRACTURE by ${timePoint}`,
      (fu) => `(CASE WHEN ${fu.counts('c.new_fracture_day')} AND c.new_fracture_day <= ${day} THEN 1 WHEN ${fu.end} >= ${day} THEN 0 END)`,
      trimming,
    );
  }

  private async compareOutcome(
    actor: Actor,
    filter: CohortFilter,
    grouping: TreatmentGrouping,
    outcome: string,
    outcomeSql: (fu: FollowUp) => string,
    trimming: PropensityTrimming,
  ): Promise<AdjustedComparisonModel> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const y = outcomeSql(fu);
    // Every patient of the cohort, with the outcome or not: the missing-data figures and the
    // sensitivity analysis need those without it too.
    const raw: (CovariateSource & { grp: string; rk: number; y: number | null })[] = await this.reader.query(
      `SELECT ${fu.group} AS grp, c.record_key AS rk, c.age, c.sex, c.causes, c.max_genant, c.fracture_age_days, c.baseline_nrs,
              c.odi[${timePointOrdinal(TimePoint.BASELINE)}] AS baseline_odi, c.asa_class, c.active_cancer,
              c.clinical_frailty_scale, c.charlson_comorbidity_index, c.dementia, c.prior_vertebral_fractures, c.anti_osteoporotic_drug,
              c.levels, c.pre_fracture_mobility, c.living_situation, p.mobilised_under_analgesia, ${y} AS y
       FROM (${groupedCohortSql(filter, actor, params, grouping)}) c JOIN patient p ON p.id = c.patient_id`,
      params.values,
    );
    const patients: Patient[] = raw.map((r) => ({ grp: r.grp, rk: Number(r.rk), x: covariateRow(r), y: r.y === null ? null : Number(r.y) }));
    const complete = patients.filter((p): p is Row => p.x !== null && p.y !== null);
    const d = disclosureFor(actor);
    const keyed = (of: { rk: number }[]): KeyedCount => ({ n: of.length, k: of.reduce((a, r) => a + r.rk, 0) });
    const byGroup = new Map<string, Row[]>();
    for (const r of complete) {
      const of = byGroup.get(r.grp);
      if (of) of.push(r);
      else byGroup.set(r.grp, [r]);
    }
    // Groups too small to report (as the reader sees counts), or to model, are left out.
    const tooSmall = [...byGroup].filter(([, of]) => of.length < 2 || shownCount(d, keyed(of)) === null).map(([g]) => g);
    const rows = complete.filter((r) => !tooSmall.includes(r.grp));
    const order = (a: string, b: string) => (isConservativeGroup(a) ? -1 : isConservativeGroup(b) ? 1 : a.localeCompare(b));
    const groups = [...new Set(rows.map((r) => r.grp))].sort(order);
    const incomplete = patients.filter((p) => p.y !== null && p.x === null);
    const cohortShown = shownCount(d, keyed(patients));
    const base = {
      // Counts inside a cohort whose size is withheld are withheld too, zero included: "0 analysed"
      // of a cohort of one would say that this one patient lacks the outcome.
      outcome,
      n: cohortShown === null ? null : shownCount(d, keyed(rows)),
      excluded: cohortShown === null ? null : shownCount(d, keyed(incomplete)),
      suppressedGroups: tooSmall.sort(),
      trimming,
      overlapBinEdges: propensityBinEdges(OVERLAP_BINS),
    };
    const missingData = (analysed: (g: string) => Row[]) =>
      [...new Set(patients.map((p) => p.grp))].sort(order).map((g) => {
        const cohort = patients.filter((p) => p.grp === g);
        const [c, o, a] = shownNested(d, [keyed(cohort), keyed(cohort.filter((p) => p.y !== null)), keyed(analysed(g))]);
        return { group: g, cohort: c, observed: o, analysed: a };
      });
    const references = (madeReference: number[]) =>
      Object.entries(REFERENCE_LEVELS).map(([factor, level]) => {
        const swapped = madeReference.find((j) => ADJUSTMENT_COVARIATES[j].factor === factor);
        return { factor, reference: swapped === undefined ? level : ADJUSTMENT_COVARIATES[swapped].name };
      });
    if (groups.length < 2) {
      return {
        ...base,
        covariates: ADJUSTMENT_COVARIATES.map((c) => c.name),
        constantCovariates: [],
        referenceCategories: references([]),
        means: [],
        differences: [],
        balance: [],
        weights: [],
        trimmingThreshold: null,
        trimmedGroups: [],
        propensityConverged: true,
        missingData: missingData(() => []),
        overlap: [],
        sensitivityConverged: true,
      };
    }

    // A covariate every patient shares (sex in a women-only cohort, a category nobody is in)
    // carries no information and makes the model singular, as does a full set of indicators
    // whose reference level is empty: they are left out and named, rather than failing the fit.
    const selection = selectCovariates(
      ADJUSTMENT_COVARIATES,
      rows.map((r) => r.x),
    );
    const kept = selection.kept;
    const pick = (x: number[]) => kept.map((j) => x[j]);
    // Sensitivity analysis for missing outcomes: every patient of the groups compared with
    // complete covariates, observed or not (docs/methods.md).
    const population = patients.filter((p): p is Patient & { x: number[] } => p.x !== null && groups.includes(p.grp));
    const fitted = await this.fits.run(
      ADJUSTED_FITS,
      'fitAdjusted',
      {
        rows: { x: rows.map((r) => pick(r.x)), group: rows.map((r) => r.grp), y: rows.map((r) => r.y), rk: rows.map((r) => r.rk) },
        population: {
          x: population.map((p) => pick(p.x)),
          group: population.map((p) => p.grp),
          y: population.map((p) => p.y),
          rk: population.map((p) => p.rk),
        },
        groups,
        binary: kept.map((j) => ADJUSTMENT_COVARIATES[j].binary),
        trimming,
        disclosure: d,
      },
      fitAdjusted,
    );
    // Trimming must not leave a group the reader could not see counted (fitAdjusted's rule).
    if (!fitted.ok) throw ValidationError.single('trimming', 'range', 'trimming leaves fewer than two groups to compare in this cohort');
    const a = fitted.main;
    const sensitivity = fitted.sensitivity;
    const shownOf = (idx: number[]) => shownCount(d, keyed(idx.map((i) => rows[i])));
    const shownN = (g: string) => shownOf(a.members.get(g) ?? []);

    const differences = a.differences.map((x) => {
      const s = sensitivity.differences.find((v) => v.group === x.group && v.versus === x.versus);
      return {
        group: x.group,
        versus: x.versus,
        n: shownN(x.group),
        nVersus: shownN(x.versus),
        unadjusted: x.unadjusted.difference,
        unadjustedLower: x.unadjusted.lower,
        unadjustedUpper: x.unadjusted.upper,
        adjusted: x.adjusted.difference,
        adjustedLower: x.adjusted.lower,
        adjustedUpper: x.adjusted.upper,
        sensitivity: s?.adjusted.difference ?? null,
        sensitivityLower: s?.adjusted.lower ?? null,
        sensitivityUpper: s?.adjusted.upper ?? null,
      };
    });
    const means = a.means.map((m) => ({
      group: m.group,
      n: shownN(m.group),
      mean: m.unadjusted.mean,
      lower: m.unadjusted.lower,
      upper: m.unadjusted.upper,
      adjusted: m.adjusted.mean,
      adjustedLower: m.adjusted.lower,
      adjustedUpper: m.adjusted.upper,
    }));
    const balance = a.balance.map((b) => ({
      covariate: ADJUSTMENT_COVARIATES[kept[b.covariate]].name,
      group: b.group,
      versus: b.versus,
      smdBefore: b.smdBefore,
      smdAfter: b.smdAfter,
    }));
    const weights = a.weightSummary.map((w) => {
      const all = rows.map((r, i) => (r.grp === w.group ? i : -1)).filter((i) => i >= 0);
      const members = new Set(a.members.get(w.group) ?? []);
      const n = shownN(w.group);
      // The weight summaries say about as much as the group's size (the stabilized weights sum
      // to about n), so they are withheld with it. For readers whose counts are perturbed
      // (docs/privacy.md) the sum would undo the perturbation: it is withheld, and the effective
      // sample size is shown to the nearest 5.
      const shown = n !== null && members.size > 0;
      return {
        group: w.group,
        n: members.size > 0 ? n : null,
        trimmed: trimming === PropensityTrimming.NONE ? 0 : shownOf(all.filter((i) => !members.has(i))),
        min: shown ? w.min : null,
        median: shown ? w.median : null,
        max: shown ? w.max : null,
        sum: shown && !d.perturb ? w.sum : null,
        ess: !shown ? null : d.perturb ? Math.round(w.ess / 5) * 5 : w.ess,
      };
    });
    // Each bin is a count of patients, published beside the group's n: shown as the other
    // cells of a table with its total are (small bins withheld, perturbed for department heads).
    const overlap = propensityOverlap(
      a.propensities,
      rows.map((r) => r.grp),
      a.groups,
      OVERLAP_BINS,
    ).map((h) => ({
      score: h.score,
      group: h.group,
      counts: shownCells(
        d,
        h.bins.map((idx) => keyed(idx.map((i) => rows[i]))),
      ),
    }));
    return {
      ...base,
      covariates: kept.map((j) => ADJUSTMENT_COVARIATES[j].name),
      constantCovariates: selection.constant.map((j) => ADJUSTMENT_COVARIATES[j].name),
      referenceCategories: references(selection.madeReference),
      means,
      differences,
      balance,
      weights,
      trimmingThreshold: a.threshold,
      trimmedGroups: [...a.droppedGroups].sort(),
      propensityConverged: a.converged,
      missingData: missingData((g) => (a.members.get(g) ?? []).map((i) => rows[i])),
      overlap,
      sensitivityConverged: sensitivity.converged,
    };
  }
}

/**
 * Nested counts (a group's cohort, those with the outcome, those analysed), each as the reader
 * sees counts. Perturbed counts need nothing more: each carries its own noise, so their
 * difference is no exact count. For exact counts a count is withheld where it exceeds one
 * shown inside it by less than the small-cell threshold, since their difference would be a
 * small cell; the innermost count (the n of the comparison, shown elsewhere too) is kept first.
 */
function shownNested(d: Disclosure, cells: KeyedCount[]): (number | null)[] {
  const shown = cells.map((c) => shownCount(d, c));
  // Inside a withheld count every count is withheld, zero included (it would describe the
  // patients of a small cell).
  const outer = shown.findIndex((v) => v === null);
  if (outer >= 0) for (let i = outer + 1; i < shown.length; i++) shown[i] = null;
  if (!d.suppress || d.perturb) return shown;
  const kept: number[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const v = shown[i];
    if (v === null) continue;
    if (kept.some((u) => v - u > 0 && v - u < d.threshold)) shown[i] = null;
    else kept.push(v);
  }
  return shown;
}
