import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { AddOverviewCells1795710000000, allCellsSql } from './1795710000000-AddOverviewCells';

const KEYS = 'fig, site_id, quarter, grp, tp, val, cat';
const SUMS = 'sum(n)::text AS n, sum(k)::text AS k, sum(x)::text AS x, sum(kx)::text AS kx, coalesce(sum(s), 0)::text AS s, coalesce(sum(ss), 0)::text AS ss';
const NONZERO = 'HAVING sum(n) <> 0 OR sum(k) <> 0 OR sum(x) <> 0 OR sum(kx) <> 0 OR coalesce(sum(s), 0) <> 0 OR coalesce(sum(ss), 0) <> 0';

for (const target of testTargets()) {
  describe(`AddOverviewCells [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;
    const migration = new AddOverviewCells1795710000000();
    const run = async (step: 'up' | 'down') => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await migration[step](runner);
      } finally {
        await runner.release();
      }
    };
    const kept = () => sql(`SELECT ${KEYS}, ${SUMS} FROM analysis_cell GROUP BY ${KEYS} ${NONZERO} ORDER BY ${KEYS}`);
    const recomputed = () => sql(`SELECT ${KEYS}, ${SUMS} FROM (${allCellsSql('analysis_patient')}) c GROUP BY ${KEYS} ${NONZERO} ORDER BY ${KEYS}`);

    beforeAll(async () => {
      db = await openTestDatabase(target);
      sql = (text, params) => db.dataSource.query(text, params);
      await seedDemoRegistry(db.dataSource, { patients: 60, seed: 5 });
    });
    afterAll(() => db?.close());

    it('goes down to the first figures and up again, building every cell from the registry it finds', async () => {
      const before = await kept();
      expect(new Set(before.map((r) => r.fig))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
      await run('down');
      expect(new Set((await kept()).map((r) => r.fig))).toEqual(new Set([1, 2, 3, 4, 5]));
      expect((await sql(`SELECT to_regtype('analysis_treatment_cell') AS t`))[0].t).toBeNull();
      // Down, a visit changes the first figures only, as before this migration.
      await sql(
        `UPDATE assessment SET nrs_activity = 10 - nrs_activity WHERE id = (SELECT min(id::text)::uuid FROM assessment WHERE nrs_activity IS NOT NULL)`,
      );
      expect(new Set((await kept()).map((r) => r.fig))).toEqual(new Set([1, 2, 3, 4, 5]));
      await run('up');
      expect(await kept()).toEqual(await recomputed());
      // Its triggers keep them from now on: the visit changed back, every cell is the seed's.
      await sql(
        `UPDATE assessment SET nrs_activity = 10 - nrs_activity WHERE id = (SELECT min(id::text)::uuid FROM assessment WHERE nrs_activity IS NOT NULL)`,
      );
      expect(await kept()).toEqual(await recomputed());
      expect(await kept()).toEqual(before);
    });
  });
}
