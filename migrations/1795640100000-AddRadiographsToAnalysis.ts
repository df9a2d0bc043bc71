import { MigrationInterface, QueryRunner } from 'typeorm';
import { WINDOWS_SQL } from './1795610200000-FollowUpByWindowAndRule';

/**
 * The radiographs in the analysis rows, so that the cohort explorer can show the loss of
 * correction (docs/methods.md, Radiographic follow-up and loss of correction): per scheduled time
 * point, in the slots of `nrs`, the kyphotic angle and the anterior height of the index level
 * recorded at the visit taken for that time point (AddHospitalUseAndRadiographs), and the index
 * treatment's kyphotic angle before and right after the procedure.
 *
 * analysis_refresh is redefined in full: the previous definition (AddBaselineToAnalysis) with
 * these columns added, so that this migration keeps its meaning whatever a later one does.
 */
export class AddRadiographsToAnalysis1795640100000 implements MigrationInterface {
  name = 'AddRadiographsToAnalysis1795640100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE analysis_patient
        ADD COLUMN kyphotic_angle float8[], ADD COLUMN anterior_height float8[],
        ADD COLUMN kyphotic_angle_before float8, ADD COLUMN kyphotic_angle_after float8`);
    await q.query(REFRESH);
    await q.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The previous definition first: it no longer writes the columns about to go.
    await q.query(PREVIOUS_REFRESH);
    await q.query(`
      ALTER TABLE analysis_patient
        DROP COLUMN kyphotic_angle, DROP COLUMN anterior_height, DROP COLUMN kyphotic_angle_before, DROP COLUMN kyphotic_angle_after`);
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
      consent_status, death_on, death_day, follow_up_end_day, crossover_day, visit_status, asa_class,
      anaesthesia, approach, cement_volume_ml,
      pre_fracture_mobility, living_situation, clinical_frailty_scale, charlson_comorbidity_index, dementia, prior_vertebral_fractures,
      anti_osteoporotic_drug, kyphotic_angle, anterior_height, kyphotic_angle_before, kyphotic_angle_after)
    SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
           extract(year FROM idx.start_date)::int - p.birth_year,
           idx.id, idx.kind::text, recv.kind::text, idx.start_date,
           fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
           v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
           v.nrs, v.odi, v.rmdq, v.eq5d, v.day,
           cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds, cx.days,
           p.consent_status::text, dth.died_on, dth.died_on - idx.start_date,
           coalesce(dth.died_on - idx.start_date, greatest(days.last_day, 0)),
           xo.crossover_day, st.status, p.asa_class,
           idx.anaesthesia::text, idx.approach::text, fx.cement_volume_ml,
           p.pre_fracture_mobility::text, p.living_situation::text, p.clinical_frailty_scale, p.charlson_comorbidity_index, p.dementia,
           p.prior_vertebral_fractures, p.anti_osteoporotic_drug::text,
           v.kyphotic_angle, v.anterior_height, idx.kyphotic_angle_before, idx.kyphotic_angle_after
    FROM patient p
    JOIN LATERAL (
      SELECT t.id, t.kind, t.start_date, t.anaesthesia, t.approach, t.kyphotic_angle_before, t.kyphotic_angle_after FROM treatment t
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
             array_agg(DISTINCT f.level::text) AS levels, array_agg(DISTINCT f.of_class::text) AS of_classes,
             CASE WHEN bool_and(tl.cement_volume_ml IS NOT NULL) THEN sum(tl.cement_volume_ml) END AS cement_volume_ml
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
             -- The index level's radiograph at the visit taken for the time point (none when
             -- that visit recorded none, even if another visit in the window did).
             array_agg(a.kyphotic_angle ORDER BY w.n) AS kyphotic_angle,
             array_agg(a.anterior_height_percent ORDER BY w.n) AS anterior_height,
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

// AddBaselineToAnalysis's definition, as it stood when this migration replaced it: what down()
// restores (a copy, not an import, so that this migration keeps its meaning).
const PREVIOUS_REFRESH = `
  CREATE OR REPLACE FUNCTION analysis_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    PERFORM 1 FROM patient WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM analysis_patient WHERE patient_id = ANY(ids);
    INSERT INTO analysis_patient (
      patient_id, site_id, registry_number, sex, birth_year, age, index_treatment_id, first_kind, received_kind, index_date,
      max_genant, fracture_age_days, genants, causes, levels, of_classes, baseline_nrs, active_cancer, ongoing_therapy,
      nrs, odi, rmdq, eq5d, visit_day, new_fracture_day, pain_relief_day, last_visit_day, complication_kinds, complication_days,
      consent_status, death_on, death_day, follow_up_end_day, crossover_day, visit_status, asa_class,
      anaesthesia, approach, cement_volume_ml,
      pre_fracture_mobility, living_situation, clinical_frailty_scale, charlson_comorbidity_index, dementia, prior_vertebral_fractures,
      anti_osteoporotic_drug)
    SELECT p.id, p.site_id, p.registry_number, p.sex::text, p.birth_year,
           extract(year FROM idx.start_date)::int - p.birth_year,
           idx.id, idx.kind::text, recv.kind::text, idx.start_date,
           fx.max_genant, idx.start_date - fx.onset, fx.genants, fx.causes, fx.levels, fx.of_classes,
           v.nrs[1]::int, p.active_cancer, (p.ongoing_chemotherapy OR p.ongoing_radiotherapy),
           v.nrs, v.odi, v.rmdq, v.eq5d, v.day,
           cx.new_fracture_day, days.relief_day, days.last_day, cx.kinds, cx.days,
           p.consent_status::text, dth.died_on, dth.died_on - idx.start_date,
           coalesce(dth.died_on - idx.start_date, greatest(days.last_day, 0)),
           xo.crossover_day, st.status, p.asa_class,
           idx.anaesthesia::text, idx.approach::text, fx.cement_volume_ml,
           p.pre_fracture_mobility::text, p.living_situation::text, p.clinical_frailty_scale, p.charlson_comorbidity_index, p.dementia,
           p.prior_vertebral_fractures, p.anti_osteoporotic_drug::text
    FROM patient p
    JOIN LATERAL (
      SELECT t.id, t.kind, t.start_date, t.anaesthesia, t.approach FROM treatment t
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
             array_agg(DISTINCT f.level::text) AS levels, array_agg(DISTINCT f.of_class::text) AS of_classes,
             CASE WHEN bool_and(tl.cement_volume_ml IS NOT NULL) THEN sum(tl.cement_volume_ml) END AS cement_volume_ml
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
