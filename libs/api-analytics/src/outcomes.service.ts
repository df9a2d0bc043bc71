import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import {
  AFTER_CROSSOVER,
  CohortFilter,
  COMPLICATION_RATE_CATEGORIES,
  COMPLICATION_SPLITS,
  ComplicationKind,
  MAJOR_CLAVIEN_DINDO,
  TimePoint,
  TreatmentGrouping,
  VERTEBRAL_LEVELS,
} from '@vfr/domain';
import { frequencySummary, kaplanMeier, logRankTest, momentsFromSums, tInterval, wilsonInterval } from '@vfr/stats';
import { CELL, cellScopeSql, readKind, followUp, groupedCohortSql } from './cohort.sql';
import { ProportionModel, SurvivalAnalysisModel, TrajectoryPointModel } from './models/outcomes.model';
import {
  MEASURE_COLUMN,
  OutcomeMeasure,
  RESPONDER,
  ResponderDefinition,
  SCHEDULED_TIME_POINTS,
  SURVIVAL_EVENT_DAY,
  SurvivalEndpoint,
} from './outcome-measures';
import { disclosureFor, recordKeySumSql, shownCells, shownCellsByCategory, shownCount, shownProportion } from './suppression';

const ORDER = Object.values(TimePoint);

/** A t interval as a pair (the rows themselves never leave the database: SQL gives n, mean and sd). */
const interval = (n: number, mean: number | null, sd: number | null): [number | null, number | null] => {
  const { lower, upper } = tInterval(n, mean, sd);
  return [lower, upper];
};

@Injectable()
export class OutcomesService {
  constructor(private readonly reader: AggregateReader) {}

  /**
   * The completed visits taken for the scheduled time points (assigned by window, see the
   * analysis table's migration) that count under the grouping's follow-up: the measure and its
   * baseline value.
   */
  private visitsSql(filter: CohortFilter, actor: Actor, grouping: TreatmentGrouping, measure: OutcomeMeasure, params: SqlParams): string {
    const column = MEASURE_COLUMN[measure];
    const fu = followUp(grouping);
    // The visit days are unnested beside the scores only where they decide which visits count.
    const visits = fu.visitDayMatters
      ? `unnest(c.${column}, c.visit_day) WITH ORDINALITY AS t(value, day, n)`
      : `unnest(c.${column}) WITH ORDINALITY AS t(value, n)`;
    return `
      SELECT ${fu.group} AS grp, t.n AS tp, t.value, ${fu.score(column, 1)} AS base, c.record_key AS rk
      FROM (${groupedCohortSql(filter, actor, params, grouping)}) c
      CROSS JOIN LATERAL ${visits}
      WHERE t.value IS NOT NULL AND ${fu.visitCounts('t.day')}`;
  }

