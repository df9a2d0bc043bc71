import { Actor, aggregateScope, isDeidentified, SqlParams } from '@vfr/api-core';
import { CohortFilter, FRACTURE_AGE_DAYS, LEVEL_REGIONS } from '@vfr/domain';

// The one place where a cohort becomes SQL. Every analysis, export and count starts from the
// rows this produces: one per patient, with the index (first) treatment, the treatment received
// (the last one), and the features the filters and the propensity model use. Values are always
// bound parameters.

export const COHORT_COLUMNS = `patient_id, site_id, registry_number, sex, birth_year, age, index_treatment_id, first_kind,
  received_kind, index_date, max_genant, fracture_age_days, causes, levels, of_classes, baseline_nrs, active_cancer,
  ongoing_therapy`;

/** SQL selecting the cohort's patients (a subquery: use it as `FROM (<sql>) c`). */
export function cohortSql(filter: CohortFilter, actor: Actor, params: SqlParams): string {
  const where: string[] = ['p.withdrawn_at IS NULL'];
  const scope = aggregateScope(actor);
  if (scope) where.push(`p.site_id = ${params.add(scope, 'uuid')}`);
  const f = filter ?? {};
  if (f.siteIds?.length) where.push(`p.site_id = ANY(${params.add(f.siteIds, 'uuid[]')})`);
  if (f.sex) where.push(`p.sex = ${params.add(f.sex)}`);
  if (f.ageMin != null) where.push(`(extract(year FROM idx.start_date)::int - p.birth_year) >= ${params.add(f.ageMin, 'int')}`);
  if (f.ageMax != null) where.push(`(extract(year FROM idx.start_date)::int - p.birth_year) <= ${params.add(f.ageMax, 'int')}`);
  if (f.activeCancer != null) where.push(`p.active_cancer = ${params.add(f.activeCancer, 'boolean')}`);
  if (f.ongoingCancerTherapy != null) {
    where.push(`(p.ongoing_chemotherapy OR p.ongoing_radiotherapy) = ${params.add(f.ongoingCancerTherapy, 'boolean')}`);
  }
  if (f.treatmentKinds?.length) where.push(`idx.kind::text = ANY(${params.add(f.treatmentKinds, 'text[]')})`);
  if (f.treatedFrom) where.push(`idx.start_date >= ${params.add(f.treatedFrom, 'date')}`);
  if (f.treatedTo) where.push(`idx.start_date <= ${params.add(f.treatedTo, 'date')}`);
  if (f.causes?.length) where.push(`fx.causes && ${params.add(f.causes, 'text[]')}`);
  if (f.ofClasses?.length) where.push(`fx.of_classes && ${params.add(f.ofClasses, 'text[]')}`);
  if (f.genantGrades?.length) where.push(`fx.genants && ${params.add(f.genantGrades, 'int[]')}`);
  if (f.levelRegions?.length) {
    const levels = f.levelRegions.flatMap((r) => LEVEL_REGIONS[r]);
    where.push(`fx.levels && ${params.add(levels, 'text[]')}`);
  }
  if (f.fractureAges?.length) {
    const ranges = f.fractureAges.map((a) => {
      const [lo, hi] = FRACTURE_AGE_DAYS[a];
      return `(idx.start_date - fx.onset) BETWEEN ${params.add(lo, 'int')} AND ${params.add(hi, 'int')}`;
    });
    where.push(`(${ranges.join(' OR ')})`);
  }
  if (f.baselineNrsMin != null) where.push(`base.nrs >= ${params.add(f.baselineNrsMin, 'int')}`);
  if (f.baselineNrsMax != null) where.push(`base.nrs <= ${params.add(f.baselineNrsMax, 'int')}`);

  return `
    SELECT p.id AS patient_id, p.site_id, p.registry_number, p.sex::text AS sex, p.birth_year,
           extract(year FROM idx.start_date)::int - p.birth_year AS age,
           idx.id AS index_treatment_id, idx.kind::text AS first_kind, recv.kind::text AS received_kind, idx.start_date AS index_date,
           fx.max_genant, (idx.start_date - fx.onset) AS fracture_age_days, fx.causes, fx.levels, fx.of_classes,
           base.nrs AS baseline_nrs, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy) AS ongoing_therapy
    FROM patient p
    JOIN LATERAL (
      SELECT t.id, t.kind, t.start_date FROM treatment t
      WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1
    ) idx ON true
    JOIN LATERAL (
      SELECT t.kind FROM treatment t
      WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date DESC, t.created_at DESC LIMIT 1
    ) recv ON true
    LEFT JOIN LATERAL (
      SELECT max(f.genant_grade) AS max_genant, min(f.onset_date) AS onset,
             array_agg(DISTINCT f.genant_grade::int) AS genants, array_agg(DISTINCT f.cause::text) AS causes,
             array_agg(DISTINCT f.level::text) AS levels, array_agg(DISTINCT f.of_class::text) AS of_classes
      FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL
      WHERE tl.treatment_id = idx.id
    ) fx ON true
    LEFT JOIN LATERAL (
      SELECT coalesce(a.nrs_activity, a.nrs_rest)::int AS nrs FROM assessment a
      WHERE a.treatment_id = idx.id AND a.time_point = 'BASELINE' AND a.status = 'DONE' AND a.withdrawn_at IS NULL
      ORDER BY a.visit_date LIMIT 1
    ) base ON true
    WHERE ${where.join('\n      AND ')}`;
}

/** Whether a reader gets counts below the small-cell threshold suppressed. */
export function suppressesSmallCells(actor: Actor): boolean {
  return isDeidentified(actor);
}
