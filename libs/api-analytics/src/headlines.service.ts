import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import {
  CohortFilter,
  ComplicationKind,
  HeadlineFigure,
  MAJOR_CLAVIEN_DINDO,
  TimePoint,
  timePointOrdinal,
  timePointWindow,
  todayIso,
  TreatmentGrouping,
  TreatmentKind,
} from '@vfr/domain';
import { CELL, cellDaySql, cellScopeSql, cohortSql, followUp, visitExpectedSql } from './cohort.sql';
import { HeadlineModel } from './models/headlines.model';
import { disclosureFor, KeyedCount, shownCount, shownRate } from './suppression';

const lower = (figure: HeadlineFigure) => figure.toLowerCase();

/** The share figures: each a denominator and a numerator, named as the SQL below names them. */
const SHARES: HeadlineFigure[] = [
  HeadlineFigure.FOLLOW_UP_M12,
  HeadlineFigure.MAJOR_COMPLICATIONS,
  HeadlineFigure.SYMPTOMATIC_LEAKAGE,
  HeadlineFigure.SAME_DAY_DISCHARGE,
  HeadlineFigure.MORTALITY_30_DAYS,
  HeadlineFigure.MORTALITY_1_YEAR,
];

/**
 * The overview's headline figures for a cohort (docs/methods.md, Headline figures), in one
 * statement: patients are followed by their first treatment (intention to treat), complications
 * count within follow-up as every other figure counts them, and every count goes through
 * suppression.ts as the reader sees counts.
 */
@Injectable()
export class HeadlinesService {
  constructor(private readonly reader: AggregateReader) {}

  async figures(actor: Actor, filter: CohortFilter, today = todayIso()): Promise<HeadlineModel[]> {
    const params = new SqlParams();
    const t = params.add(today, 'date');
    const fu = followUp(TreatmentGrouping.FIRST_TREATMENT);
    const m12 = timePointWindow(TimePoint.M12)!;
    const done12 = `c.visit_status[${timePointOrdinal(TimePoint.M12)}] = 'DONE'`;
    const expected12 = visitExpectedSql(m12, timePointOrdinal(TimePoint.M12), t, params, 'c');
    const day = '(x.occurred_on - c.index_date)';
    const major = `x.clavien_dindo::text IN (${MAJOR_CLAVIEN_DINDO.map((g) => `'${g}'`).join(', ')})`;
    const conservative = `'${TreatmentKind.CONSERVATIVE}'`;
    const procedure = `EXISTS (SELECT 1 FROM treatment pt WHERE pt.patient_id = c.patient_id AND pt.withdrawn_at IS NULL AND pt.kind <> ${conservative})`;
    const died = (days: number) => `c.death_on <= c.index_date + ${days}`;
    const elapsed = (days: number) => `c.index_date + ${days} <= ${t}`;
    // Each cell: its count and the sum of its patients' record keys (the cell key). Names are
    // lower case, as PostgreSQL folds unquoted aliases.
    const cell = (name: string, where: string) =>
      `count(*) FILTER (WHERE ${where})::int AS ${name}, coalesce(sum(c.record_key) FILTER (WHERE ${where}), 0)::int8 AS k_${name}`;
    const cells: Record<string, string> = {
      all: 'true',
      [`n_${lower(HeadlineFigure.FOLLOW_UP_M12)}`]: expected12,
      [`x_${lower(HeadlineFigure.FOLLOW_UP_M12)}`]: `${expected12} AND ${done12}`,
      [`n_${lower(HeadlineFigure.MAJOR_COMPLICATIONS)}`]: 'true',
      [`x_${lower(HeadlineFigure.MAJOR_COMPLICATIONS)}`]: 'p.major',
      [`n_${lower(HeadlineFigure.SYMPTOMATIC_LEAKAGE)}`]: procedure,
      [`x_${lower(HeadlineFigure.SYMPTOMATIC_LEAKAGE)}`]: `${procedure} AND p.symptomatic_leakage`,
      [`n_${lower(HeadlineFigure.MORTALITY_30_DAYS)}`]: elapsed(30),
      [`x_${lower(HeadlineFigure.MORTALITY_30_DAYS)}`]: `${elapsed(30)} AND ${died(30)}`,
      [`n_${lower(HeadlineFigure.MORTALITY_1_YEAR)}`]: elapsed(365),
      [`x_${lower(HeadlineFigure.MORTALITY_1_YEAR)}`]: `${elapsed(365)} AND ${died(365)}`,
    };
    const scope = cellScopeSql(filter, actor, new SqlParams());
    const [row]: Record<string, number | string>[] =
      scope !== null
        ? await this.fromCells(actor, filter, today)
        : await this.reader.query(
            `WITH c AS (${cohortSql(filter, actor, params)}),
           discharge AS (
             SELECT count(*)::int AS n, coalesce(sum(c.record_key), 0)::int8 AS k,
                    count(*) FILTER (WHERE t.same_day_discharge)::int AS x, coalesce(sum(c.record_key) FILTER (WHERE t.same_day_discharge), 0)::int8 AS kx
             FROM c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
             WHERE t.kind <> ${conservative} AND t.same_day_discharge IS NOT NULL)
           SELECT ${Object.entries(cells)
             .map(([name, where]) => cell(name, where))
             .join(',\n              ')},
                  (SELECT row_to_json(discharge) FROM discharge) AS discharge
           FROM c CROSS JOIN LATERAL (
             SELECT coalesce(bool_or(${major}), false) AS major,
                    coalesce(bool_or(x.kind = '${ComplicationKind.CEMENT_LEAKAGE}' AND x.symptomatic), false) AS symptomatic_leakage
             FROM complication x
             WHERE x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind <> '${ComplicationKind.DEATH}' AND ${fu.counts(day)}) p`,
            params.values,
          );
    const d = disclosureFor(actor);
    const count = (name: string): KeyedCount => ({ n: Number(row[name]), k: Number(row[`k_${name}`]) });
    const discharge = row.discharge as unknown as { n: number; k: number; x: number; kx: number };
    const share = (figure: HeadlineFigure) => {
      if (figure === HeadlineFigure.SAME_DAY_DISCHARGE)
        return shownRate(d, { n: discharge.n, k: Number(discharge.k) }, { n: discharge.x, k: Number(discharge.kx) });
      return shownRate(d, count(`n_${lower(figure)}`), count(`x_${lower(figure)}`));
    };
    const treated = shownCount(d, count('all'));
    return [
      { figure: HeadlineFigure.PATIENTS_TREATED, n: treated, events: null, rate: null, lower: null, upper: null, suppressed: treated === null },
      ...SHARES.map((figure) => ({ figure, ...share(figure) })),
    ];
  }

