import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { AddRadiographsToAnalysis1795640100000 } from './1795640100000-AddRadiographsToAnalysis';

for (const target of testTargets()) {
  describe(`AddRadiographsToAnalysis [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;
    const migration = new AddRadiographsToAnalysis1795640100000();
    const run = async (step: 'up' | 'down') => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await migration[step](runner);
      } finally {
        await runner.release();
      }
    };
    // The refresh runs with its owner's rights (the API's role may not write analysis_patient).
    const refresh = async () => {
      const [f] = await sql(`SELECT prosecdef, proconfig, pg_get_functiondef(oid) AS body FROM pg_proc WHERE proname = 'analysis_refresh'`);
      return { definer: f.prosecdef as boolean, config: f.proconfig as string[], radiographs: /kyphotic_angle/.test(f.body) };
    };
    const columns = async () =>
      (
        await sql(`
      SELECT column_name FROM information_schema.columns
      WHERE table_name = 'analysis_patient' AND column_name IN ('kyphotic_angle', 'anterior_height', 'kyphotic_angle_before', 'kyphotic_angle_after')
      ORDER BY 1`)
      ).map((c) => c.column_name);

    beforeAll(async () => {
      db = await openTestDatabase(target);
      sql = (text, params) => db.dataSource.query(text, params);
    });
    afterAll(() => db?.close());

    it("goes down to the previous refresh, still its owner's, and up again filling the rows it finds", async () => {
      // The database is migrated already: a patient whose procedure and month-3 visit have angles.
      const [site] = await sql(`INSERT INTO site (code, name) VALUES ('MIG', 'Migration site') RETURNING id`);
      const [patient] = await sql(
        `INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, 'MIG-1', 'FEMALE', 1940, 'GIVEN') RETURNING id`,
        [site.id],
      );
      const [treatment] = await sql(
        `
        INSERT INTO treatment (patient_id, kind, start_date, anaesthesia, approach, kyphotic_angle_before, kyphotic_angle_after)
        VALUES ($1, 'KYPHOPLASTY', '2024-01-01', 'LOCAL', 'BIPEDICULAR', 19, 11) RETURNING id`,
        [patient.id],
      );
      await sql(
        `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, kyphotic_angle, anterior_height_percent)
                 VALUES ($1, $2, 'M3', '2024-04-01', 'DONE', 13.5, 82)`,
        [patient.id, treatment.id],
      );
      const row = () =>
        sql(`SELECT kyphotic_angle, anterior_height, kyphotic_angle_before, kyphotic_angle_after FROM analysis_patient WHERE patient_id = $1`, [patient.id]);
      const kept = {
        kyphotic_angle: [null, null, null, null, 13.5, null, null, null],
        anterior_height: [null, null, null, null, 82, null, null, null],
        kyphotic_angle_before: 19,
        kyphotic_angle_after: 11,
      };
      expect(await row()).toEqual([kept]);
      expect(await refresh()).toEqual({ definer: true, config: ['search_path=public, pg_temp'], radiographs: true });

      await run('down');
      expect(await columns()).toEqual([]);
      expect(await refresh()).toEqual({ definer: true, config: ['search_path=public, pg_temp'], radiographs: false });
      // The previous definition keeps the table: a write still refreshes the row.
      await sql(`UPDATE patient SET birth_year = 1941 WHERE id = $1`, [patient.id]);
      expect((await sql(`SELECT birth_year FROM analysis_patient WHERE patient_id = $1`, [patient.id]))[0].birth_year).toBe(1941);

      await run('up');
      expect(await columns()).toEqual(['anterior_height', 'kyphotic_angle', 'kyphotic_angle_after', 'kyphotic_angle_before']);
      expect(await refresh()).toEqual({ definer: true, config: ['search_path=public, pg_temp'], radiographs: true });
      expect(await row()).toEqual([kept]);
    });
  });
}
