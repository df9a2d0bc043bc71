import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three things later changes build on:
 *
 * - `death`: a patient's death as its own record (date, cause, source), no longer a complication
 *   kind. Moving the existing DEATH complications into it is a migration of its own.
 * - `data_issue`: where a migration that finds data breaking a rule it cannot fix on its own
 *   (a visit outside its time point's window, two deaths for one patient) writes what it found,
 *   for an administrator to review. Migrations report; they do not rewrite records silently.
 * - `analysis_patient.asa_class`: the propensity model adjusts for the ASA class.
 *
 * The analysis rows read the death record too (either source gives the day of death until the
 * DEATH complications have moved), so the death table gets the same statement triggers as the
 * other source tables.
 */
export class AddDeathAndDataIssues1795605000000 implements MigrationInterface {
  name = 'AddDeathAndDataIssues1795605000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE death_cause AS ENUM ('PROCEDURE_RELATED', 'CARDIOVASCULAR', 'RESPIRATORY', 'CANCER', 'INFECTION', 'OTHER', 'UNKNOWN')`);
    await q.query(`CREATE TYPE death_source AS ENUM ('HOSPITAL_RECORD', 'DEATH_REGISTRY', 'GENERAL_PRACTITIONER', 'FAMILY', 'OTHER')`);
    await q.query(`
      CREATE TABLE death (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_reason text,
        patient_id uuid NOT NULL CONSTRAINT fk_death__patient_id REFERENCES patient (id) ON DELETE RESTRICT,
        died_on date NOT NULL,
        cause death_cause NOT NULL,
        source death_source NOT NULL,
        notes varchar(2000),
        request_id uuid
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_death__patient_id ON death (patient_id) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_death__request_id ON death (request_id) WHERE request_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE data_issue (
        id bigserial PRIMARY KEY,
        found_at timestamptz NOT NULL DEFAULT now(),
        found_by text NOT NULL,
        rule text NOT NULL,
        table_name text NOT NULL,
        record_id uuid,
        patient_id uuid,
        site_id uuid,
        detail text NOT NULL,
        resolved_at timestamptz,
        resolved_by uuid,
        resolution text
      )`);
    await q.query(`CREATE INDEX ix_data_issue__open ON data_issue (rule, found_at) WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX ix_data_issue__site_id ON data_issue (site_id)`);

    await q.query(`ALTER TABLE analysis_patient ADD COLUMN asa_class int`);
    await q.query(REFRESH);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const rows = op === 'INSERT' ? ['new_rows'] : op === 'DELETE' ? ['old_rows'] : ['new_rows', 'old_rows'];
      const referencing = rows.map((r) => `${r === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${r}`).join(' ');
      const fn = `analysis_on_death_${op.toLowerCase()}`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF coalesce(current_setting('vfr.analysis_deferred', true), '') <> 'on' THEN
            PERFORM analysis_refresh(ARRAY(SELECT DISTINCT id FROM (${rows.map((r) => `SELECT patient_id FROM ${r}`).join(' UNION ALL ')}) AS touched(id)));
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${fn} AFTER ${op} ON death REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER analysis_on_death_${op} ON death`);
      await q.query(`DROP FUNCTION analysis_on_death_${op}()`);
    }
    await q.query(`ALTER TABLE analysis_patient DROP COLUMN asa_class`);
    await q.query(`DROP TABLE data_issue`);
    await q.query(`DROP TABLE death`);
    await q.query(`DROP TYPE death_source`);
    await q.query(`DROP TYPE death_cause`);
    // The previous analysis_refresh() is restored by reverting AddScheduleToAnalysis' definition
    // only if this is rolled back further; asa_class is simply no longer written.
  }
}

// CREATE OR REPLACE resets SECURITY DEFINER and search_path, so they are restated (see
// AddRestrictedApiRole: analysis_patient is written only by this function, with its owner's rights).
const REFRESH = `
  CREATE OR REPLACE FUNCTION analysis_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    PERFORM 1 FROM patient WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM analysis_patient WHERE patient_id = ANY(ids);
    INSERT INTO analysis_patient (
      patient_id, site_id, registry_number, sex, birth_year, age, index_treatment_id, first_kind, received_kind, index_date,
      max_genant, fracture_age_days, genants, causes, levels, of_classes, baseline_nrs, active_cancer, ongoing_therapy,
      nrs, odi, rmdq, eq5d, new_fracture_day, pain_relief_day, last_visit_day, complication_kinds, consent_status, death_on, visit_status,
      asa_class)
    SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
           extract(year FROM idx.start_date)::int - p.birth_year,
           idx.id, idx.kind::text, recv.kind::text, idx.start_date,
           fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
           v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
           v.nrs, v.odi, v.rmdq, v.eq5d,
           cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds, p.consent_status::text,
           least(cx.death_on, (SELECT min(d.died_on) FROM death d WHERE d.patient_id = p.id AND d.withdrawn_at IS NULL)), v.status,
           p.asa_class
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
