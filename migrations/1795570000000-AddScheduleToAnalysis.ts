import { MigrationInterface, QueryRunner } from 'typeorm';

// The follow-up worklist and completeness read the same per-patient facts as the figures: the
// index treatment and, per scheduled time point, whether its visit was recorded (DONE, MISSED or
// WITHDRAWN status). Built from the source tables they took 3.9 s for 100,000 patients; kept in
// analysis_patient they are one scan of one table. Added here: the status of each scheduled
// visit (same time-point order as the score arrays), the consent status and the day of death
// (the worklist leaves out visits after it).

function refreshFunction(withSchedule: boolean): string {
  const columns = withSchedule ? ', consent_status, death_on, visit_status' : '';
  const values = withSchedule ? ', p.consent_status::text, cx.death_on, v.status' : '';
  return `
      CREATE OR REPLACE FUNCTION analysis_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM patient WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM analysis_patient WHERE patient_id = ANY(ids);
        INSERT INTO analysis_patient (
          patient_id, site_id, registry_number, sex, birth_year, age, index_treatment_id, first_kind, received_kind, index_date,
          max_genant, fracture_age_days, genants, causes, levels, of_classes, baseline_nrs, active_cancer, ongoing_therapy,
          nrs, odi, rmdq, eq5d, new_fracture_day, pain_relief_day, last_visit_day, complication_kinds${columns})
        SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
               extract(year FROM idx.start_date)::int - p.birth_year,
               idx.id, idx.kind::text, recv.kind::text, idx.start_date,
               fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
               v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
               v.nrs, v.odi, v.rmdq, v.eq5d,
               cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds${values}
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
          SELECT max(f.genant_grade)::int AS max_genant, min(f.onset_date) AS onset,
                 array_agg(DISTINCT f.genant_grade::int) AS genants, array_agg(DISTINCT f.cause::text) AS causes,
                 array_agg(DISTINCT f.level::text) AS levels, array_agg(DISTINCT f.of_class::text) AS of_classes
          FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL
          WHERE tl.treatment_id = idx.id
        ) fx ON true
        CROSS JOIN LATERAL (
          SELECT array_agg(CASE WHEN a.status = 'DONE' THEN coalesce(a.nrs_activity, a.nrs_rest)::float8 END ORDER BY o.n) AS nrs,
                 array_agg(CASE WHEN a.status = 'DONE' THEN a.odi END ORDER BY o.n) AS odi,
                 array_agg(CASE WHEN a.status = 'DONE' THEN a.rmdq::float8 END ORDER BY o.n) AS rmdq,
                 array_agg(CASE WHEN a.status = 'DONE' THEN a.eq5d_index END ORDER BY o.n) AS eq5d,
                 array_agg(a.status::text ORDER BY o.n) AS status
          FROM unnest(enum_range(NULL::time_point)) WITH ORDINALITY AS o(tp, n)
          LEFT JOIN assessment a ON a.treatment_id = idx.id AND a.time_point = o.tp AND a.withdrawn_at IS NULL
          WHERE o.tp <> 'UNSCHEDULED'
        ) v
        CROSS JOIN LATERAL (
          SELECT min(a.visit_date) FILTER (WHERE a.time_point <> 'BASELINE' AND coalesce(a.nrs_activity, a.nrs_rest) <= 3) - idx.start_date AS relief_day,
                 max(a.visit_date) - idx.start_date AS last_day
          FROM assessment a WHERE a.treatment_id = idx.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
        ) days
        CROSS JOIN LATERAL (
          SELECT min(x.occurred_on) FILTER (WHERE x.occurred_on >= idx.start_date AND x.kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')) - idx.start_date AS new_fracture_day,
                 coalesce(array_agg(DISTINCT x.kind::text) FILTER (WHERE x.occurred_on >= idx.start_date), '{}') AS kinds,
                 min(x.occurred_on) FILTER (WHERE x.kind = 'DEATH') AS death_on
          FROM complication x WHERE x.patient_id = p.id AND x.withdrawn_at IS NULL
        ) cx
        WHERE p.id = ANY(ids) AND p.withdrawn_at IS NULL;
      END $$`;
}

export class AddScheduleToAnalysis1795570000000 implements MigrationInterface {
  name = 'AddScheduleToAnalysis1795570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE analysis_patient ADD COLUMN consent_status text, ADD COLUMN death_on date, ADD COLUMN visit_status text[]`);
    await queryRunner.query(refreshFunction(true));
    await queryRunner.query(`ANALYZE patient, fracture, treatment, treated_level, assessment, complication`);
    await queryRunner.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
    await queryRunner.query(`ALTER TABLE analysis_patient ALTER COLUMN consent_status SET NOT NULL, ALTER COLUMN visit_status SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE analysis_patient DROP COLUMN consent_status, DROP COLUMN death_on, DROP COLUMN visit_status`);
    await queryRunner.query(refreshFunction(false));
  }
}
