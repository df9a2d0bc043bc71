import { COORD_NORTH, describeEachDatabase, http, rowCounts } from '@vfr/api-testing';

// Visits' questionnaire items through the CSV import and the exports.
describeEachDatabase('CSV import and export of questionnaire items', (t) => {
  let token: string;
  const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
  const stored = (rn: string) =>
    t().db.dataSource.query(
      `SELECT a.time_point, a.odi, a.odi_items, a.odi_source, a.rmdq, a.rmdq_items, a.rmdq_source, a.eq5d_index, a.eq5d_levels, a.eq5d_vas, a.eq5d_source, a.eq5d_value_set
         FROM assessment a JOIN patient p ON p.id = a.patient_id WHERE p.registry_number = $1 ORDER BY a.visit_date`,
      [rn],
    );

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    for (const n of [1, 2]) {
      const patientId = (
        await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
          siteId,
          registryNumber: `NORTH-Q${n}`,
          sex: 'FEMALE',
          birthYear: 1940,
        })
      ).data!.createPatient.id;
      const fractureId = (
        await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
          patientId,
          level: 'L1',
          onsetDate: '2024-03-01',
          cause: 'OSTEOPOROTIC',
          genantGrade: 2,
        })
      ).data!.createFracture.id;
      expect(
        (
          await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
            patientId,
            kind: 'CONSERVATIVE',
            startDate: '2024-03-20',
            levels: [{ fractureId }],
          })
        ).errors,
      ).toBeUndefined();
    }
  });

  it('still imports a file without the item columns: its totals are marked as entered without items', async () => {
    const csv = 'registry_number,time_point,visit_date,status,nrs_rest,odi,rmdq,eq5d_index\nNORTH-Q1,BASELINE,2024-03-19,DONE,7,36,12,0.41\n';
    const r = await http(t(), '/api/import/assessments?commit=true', token, csv);
    expect(r.json).toMatchObject({ created: 1, committed: true, issues: [] });
    expect(await stored('NORTH-Q1')).toEqual([
      {
        time_point: 'BASELINE',
        odi: 36,
        odi_items: null,
        odi_source: 'TOTAL',
        rmdq: 12,
        rmdq_items: null,
        rmdq_source: 'TOTAL',
        eq5d_index: 0.41,
        eq5d_levels: null,
        eq5d_vas: null,
        eq5d_source: 'TOTAL',
        eq5d_value_set: 'ENGLAND',
      },
    ]);
  });

  it('refuses bad items and impossible totals row by row, naming the column and the rule, and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const csv = [
      'registry_number,time_point,visit_date,status,nrs_rest,odi,eq5d_index,odi_items,rmdq_items,eq5d_levels,eq5d_vas',
      'NORTH-Q2,BASELINE,2024-03-19,DONE,7,37.3,,,,,',
      'NORTH-Q2,M1,2024-04-19,DONE,5,,-0.9,,,,',
      'NORTH-Q2,M3,2024-06-18,DONE,4,,,1;2;3,,,',
      'NORTH-Q2,M6,2024-09-16,DONE,4,,,1;2;3;4;5;6;1;1;1;1,,,',
      'NORTH-Q2,M12,2025-03-20,DONE,4,,,,,1;2;3;4;9,',
      'NORTH-Q2,W1,2024-03-27,DONE,4,50,,1;1;1;1;1;1;1;1;1;1,,,',
      'NORTH-Q2,D1,2024-03-21,DONE,4,,,,1;0;maybe,,101',
    ].join('\n');
    const r = await http(t(), '/api/import/assessments?commit=true', token, csv);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'odi', rule: 'possibleValue', message: expect.stringContaining('35.6, 36, 37.5, 37.8') }),
        expect.objectContaining({ row: 3, column: 'eq5d_index', rule: 'valueSetRange', message: expect.stringContaining('-0.285') }),
        expect.objectContaining({ row: 4, column: 'odi_items', rule: 'minLength' }),
        expect.objectContaining({ row: 5, column: 'odi_items', rule: 'range' }),
        expect.objectContaining({ row: 6, column: 'eq5d_levels', rule: 'range' }),
        expect.objectContaining({ row: 7, column: 'odi', rule: 'computedFromItems', message: expect.stringContaining('(20)') }),
        expect.objectContaining({ row: 8, column: 'eq5d_vas', rule: 'range' }),
      ]),
    );
    expect(new Set(r.json.issues.map((i: { row: number }) => i.row))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8]));
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports items, computes the scores from them, and exports them in the import format that imports back', async () => {
    const yes7 = Array.from({ length: 24 }, (_, i) => (i < 7 ? 1 : 0)).join(';');
    const csv = [
      'registry_number,time_point,visit_date,status,nrs_rest,odi_items,rmdq_items,eq5d_levels,eq5d_vas',
      `NORTH-Q2,BASELINE,2024-03-19,DONE,7,2;1;3;2;1;2;1;2;2;,${yes7},2;3;2;4;5,55`,
    ].join('\n');
    const r = await http(t(), '/api/import/assessments?commit=true', token, csv);
    expect(r.json).toMatchObject({ created: 1, committed: true, issues: [] });
    const [row] = await stored('NORTH-Q2');
    expect(row).toEqual({
      time_point: 'BASELINE',
      odi: 35.6,
      odi_items: [2, 1, 3, 2, 1, 2, 1, 2, 2, null],
      odi_source: 'ITEMS',
      rmdq: 7,
      rmdq_items: Array.from({ length: 24 }, (_, i) => i < 7),
      rmdq_source: 'ITEMS',
      eq5d_index: 0.247,
      eq5d_levels: [2, 3, 2, 4, 5],
      eq5d_vas: 55,
      eq5d_source: 'ITEMS',
      eq5d_value_set: 'ENGLAND',
    });

    const exported = await http(t(), '/api/export/records/assessments.csv', token);
    const lines = exported.text.trim().split('\n');
    expect(lines[0]).toContain('odi_items,rmdq_items,eq5d_levels,eq5d_vas');
    const line = lines.find((l) => l.startsWith('NORTH-Q2,'))!;
    expect(line).toContain(`,2;1;3;2;1;2;1;2;2;,${yes7},2;3;2;4;5,55`);
    // The records export carries the total beside its items; importing it back finds the visit already there.
    const back = await http(t(), '/api/import/assessments', token, `${lines[0]}\n${line}\n`);
    expect(back.json).toMatchObject({ created: 0, unchanged: 1, issues: [] });
    // Into another patient, the same row (total and items together) is accepted: they agree.
    const moved = await http(
      t(),
      '/api/import/assessments',
      token,
      `${lines[0]}\n${line.replace('NORTH-Q2', 'NORTH-Q1').replace(',BASELINE,', ',M1,').replace('2024-03-19', '2024-04-19')}\n`,
    );
    expect(moved.json).toMatchObject({ created: 1, issues: [] });

    const cohort = await http(t(), '/api/export/assessments.csv?format=long', token);
    const header = cohort.text.split('\n')[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['odi_source', 'odi_items', 'rmdq_items', 'eq5d_levels', 'eq5d_vas', 'eq5d_source', 'eq5d_value_set']));
    const dictionary = await http(t(), '/api/export/dictionary.csv?format=wide', token);
    expect(dictionary.text).toMatch(/eq5d_vas_m1,integer 0-100/);
    const long = await http(t(), '/api/export/dictionary.csv?format=long', token);
    expect(long.text).toMatch(/odi_source,ITEMS \| TOTAL/);
    expect(long.text).toMatch(/eq5d_value_set,ENGLAND \| GERMANY \| US/);
  });
});
