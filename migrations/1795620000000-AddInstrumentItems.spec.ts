import { migrateThrough, migrationBefore, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { EQ5D_VALUE_SETS, eq5dRange, Eq5dValueSet, ODI_TOLERANCE } from '@vfr/domain';
import { EQ5D_ENGLAND_MIN_1795620000000, ODI_TOLERANCE_1795620000000 } from './1795620000000-AddInstrumentItems';

const MIGRATION = 'AddInstrumentItems1795620000000';

describe(`${MIGRATION}: its rules`, () => {
  it("are the domain's today (if the domain changes, this migration keeps its own)", () => {
    expect(EQ5D_ENGLAND_MIN_1795620000000).toBe(eq5dRange(Eq5dValueSet.ENGLAND).min);
    expect(EQ5D_VALUE_SETS.ENGLAND.name).toBe('England');
    expect(ODI_TOLERANCE_1795620000000).toBeCloseTo(ODI_TOLERANCE, 6);
  });
});

// A registry as it stood before the items were stored: scores entered as numbers, some of which
// no answer pattern gives or lie below the England set's minimum. Then the migration runs.
for (const target of testTargets()) {
  describe(`${MIGRATION} [${target}]`, () => {
    let db: TestDatabase;
    const ids: Record<string, string> = {};
    let before: Record<string, unknown>[];
    const one = async (sql: string, params: unknown[] = []) => (await db.dataSource.query(sql, params))[0];

    beforeAll(async () => {
      db = await openTestDatabase(target, { migrated: false });
      await migrateThrough(db, migrationBefore(MIGRATION));
      const site = (await one(`INSERT INTO site (code, name) VALUES ('INS', 'Instrument site') RETURNING id`)).id;
      ids.site = site;
      ids.patient = (
        await one(
          `INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, 'INS-1', 'FEMALE', 1940, 'GIVEN') RETURNING id`,
          [site],
        )
      ).id;
      ids.treatment = (
        await one(
          `INSERT INTO treatment (patient_id, kind, start_date, analgesic_level) VALUES ($1, 'CONSERVATIVE', '2024-01-10', 'NON_OPIOID') RETURNING id`,
          [ids.patient],
        )
      ).id;
      const visit = async (key: string, date: string, scores: { odi?: number; rmdq?: number; eq5d?: number }, withdrawn = false) => {
        ids[key] = (
          await one(
            `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest, odi, rmdq, eq5d_index, withdrawn_at)
           VALUES ($1, $2, 'UNSCHEDULED', $3, 'DONE', 4, $4, $5, $6, $7) RETURNING id`,
            [ids.patient, ids.treatment, date, scores.odi ?? null, scores.rmdq ?? null, scores.eq5d ?? null, withdrawn ? new Date() : null],
          )
        ).id;
      };
      await visit('possible', '2024-02-01', { odi: 35.6, rmdq: 9, eq5d: 0.5 }); // 16/45
      await visit('exact', '2024-02-02', { odi: 35.5555555556, eq5d: -0.285 }); // unrounded 16/45; the England minimum
      await visit('impossible', '2024-02-03', { odi: 37.3 });
      await visit('belowSet', '2024-02-04', { eq5d: -0.9 });
      await visit('both', '2024-02-05', { odi: 33, eq5d: -0.5 });
      await visit('withdrawnBad', '2024-02-06', { odi: 37.3 }, true);
      await visit('nrsOnly', '2024-02-07', {});
      before = await db.dataSource.query(`SELECT id, odi, rmdq, eq5d_index, version, updated_at FROM assessment ORDER BY id`);
      const ran = await migrateThrough(db, MIGRATION);
      expect(ran.map((m) => m.name)).toEqual([MIGRATION]);
    }, 120_000);

    afterAll(() => db?.close());

    it('changes no value', async () => {
      expect(await db.dataSource.query(`SELECT id, odi, rmdq, eq5d_index, version, updated_at FROM assessment ORDER BY id`)).toEqual(before);
    });

    it('marks every score stored so far as entered without items, with no value set', async () => {
      const rows: Record<string, unknown>[] = await db.dataSource.query(
        `SELECT id, odi_source, rmdq_source, eq5d_source, eq5d_value_set, odi_items, eq5d_levels FROM assessment`,
      );
      const of = (key: string) => rows.find((r) => r.id === ids[key]);
      expect(of('possible')).toMatchObject({
        odi_source: 'TOTAL',
        rmdq_source: 'TOTAL',
        eq5d_source: 'TOTAL',
        eq5d_value_set: null,
        odi_items: null,
        eq5d_levels: null,
      });
      expect(of('belowSet')).toMatchObject({ odi_source: null, rmdq_source: null, eq5d_source: 'TOTAL' });
      expect(of('nrsOnly')).toMatchObject({ odi_source: null, rmdq_source: null, eq5d_source: null });
    });

    it('reports the ODIs no answer pattern gives and the indexes below the England set, once each, for the site', async () => {
      const issues: Record<string, any>[] = await db.dataSource.query(`SELECT * FROM data_issue WHERE found_by = $1 ORDER BY rule, detail`, [MIGRATION]);
      expect(issues.map((i) => [i.rule, Object.keys(ids).find((k) => ids[k] === i.record_id)])).toEqual([
        ['assessment.eq5d_out_of_range', 'belowSet'],
        ['assessment.eq5d_out_of_range', 'both'],
        ['assessment.odi_impossible', 'impossible'],
        ['assessment.odi_impossible', 'both'],
      ]);
      for (const i of issues) expect(i).toMatchObject({ table_name: 'assessment', patient_id: ids.patient, site_id: ids.site, resolved_at: null });
      const detail = (rule: string, key: string) => issues.find((i) => i.rule === rule && i.record_id === ids[key])!.detail;
      expect(detail('assessment.odi_impossible', 'impossible')).toBe(
        'UNSCHEDULED visit of 2024-02-03: the ODI 37.3 (entered without its answers) is not a value any answer pattern gives (with 10, 9 or 8 sections answered it is a multiple of 2, of 100/45 or of 2.5); the nearest possible values are 36.0 and 37.5',
      );
      expect(detail('assessment.odi_impossible', 'both')).toContain('the nearest possible values are 32.5 and 33.3');
      expect(detail('assessment.eq5d_out_of_range', 'belowSet')).toContain(
        'the EQ-5D-5L index -0.9 (entered without its levels) is below -0.285, the minimum of the England value set',
      );
    });

    it('holds new rows to the item shapes and the sources', async () => {
      const insert = (cols: string, vals: string) =>
        db.dataSource.query(
          `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, ${cols}) VALUES ($1, $2, 'UNSCHEDULED', '2024-03-01', 'DONE', ${vals})`,
          [ids.patient, ids.treatment],
        );
      await expect(insert('odi_items, odi_source', `'{1,1,1}', 'ITEMS'`)).rejects.toThrow(/ck_assessment__odi_items__shape/);
      await expect(insert('odi_items, odi_source', `'{6,1,1,1,1,1,1,1,1,1}', 'ITEMS'`)).rejects.toThrow(/ck_assessment__odi_items__shape/);
      await expect(insert('odi', `40`)).rejects.toThrow(/ck_assessment__odi_source/);
      await expect(insert('eq5d_levels, eq5d_index, eq5d_source', `'{1,1,1,1,1}', 1, 'ITEMS'`)).rejects.toThrow(/ck_assessment__eq5d_source/);
      await insert('odi_items, odi_source, odi', `'{1,1,1,1,1,1,1,1,1,NULL}', 'ITEMS', 20`);
    });
  });
}
