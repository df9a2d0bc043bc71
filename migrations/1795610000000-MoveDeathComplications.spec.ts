import { migrateThrough, migrationBefore, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

const MIGRATION = 'MoveDeathComplications1795610000000';

// A registry as it stood before the move: DEATH complications entered by hand, including the
// cases the migration cannot decide alone. Then the migration runs, as it will on a deployment.
for (const target of testTargets()) {
  describe(`${MIGRATION} [${target}]`, () => {
    let db: TestDatabase;
    const ids: Record<string, string> = {};
    let deathOnBefore: Map<string, string | null>;
    let countsBefore: Record<string, number>;

    const one = async (sql: string, params: unknown[] = []) => (await db.dataSource.query(sql, params))[0];
    const counts = async () => {
      const row = await one(`SELECT (SELECT count(*) FROM patient)::int AS patient, (SELECT count(*) FROM complication)::int AS complication,
        (SELECT count(*) FROM assessment)::int AS assessment, (SELECT count(*) FROM treatment)::int AS treatment, (SELECT count(*) FROM audit_event)::int AS audit_event`);
      return row as Record<string, number>;
    };

    beforeAll(async () => {
      db = await openTestDatabase(target, { migrated: false });
      await migrateThrough(db, migrationBefore(MIGRATION));
      const site = (await one(`INSERT INTO site (code, name) VALUES ('MIG', 'Migration site') RETURNING id`)).id;
      ids.site = site;
      const patient = async (key: string) => {
        ids[key] = (
          await one(`INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, $2, 'FEMALE', 1940, 'GIVEN') RETURNING id`, [
            site,
            `MIG-${key}`,
          ])
        ).id;
        ids[`${key}.treatment`] = (
          await one(
            `INSERT INTO treatment (patient_id, kind, start_date, analgesic_level) VALUES ($1, 'CONSERVATIVE', '2024-01-10', 'NON_OPIOID') RETURNING id`,
            [ids[key]],
          )
        ).id;
      };
      const complication = async (
        key: string,
        patientKey: string,
        kind: string,
        occurredOn: string,
        extra: { treatment?: boolean; grade?: string; notes?: string; withdrawn?: boolean } = {},
      ) => {
        ids[key] = (
          await one(
            `INSERT INTO complication (patient_id, treatment_id, occurred_on, kind, clavien_dindo, notes, withdrawn_at, withdrawn_reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [
              ids[patientKey],
              extra.treatment ? ids[`${patientKey}.treatment`] : null,
              occurredOn,
              kind,
              extra.grade ?? null,
              extra.notes ?? null,
              extra.withdrawn ? new Date() : null,
              extra.withdrawn ? 'entered for the wrong patient' : null,
            ],
          )
        ).id;
      };
      const visit = async (key: string, patientKey: string, timePoint: string, date: string) => {
        ids[key] = (
          await one(
            `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest) VALUES ($1, $2, $3, $4, 'DONE', 4) RETURNING id`,
            [ids[patientKey], ids[`${patientKey}.treatment`], timePoint, date],
          )
        ).id;
      };

      // 1: one death after a treatment, graded V: a death from that treatment's complication.
      await patient('graded');
      await complication('graded.death', 'graded', 'DEATH', '2024-02-01', { treatment: true, grade: 'V', notes: 'died on the ward' });
      // 2: two deaths on different dates: the earliest is taken, the other is reported.
      await patient('twice');
      await complication('twice.late', 'twice', 'DEATH', '2024-05-10');
      await complication('twice.early', 'twice', 'DEATH', '2024-03-01');
      // 3: a completed visit after the death, a withdrawn DEATH beside the one in force, and another complication.
      await patient('visited');
      await complication('visited.death', 'visited', 'DEATH', '2024-04-01');
      await complication('visited.withdrawn', 'visited', 'DEATH', '2024-03-20', { withdrawn: true });
      await complication('visited.infection', 'visited', 'INFECTION', '2024-02-01', { treatment: true });
      await visit('visited.m1', 'visited', 'M1', '2024-02-10');
      await visit('visited.m6', 'visited', 'M6', '2024-07-10');
      // 4: the same death entered twice on one day: one death, nothing to report.
      await patient('duplicate');
      await complication('duplicate.a', 'duplicate', 'DEATH', '2024-06-01', { treatment: true });
      await complication('duplicate.b', 'duplicate', 'DEATH', '2024-06-01');
      // 5: only a withdrawn DEATH: alive.
      await patient('alive');
      await complication('alive.withdrawn', 'alive', 'DEATH', '2024-03-03', { withdrawn: true });

      const rows: { patient_id: string; death_on: string | null }[] = await db.dataSource.query(`SELECT patient_id, death_on::text FROM analysis_patient`);
      deathOnBefore = new Map(rows.map((r) => [r.patient_id, r.death_on]));
      countsBefore = await counts();
      const ran = await migrateThrough(db, MIGRATION);
      expect(ran.map((m) => m.name)).toEqual([MIGRATION]);
    }, 120_000);

    afterAll(async () => {
      await db?.close();
    });

    it('moves every death: one death record per patient with DEATH complications in force, on the earliest date', async () => {
      const deaths: { patient_id: string; died_on: string; cause: string; source: string; notes: string; withdrawn_at: Date | null }[] =
        await db.dataSource.query(`SELECT patient_id, died_on::text, cause, source, notes, withdrawn_at FROM death ORDER BY died_on`);
      const byPatient = new Map(deaths.map((d) => [d.patient_id, d]));
      expect(deaths).toHaveLength(4);
      expect(byPatient.get(ids.graded)).toMatchObject({ died_on: '2024-02-01', cause: 'PROCEDURE_RELATED', source: 'OTHER', withdrawn_at: null });
      expect(byPatient.get(ids.graded)!.notes).toContain(ids['graded.death']);
      expect(byPatient.get(ids.graded)!.notes).toContain('died on the ward');
      expect(byPatient.get(ids.twice)).toMatchObject({ died_on: '2024-03-01', cause: 'UNKNOWN' });
      expect(byPatient.get(ids.twice)!.notes).toContain(ids['twice.early']);
      expect(byPatient.get(ids.visited)).toMatchObject({ died_on: '2024-04-01', cause: 'UNKNOWN' });
      // Linked to a treatment but not graded V: the registry was not told the treatment caused it.
      expect(byPatient.get(ids.duplicate)).toMatchObject({ died_on: '2024-06-01', cause: 'UNKNOWN' });
      expect(byPatient.has(ids.alive)).toBe(false);
    });

    it('deletes nothing and withdraws each DEATH complication with a reason naming its death record', async () => {
      expect(await counts()).toMatchObject({
        patient: countsBefore.patient,
        complication: countsBefore.complication,
        assessment: countsBefore.assessment,
        treatment: countsBefore.treatment,
      });
      const inForce = await one(`SELECT count(*)::int AS n FROM complication WHERE kind = 'DEATH' AND withdrawn_at IS NULL`);
      expect(inForce.n).toBe(0);
      for (const key of ['graded.death', 'twice.late', 'twice.early', 'visited.death', 'duplicate.a', 'duplicate.b']) {
        const c = await one(
          `SELECT c.withdrawn_reason, c.version, d.id AS death_id FROM complication c JOIN death d ON d.patient_id = c.patient_id WHERE c.id = $1`,
          [ids[key]],
        );
        expect(c.withdrawn_reason).toContain(`death record ${c.death_id}`);
        expect(c.withdrawn_reason).toContain(MIGRATION);
        expect(c.version).toBe(2);
      }
      // Withdrawn before, and other kinds: untouched.
      for (const key of ['visited.withdrawn', 'alive.withdrawn']) {
        expect(await one(`SELECT withdrawn_reason, version FROM complication WHERE id = $1`, [ids[key]])).toEqual({
          withdrawn_reason: 'entered for the wrong patient',
          version: 1,
        });
      }
      expect(await one(`SELECT withdrawn_at, version FROM complication WHERE id = $1`, [ids['visited.infection']])).toEqual({ withdrawn_at: null, version: 1 });
    });

    it('reports what it cannot decide in data_issue: several dates and visits after the death', async () => {
      const issues: Record<string, unknown>[] = await db.dataSource.query(
        `SELECT found_by, rule, table_name, record_id, patient_id, site_id, detail FROM data_issue ORDER BY rule, record_id`,
      );
      expect(issues).toEqual([
        expect.objectContaining({
          found_by: MIGRATION,
          rule: 'death.several_records',
          table_name: 'complication',
          record_id: ids['twice.late'],
          patient_id: ids.twice,
          site_id: ids.site,
        }),
        expect.objectContaining({
          found_by: MIGRATION,
          rule: 'visit.after_death',
          table_name: 'assessment',
          record_id: ids['visited.m6'],
          patient_id: ids.visited,
          site_id: ids.site,
        }),
      ]);
      expect(issues[0].detail).toMatch(/2024-05-10.*2024-03-01/);
      expect(issues[1].detail).toMatch(/M6 visit on 2024-07-10.*death on 2024-04-01/);
      // The visit itself is kept as entered: reported, not changed.
      expect(await one(`SELECT visit_date::text, withdrawn_at FROM assessment WHERE id = $1`, [ids['visited.m6']])).toEqual({
        visit_date: '2024-07-10',
        withdrawn_at: null,
      });
    });

    it("leaves analysis_patient's death_on as it was", async () => {
      const rows: { patient_id: string; death_on: string | null }[] = await db.dataSource.query(`SELECT patient_id, death_on::text FROM analysis_patient`);
      expect(new Map(rows.map((r) => [r.patient_id, r.death_on]))).toEqual(deathOnBefore);
      expect(deathOnBefore.get(ids.twice)).toBe('2024-03-01');
      expect(deathOnBefore.get(ids.alive)).toBeNull();
    });

    it('records each move in the audit trail, with no actor and the migration named', async () => {
      const events: { entity_type: string; action: string; n: number }[] = await db.dataSource.query(
        `SELECT entity_type, action::text, count(*)::int AS n FROM audit_event WHERE actor_id IS NULL AND reason LIKE '%${MIGRATION}%' GROUP BY 1, 2 ORDER BY 1`,
      );
      expect(events).toEqual([
        { entity_type: 'Complication', action: 'WITHDRAW', n: 6 },
        { entity_type: 'Death', action: 'CREATE', n: 4 },
      ]);
      expect((await counts()).audit_event).toBe(countsBefore.audit_event + 10);
    });
  });
}
