import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, TimePoint, TreatmentGrouping } from '@vfr/domain';
import { frequencySummary, kaplanMeier, logRankTest, momentsFromSums, tQuantile, wilsonInterval } from '@vfr/stats';
import { cohortSql, suppressesSmallCells } from './cohort.sql';
import { ProportionModel, SurvivalAnalysisModel, TrajectoryPointModel } from './models/outcomes.model';
import { MEASURE_COLUMN, OutcomeMeasure, RESPONDER, ResponderDefinition, SCHEDULED_TIME_POINTS, SurvivalEndpoint } from './outcome-measures';
import { cellsToSuppress, DEFAULT_SMALL_CELL_THRESHOLD } from './suppression';

const ORDER = Object.values(TimePoint);
const groupColumn = (g: TreatmentGrouping) => (g === TreatmentGrouping.AS_TREATED ? 'received_kind' : 'first_kind');

/** Mean with a t interval from SQL's n, mean and sd (the rows themselves never leave the database). */
function tInterval(n: number, mean: number | null, sd: number | null): [number | null, number | null] {
  if (mean === null || sd === null || n < 2) return [null, null];
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}

/** Per category (time point, kind), the group cells to withhold from de-identified readers. */
function suppressedCells<T extends { category: string; n: number }>(actor: Actor, rows: T[]): Set<T> {
  const hidden = new Set<T>();
  if (!suppressesSmallCells(actor)) return hidden;
  const byCategory = new Map<string, T[]>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  for (const cells of byCategory.values()) {
    const idx = cellsToSuppress(cells.map((c) => c.n), DEFAULT_SMALL_CELL_THRESHOLD);
    cells.forEach((c, i) => idx.has(i) && hidden.add(c));
  }
  return hidden;
}

@Injectable()
export class OutcomesService {
  constructor(private readonly reader: AggregateReader) {}

  /** Completed scheduled visits of the cohort's index treatments: the measure and its baseline value. */
  private visitsSql(filter: CohortFilter, actor: Actor, grouping: TreatmentGrouping, measure: OutcomeMeasure, params: SqlParams): string {
    const column = MEASURE_COLUMN[measure];
    return `
      SELECT c.${groupColumn(grouping)} AS grp, t.n AS tp, t.value, c.${column}[1] AS base
      FROM (${cohortSql(filter, actor, params)}) c
      CROSS JOIN LATERAL unnest(c.${column}) WITH ORDINALITY AS t(value, n)
      WHERE t.value IS NOT NULL`;
  }

  /**
   * Scores travel as a frequency table per group and time point (a few hundred rows for the whole
   * registry): hashing beats sorting 600,000 values for the quartiles, and the figures equal those
   * of the expanded values.
   */
  async trajectory(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, measure: OutcomeMeasure): Promise<TrajectoryPointModel[]> {
    const params = new SqlParams();
    const table: { grp: string; tp: number; value: number; n: number; nc: number; sc: number | null; scc: number | null }[] = await this.reader.query(
      `SELECT grp, tp, value, count(*)::int AS n, count(value - base)::int AS nc, sum(value - base) AS sc, sum((value - base) * (value - base)) AS scc
       FROM (${this.visitsSql(filter, actor, grouping, measure, params)}) v
       GROUP BY grp, tp, value`,
      params.values,
    );
    const byCell = new Map<string, typeof table>();
    for (const r of table) {
      const key = `${r.grp}|${r.tp}`;
      if (!byCell.has(key)) byCell.set(key, []);
      byCell.get(key)!.push(r);
    }
    const cells = [...byCell.values()].map((rows) => {
      const summary = frequencySummary({ values: rows.map((r) => r.value), counts: rows.map((r) => r.n) });
      const nc = rows.reduce((s, r) => s + r.nc, 0);
      const change = momentsFromSums(nc, rows.reduce((s, r) => s + (r.sc ?? 0), 0), rows.reduce((s, r) => s + (r.scc ?? 0), 0));
      const timePoint = SCHEDULED_TIME_POINTS[rows[0].tp - 1];
      return { grp: rows[0].grp, time_point: timePoint, category: timePoint, ...summary, q: [summary.q1, summary.median, summary.q3], nc, mc: change.mean, sdc: change.sd };
    });
    const hidden = suppressedCells(actor, cells);
    return cells
      .sort((a, b) => a.grp.localeCompare(b.grp) || ORDER.indexOf(a.time_point as TimePoint) - ORDER.indexOf(b.time_point as TimePoint))
      .map((r) => {
        if (hidden.has(r)) {
          return { group: r.grp, timePoint: r.time_point as TimePoint, n: null, mean: null, sd: null, lower: null, upper: null, median: null, q1: null, q3: null, nChange: null, meanChange: null, changeLower: null, changeUpper: null, suppressed: true };
        }
        const [lower, upper] = tInterval(r.n, r.mean, r.sd);
        const isBaseline = r.time_point === TimePoint.BASELINE;
        const [changeLower, changeUpper] = isBaseline ? [null, null] : tInterval(r.nc, r.mc, r.sdc);
        return {
          group: r.grp, timePoint: r.time_point as TimePoint, n: r.n, mean: r.mean, sd: r.sd, lower, upper,
          q1: r.q[0], median: r.q[1], q3: r.q[2], nChange: isBaseline ? null : r.nc, meanChange: isBaseline ? null : r.mc, changeLower, changeUpper, suppressed: false,
        };
      });
  }

