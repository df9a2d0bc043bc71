import { EntityManager } from 'typeorm';
import { TIME_POINT_WINDOWS, TimePoint, timePointOrdinal } from '@vfr/domain';

/**
 * The demo's questionnaires answered by patients (docs/questionnaires.md), after the registry's
 * visits and analysis rows are in:
 *
 * - about one in five done visits at 3, 6, 12 and 24 months was answered through a link and
 *   confirmed by the site's coordinator (one in ten of them by someone on the patient's behalf):
 *   the answers are the visit's, the link was issued two weeks before and reviewed two days after;
 * - up to three visits per site due today were answered and await review, so the worklist shows
 *   some.
 *
 * Chosen by a hash of the ids, so the same registry gets the same ones. The links' hashes are of
 * no token (a text no link can carry), and every one of them is answered: none can be opened.
 */
export async function seedQuestionnaires(manager: EntityManager, today: string): Promise<void> {
  await manager.query(`
    INSERT INTO questionnaire_invitation (patient_id, treatment_id, site_id, time_point, token_hash, issued_by, expires_at, created_at, updated_at,
                                          answered_at, respondent, answers, reviewed_at, reviewed_by, assessment_id, corrected)
    SELECT a.patient_id, a.treatment_id, p.site_id, a.time_point, sha256(convert_to('demo-' || a.id::text, 'UTF8')), c.id,
           a.visit_date + 28, a.visit_date - 14, a.visit_date + 2, a.visit_date,
           CASE WHEN abs(hashtext(a.id::text)) % 10 = 0 THEN 'PROXY' ELSE 'PATIENT' END::questionnaire_respondent,
           jsonb_build_object('nrsRest', a.nrs_rest, 'nrsActivity', a.nrs_activity, 'odiItems', to_jsonb(a.odi_items),
                              'rmdqItems', to_jsonb(coalesce(a.rmdq_items, array_fill(false, ARRAY[24]))), 'eq5dLevels', to_jsonb(a.eq5d_levels), 'eq5dVas', a.eq5d_vas),
           a.visit_date + 2, c.id, a.id, false
    FROM assessment a
    JOIN patient p ON p.id = a.patient_id
    JOIN (SELECT DISTINCT ON (site_id) id, site_id FROM app_user WHERE role = 'COORDINATOR' ORDER BY site_id, email) c ON c.site_id = p.site_id
    WHERE a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.time_point IN ('M3', 'M6', 'M12', 'M24')
      AND a.nrs_rest IS NOT NULL AND a.nrs_activity IS NOT NULL AND abs(hashtext(a.id::text)) % 5 = 0`);
  const ws = TIME_POINT_WINDOWS.filter((w) => w.timePoint !== TimePoint.BASELINE && w.timePoint !== TimePoint.D1);
  await manager.query(
    `
    INSERT INTO questionnaire_invitation (patient_id, treatment_id, site_id, time_point, token_hash, issued_by, expires_at, created_at, updated_at,
                                          answered_at, respondent, answers)
    SELECT x.patient_id, x.treatment_id, x.site_id, x.time_point::time_point, sha256(convert_to('demo-' || x.patient_id::text || x.time_point, 'UTF8')), x.coordinator,
           $1::date + 14, $1::date - 5, $1::date - 1, $1::date - 1, 'PATIENT',
           jsonb_build_object('nrsRest', 1 + x.h % 6, 'nrsActivity', 2 + x.h % 7, 'odiItems', NULL, 'rmdqItems', to_jsonb(array_fill(false, ARRAY[24])),
                              'eq5dLevels', jsonb_build_array(1 + x.h % 3, 1, 2, 1 + x.h % 4, 1), 'eq5dVas', 50 + x.h % 40)
    FROM (
      SELECT a.patient_id, a.index_treatment_id AS treatment_id, a.site_id, w.time_point, c.id AS coordinator, abs(hashtext(a.patient_id::text)) AS h,
             row_number() OVER (PARTITION BY a.site_id ORDER BY hashtext(a.patient_id::text || w.time_point)) AS n
      FROM analysis_patient a
      CROSS JOIN unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS w(time_point, ordinal, from_day, to_day)
      JOIN (SELECT DISTINCT ON (site_id) id, site_id FROM app_user WHERE role = 'COORDINATOR' ORDER BY site_id, email) c ON c.site_id = a.site_id
      WHERE a.visit_status[w.ordinal] IS NULL AND a.consent_status <> 'WITHDRAWN' AND a.death_on IS NULL
        AND $1::date - 1 BETWEEN a.index_date + w.from_day AND a.index_date + w.to_day
        AND NOT EXISTS (SELECT 1 FROM questionnaire_invitation q WHERE q.treatment_id = a.index_treatment_id AND q.time_point::text = w.time_point AND q.withdrawn_at IS NULL)
    ) x
    WHERE x.n <= 3`,
    [today, ws.map((w) => w.timePoint), ws.map((w) => timePointOrdinal(w.timePoint)), ws.map((w) => w.fromDay), ws.map((w) => w.toDay)],
  );
}