  /**
   * Scores travel as a frequency table per group and time point (a few hundred rows for the whole
   * registry): hashing beats sorting 600,000 values for the quartiles, and the figures equal those
   * of the expanded values.
   */
  async trajectory(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, measure: OutcomeMeasure): Promise<TrajectoryPointModel[]> {
    const params = new SqlParams();
    const scope = grouping === TreatmentGrouping.FIRST_TREATMENT && measure === OutcomeMeasure.NRS ? cellScopeSql(filter, actor, params) : null;
    // The same frequency table, from the maintained cells where they hold the cohort.
    const table: { grp: string; tp: number; value: number; n: number; k: number; nc: number; kc: number | null; sc: number | null; scc: number | null }[] =
      await this.reader.query(
        scope !== null
          ? `SELECT grp, tp::int, val AS value, sum(n)::int AS n, sum(k)::int8 AS k, sum(x)::int AS nc, sum(kx)::int8 AS kc, sum(s) AS sc, sum(ss) AS scc
             FROM analysis_cell ac WHERE ac.fig = ${CELL.TRAJECTORY_NRS} AND ${scope}
             GROUP BY grp, tp, val HAVING sum(n) > 0`
          : `SELECT grp, tp, value, count(*)::int AS n, ${recordKeySumSql(actor)} AS k, count(value - base)::int AS nc, ${recordKeySumSql(actor, 'base IS NOT NULL')} AS kc,
              sum(value - base) AS sc, sum((value - base) * (value - base)) AS scc
       FROM (${this.visitsSql(filter, actor, grouping, measure, params)}) v
       GROUP BY grp, tp, value`,
        params.values,
        readKind(scope),
      );
    const byCell = new Map<string, typeof table>();
    for (const r of table) {
      const key = `${r.grp}|${r.tp}`;
      if (!byCell.has(key)) byCell.set(key, []);
      byCell.get(key)!.push(r);
    }
    // In order of value: the SD's sum of squares then adds up in one order whichever way the
    // table was read (the cells or the cohort SQL), and so to the same last digit.
    const cells = [...byCell.values()].map((rows) => {
      rows.sort((a, b) => a.value - b.value);
      const summary = frequencySummary({ values: rows.map((r) => r.value), counts: rows.map((r) => r.n) });
      const nc = rows.reduce((s, r) => s + r.nc, 0);
      const k = rows.reduce((s, r) => s + Number(r.k), 0);
      const kc = rows.reduce((s, r) => s + Number(r.kc ?? 0), 0);
      const change = momentsFromSums(
        nc,
        rows.reduce((s, r) => s + (r.sc ?? 0), 0),
        rows.reduce((s, r) => s + (r.scc ?? 0), 0),
      );
      const timePoint = SCHEDULED_TIME_POINTS[rows[0].tp - 1];
      return {
        grp: rows[0].grp,
        time_point: timePoint,
        category: timePoint,
        ...summary,
        k,
        q: [summary.q1, summary.median, summary.q3],
        nc,
        kc,
        mc: change.mean,
        sdc: change.sd,
      };
    });
    const d = disclosureFor(actor);
    const shown = shownCellsByCategory(d, cells);
    return cells
      .sort((a, b) => a.grp.localeCompare(b.grp) || ORDER.indexOf(a.time_point) - ORDER.indexOf(b.time_point))
      .map((r) => {
        if (shown.get(r) === null) {
          return {
            group: r.grp,
            timePoint: r.time_point,
            n: null,
            mean: null,
            sd: null,
            lower: null,
            upper: null,
            median: null,
            q1: null,
            q3: null,
            nChange: null,
            meanChange: null,
            changeLower: null,
            changeUpper: null,
            suppressed: true,
          };
        }
        // Intervals come from the exact n; the counts shown are those the reader may see.
        const [lower, upper] = interval(r.n, r.mean, r.sd);
        const isBaseline = r.time_point === TimePoint.BASELINE;
        const [changeLower, changeUpper] = isBaseline ? [null, null] : interval(r.nc, r.mc, r.sdc);
        const nChange = isBaseline ? null : shownCount(d, { n: r.nc, k: r.kc });
        return {
          group: r.grp,
          timePoint: r.time_point,
          n: shown.get(r)!,
          mean: r.mean,
          sd: r.sd,
          lower,
          upper,
          q1: r.q[0],
          median: r.q[1],
          q3: r.q[2],
          nChange,
          meanChange: isBaseline || nChange === null ? null : r.mc,
          changeLower: nChange === null ? null : changeLower,
          changeUpper: nChange === null ? null : changeUpper,
          suppressed: false,
        };
      });
  }

