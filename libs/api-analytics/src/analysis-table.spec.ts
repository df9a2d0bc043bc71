import { deferAnalysis, refreshAnalysis } from '@vfr/api-database';
import { describeEachDatabase } from '@vfr/api-testing';
import { SCHEDULED_TIME_POINTS, TimePoint } from '@vfr/domain';

// analysis_patient is kept by triggers. After writes to every source table, done as plain SQL so
// no application code helps, the kept rows must equal a recomputation from scratch.
describeEachDatabase('the maintained analysis table', (t) => {
  const q = (sql: string, params: unknown[] = []) => t().db.dataSource.query(sql, params);

  async function differencesFromScratch(): Promise<number> {
    await q(`DROP TABLE IF EXISTS kept`);
    await q(`CREATE TEMP TABLE kept AS SELECT * FROM analysis_patient`);
    await q(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
    const [{ n }] = await q(`
      SELECT count(*)::int AS n FROM (
        (SELECT * FROM kept EXCEPT ALL SELECT * FROM analysis_patient)
        UNION ALL
        (SELECT * FROM analysis_patient EXCEPT ALL SELECT * FROM kept)) d`);
    return n;
  }

  it('holds one row per patient with a treatment after seeding', async () => {
    const [{ kept, expected }] = await q(`
      SELECT (SELECT count(*)::int FROM analysis_patient) AS kept,
             (SELECT count(DISTINCT p.id)::int FROM patient p JOIN treatment x ON x.patient_id = p.id AND x.withdrawn_at IS NULL
              WHERE p.withdrawn_at IS NULL) AS expected`);
    expect(kept).toBe(expected);
    expect(kept).toBeGreaterThan(10);
    expect(await differencesFromScratch()).toBe(0);
  });

  it('follows writes to every source table', async () => {
    const [v] = await q(`
      SELECT a.id, a.patient_id, a.treatment_id FROM assessment a JOIN analysis_patient x ON x.index_treatment_id = a.treatment_id
      WHERE a.time_point = 'M1' AND a.status = 'DONE' AND a.withdrawn_at IS NULL ORDER BY a.id LIMIT 1`);
    await q(`UPDATE assessment SET nrs_activity = 0, nrs_rest = 0 WHERE id = $1`, [v.id]);
    const [row] = await q(`SELECT nrs[4] AS m1, pain_relief_day FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
    expect(row.m1).toBe(0);
    expect(row.pain_relief_day).not.toBeNull();

    await q(`UPDATE assessment SET withdrawn_at = now(), withdrawn_reason = 'entered twice' WHERE id = $1`, [v.id]);
    const [gone] = await q(`SELECT nrs[4] AS m1 FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
    expect(gone.m1).toBeNull();

    const [x] = await q(`SELECT patient_id, index_date FROM analysis_patient WHERE cardinality(complication_kinds) = 0 ORDER BY patient_id LIMIT 1`);
    await q(`INSERT INTO complication (patient_id, occurred_on, kind) VALUES ($1, $2::date + 30, 'REMOTE_FRACTURE')`, [x.patient_id, x.index_date]);
    const [withFracture] = await q(`SELECT new_fracture_day, complication_kinds FROM analysis_patient WHERE patient_id = $1`, [x.patient_id]);
    expect(withFracture).toEqual({ new_fracture_day: 30, complication_kinds: ['REMOTE_FRACTURE'] });

    const [f] = await q(
      `SELECT tl.fracture_id, x.patient_id FROM treated_level tl JOIN analysis_patient x ON x.index_treatment_id = tl.treatment_id ORDER BY 1 LIMIT 1`,
    );
    await q(`UPDATE fracture SET genant_grade = 3 WHERE id = $1`, [f.fracture_id]);
    await q(`DELETE FROM treated_level WHERE fracture_id = $1`, [f.fracture_id]);

    const [p] = await q(`SELECT patient_id FROM analysis_patient ORDER BY patient_id DESC LIMIT 1`);
    await q(`UPDATE patient SET birth_year = birth_year - 1 WHERE id = $1`, [p.patient_id]);
    const [w] = await q(`SELECT patient_id FROM analysis_patient ORDER BY patient_id DESC OFFSET 1 LIMIT 1`);
    await q(`UPDATE patient SET withdrawn_at = now(), withdrawn_reason = 'consent withdrawn' WHERE id = $1`, [w.patient_id]);
    expect(await q(`SELECT 1 FROM analysis_patient WHERE patient_id = $1`, [w.patient_id])).toHaveLength(0);

    // Withdrawing the index treatment makes the next treatment the index one.
    const [two] = await q(`
      SELECT x.patient_id, x.index_treatment_id FROM analysis_patient x
      WHERE (SELECT count(*) FROM treatment t WHERE t.patient_id = x.patient_id AND t.withdrawn_at IS NULL) >= 2 ORDER BY 1 LIMIT 1`);
    await q(`UPDATE treatment SET withdrawn_at = now(), withdrawn_reason = 'wrong patient' WHERE id = $1`, [two.index_treatment_id]);
    const [moved] = await q(`SELECT index_treatment_id FROM analysis_patient WHERE patient_id = $1`, [two.patient_id]);
    expect(moved.index_treatment_id).not.toBe(two.index_treatment_id);

    expect(await differencesFromScratch()).toBe(0);
  });

  it("keeps the schedule the worklist reads: each visit's status, the consent and the day of death", async () => {
    // The per-time-point arrays are indexed in the database enum's order; the code indexes them by
    // libs/domain's schedule. The two must agree.
    const [{ order }] = await q(`SELECT enum_range(NULL::time_point)::text[] AS order`);
    expect(order).toEqual([...SCHEDULED_TIME_POINTS, TimePoint.UNSCHEDULED]);

    const [v] = await q(`
      SELECT a.id, a.patient_id FROM assessment a JOIN analysis_patient x ON x.index_treatment_id = a.treatment_id
      WHERE a.time_point = 'M6' AND a.status = 'DONE' AND a.withdrawn_at IS NULL ORDER BY a.id LIMIT 1`);
    expect((await q(`SELECT visit_status[6] AS s FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]))[0].s).toBe('DONE');
    await q(
      `UPDATE assessment SET status = 'MISSED', visit_date = NULL, nrs_rest = NULL, nrs_activity = NULL, odi = NULL, rmdq = NULL, eq5d_index = NULL,
               odi_items = NULL, rmdq_items = NULL, eq5d_levels = NULL, eq5d_vas = NULL, odi_source = NULL, rmdq_source = NULL, eq5d_source = NULL, eq5d_value_set = NULL, imaging_done = NULL
             WHERE id = $1`,
      [v.id],
    );
    const [missed] = await q(`SELECT visit_status[6] AS s, nrs[6] AS nrs FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
    expect(missed).toEqual({ s: 'MISSED', nrs: null });

    await q(`UPDATE patient SET consent_status = 'WITHDRAWN' WHERE id = $1`, [v.patient_id]);
    const [x] = await q(`SELECT index_date FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
    await q(`INSERT INTO death (patient_id, died_on, cause, source) VALUES ($1, $2::date + 200, 'CARDIOVASCULAR', 'HOSPITAL_RECORD')`, [
      v.patient_id,
      x.index_date,
    ]);
    const [after] = await q(`SELECT consent_status, death_on - index_date AS death_day, follow_up_end_day FROM analysis_patient WHERE patient_id = $1`, [
      v.patient_id,
    ]);
    expect(after).toEqual({ consent_status: 'WITHDRAWN', death_day: 200, follow_up_end_day: 200 });
    expect(await differencesFromScratch()).toBe(0);
  });

  it('keeps the radiographs of the visits taken and the angles of the index procedure', async () => {
    // Every row's angles are its index treatment's, and the arrays are non-trivial after seeding.
    const [seeded] = await q(`
      SELECT count(*) FILTER (WHERE x.kyphotic_angle_before IS DISTINCT FROM t.kyphotic_angle_before OR x.kyphotic_angle_after IS DISTINCT FROM t.kyphotic_angle_after)::int AS differing,
             count(*) FILTER (WHERE x.kyphotic_angle_after IS NOT NULL)::int AS with_after,
             count(*) FILTER (WHERE x.kyphotic_angle[5] IS NOT NULL AND x.anterior_height[5] IS NOT NULL)::int AS with_m3
      FROM analysis_patient x JOIN treatment t ON t.id = x.index_treatment_id`);
    expect(seeded.differing).toBe(0);
    expect(seeded.with_after).toBeGreaterThan(0);
    expect(seeded.with_m3).toBeGreaterThan(0);

    const [v] = await q(`
      SELECT a.id, a.patient_id, x.index_treatment_id FROM assessment a JOIN analysis_patient x ON x.index_treatment_id = a.treatment_id
      WHERE a.time_point = 'M6' AND a.status = 'DONE' AND a.withdrawn_at IS NULL AND x.first_kind <> 'CONSERVATIVE' ORDER BY a.id LIMIT 1`);
    await q(`UPDATE assessment SET kyphotic_angle = 21.5, anterior_height_percent = 77 WHERE id = $1`, [v.id]);
    await q(`UPDATE treatment SET kyphotic_angle_before = 24, kyphotic_angle_after = 13.5 WHERE id = $1`, [v.index_treatment_id]);
    const [row] = await q(
      `SELECT kyphotic_angle[6] AS angle, anterior_height[6] AS height, kyphotic_angle_before AS before, kyphotic_angle_after AS after
                           FROM analysis_patient WHERE patient_id = $1`,
      [v.patient_id],
    );
    expect(row).toEqual({ angle: 21.5, height: 77, before: 24, after: 13.5 });
    // The slots are those of the scores: the same visit gives nrs[6] and kyphotic_angle[6].
    const [slots] = await q(
      `SELECT cardinality(kyphotic_angle) AS a, cardinality(anterior_height) AS h, cardinality(nrs) AS n FROM analysis_patient WHERE patient_id = $1`,
      [v.patient_id],
    );
    expect(slots).toEqual({ a: 8, h: 8, n: 8 });

    await q(`UPDATE assessment SET kyphotic_angle = NULL WHERE id = $1`, [v.id]);
    expect((await q(`SELECT kyphotic_angle[6] AS angle FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]))[0].angle).toBeNull();
    expect(await differencesFromScratch()).toBe(0);
  });

  it('is deferred inside a bulk transaction until refreshed', async () => {
    const [v] = await q(`
      SELECT a.id, a.patient_id FROM assessment a JOIN analysis_patient x ON x.index_treatment_id = a.treatment_id
      WHERE a.time_point = 'M3' AND a.status = 'DONE' AND a.withdrawn_at IS NULL AND coalesce(a.nrs_activity, a.nrs_rest) < 10 ORDER BY a.id LIMIT 1`);
    const seen = await t().db.dataSource.transaction(async (m) => {
      // As a bulk writer does it (an import, the seed): deferred, then refreshed once before commit.
      await deferAnalysis(m);
      await m.query(`UPDATE assessment SET nrs_activity = 10, nrs_rest = 10 WHERE id = $1`, [v.id]);
      const [before] = await m.query(`SELECT nrs[5] AS m3 FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
      await refreshAnalysis(m, [v.patient_id]);
      const [after] = await m.query(`SELECT nrs[5] AS m3 FROM analysis_patient WHERE patient_id = $1`, [v.patient_id]);
      return { before: before.m3, after: after.m3 };
    });
    expect(seen.before).not.toBe(10);
    expect(seen.after).toBe(10);
    expect(await differencesFromScratch()).toBe(0);
  });
});
