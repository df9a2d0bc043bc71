import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter } from '@vfr/domain';
import { frequencyQuantile, normalQuantile, wilsonInterval } from '@vfr/stats';
import { CELL, cellScopeSql, readKind, cohortSql } from './cohort.sql';
import { DischargeSummaryModel, FunnelPlotModel, ReadmissionSummaryModel, TreatmentVolumesModel } from './models/operations.model';
import { disclosureFor, shownCount, shownProportion, shownRate } from './suppression';
import { MonthCount, VolumePeriod, volumesAt } from './volume-periods';

/** Treatments with their discharge recorded, per kind: counts with their record keys, and the stays' mean and quartiles. */
interface DischargeRow {
  kind: string;
  n: number;
  k: number;
  same_day: number;
  ks: number | null;
  mean: number | null;
  q: (number | null)[] | null;
}

@Injectable()
export class OperationsService {
  constructor(private readonly reader: AggregateReader) {}

  /** Treatments started per period and kind, for the cohort's patients (every treatment, crossovers too). */
  async volumes(actor: Actor, filter: CohortFilter, period: VolumePeriod): Promise<TreatmentVolumesModel> {
    const params = new SqlParams();
    // From the maintained cells (treatments per kind and month) where they hold the cohort.
    const scope = cellScopeSql(filter, actor, params);
    const months: MonthCount[] = await this.reader.query(
      scope !== null
        ? `SELECT ac.cat AS month, ac.grp AS kind, sum(ac.n)::int AS n, sum(ac.k)::int8 AS k
           FROM analysis_cell ac WHERE ac.fig = ${CELL.VOLUMES} AND ${scope} GROUP BY 1, 2 HAVING sum(ac.n) > 0 ORDER BY 1, 2`
        : `SELECT to_char(date_trunc('month', t.start_date), 'YYYY-MM') AS month, t.kind::text AS kind, count(*)::int AS n, sum(c.record_key)::int8 AS k
       FROM (${cohortSql(filter, actor, params)}) c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params.values,
      readKind(scope),
    );
    const d = disclosureFor(actor);
    return volumesAt(months, period, (c) => shownCount(d, c));
  }

  /**
   * Same-day discharge (with a Wilson interval) and length of stay, per treatment kind: the three
   * paths (a conservatively treated patient admitted to hospital has a stay too; one treated as an
   * outpatient is a same-day discharge). Treatments whose discharge was not recorded are left out.
   */
  async discharge(actor: Actor, filter: CohortFilter): Promise<DischargeSummaryModel[]> {
    const params = new SqlParams();
    // The maintained cells keep, per kind, how many treatments had each length of stay (the
    // mean and the quartiles come from these frequencies, equal to those of the values).
    const scope = cellScopeSql(filter, actor, params);
    const rows = scope !== null ? await this.dischargeFromCells(scope, params) : await this.dischargeFromCohort(cohortSql(filter, actor, params), params);
    const d = disclosureFor(actor);
    return rows.map((r) => {
      const treatments = shownCount(d, r);
      if (treatments === null) {
        return {
          kind: r.kind,
          treatments: null,
          sameDay: null,
          sameDayRate: null,
          sameDayLower: null,
          sameDayUpper: null,
          meanStay: null,
          medianStay: null,
          q1Stay: null,
          q3Stay: null,
          suppressed: true,
        };
      }
      // A small number of same-day (or of overnight) discharges is withheld with its rate.
      const sameDay = shownProportion(d, { n: r.same_day, k: Number(r.ks ?? 0) }, r, treatments);
      const overnight = shownCount(d, { n: r.n - r.same_day, k: Number(r.k) - Number(r.ks ?? 0) });
      const rateShown = sameDay.x !== null && overnight !== null;
      const ci = rateShown ? wilsonInterval(sameDay.x!, treatments) : null;
      return {
        kind: r.kind,
        treatments,
        sameDay: rateShown ? sameDay.x : null,
        sameDayRate: ci?.proportion ?? null,
        sameDayLower: ci?.lower ?? null,
        sameDayUpper: ci?.upper ?? null,
        meanStay: r.mean,
        q1Stay: r.q?.[0] ?? null,
        medianStay: r.q?.[1] ?? null,
        q3Stay: r.q?.[2] ?? null,
        suppressed: false,
      };
    });
  }

  private dischargeFromCohort(cohort: string, params: SqlParams): Promise<DischargeRow[]> {
    return this.reader.query(
      `SELECT t.kind::text AS kind, count(*)::int AS n, sum(c.record_key)::int8 AS k,
              count(*) FILTER (WHERE t.same_day_discharge)::int AS same_day, sum(c.record_key) FILTER (WHERE t.same_day_discharge)::int8 AS ks,
              avg(t.length_of_stay_days)::float8 AS mean,
              percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY t.length_of_stay_days) AS q
       FROM (${cohort}) c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
       WHERE t.same_day_discharge IS NOT NULL
       GROUP BY 1 ORDER BY 1`,
      params.values,
    );
  }

  private async dischargeFromCells(scope: string, params: SqlParams): Promise<DischargeRow[]> {
    // The mean is taken in SQL as avg() takes it (the sum and the count as numeric), to the same last digit.
    const cells: { kind: string; stay: number | null; n: number; k: number; x: number; kx: number; mean: number | null }[] = await this.reader.query(
      `SELECT kind, stay, n, k, x, kx,
              ((sum(stay * n) OVER w)::int8::numeric / nullif(sum(n) FILTER (WHERE stay IS NOT NULL) OVER w, 0)::numeric)::float8 AS mean
       FROM (SELECT ac.grp AS kind, ac.val AS stay, sum(ac.n)::int AS n, sum(ac.k)::int8 AS k, sum(ac.x)::int AS x, sum(ac.kx)::int8 AS kx
             FROM analysis_cell ac WHERE ac.fig = ${CELL.DISCHARGE} AND ${scope} GROUP BY 1, 2 HAVING sum(ac.n) > 0) c
       WINDOW w AS (PARTITION BY kind)
       ORDER BY kind, stay`,
      params.values,
      'cells',
    );
    const kinds = [...new Set(cells.map((c) => c.kind))];
    return kinds.map((kind) => {
      const of = cells.filter((c) => c.kind === kind);
      const sum = (f: (c: (typeof of)[number]) => number) => of.reduce((a, c) => a + f(c), 0);
      const stays = of.filter((c) => c.stay !== null);
      const table = { values: stays.map((c) => c.stay!), counts: stays.map((c) => c.n) };
      const recorded = sum((c) => (c.stay === null ? 0 : c.n));
      // As avg() and percentile_cont() over the stays recorded: NULL when none is.
      return {
        kind,
        n: sum((c) => c.n),
        k: sum((c) => Number(c.k)),
        same_day: sum((c) => c.x),
        ks: sum((c) => Number(c.kx)),
        mean: of[0].mean,
        q: recorded === 0 ? null : [0.25, 0.5, 0.75].map((p) => frequencyQuantile(table, p)),
      };
    });
  }

  /**
   * Readmissions within 30 and 90 days per treatment kind, the three paths, each of the treatments
   * with it recorded (docs/methods.md, "Hospital use and radiographic follow-up"); and for each
   * procedure kind the share of its procedures followed, within the patient's follow-up, by a
   * later procedure at one of the same vertebral levels (repeat augmentation, derived, never
   * entered). Every treatment counts, crossovers too, as in the discharge figure.
   */
  async readmissions(actor: Actor, filter: CohortFilter): Promise<ReadmissionSummaryModel[]> {
    const params = new SqlParams();
    const counted = (when: string) => `count(*) FILTER (WHERE ${when})::int, sum(record_key) FILTER (WHERE ${when})::int8`;
    // The maintained cells keep, per kind, the treatments with each recorded (tp 1: 30 days, 2: 90
    // days, 3: procedures and their repeat augmentation) and those with it; a kind is there when
    // the cohort has a treatment of it (its volumes).
    const scope = cellScopeSql(filter, actor, params);
    const rows: { kind: string; r: (number | string | null)[] }[] =
      scope !== null
        ? await this.reader.query(
            `SELECT grp AS kind, ARRAY[${[1, 2, 3]
              .map(
                (tp) => `sum(n) FILTER (WHERE fig = ${CELL.READMISSIONS} AND tp = ${tp}), sum(k) FILTER (WHERE fig = ${CELL.READMISSIONS} AND tp = ${tp}),
                  sum(x) FILTER (WHERE fig = ${CELL.READMISSIONS} AND tp = ${tp}), sum(kx) FILTER (WHERE fig = ${CELL.READMISSIONS} AND tp = ${tp})`,
              )
              .join(', ')}]::int8[] AS r
             FROM analysis_cell ac WHERE ac.fig IN (${CELL.VOLUMES}, ${CELL.READMISSIONS}) AND ${scope}
             GROUP BY 1 HAVING sum(n) FILTER (WHERE fig = ${CELL.VOLUMES}) > 0 ORDER BY 1`,
            params.values,
            'cells',
          )
        : await this.reader.query(
            `SELECT kind, ARRAY[${[
              counted('r30 IS NOT NULL'),
              counted('r30'),
              counted('r90 IS NOT NULL'),
              counted('r90'),
              counted('procedure'),
              counted('procedure AND repeated'),
            ].join(', ')}] AS r
           FROM (
             SELECT t.kind::text AS kind, c.record_key, t.readmitted_within_30_days AS r30, t.readmitted_within_90_days AS r90, t.kind <> 'CONSERVATIVE' AS procedure,
                    EXISTS (SELECT 1 FROM treated_level l1 JOIN fracture f1 ON f1.id = l1.fracture_id
                              JOIN fracture f2 ON f2.patient_id = t.patient_id AND f2.level = f1.level
                              JOIN treated_level l2 ON l2.fracture_id = f2.id
                              JOIN treatment t2 ON t2.id = l2.treatment_id AND t2.withdrawn_at IS NULL AND t2.kind <> 'CONSERVATIVE' AND t2.start_date > t.start_date
                            WHERE l1.treatment_id = t.id AND t2.start_date - c.index_date <= c.follow_up_end_day) AS repeated
             FROM (${cohortSql(filter, actor, params)}) c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
           ) treatments
           GROUP BY 1 ORDER BY 1`,
            params.values,
          );
    const d = disclosureFor(actor);
    return rows.map(({ kind, r }) => {
      const v = r.map((x) => Number(x ?? 0));
      const pair = (i: number) => ({ n: v[i], k: v[i + 1] });
      return {
        kind,
        within30: shownRate(d, pair(0), pair(2)),
        within90: shownRate(d, pair(4), pair(6)),
        repeatAugmentation: kind === 'CONSERVATIVE' ? null : shownRate(d, pair(8), pair(10)),
      };
    });
  }

  /**
   * Funnel plot of procedures followed by any complication within the patient's follow-up
   * (docs/methods.md: a death is not a complication, events after follow-up do not count), per
   * site, against the registry rate.
   * Control limits use the normal approximation to the binomial, p +/- z sqrt(p(1-p)/n), with z
   * for 95% (1.96) and 99.8% (3.09), as in Spiegelhalter's funnel plots for institutional comparison.
   */
  async funnel(actor: Actor, filter: CohortFilter): Promise<FunnelPlotModel> {
    const params = new SqlParams();
    // A procedure is a treatment other than conservative care; it is followed by a complication
    // when one (not a death) recorded against it, or without a treatment on or after its start,
    // occurred before the end of follow-up. Each patient's procedures and those followed by a
    // complication are kept on its analysis row by that rule (cells_procedures, see the analysis
    // cells' migration): the maintained cells sum them where they hold the cohort, otherwise the
    // cohort's rows are read.
    const scope = cellScopeSql(filter, actor, params);
    const rows: { site_code: string; n: number; k: number; x: number; kx: number | null }[] = await this.reader.query(
      scope !== null
        ? `SELECT s.code AS site_code, sum(ac.n)::int AS n, sum(ac.k)::int8 AS k, sum(ac.x)::int AS x, sum(ac.kx)::int8 AS kx
           FROM analysis_cell ac JOIN site s ON s.id = ac.site_id
           WHERE ac.fig = ${CELL.FUNNEL} AND ${scope} GROUP BY 1 HAVING sum(ac.n) > 0 ORDER BY 1`
        : `SELECT s.code AS site_code, sum(c.cells_procedures)::int AS n, sum(c.cells_procedures::int8 * c.record_key)::int8 AS k,
                  sum(c.cells_procedures_complicated)::int AS x, sum(c.cells_procedures_complicated::int8 * c.record_key)::int8 AS kx
           FROM (${cohortSql(filter, actor, params)}) c JOIN site s ON s.id = c.site_id
           WHERE c.cells_procedures > 0 GROUP BY 1 ORDER BY 1`,
      params.values,
      readKind(scope),
    );
    const d = disclosureFor(actor);
    // The registry rate and its limits come from the exact counts: a rate over every site's
    // procedures describes no small group.
    const total = rows.reduce((a, r) => a + r.n, 0);
    const events = rows.reduce((a, r) => a + r.x, 0);
    const p = total ? events / total : null;
    const maxN = Math.max(10, ...rows.map((r) => r.n));
    const limits =
      p === null
        ? []
        : Array.from({ length: 50 }, (_, i) => Math.max(1, Math.round((maxN * 1.1 * (i + 1)) / 50))).map((n) => {
            const se = Math.sqrt((p * (1 - p)) / n);
            const z95 = normalQuantile(0.975);
            const z998 = normalQuantile(0.999);
            const clamp = (v: number) => Math.min(1, Math.max(0, v));
            return { n, lower95: clamp(p - z95 * se), upper95: clamp(p + z95 * se), lower998: clamp(p - z998 * se), upper998: clamp(p + z998 * se) };
          });
    return {
      registryRate: p,
      limits,
      sites: rows.map((r) => {
        const shown = shownProportion(d, { n: r.x, k: Number(r.kx ?? 0) }, r);
        return shown.n === null || shown.x === null
          ? { siteCode: r.site_code, n: null, events: null, rate: null, suppressed: true }
          : { siteCode: r.site_code, n: shown.n, events: shown.x, rate: shown.x / shown.n, suppressed: false };
      }),
    };
  }
}