  async responders(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, definition: ResponderDefinition): Promise<ProportionModel[]> {
    const { measure, condition } = RESPONDER[definition];
    const params = new SqlParams();
    const scope = grouping === TreatmentGrouping.FIRST_TREATMENT && measure === OutcomeMeasure.NRS ? cellScopeSql(filter, actor, params) : null;
    const rows: { grp: string; tp: number; n: number; k: number; x: number; kx: number | null }[] = await this.reader.query(
      scope !== null
        ? `SELECT grp, tp::int, sum(n)::int AS n, sum(k)::int8 AS k, sum(x)::int AS x, sum(kx)::int8 AS kx
           FROM analysis_cell ac WHERE ac.fig = ${CELL.RESPONDERS} AND ac.cat = ${params.add(definition)} AND ${scope}
           GROUP BY grp, tp HAVING sum(n) > 0`
        : `SELECT grp, tp, count(*)::int AS n, ${recordKeySumSql(actor)} AS k, count(*) FILTER (WHERE ${condition})::int AS x, ${recordKeySumSql(actor, condition)} AS kx
       FROM (${this.visitsSql(filter, actor, grouping, measure, params)}) v
       WHERE base IS NOT NULL AND tp > 1
       GROUP BY grp, tp`,
      params.values,
      readKind(scope),
    );
    return this.proportions(
      actor,
      rows.map((r) => ({ group: r.grp, category: SCHEDULED_TIME_POINTS[r.tp - 1], n: r.n, k: Number(r.k), x: r.x, kx: Number(r.kx ?? 0) })),
      (a, b) => ORDER.indexOf(a as TimePoint) - ORDER.indexOf(b as TimePoint),
    );
  }

