import { COORD_NORTH, describeEachDatabase, http, rowCounts } from '@vfr/api-testing';

describeEachDatabase('CSV import and export of deaths', (t) => {
  let token: string;
  const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    // Three treated patients (2024-03-20), each with a completed M1 visit on 2024-04-19.
    for (const n of [1, 2, 3]) {
      const patientId = (
        await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
          siteId,
          registryNumber: `NORTH-D${n}`,
          sex: 'MALE',
          birthYear: 1938,
        })
      ).data!.createPatient.id;
      const fractureId = (
        await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
          patientId,
          level: 'T12',
          onsetDate: '2024-03-01',
          cause: 'OSTEOPOROTIC',
          genantGrade: 2,
        })
      ).data!.createFracture.id;
      const treatmentId = (
        await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
          patientId,
          kind: 'CONSERVATIVE',
          startDate: '2024-03-20',
          levels: [{ fractureId }],
        })
      ).data!.createTreatment.id;
      expect(
        (
          await gql(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`, {
            patientId,
            treatmentId,
            timePoint: 'M1',
            visitDate: '2024-04-19',
            nrsRest: 4,
          })
        ).errors,
      ).toBeUndefined();
    }
  });

  it('offers a deaths template whose columns are the death fields', async () => {
    const r = await http(t(), '/api/import/deaths/template.csv', token);
    expect(r.text.split('\n')[0]).toBe('registry_number,died_on,cause,source,notes');
    const doc = await http(t(), '/api/import/deaths/format.md', token);
    expect(doc.text).toMatch(/\| cause \| yes \| Cause of death \(PROCEDURE_RELATED, CARDIOVASCULAR/);
  });

  it('refuses a death before a completed visit or the treatment, two deaths of one patient (rows of the file count too), and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const csv = [
      'registry_number,died_on,cause,source',
      'NORTH-D1,2024-04-10,UNKNOWN,FAMILY',
      'NORTH-D2,2024-03-01,UNKNOWN,FAMILY',
      'NORTH-D3,2024-05-01,CANCER,DEATH_REGISTRY',
      'NORTH-D3,2024-05-02,CANCER,DEATH_REGISTRY',
      'NORTH-D1,2024-05-01,HEART,FAMILY',
    ].join('\n');
    const r = await http(t(), '/api/import/deaths?commit=true', token, csv);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'died_on', rule: 'notBeforeVisit', message: expect.stringMatching(/M1 visit on 2024-04-19/) }),
      expect.objectContaining({ row: 3, column: 'died_on', rule: 'notBeforeTreatment' }),
      expect.objectContaining({ row: 5, column: 'registry_number', rule: 'oneDeath' }),
      expect.objectContaining({ row: 6, column: 'registry_number', rule: 'oneDeath', message: expect.stringMatching(/another death row in this file/) }),
      // The same row's cause is wrong too: every problem of a row is reported.
      expect.objectContaining({ row: 6, column: 'cause', label: 'Cause', rule: 'enum' }),
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports deaths, again adds nothing, exports them in the import format, and then refuses a later completed visit', async () => {
    const csv =
      'registry_number,died_on,cause,source,notes\nNORTH-D1,2024-05-01,CARDIOVASCULAR,HOSPITAL_RECORD,on the ward\nNORTH-D2,2024-06-01,UNKNOWN,OTHER,\n';
    const first = await http(t(), '/api/import/deaths?commit=true', token, csv);
    expect(first.json).toMatchObject({ created: 2, committed: true, issues: [] });
    const again = await http(t(), '/api/import/deaths?commit=true', token, csv);
    expect(again.json).toMatchObject({ created: 0, unchanged: 2 });
    const other = await http(t(), '/api/import/deaths', token, 'registry_number,died_on,cause,source\nNORTH-D1,2024-05-09,UNKNOWN,OTHER\n');
    expect(other.json.issues).toEqual([expect.objectContaining({ column: 'registry_number', rule: 'oneDeath', message: expect.stringMatching(/2024-05-01/) })]);

    const exported = await http(t(), '/api/export/records/deaths.csv', token);
    expect(exported.status).toBe(200);
    const lines = exported.text.trim().split('\n');
    expect(lines[0]).toBe('registry_number,died_on,cause,source,notes');
    expect(lines).toContain('NORTH-D1,2024-05-01,CARDIOVASCULAR,HOSPITAL_RECORD,on the ward');
    const [analysis] = await t().db.dataSource.query(`SELECT death_on::text FROM analysis_patient WHERE registry_number = 'NORTH-D1'`);
    expect(analysis.death_on).toBe('2024-05-01');

    const visits = 'registry_number,time_point,visit_date,status,nrs_rest\nNORTH-D1,M3,2024-06-20,DONE,3\nNORTH-D1,M6,,MISSED,\n';
    const v = await http(t(), '/api/import/assessments', token, visits);
    expect(v.json.issues).toEqual([expect.objectContaining({ row: 2, column: 'visit_date', rule: 'notAfterDeath' })]);
  });

  it('still imports a complications file in the old format, and refuses DEATH rows there saying to import deaths', async () => {
    const csv = 'registry_number,occurred_on,kind,clavien_dindo\nNORTH-D3,2024-04-01,HAEMATOMA,I\nNORTH-D3,2024-05-01,DEATH,V\n';
    const r = await http(t(), '/api/import/complications', token, csv);
    expect(r.json.created).toBe(1);
    expect(r.json.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'kind', rule: 'deathIsNotAComplication', message: expect.stringMatching(/deaths import/) }),
    ]);
  });
});
