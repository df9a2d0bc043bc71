import { migrateThrough, migrationBefore, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

const MIGRATION = 'AddMissedVisitReason1795660000000';

// A registry as it stood before the reason was a field: missed visits (one marked from the
// worklist, its reason in words in the audit event), a done one and a withdrawn one. Then the
// migration runs: it adds the column and fills nothing in.
for (const target of testTargets()) {
  describe(`${MIGRATION} [${target}]`, () => {
    let db: TestDatabase;
    const ids: Record<string, string> = {};
    let before: Record<string, unknown>[];
    let auditBefore: Record<string, unknown>[];
    const one = async (sql: string, params: unknown[] = []) => (await db.dataSource.query(sql, params))[0];
    const rows = () => db.dataSource.query(`SELECT * FROM assessment ORDER BY id`);

    beforeAll(async () => {
      db = await openTestDatabase(target, { migrated: false });
      await migrateThrough(db, migrationBefore(MIGRATION));
      ids.site = (await one(`INSERT INTO site (code, name) VALUES ('MIS', 'Missed site') RETURNING id`)).id;
      ids.patient = (
        await one(
          `INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, 'MIS-1', 'FEMALE', 1938, 'GIVEN') RETURNING id`,
          [ids.site],
        )
      ).id;
      ids.treatment = (
        await one(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-01-10') RETURNING id`, [ids.patient])
      ).id;
      const visit = async (key: string, timePoint: string, status: string, date: string | null, nrs: number | null) => {
        ids[key] = (
          await one(
            `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [ids.patient, ids.treatment, timePoint, date, status, nrs],
          )
        ).id;
      };
      await visit('done', 'M1', 'DONE', '2024-02-10', 4);
      await visit('marked', 'M3', 'MISSED', null, null);
      await visit('missed', 'M6', 'MISSED', null, null);
      await visit('withdrawn', 'M12', 'WITHDRAWN', null, null);
      await db.dataSource.query(
        `INSERT INTO audit_event (entity_type, entity_id, action, reason) VALUES ('Assessment', $1, 'CREATE', 'Marked missed: Patient declined the visit')`,
        [ids.marked],
      );
      before = await rows();
      auditBefore = await db.dataSource.query(`SELECT * FROM audit_event ORDER BY id`);
      const ran = await migrateThrough(db, MIGRATION);
      expect(ran.map((m) => m.name)).toEqual([MIGRATION]);
    }, 120_000);

    afterAll(() => db?.close());

    it('adds the column and leaves every row as it was: no reason filled in, not even from the audit event', async () => {
      const after: Record<string, unknown>[] = await rows();
      expect(after.map((r) => r.missed_reason)).toEqual([null, null, null, null]);
      expect(after.map(({ missed_reason: _, ...r }) => r)).toEqual(before);
      expect(await db.dataSource.query(`SELECT * FROM audit_event ORDER BY id`)).toEqual(auditBefore);
    });

    it('takes a reason on a missed visit only, and only one of its choices', async () => {
      await db.dataSource.query(`UPDATE assessment SET missed_reason = 'DECLINED' WHERE id = $1`, [ids.marked]);
      expect((await one(`SELECT missed_reason FROM assessment WHERE id = $1`, [ids.marked])).missed_reason).toBe('DECLINED');
      for (const key of ['done', 'withdrawn'])
        await expect(db.dataSource.query(`UPDATE assessment SET missed_reason = 'OTHER' WHERE id = $1`, [ids[key]])).rejects.toThrow(
          /ck_assessment__missed_reason__missed_only/,
        );
      await expect(db.dataSource.query(`UPDATE assessment SET missed_reason = 'FORGOT' WHERE id = $1`, [ids.missed])).rejects.toThrow(
        /invalid input value for enum missed_visit_reason/,
      );
    });
  });
}