  /**
   * Patients with at least one complication within follow-up (day 0 to its end, and before a
   * crossover per protocol), per group: any; split by the highest recorded Clavien-Dindo grade
   * (major III or more, minor I-II, no grade recorded); each kind, every one present (0 events
   * shows 0 of n); the cement leakages split by symptom; and, under the intention-to-treat
   * groupings, those with a complication on or after their crossover, still counted in the group
   * of their first treatment. Read from the complication table joined to the cohort. A death is
   * not a complication (docs/methods.md, Complication rates).
   */
  async complications(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<ProportionModel[]> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const perProtocol = grouping === TreatmentGrouping.PER_PROTOCOL;
    const day = '(x.occurred_on - c.index_date)';
    const major = `x.clavien_dindo::text IN (${MAJOR_CLAVIEN_DINDO.map((g) => `'${g}'`).join(', ')})`;
    const leakage = `x.kind = '${ComplicationKind.CEMENT_LEAKAGE}'`;
    const [grades, symptoms] = [COMPLICATION_SPLITS.ANY, COMPLICATION_SPLITS.CEMENT_LEAKAGE];
    // One pass: per patient the kinds within follow-up and the part of each split it falls in,
    // each counted once, or NONE if it had none; a group's size is ANY + NONE.
    // Each patient's categories under every grouping but per protocol (they share one follow-up
    // rule) are kept on its analysis row by the same rule as below (cells_complications, see the
    // analysis cells' migration): under the first treatment the maintained cells sum them where
    // they hold the cohort; otherwise the cohort's rows are read for them. Per protocol, whose
    // follow-up ends at a crossover, joins the complications.
    const scope = grouping === TreatmentGrouping.FIRST_TREATMENT ? cellScopeSql(filter, actor, params) : null;
    const counts: { grp: string; kind: string; x: number; kx: number }[] = await this.reader.query(
      scope !== null
        ? `SELECT grp, cat AS kind, sum(n)::int AS x, sum(k)::int8 AS kx FROM analysis_cell ac
           WHERE ac.fig = ${CELL.COMPLICATIONS} AND ${scope} GROUP BY 1, 2 HAVING sum(n) > 0`
        : !perProtocol
          ? `SELECT ${fu.group} AS grp, k.kind, count(*)::int AS x, ${recordKeySumSql(actor, undefined, 'c.record_key')} AS kx
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c CROSS JOIN LATERAL unnest(c.cells_complications) AS k(kind)
             GROUP BY 1, 2`
          : `SELECT grp, k.kind, count(*)::int AS x, sum(rk)::int8 AS kx
       FROM (SELECT ${fu.group} AS grp, c.record_key AS rk, p.*
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c
             CROSS JOIN LATERAL (
               SELECT array_agg(DISTINCT x.kind::text) AS kinds, bool_or(${major}) AS major, bool_or(x.clavien_dindo IS NOT NULL) AS graded,
                      bool_or(x.symptomatic) FILTER (WHERE ${leakage}) AS symptomatic,
                      bool_or(x.symptomatic IS NOT NULL) FILTER (WHERE ${leakage}) AS symptom_recorded,
                      bool_or(c.crossover_day IS NOT NULL AND ${day} >= c.crossover_day) AS after_crossover
               FROM complication x
               WHERE x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind <> '${ComplicationKind.DEATH}' AND ${fu.counts(day)}
             ) p) c
       CROSS JOIN LATERAL unnest(CASE WHEN c.kinds IS NULL THEN '{NONE}'::text[] ELSE c.kinds || ARRAY[
           'ANY', CASE WHEN c.major THEN '${grades[0]}' WHEN c.graded THEN '${grades[1]}' ELSE '${grades[2]}' END,
           CASE WHEN c.symptomatic THEN '${symptoms[0]}' WHEN c.symptom_recorded THEN '${symptoms[1]}' WHEN '${ComplicationKind.CEMENT_LEAKAGE}' = ANY(c.kinds) THEN '${symptoms[2]}' END,
           CASE WHEN c.after_crossover THEN '${AFTER_CROSSOVER}' END] END) AS k(kind)
       WHERE k.kind IS NOT NULL
       GROUP BY 1, 2`,
      params.values,
      readKind(scope),
    );
    const size = new Map<string, { n: number; k: number }>();
    const found = new Map<string, { x: number; kx: number }>();
    for (const r of counts) {
      found.set(`${r.grp}|${r.kind}`, { x: r.x, kx: Number(r.kx) });
      if (r.kind !== 'ANY' && r.kind !== 'NONE') continue;
      const s = size.get(r.grp) ?? { n: 0, k: 0 };
      size.set(r.grp, { n: s.n + r.x, k: s.k + Number(r.kx) });
    }
    // Every row for every group, 0 where no patient had it; per protocol nothing counts after a
    // crossover, so that row is left out.
    const categories = COMPLICATION_RATE_CATEGORIES.filter((c) => !(perProtocol && c === AFTER_CROSSOVER));
    const rows = [...size].flatMap(([group, s]) =>
      categories.map((category) => ({ group, category, ...s, ...(found.get(`${group}|${category}`) ?? { x: 0, kx: 0 }) })),
    );
    const within = new Map<string, string>(categories.filter((c) => c !== 'ANY').map((c) => [c, 'ANY']));
    for (const [total, parts] of Object.entries(COMPLICATION_SPLITS)) for (const part of parts) within.set(part, total);
    return this.proportions(actor, rows, (a, b) => categories.indexOf(a) - categories.indexOf(b), { within, splits: COMPLICATION_SPLITS });
  }

