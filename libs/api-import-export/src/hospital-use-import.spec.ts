import { COORD_NORTH, describeEachDatabase, http, rowCounts } from '@vfr/api-testing';

// Hospital use, radiation, cement fill and radiographic follow-up through the CSV import and the
// exports: files without the new columns import as before, the new columns are stored, refusals
// name the row, column and rule and write nothing, and the records export gives them back.
describeEachDatabase('CSV import and export of hospital use and radiographic follow-up', (t) => {
  let token: string;
  const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
  const treatments = (rn: string) =>
    t().db.dataSource.query(
      `SELECT t.kind::text, t.discharge_destination::text AS dest, t.readmitted_within_30_days AS r30, t.readmitted_within_90_days AS r90,
            t.fluoroscopy_time_seconds AS fluoro, t.dose_area_product_gy_cm2 AS dap,
            (SELECT array_agg(l.cement_fill_percent ORDER BY f.level) FROM treated_level l JOIN fracture f ON f.id = l.fracture_id WHERE l.treatment_id = t.id) AS fills
       FROM treatment t JOIN patient p ON p.id = t.patient_id WHERE p.registry_number = $1 ORDER BY t.start_date`,
      [rn],
    );

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    for (const n of [1, 2, 3]) {
      const patientId = (
        await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
          siteId,
          registryNumber: `NORTH-H${n}`,
          sex: 'FEMALE',
          birthYear: 1938,
          consentStatus: 'GIVEN',
        })
      ).data!.createPatient.id;
      for (const level of ['L1', 'L2']) {
        expect(
          (
            await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
              patientId,
              level,
              onsetDate: '2024-03-01',
              cause: 'OSTEOPOROTIC',
              genantGrade: 2,
            })
          ).errors,
        ).toBeUndefined();
      }
    }
  });

  it('imports an old treatments file unchanged (new fields empty) and a new one with every new column', async () => {
    const old =
      'registry_number,kind,start_date,levels,cement_volumes_ml,cement_type,anaesthesia,approach,same_day_discharge,length_of_stay_days\n' +
      'NORTH-H1,VERTEBROPLASTY,2024-03-20,L1,4.5,PMMA,LOCAL,BIPEDICULAR,false,3\n';
    expect((await http(t(), '/api/import/treatments?commit=true', token, old)).json).toMatchObject({ created: 1, committed: true, issues: [] });
    expect(await treatments('NORTH-H1')).toEqual([{ kind: 'VERTEBROPLASTY', dest: null, r30: null, r90: null, fluoro: null, dap: null, fills: [null] }]);

    const csv =
      'registry_number,kind,start_date,levels,cement_volumes_ml,cement_type,anaesthesia,approach,balloon_used,discharge_destination,readmitted_within_30_days,readmitted_within_90_days,fluoroscopy_time_seconds,dose_area_product_gy_cm2,cement_fill_percent,kyphotic_angle_after\n' +
      'NORTH-H2,KYPHOPLASTY,2024-03-20,L1;L2,4.5;3.8,PMMA,GENERAL,BIPEDICULAR,true,NURSING_HOME,false,true,655,23.5,30;25,9.5\n' +
      'NORTH-H3,CONSERVATIVE,2024-03-18,L1,,,,,,HOME,false,false,,,,\n';
    expect((await http(t(), '/api/import/treatments?commit=true', token, csv)).json).toMatchObject({ created: 2, committed: true, issues: [] });
    expect(await treatments('NORTH-H2')).toEqual([
      { kind: 'KYPHOPLASTY', dest: 'NURSING_HOME', r30: false, r90: true, fluoro: 655, dap: 23.5, fills: [30, 25] },
    ]);
    expect(await treatments('NORTH-H3')).toEqual([{ kind: 'CONSERVATIVE', dest: 'HOME', r30: false, r90: false, fluoro: null, dap: null, fills: [null] }]);
  });

  it('refuses bad new columns row by row, naming the column and the rule, and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const csv = [
      'registry_number,kind,start_date,levels,cement_volumes_ml,anaesthesia,approach,discharge_destination,readmitted_within_30_days,readmitted_within_90_days,fluoroscopy_time_seconds,dose_area_product_gy_cm2,cement_fill_percent',
      'NORTH-H1,VERTEBROPLASTY,2024-05-01,L2,3,LOCAL,UNIPEDICULAR,HOSPICE,,,,,',
      'NORTH-H1,VERTEBROPLASTY,2024-05-02,L2,3,LOCAL,UNIPEDICULAR,,true,false,,,',
      'NORTH-H1,VERTEBROPLASTY,2024-05-03,L2,3,LOCAL,UNIPEDICULAR,,,,9000,1500,120',
      'NORTH-H1,CONSERVATIVE,2024-05-04,L2,,,,,,,60,,',
    ].join('\n');
    const r = await http(t(), '/api/import/treatments?commit=true', token, csv);
    expect(r.json.committed).toBe(false);
    const got = (r.json.issues as { row: number; column: string; rule: string }[]).map((i) => `${i.row}:${i.column}:${i.rule}`).sort();
    expect(got).toEqual([
      '2:discharge_destination:enum',
      '3:readmitted_within_30_days:readmissionWindows',
      '3:readmitted_within_90_days:readmissionWindows',
      '4:cement_fill_percent:range',
      '4:dose_area_product_gy_cm2:range',
      '4:fluoroscopy_time_seconds:range',
      '5:fluoroscopy_time_seconds:consistency',
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports visits with and without the radiographic columns, refuses a height out of range, and exports them back', async () => {
    const old = 'registry_number,time_point,visit_date,status,nrs_rest\nNORTH-H2,M1,2024-04-19,DONE,4\n';
    expect((await http(t(), '/api/import/assessments?commit=true', token, old)).json).toMatchObject({ created: 1, committed: true, issues: [] });
    const header =
      'registry_number,time_point,visit_date,status,nrs_rest,anterior_height_percent,middle_height_percent,posterior_height_percent,kyphotic_angle\n';
    const bad = await http(t(), '/api/import/assessments?commit=true', token, `${header}NORTH-H2,M3,2024-06-18,DONE,3,130,80,95,12\n`);
    expect(bad.json.issues).toEqual([expect.objectContaining({ row: 2, column: 'anterior_height_percent', rule: 'range' })]);
    expect((await http(t(), '/api/import/assessments?commit=true', token, `${header}NORTH-H2,M3,2024-06-18,DONE,3,82.5,80,95,12\n`)).json).toMatchObject({
      created: 1,
      committed: true,
    });
    const [row] = await t().db.dataSource.query(
      `SELECT anterior_height_percent AS a, middle_height_percent AS m, posterior_height_percent AS p, kyphotic_angle AS k FROM assessment WHERE time_point = 'M3' AND patient_id = (SELECT id FROM patient WHERE registry_number = 'NORTH-H2')`,
    );
    expect(row).toEqual({ a: 82.5, m: 80, p: 95, k: 12 });

    const visits = (await http(t(), '/api/export/records/assessments.csv', token)).text.split('\n');
    expect(visits[0]).toContain(',anterior_height_percent,middle_height_percent,posterior_height_percent,kyphotic_angle');
    expect(visits.find((l) => l.startsWith('NORTH-H2,M3'))).toMatch(/,82\.5,80,95,12,$/); // then missed_reason, empty
    const treated = (await http(t(), '/api/export/records/treatments.csv', token)).text.split('\n');
    expect(treated[0]).toContain(
      ',discharge_destination,readmitted_within_30_days,readmitted_within_90_days,fluoroscopy_time_seconds,dose_area_product_gy_cm2,cement_fill_percent',
    );
    expect(treated.find((l) => l.startsWith('NORTH-H2,'))).toMatch(/,NURSING_HOME,false,true,655,23\.5,30;25$/);

    // The cohort export (de-identified) carries the index treatment's discharge, readmissions and
    // angle after the procedure, and each visit's radiographs; its dictionary describes them.
    const cohort = (await http(t(), '/api/export/assessments.csv?format=long', token)).text.trim().split('\n');
    const columns = cohort[0].split(',');
    const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    const m3 = cohort.filter((l) => cell(l, 'anterior_height_percent') === '82.5' && cell(l, 'posterior_height_percent') === '95');
    expect(m3).toHaveLength(1);
    expect(
      [
        'index_discharge_destination',
        'index_readmitted_30_days',
        'index_readmitted_90_days',
        'index_kyphotic_angle_after',
        'middle_height_percent',
        'kyphotic_angle',
      ].map((c) => cell(m3[0], c)),
    ).toEqual(['NURSING_HOME', 'false', 'true', '9.5', '80', '12']);
    const dictionary = (await http(t(), '/api/export/dictionary.csv?format=long', token)).text;
    expect(dictionary).toMatch(/\nindex_kyphotic_angle_after,.*loss of correction/);
    expect(dictionary).toMatch(/\nanterior_height_percent,.*adjacent normal vertebra/);
  });
});
