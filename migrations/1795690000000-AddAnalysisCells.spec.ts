import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { AddAnalysisCells1795690000000, cellsSql } from './1795690000000-AddAnalysisCells';
import { AddOverviewCells1795710000000 } from './1795710000000-AddOverviewCells';

const KEYS = 'fig, site_id, quarter, grp, tp, val, cat';
const SUMS = 'sum(n)::text AS n, sum(k)::text AS k, sum(x)::text AS x, sum(kx)::text AS kx, coalesce(sum(s), 0)::text AS s, coalesce(sum(ss), 0)::text AS ss';

for (const target of testTargets()) {
  describe(`AddAnalysisCells [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;
    const migration = new AddAnalysisCells1795690000000();
    const run = async (step: 'up' | 'down') => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await migration[step](runner);
      } finally {
        await runner.release();
      }
    };
    const kept = () => sql(`SELECT ${KEYS}, ${SUMS} FROM analysis_cell GROUP BY ${KEYS} ORDER BY ${KEYS}`);
    const recomputed = () => sql(`SELECT ${KEYS}, ${SUMS} FROM (${cellsSql('analysis_patient', 1)}) c GROUP BY ${KEYS} ORDER BY ${KEYS}`);

    beforeAll(async () => {
      db = await openTestDatabase(target);
      sql = (text, params) => db.dataSource.query(text, params);
      await seedDemoRegistry(db.dataSource, { patients: 60, seed: 5 });
      // This migration as it left the database: without the figures a later one added to its cells.
      const runner = db.dataSource.createQueryRunner();
      try {
        await new AddOverviewCells1795710000000().down(runner);
      } finally {
        await runner.release();
      }
    });
    afterAll(() => db?.close());

    it('goes down and up again, building the cells from the registry it finds and reporting a patient without an analysis row', async () => {
      const before = await kept();
      expect(before.length).toBeGreaterThan(50);
      await run('down');
      expect((await sql(`SELECT to_regclass('analysis_cell') AS t`))[0].t).toBeNull();
      // A patient whose analysis row is missing: reported, not repaired.
      const [{ patient_id }] = await sql(`SELECT min(patient_id::text)::uuid AS patient_id FROM analysis_patient WHERE consent_status = 'GIVEN'`);
      await sql(`DELETE FROM analysis_patient WHERE patient_id = $1`, [patient_id]);
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await run('up');
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^AddAnalysisCells: 1 patients with a treatment have no analysis row/));
      } finally {
        warn.mockRestore();
      }
      expect(await sql(`SELECT 1 FROM analysis_patient WHERE patient_id = $1`, [patient_id])).toEqual([]);
      expect(await kept()).toEqual(await recomputed());
      // Its triggers keep them from now on: the missing row refreshed brings the cells back to the seed's.
      await sql(`SELECT analysis_refresh(ARRAY[$1::uuid])`, [patient_id]);
      expect((await sql(`SELECT count(*)::int AS n FROM analysis_patient WHERE patient_id = $1`, [patient_id]))[0].n).toBe(1);
      expect(await kept()).toEqual(await recomputed());
      expect(await kept()).toEqual(before);
    });

    it('is written by the triggers only: the API role reads it', async () => {
      const [role] = await sql(`SELECT 1 FROM pg_roles WHERE rolname = 'registry_api'`);
      if (!role) return;
      const [rights] = await sql(`
        SELECT has_table_privilege('registry_api', 'analysis_cell', 'SELECT') AS reads,
               has_table_privilege('registry_api', 'analysis_cell', 'INSERT') AS inserts,
               has_table_privilege('registry_api', 'analysis_cell', 'UPDATE') AS updates,
               has_table_privilege('registry_api', 'analysis_cell', 'DELETE') AS deletes`);
      expect(rights).toEqual({ reads: true, inserts: false, updates: false, deletes: false });
    });
  });
}
