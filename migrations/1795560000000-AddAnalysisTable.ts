import { MigrationInterface, QueryRunner } from 'typeorm';

// One row per patient with everything the cohort filters and the outcome figures read: the index
// (first) treatment, the treatment received, the fracture features, and per time point the scores
// of the index treatment's completed visits. Without it every figure joined five tables through
// lateral subqueries for 100,000 patients (seconds); with it a figure is one scan of one table.
//
// The database keeps it: statement-level triggers on every source table recompute the touched
// patients, so the API's writes, CSV imports and any SQL written by hand all keep it true. Bulk
// loaders may set `vfr.analysis_deferred = on` for their transaction and call analysis_refresh()
// once for the patients they wrote.
//
// Score arrays are indexed by the scheduled time points in enum order: 1 BASELINE, 2 D1, 3 W1,
// 4 M1, 5 M3, 6 M6, 7 M12, 8 M24 (UNSCHEDULED visits are not on the trajectory).
const SOURCES: { table: string; patientIds: (rows: string) => string }[] = [
  { table: 'patient', patientIds: (rows) => `SELECT id FROM ${rows}` },
  { table: 'fracture', patientIds: (rows) => `SELECT patient_id FROM ${rows}` },
  { table: 'treatment', patientIds: (rows) => `SELECT patient_id FROM ${rows}` },
  { table: 'treated_level', patientIds: (rows) => `SELECT t.patient_id FROM ${rows} r JOIN treatment t ON t.id = r.treatment_id` },
  { table: 'assessment', patientIds: (rows) => `SELECT patient_id FROM ${rows}` },
  { table: 'complication', patientIds: (rows) => `SELECT patient_id FROM ${rows}` },
];

export class AddAnalysisTable1795560000000 implements MigrationInterface {
  name = 'AddAnalysisTable1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analysis_patient (
        patient_id uuid PRIMARY KEY REFERENCES patient (id) ON DELETE CASCADE,
        site_id uuid NOT NULL,
        registry_number varchar(32) NOT NULL,
        sex text NOT NULL,
        birth_year int NOT NULL,
        age int NOT NULL,
        index_treatment_id uuid NOT NULL,
        first_kind text NOT NULL,
        received_kind text NOT NULL,
        index_date date NOT NULL,
        max_genant int,
        fracture_age_days int,
        genants int[],
        causes text[],
        levels text[],
        of_classes text[],
        baseline_nrs int,
        active_cancer boolean NOT NULL,
        ongoing_therapy boolean NOT NULL,
        nrs float8[] NOT NULL,
        odi float8[] NOT NULL,
        rmdq float8[] NOT NULL,
        eq5d float8[] NOT NULL,
        new_fracture_day int,
        pain_relief_day int,
        last_visit_day int,
        complication_kinds text[] NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_analysis_patient__site_id ON analysis_patient (site_id)`);

    // Patients are locked in id order first so that two transactions refreshing the same patient
    // take turns, and the second computes from the first's committed rows (no stale row wins).
    await queryRunner.query(`
      CREATE FUNCTION analysis_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM patient WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM analysis_patient WHERE patient_id = ANY(ids);
        INSERT INTO analysis_patient
        SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
               extract(year FROM idx.start_date)::int - p.birth_year,
               idx.id, idx.kind::text, recv.kind::text, idx.start_date,
               fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
               v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
               v.nrs, v.odi, v.rmdq, v.eq5d,
               cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds
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
          SELECT array_agg(coalesce(a.nrs_activity, a.nrs_rest)::float8 ORDER BY o.n) AS nrs,
                 array_agg(a.odi ORDER BY o.n) AS odi,
                 array_agg(a.rmdq::float8 ORDER BY o.n) AS rmdq,
                 array_agg(a.eq5d_index ORDER BY o.n) AS eq5d
          FROM unnest(enum_range(NULL::time_point)) WITH ORDINALITY AS o(tp, n)
          LEFT JOIN assessment a ON a.treatment_id = idx.id AND a.time_point = o.tp AND a.status = 'DONE' AND a.withdrawn_at IS NULL
          WHERE o.tp <> 'UNSCHEDULED'
        ) v
        CROSS JOIN LATERAL (
          SELECT min(a.visit_date) FILTER (WHERE a.time_point <> 'BASELINE' AND coalesce(a.nrs_activity, a.nrs_rest) <= 3) - idx.start_date AS relief_day,
                 max(a.visit_date) - idx.start_date AS last_day
          FROM assessment a WHERE a.treatment_id = idx.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
        ) days
        CROSS JOIN LATERAL (
          SELECT min(x.occurred_on) FILTER (WHERE x.kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')) - idx.start_date AS new_fracture_day,
                 coalesce(array_agg(DISTINCT x.kind::text) FILTER (WHERE x.kind IS NOT NULL), '{}') AS kinds
          FROM complication x WHERE x.patient_id = p.id AND x.withdrawn_at IS NULL AND x.occurred_on >= idx.start_date
        ) cx
        WHERE p.id = ANY(ids) AND p.withdrawn_at IS NULL;
      END $$`);

    for (const { table, patientIds } of SOURCES) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        const rows = op === 'INSERT' ? ['new_rows'] : op === 'DELETE' ? ['old_rows'] : ['new_rows', 'old_rows'];
        const referencing = rows.map((r) => `${r === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${r}`).join(' ');
        const fn = `analysis_on_${table}_${op.toLowerCase()}`;
        await queryRunner.query(`
          CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF coalesce(current_setting('vfr.analysis_deferred', true), '') <> 'on' THEN
              PERFORM analysis_refresh(ARRAY(SELECT DISTINCT id FROM (${rows.map((r) => patientIds(r)).join(' UNION ALL ')}) AS touched(id)));
            END IF;
            RETURN NULL;
          END $$`);
        await queryRunner.query(`
          CREATE TRIGGER ${fn} AFTER ${op} ON ${table} REFERENCING ${referencing}
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }

    await queryRunner.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of SOURCES) {
      for (const op of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER analysis_on_${table}_${op} ON ${table}`);
        await queryRunner.query(`DROP FUNCTION analysis_on_${table}_${op}()`);
      }
    }
    await queryRunner.query(`DROP FUNCTION analysis_refresh(uuid[])`);
    await queryRunner.query(`DROP TABLE analysis_patient`);
  }
}
