import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TimePoint, TreatmentGrouping, TreatmentKind } from '@vfr/domain';
import { tInterval } from '@vfr/stats';
import { followUp, groupedCohortSql, isConservativeGroup } from './cohort.sql';
import { CorrectionReference, MeanEstimateModel, RadiographicPointModel } from './models/radiographs.model';
import { SCHEDULED_TIME_POINTS, timePointOrdinal } from './outcome-measures';
import { Disclosure, disclosureFor, shownCellsByCategory, shownCount } from './suppression';

/** Radiographs are scheduled from month 1: the slots of analysis_patient's arrays read here. */
const M1 = timePointOrdinal(TimePoint.M1);
const ORDINALS = SCHEDULED_TIME_POINTS.map((_, i) => i + 1).filter((n) => n >= M1);

/** One measure of one group at one time point, as SQL aggregates it: count, record keys, mean, SD. */
interface Moments {
  n: number;
  k: number;
  mean: number | null;
  sd: number | null;
}

interface Cell {
  group: string;
  tp: number;
  angle: Moments;
  height: Moments;
  loss: Moments;
}

const EMPTY: MeanEstimateModel = { n: 0, mean: null, lower: null, upper: null, suppressed: false };
const WITHHELD: MeanEstimateModel = { n: null, mean: null, lower: null, upper: null, suppressed: true };

/**
 * A mean as the reader may see it: with the count shown, or withheld whole (no mean of a withheld
 * cell). An empty cell has no count to withhold (and none in `shownN`).
 */
function estimate(m: Moments, shownN: number | null | undefined): MeanEstimateModel {
  if (m.n === 0) return EMPTY;
  if (shownN === null || shownN === undefined) return WITHHELD;
  // The interval comes from the exact n; the count shown is the one the reader may see.
  const { lower, upper } = tInterval(m.n, m.mean, m.sd);
  return { n: shownN, mean: m.mean, lower, upper, suppressed: false };
}

@Injectable()
export class RadiographsService {
  constructor(private readonly reader: AggregateReader) {}

  /**
   * Per group and scheduled time point from month 1 (docs/methods.md, Radiographic follow-up and
   * loss of correction): the mean kyphotic angle and anterior height of the index level at the
   * visit taken for the time point, and the loss of correction, the mean change of the angle
   * from the group's reference: the angle right after the procedure for vertebroplasty and
   * kyphoplasty (and every group of the procedure groupings), the angle at month 1 for
   * conservative care. Patients and visits count by the grouping's rules (groupedCohortSql; per
   * protocol, no visit from a crossover on); the reference after a procedure is that of the index
   * treatment, on day 0.
   */
  async followUp(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<RadiographicPointModel[]> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const conservative = `${fu.group} = '${TreatmentKind.CONSERVATIVE}'`;
    const slots = ORDINALS.map((n) => `(${n}, ${fu.score('kyphotic_angle', n)}, ${fu.score('anterior_height', n)})`).join(', ');
    const moments = (name: string, value: string) =>
      `count(${value})::int AS ${name}_n, coalesce(sum(rk) FILTER (WHERE ${value} IS NOT NULL), 0)::int8 AS ${name}_k, avg(${value}) AS ${name}_mean, stddev_samp(${value}) AS ${name}_sd`;
    const rows: Record<string, number | string | null>[] = await this.reader.query(
      `SELECT grp, tp, ${moments('angle', 'angle')}, ${moments('height', 'height')}, ${moments('loss', 'loss')}
       FROM (SELECT ${fu.group} AS grp, c.record_key AS rk, s.tp, s.angle, s.height,
                    -- Conservative care's reference is its month-1 angle: no change at month 1 itself.
                    CASE WHEN ${conservative} THEN (CASE WHEN s.tp > ${M1} THEN s.angle - ${fu.score('kyphotic_angle', M1)} END)
                         ELSE s.angle - c.kyphotic_angle_after END AS loss
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c
             CROSS JOIN LATERAL (VALUES ${slots}) AS s(tp, angle, height)) v
       GROUP BY grp, tp
       HAVING count(angle) + count(height) > 0`,
      params.values,
    );
    const m = (r: Record<string, number | string | null>, name: string): Moments => ({
      n: Number(r[`${name}_n`]),
      k: Number(r[`${name}_k`]),
      mean: r[`${name}_mean`] as number | null,
      sd: r[`${name}_sd`] as number | null,
    });
    const cells: Cell[] = rows.map((r) => ({ group: String(r.grp), tp: Number(r.tp), angle: m(r, 'angle'), height: m(r, 'height'), loss: m(r, 'loss') }));
    return this.shown(disclosureFor(actor), cells);
  }

  /**
   * The small-cell rules as the outcome trajectory applies them (suppression.ts): the angle's and
   * the height's counts as cells of their time point, a second one withheld where the groups'
   * counts would give a withheld one away; the loss's count as the trajectory's change from
   * baseline, shown only beside a shown angle. Empty cells take no part (as in the trajectory,
   * where they have no row).
   */
  private shown(d: Disclosure, cells: Cell[]): RadiographicPointModel[] {
    const keyed = (pick: (c: Cell) => Moments) => {
      const present = cells.filter((c) => pick(c).n > 0).map((c) => ({ cell: c, category: String(c.tp), n: pick(c).n, k: pick(c).k }));
      const shown = shownCellsByCategory(d, present);
      return new Map(present.map((p) => [p.cell, shown.get(p)!]));
    };
    const angles = keyed((c) => c.angle);
    const heights = keyed((c) => c.height);
    return cells
      .sort((a, b) => a.group.localeCompare(b.group) || a.tp - b.tp)
      .map((c) => {
        const isConservative = isConservativeGroup(c.group);
        const kyphoticAngle = estimate(c.angle, angles.get(c));
        const atReference = isConservative && c.tp === M1;
        // The loss is measured on the patients with an angle: withheld with a withheld angle.
        const lossOfCorrection = atReference ? null : kyphoticAngle.suppressed ? WITHHELD : estimate(c.loss, shownCount(d, c.loss));
        return {
          group: c.group,
          timePoint: SCHEDULED_TIME_POINTS[c.tp - 1],
          kyphoticAngle,
          anteriorHeight: estimate(c.height, heights.get(c)),
          lossReference: isConservative ? CorrectionReference.M1_RADIOGRAPH : CorrectionReference.AFTER_PROCEDURE,
          lossOfCorrection,
        };
      });
  }
}
