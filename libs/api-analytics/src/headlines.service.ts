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
import { cohortSql, followUp, visitExpectedSql } from './cohort.sql';
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
    const [row]: Record<string, number | string>[] = await this.reader.query(
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
}
