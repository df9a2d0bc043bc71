import { COORD_NORTH, describeEachDatabase, http, RESEARCHER, rowCounts } from '@vfr/api-testing';
import { PatientEntity } from '@vfr/api-registry';
import { PATIENT_FIELDS } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind } from './import-kinds';

// The patient's fields are defined once (libs/domain/src/fields/patient.fields.ts); what cannot be
// derived at run time (the column, its CHECK, the GraphQL fields) is held to the definitions here,
// so that a missing piece fails a test rather than going unnoticed (defined-fields.check.ts).

const BASELINE = {
  preFractureMobility: 'WALKER',
  livingSituation: 'ASSISTED_LIVING',
  clinicalFrailtyScale: 6,
  charlsonComorbidityIndex: 3,
  dementia: false,
  priorVertebralFractures: 2,
  antiOsteoporoticDrug: 'DENOSUMAB',
  antiOsteoporoticStartDate: '2024-03-11',
  dxaDate: '2024-02-20',
  tScore: -3.4,
  flsReferral: true,
  vitaminDSupplementation: true,
  painUnderAnalgesia: 7,
  mobilisedUnderAnalgesia: false,
  deformityProgression: true,
  anticoagulation: false,
  modifiedFrailtyIndex: 2,
  asaClass: 3,
};
const FIELDS = `id version registryNumber ${Object.keys(BASELINE).join(' ')} antiOsteoporoticStartDay dxaDay
  ofScore { total band missing possibleMin possibleMax bandSettled components { name points basis } }`;
