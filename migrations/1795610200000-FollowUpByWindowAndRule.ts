import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analysis rows take what docs/methods.md ("Follow-up, windows and crossover") defines:
 *
 * - Visits are assigned to scheduled time points by their date, not their label: for each time
 *   point's window (days from the index treatment's start), the completed visit of the patient
 *   (recorded against any of the patient's treatments) that falls in the window, preferring one
 *   labelled with that time point, then the one nearest the target day, then the earlier. A
 *   visit is taken for one time point at most: the baseline is chosen first (the BASELINE and D1
 *   windows share day 0) and a visit recorded as a baseline is never a later time point. The
 *   day of the visit taken is kept (visit_day) so that a per-protocol analysis can drop visits
 *   from the crossover on.
 * - follow_up_end_day: the day of death for patients who died, otherwise the last completed visit
 *   (any treatment), and never before day 0 (the treatment itself is observed). Events after it
 *   do not count; the queries apply this (libs/api-analytics/src/cohort.sql.ts, followUp).
 * - crossover_day: the first treatment of another kind than the index one, counted from day 0.
 * - death_on and death_day come from the death record only (the DEATH complications moved to it);
 *   DEATH is no longer a complication kind in the rates.
 * - complication_kinds keeps each kind once with complication_days holding its first day, so
 *   the rates can count only complications within follow-up (and before a crossover).
 * - new_fracture_day and pain_relief_day are the first such day from day 0, before any
 *   follow-up rule; pain_relief_day uses every completed visit other than the baseline one.
 *
 * The windows are written here as literal values: a migration must keep its meaning if the
 * domain's windows change later (a test holds them equal to libs/domain's today).
 */
export const WINDOWS_SQL = `(VALUES
  ('BASELINE'::time_point, 1, 0, -30, 0),
  ('D1'::time_point, 2, 1, 0, 3),
  ('W1'::time_point, 3, 7, 4, 10),
  ('M1'::time_point, 4, 30, 16, 44),
  ('M3'::time_point, 5, 90, 69, 111),
  ('M6'::time_point, 6, 180, 150, 210),
  ('M12'::time_point, 7, 365, 305, 425),
  ('M24'::time_point, 8, 730, 640, 820)) AS w(tp, n, target, from_day, to_day)`;