  /**
   * Rates as the reader may see them: a group's n as shownByCategory gives it, its numerator
   * withheld below the threshold too (a rate and its n would give a small numerator away), and
   * the rate and interval computed from the counts shown.
   *
   * `nested` says which categories count patients inside another's (a kind inside any
   * complication): such a count is withheld with the one it is inside, zero included, and never
   * shown above it. `splits` are totals whose parts add up to them: for exact counts a second part
   * is withheld where the total and the other parts would give a lone withheld one away (perturbed
   * counts need no complement, their noises are unrelated). Totals come first in `order`.
   */
  private proportions(
    actor: Actor,
    rows: { group: string; category: string; n: number; k: number; x: number; kx: number }[],
    order: (a: string, b: string) => number,
    nested: { within: ReadonlyMap<string, string>; splits: Readonly<Record<string, readonly string[]>> } = { within: new Map(), splits: {} },
  ): ProportionModel[] {
    const d = disclosureFor(actor);
    const shownN = shownCellsByCategory(d, rows);
    const sorted = rows.sort((a, b) => a.group.localeCompare(b.group) || order(a.category, b.category));
    const shown = new Map(sorted.map((r) => [r, shownProportion(d, { n: r.x, k: r.kx }, r, shownN.get(r))]));
    const find = (group: string, category: string) => sorted.find((r) => r.group === group && r.category === category);
    for (const parts of Object.values(nested.splits)) {
      for (const group of new Set(sorted.map((r) => r.group))) {
        const cells = parts.map((p) => find(group, p)).filter((r) => r !== undefined);
        const complement = shownCells(
          d,
          cells.map((r) => ({ n: r.x, k: r.kx })),
        );
        cells.forEach((r, i) => complement[i] === null && shown.set(r, { x: null, n: null }));
      }
    }
    for (const r of sorted) {
      const outer = nested.within.get(r.category);
      const around = outer === undefined ? undefined : find(r.group, outer);
      if (!around) continue;
      const s = shown.get(r)!;
      const limit = shown.get(around)!.x;
      shown.set(r, limit === null || s.x === null ? { x: null, n: null } : { x: Math.min(s.x, limit), n: s.n });
    }
    return sorted.map((r) => {
      const s = shown.get(r)!;
      if (s.n === null || s.x === null)
        return { group: r.group, category: r.category, events: null, n: null, rate: null, lower: null, upper: null, suppressed: true };
      const ci = wilsonInterval(s.x, s.n);
      return { group: r.group, category: r.category, events: s.x, n: s.n, rate: ci.proportion, lower: ci.lower, upper: ci.upper, suppressed: false };
    });
  }