  /**
   * The same counts from the maintained cells, where they hold the cohort: the patients (fig 5),
   * those with a major complication (fig 3), the patients with a procedure and of them those with
   * a symptomatic leakage (fig 9), the procedures' discharges (fig 7), and by day of the index
   * treatment the 12-month visits expected (fig 11) and the deaths (fig 10): of these the days
   * whose window or 30 or 365 days have passed by `today`.
   */
  private async fromCells(actor: Actor, filter: CohortFilter, today: string): Promise<Record<string, number | string>[]> {
    const params = new SqlParams();
    const scope = cellScopeSql(filter, actor, params)!;
    const day = cellDaySql(params.add(today, 'date'));
    const m12 = timePointWindow(TimePoint.M12)!;
    const ordinal = timePointOrdinal(TimePoint.M12);
    const rows: { part: string; n: number; k: number; x: number; kx: number }[] = await this.reader.query(
      `SELECT CASE WHEN fig = ${CELL.SIZE} THEN 'all' WHEN fig = ${CELL.COMPLICATIONS} THEN 'major' WHEN fig = ${CELL.PROCEDURES} THEN 'leakage'
                   WHEN fig = ${CELL.DISCHARGE} THEN 'discharge' WHEN fig = ${CELL.COMPLETENESS} THEN 'm12_' || cat ELSE lower(cat) END AS part,
              coalesce(sum(n), 0)::int AS n, coalesce(sum(k), 0)::int8 AS k, coalesce(sum(x), 0)::int AS x, coalesce(sum(kx), 0)::int8 AS kx
       FROM analysis_cell ac
       WHERE ${scope} AND (ac.fig = ${CELL.SIZE} OR (ac.fig = ${CELL.COMPLICATIONS} AND ac.cat = 'MAJOR') OR ac.fig = ${CELL.PROCEDURES}
         OR (ac.fig = ${CELL.DISCHARGE} AND ac.grp <> '${TreatmentKind.CONSERVATIVE}')
         OR (ac.fig = ${CELL.MORTALITY} AND ac.cat = 'MORTALITY_30' AND ac.val + 30 <= ${day})
         OR (ac.fig = ${CELL.MORTALITY} AND ac.cat = 'MORTALITY_365' AND ac.val + 365 <= ${day})
         OR (ac.fig = ${CELL.COMPLETENESS} AND ac.tp = ${ordinal} AND ac.val + ${params.add(m12.toDay, 'int')} < ${day}))
       GROUP BY 1`,
      params.values,
      'cells',
    );
    const part = (name: string) => rows.find((r) => r.part === name) ?? { n: 0, k: 0, x: 0, kx: 0 };
    const m12Parts = rows.filter((r) => r.part.startsWith('m12_'));
    const done = part('m12_DONE');
    const pair = (name: string, a: { n: number; k: number | string }) => ({ [name]: a.n, [`k_${name}`]: Number(a.k) });
    const all = part('all');
    const leakage = part('leakage');
    const discharge = part('discharge');
    const [died30, died365] = [part('mortality_30'), part('mortality_365')];
    return [
      {
        ...pair('all', all),
        ...pair(`n_${lower(HeadlineFigure.FOLLOW_UP_M12)}`, {
          n: m12Parts.reduce((a, r) => a + r.n, 0),
          k: m12Parts.reduce((a, r) => a + Number(r.k), 0),
        }),
        ...pair(`x_${lower(HeadlineFigure.FOLLOW_UP_M12)}`, done),
        ...pair(`n_${lower(HeadlineFigure.MAJOR_COMPLICATIONS)}`, all),
        ...pair(`x_${lower(HeadlineFigure.MAJOR_COMPLICATIONS)}`, part('major')),
        ...pair(`n_${lower(HeadlineFigure.SYMPTOMATIC_LEAKAGE)}`, leakage),
        ...pair(`x_${lower(HeadlineFigure.SYMPTOMATIC_LEAKAGE)}`, { n: leakage.x, k: leakage.kx }),
        ...pair(`n_${lower(HeadlineFigure.MORTALITY_30_DAYS)}`, died30),
        ...pair(`x_${lower(HeadlineFigure.MORTALITY_30_DAYS)}`, { n: died30.x, k: died30.kx }),
        ...pair(`n_${lower(HeadlineFigure.MORTALITY_1_YEAR)}`, died365),
        ...pair(`x_${lower(HeadlineFigure.MORTALITY_1_YEAR)}`, { n: died365.x, k: died365.kx }),
        discharge: { n: discharge.n, k: Number(discharge.k), x: discharge.x, kx: Number(discharge.kx) } as unknown as number,
      },
    ];
  }
}