  async responders(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, definition: ResponderDefinition): Promise<ProportionModel[]> {
    const { measure, condition } = RESPONDER[definition];
    const params = new SqlParams();
    const rows: { grp: string; tp: number; n: number; x: number }[] = await this.reader.query(
      `SELECT grp, tp, count(*)::int AS n, count(*) FILTER (WHERE ${condition})::int AS x
       FROM (${this.visitsSql(filter, actor, grouping, measure, params)}) v
       WHERE base IS NOT NULL AND tp > 1
       GROUP BY grp, tp`,
      params.values,
    );
    return this.proportions(actor, rows.map((r) => ({ group: r.grp, category: SCHEDULED_TIME_POINTS[r.tp - 1], n: r.n, x: r.x })), (a, b) => ORDER.indexOf(a as TimePoint) - ORDER.indexOf(b as TimePoint));
  }

  /** Patients with at least one complication of each kind (and of any kind) after the index treatment. */
  async complications(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<ProportionModel[]> {
    const params = new SqlParams();
    // One pass: each patient counts once per kind it had (complication_kinds holds each kind once),
    // once as ANY if it had any, and once as NONE if it had none; a group's size is ANY + NONE.
    const counts: { grp: string; kind: string; x: number }[] = await this.reader.query(
      `SELECT c.${groupColumn(grouping)} AS grp, k.kind, count(*)::int AS x
       FROM (${cohortSql(filter, actor, params)}) c
       CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.complication_kinds) > 0 THEN c.complication_kinds || '{ANY}'::text[] ELSE '{NONE}'::text[] END) AS k(kind)
       GROUP BY 1, 2`,
      params.values,
    );
    const size = new Map<string, number>();
    for (const r of counts) if (r.kind === 'ANY' || r.kind === 'NONE') size.set(r.grp, (size.get(r.grp) ?? 0) + r.x);
    const rows = counts.filter((r) => r.kind !== 'NONE').map((r) => ({ group: r.grp, category: r.kind, n: size.get(r.grp)!, x: r.x }));
    return this.proportions(actor, rows, (a, b) => (a === 'ANY' ? -1 : b === 'ANY' ? 1 : a.localeCompare(b)));
  }

  private proportions(actor: Actor, rows: { group: string; category: string; n: number; x: number }[], order: (a: string, b: string) => number): ProportionModel[] {
    const hidden = suppressedCells(actor, rows);
    return rows
      .sort((a, b) => a.group.localeCompare(b.group) || order(a.category, b.category))
      .map((r) => {
        if (hidden.has(r)) return { group: r.group, category: r.category, events: null, n: null, rate: null, lower: null, upper: null, suppressed: true };
        const ci = wilsonInterval(r.x, r.n);
        return { group: r.group, category: r.category, events: r.x, n: r.n, rate: ci.proportion, lower: ci.lower, upper: ci.upper, suppressed: false };
      });
  }

  /**
   * Kaplan-Meier curves per group and the log-rank test. Time is days from the index treatment;
   * patients without the event are censored at their last completed visit.
   */
  async survival(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, endpoint: SurvivalEndpoint): Promise<SurvivalAnalysisModel> {
    const params = new SqlParams();
    const eventColumn = endpoint === SurvivalEndpoint.NEW_FRACTURE ? 'new_fracture_day' : 'pain_relief_day';
    // Patients with the same group, time and status travel as one row with their count.
    const rows: { grp: string; t: number; d: number; n: number }[] = await this.reader.query(
      `SELECT grp, coalesce(event_day, last_day) AS t, (event_day IS NOT NULL)::int AS d, count(*)::int AS n
       FROM (SELECT c.${groupColumn(grouping)} AS grp, c.${eventColumn} AS event_day, c.last_visit_day AS last_day
             FROM (${cohortSql(filter, actor, params)}) c) o
       WHERE event_day IS NOT NULL OR last_day > 0
       GROUP BY 1, 2, 3`,
      params.values,
    );
    const observed = rows.flatMap((r) => Array.from({ length: r.n }, () => ({ g: r.grp, t: r.t, d: r.d })));
    const groups = [...new Set(observed.map((o) => o.g))].sort();
    const small = suppressesSmallCells(actor) ? cellsToSuppress(groups.map((g) => observed.filter((o) => o.g === g).length)) : new Set<number>();
    const curves = groups.map((g, i) => {
      const mine = observed.filter((o) => o.g === g);
      if (small.has(i)) return { group: g, n: null, events: null, medianDays: null, medianLower: null, medianUpper: null, steps: [], suppressed: true };
      const km = kaplanMeier(mine.map((o) => o.t), mine.map((o) => o.d));
      const finite = (v: number) => (Number.isFinite(v) ? v : null);
      return {
        group: g, n: km.n, events: km.events, medianDays: finite(km.median.median), medianLower: finite(km.median.lower), medianUpper: finite(km.median.upper),
        steps: km.rows.map((r) => ({ day: r.time, atRisk: r.nRisk, events: r.nEvent, survival: r.survival, lower: finite(r.lower), upper: finite(r.upper) })),
        suppressed: false,
      };
    });
    const shown = observed.filter((o) => !small.has(groups.indexOf(o.g)));
    const testable = new Set(shown.map((o) => o.g)).size >= 2 && shown.some((o) => o.d === 1);
    const test = testable ? logRankTest(shown.map((o) => o.t), shown.map((o) => o.d), shown.map((o) => o.g)) : null;
    return { curves, logRankChiSquare: test?.chiSquare ?? null, logRankDf: test?.df ?? null, logRankP: test?.pValue ?? null };
  }
}
