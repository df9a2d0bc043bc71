import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

// The database itself guards the registry's integrity, whatever code writes to it.
for (const target of testTargets()) {
  describe(`database schema [${target}]`, () => {
    let db: TestDatabase;
    let sql: (text: string, params?: unknown[]) => Promise<any[]>;
    let ids: { site: string; patient: string; fracture: string; treatment: string };

    beforeAll(async () => {
      db = await openTestDatabase(target);
      sql = (text, params) => db.dataSource.query(text, params);
      const [site] = await sql(`INSERT INTO site (code, name) VALUES ('TEST', 'Test site') RETURNING id`);
      const [patient] = await sql(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'T-1', 'FEMALE', 1940) RETURNING id`, [site.id]);
      const [fracture] = await sql(
        `INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade) VALUES ($1, 'L1', '2024-01-01', 'OSTEOPOROTIC', 2) RETURNING id`,
        [patient.id],
      );
      const [treatment] = await sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-02-01') RETURNING id`, [
        patient.id,
      ]);
      ids = { site: site.id, patient: patient.id, fracture: fracture.id, treatment: treatment.id };
    });
    afterAll(() => db?.close());

    it('matches the entities exactly: migrations leave nothing for the schema builder to change', async () => {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    });

    it('keeps the audit trail append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
      await sql(`INSERT INTO audit_event (entity_type, entity_id, action) VALUES ('Patient', $1, 'CREATE')`, [ids.patient]);
      await expect(sql(`UPDATE audit_event SET reason = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(sql(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_event WHERE reason IS NULL`);
      expect(n).toBe(1);
    });

    const visit = (fields: string, values: string) =>
      sql(`INSERT INTO assessment (patient_id, treatment_id, time_point, status${fields}) VALUES ($1, $2${values})`, [ids.patient, ids.treatment]);

    it.each([
      ['an NRS of 11', `, 'M1', 'DONE', '2024-03-01', 11`, ', visit_date, nrs_rest', 'ck_assessment__nrs_rest__range'],
      ['an ODI of 101', `, 'M1', 'DONE', '2024-03-01', 101`, ', visit_date, odi', 'ck_assessment__odi__range'],
      ['an RMDQ of 25', `, 'M1', 'DONE', '2024-03-01', 25`, ', visit_date, rmdq', 'ck_assessment__rmdq__range'],
      ['an EQ-5D index above 1', `, 'M1', 'DONE', '2024-03-01', 1.2`, ', visit_date, eq5d_index', 'ck_assessment__eq5d_index__range'],
      ['scores on a missed visit', `, 'M1', 'MISSED', 5`, ', nrs_rest', 'ck_assessment__status__no_scores_unless_done'],
    ])('refuses %s', async (_label, values, fields, constraint) => {
      const insert = `INSERT INTO assessment (patient_id, treatment_id, time_point, status${fields}) VALUES ($1, $2${values})`;
      await expect(sql(insert, [ids.patient, ids.treatment])).rejects.toMatchObject({ driverError: { constraint } });
    });

    it('refuses a follow-up visit dated before its treatment, but not a baseline', async () => {
      await expect(visit(', visit_date, nrs_rest', `, 'M1', 'DONE', '2024-01-15', 5`)).rejects.toMatchObject({
        driverError: { constraint: 'ck_assessment__visit_date__not_before_treatment' },
      });
      await expect(visit(', visit_date, nrs_rest', `, 'BASELINE', 'DONE', '2024-01-25', 8`)).resolves.toBeDefined();
    });

    it('refuses a second visit at the same time point of a treatment', async () => {
      await visit(', visit_date, nrs_rest', `, 'M3', 'DONE', '2024-05-01', 4`);
      await expect(visit(', visit_date, nrs_rest', `, 'M3', 'DONE', '2024-05-02', 3`)).rejects.toMatchObject({
        driverError: { constraint: 'uq_assessment__time_point' },
      });
    });

    it('refuses an invalid level, a Genant grade of 4, a zero cement volume and a duplicate registry number', async () => {
      await expect(
        sql(`INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade) VALUES ($1, 'X9', '2024-01-01', 'OSTEOPOROTIC', 2)`, [ids.patient]),
      ).rejects.toThrow(/enum/);
      await expect(
        sql(`INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade) VALUES ($1, 'L2', '2024-01-01', 'OSTEOPOROTIC', 4)`, [ids.patient]),
      ).rejects.toMatchObject({
        driverError: { constraint: 'ck_fracture__genant_grade__range' },
      });
      const [vp] = await sql(
        `INSERT INTO treatment (patient_id, kind, start_date, anaesthesia, approach) VALUES ($1, 'VERTEBROPLASTY', '2024-03-01', 'LOCAL', 'BIPEDICULAR') RETURNING id`,
        [ids.patient],
      );
      await expect(
        sql(`INSERT INTO treated_level (treatment_id, fracture_id, cement_volume_ml) VALUES ($1, $2, 0)`, [vp.id, ids.fracture]),
      ).rejects.toMatchObject({
        driverError: { constraint: 'ck_treated_level__cement_volume_ml__range' },
      });
      await expect(sql(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'T-1', 'MALE', 1950)`, [ids.site])).rejects.toMatchObject({
        driverError: { constraint: 'uq_patient__registry_number' },
      });
    });

    it('refuses a procedure without anaesthesia and conservative care with procedure fields', async () => {
      await expect(sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'KYPHOPLASTY', '2024-03-01')`, [ids.patient])).rejects.toMatchObject({
        driverError: { constraint: 'ck_treatment__anaesthesia__required_for_procedure' },
      });
      await expect(
        sql(`INSERT INTO treatment (patient_id, kind, start_date, anaesthesia) VALUES ($1, 'CONSERVATIVE', '2024-03-01', 'LOCAL')`, [ids.patient]),
      ).rejects.toMatchObject({
        driverError: { constraint: 'ck_treatment__kind__no_procedure_fields_for_conservative' },
      });
    });

    it('refuses a treated level whose fracture belongs to another patient', async () => {
      const [other] = await sql(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, 'T-2', 'MALE', 1950) RETURNING id`, [ids.site]);
      const [t] = await sql(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2024-03-01') RETURNING id`, [other.id]);
      await expect(sql(`INSERT INTO treated_level (treatment_id, fracture_id) VALUES ($1, $2)`, [t.id, ids.fracture])).rejects.toMatchObject({
        driverError: { constraint: 'ck_treated_level__fracture_id__same_patient' },
      });
    });

    it('has an index for each path the API reads by', async () => {
      const rows = await sql(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
      const names = rows.map((r) => r.indexname);
      for (const ix of [
        'ix_patient__site_id',
        'ix_fracture__patient_id',
        'ix_treatment__patient_id',
        'ix_assessment__patient_id',
        'ix_complication__patient_id',
        'ix_audit_event__entity',
        'ix_treated_level__fracture_id',
      ]) {
        expect(names).toContain(ix);
      }
    });
  });
}