  /**
   * Kaplan-Meier curves per group and the log-rank test. Time is days from the index treatment;
   * an event counts only within follow-up and patients without one are censored at the end of
   * their follow-up (followUp in cohort.sql.ts). PAIN_RELIEF counts only patients with a baseline
   * NRS above 3, and its event is the first completed visit after baseline with NRS <= 3, a
   * single visit with no confirmation at the next one. OVERALL_SURVIVAL's event is death.
   * NEW_FRACTURE here treats a death as censoring (the cause-specific view); its cumulative
   * incidence with death as a competing risk is `competingRisks`. For de-identified readers a
   * curve stops where fewer than the threshold remain at risk (its tail would describe a handful
   * of patients), and its counts are shown as suppression.ts says.
   */
  async survival(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, endpoint: SurvivalEndpoint): Promise<SurvivalAnalysisModel> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const eventDay = SURVIVAL_EVENT_DAY[endpoint];
    // Relief (NRS <= 3) is only an event for a patient who was in pain: a baseline of 3 or less,
    // or none, would count the start as relief, so those patients are not in this analysis.
    const eligible = endpoint === SurvivalEndpoint.PAIN_RELIEF ? 'WHERE c.baseline_nrs > 3' : '';
    // Patients with the same group, time and status travel as one row with their count.
    const rows: { grp: string; t: number; d: number; n: number; k: number }[] = await this.reader.query(
      `SELECT grp, coalesce(event_day, end_day) AS t, (event_day IS NOT NULL)::int AS d, count(*)::int AS n, ${recordKeySumSql(actor)} AS k
       FROM (SELECT ${fu.group} AS grp, CASE WHEN ${fu.counts(eventDay)} THEN ${eventDay} END AS event_day, ${fu.end} AS end_day, c.record_key AS rk
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c ${eligible}) o
       WHERE event_day IS NOT NULL OR end_day > 0
       GROUP BY 1, 2, 3`,
      params.values,
    );
    const d = disclosureFor(actor);
    const groups = [...new Set(rows.map((r) => r.grp))].sort();
    const sizes = groups.map((g) => rows.filter((r) => r.grp === g).reduce((a, r) => ({ n: a.n + r.n, k: a.k + Number(r.k) }), { n: 0, k: 0 }));
    const shownSizes = shownCells(d, sizes);
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    // Kaplan-Meier and the log-rank test take the counted rows as they come (one per group, day
    // and status), never one entry per patient; the counts at risk are running sums over them.
    const curves = groups.map((g, i) => {
      if (shownSizes[i] === null)
        return { group: g, n: null, events: null, medianDays: null, medianLower: null, medianUpper: null, steps: [], suppressed: true };
      const mine = rows.filter((r) => r.grp === g).sort((a, b) => a.t - b.t);
      const km = kaplanMeier(
        mine.map((r) => r.t),
        mine.map((r) => r.d),
        { counts: mine.map((r) => r.n) },
      );
      const steps = [];
      const left = { ...sizes[i] };
      let j = 0;
      for (const r of km.rows) {
        // Patients whose day is before this one have left the risk set.
        for (; j < mine.length && mine[j].t < r.time; j++) {
          left.n -= mine[j].n;
          left.k -= Number(mine[j].k);
        }
        const shownAtRisk = shownCount(d, left);
        if (d.suppress && (shownAtRisk === null || shownAtRisk < d.threshold)) break;
        const eventsHere = { n: 0, k: 0 };
        for (let e = j; e < mine.length && mine[e].t === r.time; e++)
          if (mine[e].d === 1) {
            eventsHere.n += mine[e].n;
            eventsHere.k += Number(mine[e].k);
          }
        steps.push({
          day: r.time,
          atRisk: shownAtRisk!,
          events: shownCount({ ...d, suppress: false }, eventsHere)!,
          survival: r.survival,
          lower: finite(r.lower),
          upper: finite(r.upper),
        });
      }
      const events = shownCount(
        d,
        mine.filter((o) => o.d === 1).reduce((a, o) => ({ n: a.n + o.n, k: a.k + Number(o.k) }), { n: 0, k: 0 }),
      );
      // The median is shown only where the curve shown reaches it.
      // For de-identified readers a day beyond the curve shown (a median or a limit in the tail
      // that was cut) is withheld too: it describes the few patients left there.
      const lastShown = steps[steps.length - 1]?.day ?? -1;
      const within = (day: number) => (d.suppress && !(day <= lastShown) ? null : finite(day));
      const reached = within(km.median.median) !== null;
      return {
        group: g,
        n: shownSizes[i],
        events,
        medianDays: within(km.median.median),
        medianLower: reached ? within(km.median.lower) : null,
        medianUpper: reached ? within(km.median.upper) : null,
        steps,
        suppressed: false,
      };
    });
    const shown = rows.filter((o) => shownSizes[groups.indexOf(o.grp)] !== null);
    const testable = new Set(shown.map((o) => o.grp)).size >= 2 && shown.some((o) => o.d === 1);
    const test = testable
      ? logRankTest(
          shown.map((o) => o.t),
          shown.map((o) => o.d),
          shown.map((o) => o.grp),
          shown.map((o) => o.n),
        )
      : null;
    return { curves, logRankChiSquare: test?.chiSquare ?? null, logRankDf: test?.df ?? null, logRankP: test?.pValue ?? null };
  }

  /**
   * Patients with at least one new fracture (ADJACENT_LEVEL_FRACTURE or REMOTE_FRACTURE) within
   * follow-up, per group, by the fracture's level (NOT_RECORDED for fractures recorded without
   * one) or by adjacency, with ANY. Read from the complication table joined to the cohort, day 0
   * the index treatment, under the grouping's follow-up rule (docs/methods.md, New fractures and
   * imaging). Adjacency is derived where the level is recorded (directly above or below a level
   * the index treatment treated); a fracture without a level keeps the adjacency its kind states.
   */
  async newFractures(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping, by: 'LEVEL' | 'ADJACENCY'): Promise<ProportionModel[]> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const position = (level: string) => `array_position(enum_range(NULL::vertebral_level), ${level})`;
    const category =
      by === 'LEVEL'
        ? `coalesce(x.level::text, 'NOT_RECORDED')`
        : `CASE WHEN x.level IS NULL THEN (CASE x.kind WHEN 'ADJACENT_LEVEL_FRACTURE' THEN 'ADJACENT' ELSE 'REMOTE' END)
              WHEN EXISTS (SELECT 1 FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL
                           WHERE tl.treatment_id = c.index_treatment_id AND abs(${position('f.level')} - ${position('x.level')}) = 1) THEN 'ADJACENT'
              ELSE 'REMOTE' END`;
    const counts: { grp: string; kind: string; x: number; kx: number }[] = await this.reader.query(
      `SELECT grp, k.kind, count(*)::int AS x, sum(rk)::int8 AS kx
       FROM (SELECT ${fu.group} AS grp, c.record_key AS rk,
                    ARRAY(SELECT DISTINCT ${category} FROM complication x
                          WHERE x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')
                            AND ${fu.counts('(x.occurred_on - c.index_date)')}) AS kinds
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c) c
       CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.kinds) > 0 THEN c.kinds || '{ANY}'::text[] ELSE '{NONE}'::text[] END) AS k(kind)
       GROUP BY 1, 2`,
      params.values,
    );
    const size = new Map<string, { n: number; k: number }>();
    for (const r of counts) {
      if (r.kind !== 'ANY' && r.kind !== 'NONE') continue;
      const s = size.get(r.grp) ?? { n: 0, k: 0 };
      size.set(r.grp, { n: s.n + r.x, k: s.k + Number(r.kx) });
    }
    const order = by === 'LEVEL' ? ['ANY', ...VERTEBRAL_LEVELS, 'NOT_RECORDED'] : ['ANY', 'ADJACENT', 'REMOTE'];
    const rows = counts.filter((r) => r.kind !== 'NONE').map((r) => ({ group: r.grp, category: r.kind, ...size.get(r.grp)!, x: r.x, kx: Number(r.kx) }));
    return this.proportions(actor, rows, (a, b) => order.indexOf(a) - order.indexOf(b));
  }

  /**
   * Per group and scheduled time point, the share of completed visits of the index treatment
   * that recorded spine imaging as done, among those that recorded it at all (not recorded is not
   * "no"), with Wilson intervals. A visit's time point is its recorded label (visits are held to
   * their window when written); per protocol, visits on or after a crossover are left out.
   */
  async imaging(actor: Actor, filter: CohortFilter, grouping: TreatmentGrouping): Promise<ProportionModel[]> {
    const params = new SqlParams();
    const fu = followUp(grouping);
    const rows: { grp: string; tp: string; n: number; k: number; x: number; kx: number | null }[] = await this.reader.query(
      `SELECT grp, tp, count(*)::int AS n, sum(rk)::int8 AS k, count(*) FILTER (WHERE img)::int AS x, sum(rk) FILTER (WHERE img)::int8 AS kx
       FROM (SELECT ${fu.group} AS grp, c.record_key AS rk, a.time_point::text AS tp, a.imaging_done AS img
             FROM (${groupedCohortSql(filter, actor, params, grouping)}) c
             JOIN assessment a ON a.treatment_id = c.index_treatment_id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
                              AND a.imaging_done IS NOT NULL AND a.time_point <> 'UNSCHEDULED'
             WHERE ${fu.visitCounts('(a.visit_date - c.index_date)')}) v
       GROUP BY grp, tp`,
      params.values,
    );
    return this.proportions(
      actor,
      rows.map((r) => ({ group: r.grp, category: r.tp, n: r.n, k: Number(r.k), x: r.x, kx: Number(r.kx ?? 0) })),
      (a, b) => ORDER.indexOf(a as TimePoint) - ORDER.indexOf(b as TimePoint),
    );
  }
}