const CREATE = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { patient(id: $id) { ${FIELDS} } }`;

describeEachDatabase('patient fields, defined once', (t) => {
  let northId: string;
  beforeAll(async () => {
    [{ id: northId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
  });

  it('has, for every definition, its entity column, its database CHECK or enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'patient',
      entity: PatientEntity,
      defs: PATIENT_FIELDS,
      model: 'Patient',
      createInput: 'CreatePatientInput',
      updateInput: 'UpdatePatientInput',
      kind: ImportKind.PATIENTS,
    });
    expect(problems).toEqual([]);
  });

  it('the database refuses a value outside a CHECK even when written around the API', async () => {
    const [p] = await t().db.dataSource.query(`SELECT id FROM patient LIMIT 1`);
    await expect(t().db.dataSource.query(`UPDATE patient SET clinical_frailty_scale = 10 WHERE id = $1`, [p.id])).rejects.toThrow(
      /ck_patient__clinical_frailty_scale__range/,
    );
    await expect(t().db.dataSource.query(`UPDATE patient SET living_situation = 'CASTLE' WHERE id = $1`, [p.id])).rejects.toThrow(
      /invalid input value for enum living_situation/,
    );
  });

  it('creates and updates a patient with the baseline fields; researchers get days, not dates; the OF-Score reads them', async () => {
    const token = await t().login(COORD_NORTH);
    const created = await t().gql(CREATE, { input: { siteId: northId, sex: 'FEMALE', birthYear: 1941, consentStatus: 'GIVEN', ...BASELINE } }, token);
    expect(created.errors).toBeUndefined();
    const p = created.data!.createPatient;
    expect(p).toMatchObject(BASELINE);
    const [row] = await t().db.dataSource.query(
      `SELECT clinical_frailty_scale, vitamin_d_supplementation, to_char(dxa_date, 'YYYY-MM-DD') AS dxa FROM patient WHERE id = $1`,
      [p.id],
    );
    expect(row).toEqual({ clinical_frailty_scale: 6, vitamin_d_supplementation: true, dxa: '2024-02-20' });
    // No fracture yet: the morphology and neurology are missing and the band is not settled.
    expect(p.ofScore.missing).toEqual(expect.arrayContaining(['fracture.ofClass', 'fracture.neurologicalDeficit']));
    expect(p.ofScore.bandSettled).toBe(false);

    const fracture = await t().gql(
      `mutation($input: CreateFractureInput!) { createFracture(input: $input) { id } }`,
      {
        input: {
          patientId: p.id,
          level: 'L1',
          onsetDate: '2024-02-01',
          cause: 'OSTEOPOROTIC',
          genantGrade: 2,
          ofClass: 'OF3',
          posteriorWallInvolved: true,
          neurologicalDeficit: false,
        },
      },
      token,
    );
    expect(fracture.errors).toBeUndefined();
    await t().gql(
      `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`,
      {
        input: { patientId: p.id, kind: 'CONSERVATIVE', startDate: '2024-03-01', levels: [{ fractureId: fracture.data!.createFracture.id }] },
      },
      token,
    );
    const updated = await t().gql(UPDATE, { input: { id: p.id, version: p.version, painUnderAnalgesia: 4, anticoagulation: null } }, token);
    expect(updated.errors).toBeUndefined();
    // OF3 6, T-score -3.4: 1, progression 1, VAS 4: -1, no deficit 0, not mobilised 1, ASA 3 and mFI-5 2: 0 (anticoagulation unknown).
    expect(updated.data!.updatePatient.ofScore).toMatchObject({
      total: 8,
      band: 'SURGERY',
      missing: ['anticoagulation'],
      possibleMin: 7,
      possibleMax: 8,
      bandSettled: true,
    });

    const researcher = await t().gql(READ, { id: p.id }, await t().login(RESEARCHER));
    expect(researcher.errors).toBeUndefined();
    expect(researcher.data!.patient).toMatchObject({
      antiOsteoporoticStartDate: null,
      dxaDate: null,
      antiOsteoporoticStartDay: 10,
      dxaDay: -10,
      clinicalFrailtyScale: 6,
      preFractureMobility: 'WALKER',
    });
    expect(researcher.data!.patient.ofScore.total).toBe(8);
    const coordinator = await t().gql(READ, { id: p.id }, token);
    expect(coordinator.data!.patient).toMatchObject({ antiOsteoporoticStartDate: '2024-03-11', antiOsteoporoticStartDay: 10, dxaDate: '2024-02-20' });
  });

  it.each([
    ['a frailty scale of 10', { clinicalFrailtyScale: 10 }, 'clinicalFrailtyScale', 'range'],
    ['a Charlson index of 38', { charlsonComorbidityIndex: 38 }, 'charlsonComorbidityIndex', 'range'],
    ['a DXA on 30 February', { dxaDate: '2024-02-30' }, 'dxaDate', 'date'],
    ['a drug started in the future', { antiOsteoporoticStartDate: '2999-01-01' }, 'antiOsteoporoticStartDate', 'notFuture'],
    ['pain of 11', { painUnderAnalgesia: 11 }, 'painUnderAnalgesia', 'range'],
  ])('refuses %s naming the field and the rule, and writes nothing', async (_label, patch, field, rule) => {
    const token = await t().login(COORD_NORTH);
    const before = await rowCounts(t().db);
    const r = await t().gql(CREATE, { input: { siteId: northId, sex: 'MALE', birthYear: 1950, ...patch } }, token);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, rule })] });
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports an old patients file unchanged, the new columns, and refuses bad values row by row', async () => {
    const token = await t().login(COORD_NORTH);
    const old =
      'registry_number,site_code,sex,birth_year,bmi,t_score,steroid_use,active_cancer,ongoing_chemotherapy,ongoing_radiotherapy,asa_class,consent_status\n' +
      'NORTH-OLD-1,NORTH,FEMALE,1940,22.5,-2.9,false,false,false,false,2,GIVEN\n';
    const r1 = await http(t(), '/api/import/patients?commit=true', token, old);
    expect(r1.json).toMatchObject({ committed: true, created: 1, issues: [] });
    const [o] = await t().db.dataSource.query(`SELECT steroid_use, clinical_frailty_scale, dementia FROM patient WHERE registry_number = 'NORTH-OLD-1'`);
    expect(o).toEqual({ steroid_use: false, clinical_frailty_scale: null, dementia: null });

    const header =
      'registry_number,site_code,sex,birth_year,pre_fracture_mobility,clinical_frailty_scale,vitamin_d_supplementation,dxa_date,anti_osteoporotic_drug';
    const good = `${header}\nNORTH-NEW-1,NORTH,FEMALE,1938,walker,5,yes,2024-05-02,BISPHOSPHONATE_IV\n`;
    const r2 = await http(t(), '/api/import/patients?commit=true', token, good);
    expect(r2.json).toMatchObject({ committed: true, created: 1, issues: [] });
    const [n] = await t().db.dataSource.query(
      `SELECT pre_fracture_mobility, clinical_frailty_scale, vitamin_d_supplementation, to_char(dxa_date, 'YYYY-MM-DD') AS dxa, anti_osteoporotic_drug FROM patient WHERE registry_number = 'NORTH-NEW-1'`,
    );
    expect(n).toEqual({
      pre_fracture_mobility: 'WALKER',
      clinical_frailty_scale: 5,
      vitamin_d_supplementation: true,
      dxa: '2024-05-02',
      anti_osteoporotic_drug: 'BISPHOSPHONATE_IV',
    });

    const before = await rowCounts(t().db);
    const bad = `${header}\nNORTH-NEW-2,NORTH,FEMALE,1938,CRAWLING,5,,,\nNORTH-NEW-3,NORTH,FEMALE,1938,,0,,,\nNORTH-NEW-4,NORTH,FEMALE,1938,,,perhaps,2024-13-01,\n`;
    const r3 = await http(t(), '/api/import/patients?commit=true', token, bad);
    expect(r3.json.committed).toBe(false);
    expect(r3.json.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'pre_fracture_mobility', rule: 'enum' }),
      expect.objectContaining({ row: 3, column: 'clinical_frailty_scale', rule: 'range' }),
      expect.objectContaining({ row: 4, column: 'dxa_date', rule: 'date' }),
      expect.objectContaining({ row: 4, column: 'vitamin_d_supplementation', rule: 'type' }),
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('round-trips through the records export, and the cohort export and its dictionary carry the baseline with dates as days', async () => {
    const token = await t().login(COORD_NORTH);
    const records = await http(t(), '/api/export/records/patients.csv', token);
    const lines = records.text.trim().split('\n');
    const header = lines[0].split(',');
    const row = lines.find((l) => l.startsWith('NORTH-NEW-1,'))!.split(',');
    expect(row[header.indexOf('pre_fracture_mobility')]).toBe('WALKER');
    expect(row[header.indexOf('dxa_date')]).toBe('2024-05-02');

    const researcher = await t().login(RESEARCHER);
    const wide = await http(t(), '/api/export/assessments.csv?format=wide', researcher);
    const cohortHeader = wide.text.split('\n')[0].split(',');
    expect(cohortHeader).toEqual(
      expect.arrayContaining(['clinical_frailty_scale', 'pre_fracture_mobility', 'dxa_day', 'anti_osteoporotic_start_day', 'pain_under_analgesia']),
    );
    expect(cohortHeader).not.toContain('dxa_date');
    expect(wide.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The seeded patients' values reach the file as stored.
    const [seeded] = await t().db.dataSource
      .query(`SELECT p.registry_number, p.clinical_frailty_scale, p.dxa_date - a.index_date AS dxa_day FROM patient p JOIN analysis_patient a ON a.patient_id = p.id
      WHERE p.consent_status = 'GIVEN' AND p.dxa_date IS NOT NULL AND p.clinical_frailty_scale IS NOT NULL ORDER BY p.registry_number LIMIT 1`);
    const line = wide.text
      .split('\n')
      .find((l) => l.startsWith(`${seeded.registry_number},`))!
      .split(',');
    expect([line[cohortHeader.indexOf('clinical_frailty_scale')], line[cohortHeader.indexOf('dxa_day')]]).toEqual([
      String(seeded.clinical_frailty_scale),
      String(seeded.dxa_day),
    ]);

    const dictionary = await http(t(), '/api/export/dictionary.csv?format=wide', researcher);
    expect(dictionary.text).toContain('clinical_frailty_scale,integer 1 to 9,');
    expect(dictionary.text).toContain('\ndxa_day,integer,"Date of the DXA scan the T-score comes from, in days from the index treatment"');
  });
});
