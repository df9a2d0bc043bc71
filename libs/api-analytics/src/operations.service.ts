import { Injectable } from '@nestjs/common';
import { Actor, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter } from '@vfr/domain';
import { normalQuantile, wilsonInterval } from '@vfr/stats';
import { cohortSql, suppressesSmallCells } from './cohort.sql';
import { DischargeSummaryModel, FunnelPlotModel, TreatmentVolumesModel } from './models/operations.model';
import { DEFAULT_SMALL_CELL_THRESHOLD } from './suppression';
import { MonthCount, VolumePeriod, volumesAt } from './volume-periods';

const small = (actor: Actor, n: number) => suppressesSmallCells(actor) && n > 0 && n < DEFAULT_SMALL_CELL_THRESHOLD;

@Injectable()
export class OperationsService {
  constructor(private readonly reader: AggregateReader) {}

  /** Treatments started per period and kind, for the cohort's patients (every treatment, crossovers too). */
  async volumes(actor: Actor, filter: CohortFilter, period: VolumePeriod): Promise<TreatmentVolumesModel> {
    const params = new SqlParams();
    const months: MonthCount[] = await this.reader.query(
      `SELECT to_char(date_trunc('month', t.start_date), 'YYYY-MM') AS month, t.kind::text AS kind, count(*)::int AS n
       FROM (${cohortSql(filter, actor, params)}) c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params.values,
    );
    return volumesAt(months, period, (n) => small(actor, n));
  }

  /** Same-day discharge (with a Wilson interval) and length of stay, per procedure kind. */
  async discharge(actor: Actor, filter: CohortFilter): Promise<DischargeSummaryModel[]> {
    const params = new SqlParams();
    const rows: { kind: string; n: number; same_day: number; mean: number | null; q: (number | null)[] }[] = await this.reader.query(
      `SELECT t.kind::text AS kind, count(*)::int AS n, count(*) FILTER (WHERE t.same_day_discharge)::int AS same_day,
              avg(t.length_of_stay_days)::float8 AS mean,
              percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY t.length_of_stay_days) AS q
       FROM (${cohortSql(filter, actor, params)}) c JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL
       WHERE t.kind <> 'CONSERVATIVE' AND t.same_day_discharge IS NOT NULL
       GROUP BY 1 ORDER BY 1`,
      params.values,
    );
    return rows.map((r) => {
      if (small(actor, r.n)) {
        return { kind: r.kind, procedures: null, sameDay: null, sameDayRate: null, sameDayLower: null, sameDayUpper: null, meanStay: null, medianStay: null, q1Stay: null, q3Stay: null, suppressed: true };
      }
      const ci = wilsonInterval(r.same_day, r.n);
      return {
        kind: r.kind, procedures: r.n, sameDay: r.same_day, sameDayRate: ci.proportion, sameDayLower: ci.lower, sameDayUpper: ci.upper,
        meanStay: r.mean, q1Stay: r.q[0], medianStay: r.q[1], q3Stay: r.q[2], suppressed: false,
      };
    });
  }

  /**
   * Funnel plot of procedures followed by any complication, per site, against the registry rate.
   * Control limits use the normal approximation to the binomial, p +/- z sqrt(p(1-p)/n), with z
   * for 95% (1.96) and 99.8% (3.09), as in Spiegelhalter's funnel plots for institutional comparison.
   */
  async funnel(actor: Actor, filter: CohortFilter): Promise<FunnelPlotModel> {
    const params = new SqlParams();
    const rows: { site_code: string; n: number; x: number }[] = await this.reader.query(
      `SELECT s.code AS site_code, count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complication x WHERE x.patient_id = t.patient_id AND x.withdrawn_at IS NULL
                                              AND (x.treatment_id = t.id OR (x.treatment_id IS NULL AND x.occurred_on >= t.start_date))))::int AS x
       FROM (${cohortSql(filter, actor, params)}) c JOIN site s ON s.id = c.site_id
       JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL AND t.kind <> 'CONSERVATIVE'
       GROUP BY 1 ORDER BY 1`,
      params.values,
    );
    const total = rows.reduce((a, r) => a + r.n, 0);
    const events = rows.reduce((a, r) => a + r.x, 0);
    const p = total ? events / total : null;
    const maxN = Math.max(10, ...rows.map((r) => r.n));
    const limits = p === null ? [] : Array.from({ length: 50 }, (_, i) => Math.max(1, Math.round((maxN * 1.1 * (i + 1)) / 50))).map((n) => {
      const se = Math.sqrt((p * (1 - p)) / n);
      const z95 = normalQuantile(0.975);
      const z998 = normalQuantile(0.999);
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      return { n, lower95: clamp(p - z95 * se), upper95: clamp(p + z95 * se), lower998: clamp(p - z998 * se), upper998: clamp(p + z998 * se) };
    });
    return {
      registryRate: p,
      limits,
      sites: rows.map((r) => (small(actor, r.n) ? { siteCode: r.site_code, n: null, events: null, rate: null, suppressed: true } : { siteCode: r.site_code, n: r.n, events: r.x, rate: r.x / r.n, suppressed: false })),
    };
  }
}
