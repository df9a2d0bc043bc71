import { COORD_NORTH, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';

const PATIENT = `query($id: ID!) { patient(id: $id) {
  registryNumber birthYear ageAtIndexTreatment createdAt updatedAt identifiers { mrn familyName dateOfBirth }
  fractures { onsetDate onsetDay } treatments { startDate startDay }
  assessments { visitDate visitDay timePoint } complications { occurredOn occurredDay } latestAssessment { visitDate visitDay }
} }`;

describeEachDatabase('de-identification on the server', (t) => {
  let oldest: { id: string; birth_year: number; index_date: string };

  beforeAll(async () => {
    // Make one patient 95 at treatment, with a complication, to exercise the 90+ rule.
    [oldest] = await t().db.dataSource.query(`
      SELECT p.id, p.birth_year, (SELECT min(start_date) FROM treatment t WHERE t.patient_id = p.id) AS index_date
      FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH' ORDER BY registry_number LIMIT 1`);
    const birthYear = Number(oldest.index_date.slice(0, 4)) - 95;
    await t().db.dataSource.query(`UPDATE patient SET birth_year = $2 WHERE id = $1`, [oldest.id, birthYear]);
    await t().db.dataSource.query(`UPDATE patient_identifier SET date_of_birth = $2 WHERE patient_id = $1`, [oldest.id, `${birthYear}-06-01`]);
    await t().db.dataSource.query(
      `INSERT INTO complication (patient_id, occurred_on, kind, clavien_dindo) VALUES ($1, ($2::date + 10), 'HAEMATOMA', 'I')`,
      [oldest.id, oldest.index_date],
    );
    oldest.birth_year = birthYear;
  });

  it('gives a researcher days relative to the index treatment and no identifier, exact date or 90+ birth year', async () => {
    const r = await t().gql(PATIENT, { id: oldest.id }, await t().login(RESEARCHER));
    expect(r.errors).toBeUndefined();
    const p = r.data!.patient;
    expect(p).toMatchObject({ birthYear: null, ageAtIndexTreatment: '90+', identifiers: null, createdAt: null, updatedAt: null });
    expect(p.treatments[0]).toEqual({ startDate: null, startDay: 0 });
    expect(p.complications).toContainEqual({ occurredOn: null, occurredDay: 10 });
    for (const f of p.fractures) expect(f.onsetDate).toBeNull();
    expect(p.fractures[0].onsetDay).toBeLessThanOrEqual(0);
    for (const a of p.assessments) {
      expect(a.visitDate).toBeNull();
      if (a.timePoint === 'M1') expect(a.visitDay).toBeGreaterThanOrEqual(16);
    }
    // Nothing in the whole answer looks like a calendar date.
    expect(JSON.stringify(r.data)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('gives the coordinator of the site the exact dates and the identifiers', async () => {
    const r = await t().gql(PATIENT, { id: oldest.id }, await t().login(COORD_NORTH));
    const p = r.data!.patient;
    expect(p.birthYear).toBe(oldest.birth_year);
    expect(p.ageAtIndexTreatment).toBe('90+');
    expect(p.identifiers.dateOfBirth).toBe(`${oldest.birth_year}-06-01`);
    expect(p.treatments[0]).toEqual({ startDate: oldest.index_date, startDay: 0 });
    expect(p.complications).toContainEqual({ occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), occurredDay: 10 });
  });

  it('keeps exact dates out of the patient list for researchers too', async () => {
    const r = await t().gql(`{ patients(first: 50) { edges { node { birthYear ageAtIndexTreatment treatments { startDate startDay } latestAssessment { visitDate visitDay } } } } }`, {}, await t().login(RESEARCHER));
    expect(JSON.stringify(r.data)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const { node } of r.data!.patients.edges) {
      if (node.ageAtIndexTreatment === '90+') expect(node.birthYear).toBeNull();
      else expect(node.birthYear).toEqual(expect.any(Number));
    }
  });
});
