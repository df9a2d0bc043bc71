import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TimePoint, TreatmentGrouping, TreatmentKind, ValidationError } from '@vfr/domain';
import {
  iptwWeights, multinomialLogisticRegression, receivedProbability, smdBinaryData, smdContinuous, truncateWeightsAtPercentiles,
  weightedMeanDifference, weightedSmdBinary, weightedSmdContinuous, welchMeanDifference,
} from '@vfr/stats';
import { cohortSql } from './cohort.sql';
import { AdjustedComparisonModel } from './models/adjusted.model';
import { MEASURE_COLUMN, OutcomeMeasure, timePointOrdinal } from './outcome-measures';
import { disclosureFor, shownCount } from './suppression';

// The propensity model of DESIGN.md section 4: age, sex, Genant grade, fracture age, cause,
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
   * (multinomial propensity, stabilized weights truncated at the 1st and 99th percentiles),
   * with the covariate balance before and after weighting.
   */
  async compare(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, measure: OutcomeMeasure, timePoint: TimePoint): Promise<AdjustedComparisonModel> {
    if (timePoint === TimePoint.UNSCHEDULED) throw ValidationError.single('timePoint', 'enum', 'timePoint must be a scheduled time point');
    const params = new SqlParams();
    const column = grouping === TreatmentGrouping.AS_TREATED ? 'received_kind' : 'first_kind';
    const y = `c.${MEASURE_COLUMN[measure]}[${timePointOrdinal(timePoint)}]`;
    const raw: { grp: string; rk: number; age: number; female: number; genant: number | null; fracture_age: number | null; osteo: number; baseline: number | null; y: number }[] =
      await this.reader.query(
        `SELECT c.${column} AS grp, c.record_key AS rk, c.age, (c.sex = 'FEMALE')::int AS female, c.max_genant AS genant, c.fracture_age_days AS fracture_age,
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
    const base = { outcome: `${measure} at ${timePoint}`, n: shownCount(d, keyed(rows)), excluded: shownCount(d, keyed(incomplete)), suppressedGroups: tooSmall.sort() };
    if (groups.length < 2) return { ...base, covariates: COVARIATES.map((c) => c.name), constantCovariates: [], differences: [], balance: [], propensityConverged: true };

    const reference = groups[0];
    // A covariate every patient shares (sex in a women-only cohort) carries no information and
    // makes the model singular: it is left out and named, rather than failing the fit.
    const varying = COVARIATES.map((_, j) => j).filter((j) => rows.some((r) => r.x[j] !== rows[0].x[j]));
    const fit = multinomialLogisticRegression(rows.map((r) => varying.map((j) => r.x[j])), rows.map((r) => r.grp), { classes: groups, reference });
    const received = receivedProbability(fit.fitted, rows.map((r) => groups.indexOf(r.grp)));
    const weights = truncateWeightsAtPercentiles(iptwWeights(received, { stabilize: true, treatment: rows.map((r) => r.grp) }), 0.01, 0.99);
    const of = (g: string) => {
      const idx = rows.map((r, i) => (r.grp === g ? i : -1)).filter((i) => i >= 0);
      return { y: idx.map((i) => rows[i].y), w: idx.map((i) => weights[i]), x: (j: number) => idx.map((i) => rows[i].x[j]), shownN: shownCount(d, keyed(idx.map((i) => rows[i]))) };
    };
    const ref = of(reference);
    const differences = groups.slice(1).map((g) => {
      const mine = of(g);
      const plain = welchMeanDifference(mine.y, ref.y);
      const weighted = weightedMeanDifference(mine.y, mine.w, ref.y, ref.w);
      return {
        group: g, versus: reference, n: mine.shownN, nVersus: ref.shownN,
        unadjusted: plain.difference, unadjustedLower: plain.lower, unadjustedUpper: plain.upper,
        adjusted: weighted.difference, adjustedLower: weighted.lower, adjustedUpper: weighted.upper,
      };
    });
    const balance = groups.slice(1).flatMap((g) => {
      const mine = of(g);
      return varying.map((j) => ({ covariate: COVARIATES[j].name, group: g, versus: reference, ...balanceOf(COVARIATES[j].binary, mine, ref, j) }));
    });
    return {
      ...base,
      covariates: varying.map((j) => COVARIATES[j].name),
      constantCovariates: COVARIATES.filter((_, j) => !varying.includes(j)).map((c) => c.name),
      differences, balance, propensityConverged: fit.converged && !fit.separation,
    };
  }
}

type Arm = { w: number[]; x: (j: number) => number[] };

function balanceOf(binary: boolean, mine: Arm, ref: Arm, j: number): { smdBefore: number; smdAfter: number } {
  return {
    smdBefore: binary ? smdBinaryData(mine.x(j), ref.x(j)) : smdContinuous(mine.x(j), ref.x(j)),
    smdAfter: binary ? weightedSmdBinary(mine.x(j), mine.w, ref.x(j), ref.w) : weightedSmdContinuous(mine.x(j), mine.w, ref.x(j), ref.w),
  };
}