export class FollowUpByWindowAndRule1795610200000 implements MigrationInterface {
  name = 'FollowUpByWindowAndRule1795610200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE analysis_patient
        ADD COLUMN visit_day int[],
        ADD COLUMN death_day int,
        ADD COLUMN follow_up_end_day int,
        ADD COLUMN crossover_day int,
        ADD COLUMN complication_days int[]`);
    await q.query(REFRESH);
    await q.query(`ANALYZE patient, treatment, assessment, complication, death`);
    await q.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
    await q.query(
      `ALTER TABLE analysis_patient ALTER COLUMN visit_day SET NOT NULL, ALTER COLUMN follow_up_end_day SET NOT NULL, ALTER COLUMN complication_days SET NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE analysis_patient DROP COLUMN visit_day, DROP COLUMN death_day, DROP COLUMN follow_up_end_day, DROP COLUMN crossover_day, DROP COLUMN complication_days`,
    );
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
      nrs, odi, rmdq, eq5d, visit_day, new_fracture_day, pain_relief_day, last_visit_day, complication_kinds, complication_days,
      consent_status, death_on, death_day, follow_up_end_day, crossover_day, visit_status, asa_class)
    SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
           extract(year FROM idx.start_date)::int - p.birth_year,
           idx.id, idx.kind::text, recv.kind::text, idx.start_date,
           fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
           v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
           v.nrs, v.odi, v.rmdq, v.eq5d, v.day,
           cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds, cx.days,
           p.consent_status::text, dth.died_on, dth.died_on - idx.start_date,
           coalesce(dth.died_on - idx.start_date, greatest(days.last_day, 0)),
           xo.crossover_day, st.status, p.asa_class
    FROM patient p
    JOIN LATERAL (
      SELECT t.id, t.kind, t.start_date FROM treatment t
      WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1
    ) idx ON true
    JOIN LATERAL (
      SELECT t.kind FROM treatment t
      WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date DESC, t.created_at DESC LIMIT 1
    ) recv ON true
    CROSS JOIN LATERAL (
      SELECT min(t.start_date) - idx.start_date AS crossover_day FROM treatment t
      WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL AND t.id <> idx.id AND t.kind <> idx.kind AND t.start_date >= idx.start_date
    ) xo
    LEFT JOIN LATERAL (
      SELECT d.died_on FROM death d WHERE d.patient_id = p.id AND d.withdrawn_at IS NULL ORDER BY d.died_on LIMIT 1
    ) dth ON true
    LEFT JOIN LATERAL (
      SELECT max(f.genant_grade)::int AS max_genant, min(f.onset_date) AS onset,
             array_agg(DISTINCT f.genant_grade::int) AS genants, array_agg(DISTINCT f.cause::text) AS causes,
             array_agg(DISTINCT f.level::text) AS levels, array_agg(DISTINCT f.of_class::text) AS of_classes
      FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL
      WHERE tl.treatment_id = idx.id
    ) fx ON true
    -- The baseline visit first: the BASELINE and D1 windows share day 0, and a visit is taken
    -- for one time point only (a visit recorded as a baseline is only ever the baseline).
    LEFT JOIN LATERAL (
      SELECT a.id FROM assessment a
      WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
        AND a.visit_date BETWEEN idx.start_date - 30 AND idx.start_date
      ORDER BY (a.time_point = 'BASELINE') DESC, abs(a.visit_date - idx.start_date), a.visit_date, a.created_at
      LIMIT 1
    ) bl ON true
    -- Per window, the completed visit taken for that time point (by date, from any treatment).
    CROSS JOIN LATERAL (
      SELECT array_agg(coalesce(a.nrs_activity, a.nrs_rest)::float8 ORDER BY w.n) AS nrs,
             array_agg(a.odi ORDER BY w.n) AS odi,
             array_agg(a.rmdq::float8 ORDER BY w.n) AS rmdq,
             array_agg(a.eq5d_index ORDER BY w.n) AS eq5d,
             array_agg(a.visit_date - idx.start_date ORDER BY w.n) AS day
      FROM ${WINDOWS_SQL}
      LEFT JOIN LATERAL (
        SELECT a.* FROM assessment a
        WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
          AND a.visit_date BETWEEN idx.start_date + w.from_day AND idx.start_date + w.to_day
          AND (CASE WHEN w.n = 1 THEN a.id = bl.id ELSE a.id IS DISTINCT FROM bl.id AND a.time_point <> 'BASELINE' END)
        ORDER BY (a.time_point = w.tp) DESC, abs(a.visit_date - idx.start_date - w.target), a.visit_date, a.created_at
        LIMIT 1
      ) a ON true
    ) v
    -- The label-based status of the index treatment's scheduled visits: the worklist's and
    -- completeness' view (what the coordinators recorded against which time point).
    CROSS JOIN LATERAL (
      SELECT array_agg(a.status::text ORDER BY o.n) AS status
      FROM unnest(enum_range(NULL::time_point)) WITH ORDINALITY AS o(tp, n)
      LEFT JOIN assessment a ON a.treatment_id = idx.id AND a.time_point = o.tp AND a.withdrawn_at IS NULL
      WHERE o.tp <> 'UNSCHEDULED'
    ) st
    CROSS JOIN LATERAL (
      SELECT min(a.visit_date) FILTER (WHERE a.id IS DISTINCT FROM bl.id AND a.visit_date >= idx.start_date
                                         AND coalesce(a.nrs_activity, a.nrs_rest) <= 3) - idx.start_date AS relief_day,
             max(a.visit_date) - idx.start_date AS last_day
      FROM assessment a WHERE a.patient_id = p.id AND a.status = 'DONE' AND a.withdrawn_at IS NULL
    ) days
    CROSS JOIN LATERAL (
      SELECT min(k.first_day) FILTER (WHERE k.kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')) AS new_fracture_day,
             coalesce(array_agg(k.kind ORDER BY k.kind), '{}') AS kinds,
             coalesce(array_agg(k.first_day ORDER BY k.kind), '{}') AS days
      FROM (
        SELECT x.kind::text AS kind, min(x.occurred_on) - idx.start_date AS first_day
        FROM complication x
        WHERE x.patient_id = p.id AND x.withdrawn_at IS NULL AND x.occurred_on >= idx.start_date AND x.kind <> 'DEATH'
        GROUP BY x.kind
      ) k
    ) cx
    WHERE p.id = ANY(ids) AND p.withdrawn_at IS NULL;
  END $$`;
