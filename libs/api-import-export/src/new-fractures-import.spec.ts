import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

// A new fracture's level and detection, and imaging at a visit, in the CSV import and the records
// export: files written before these columns import as before; the new columns are stored; a kind
// its level contradicts is reported under both columns and nothing is written; the export gives
// the columns back.
describeEachDatabase('new fractures and imaging in the CSV import', (t) => {
  let token: string;
  let patientId: string;
  const post = async (kind: string, csv: string) => {
    const res = await fetch(`${t().url}/api/import/${kind}?commit=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    return (await res.json()) as { committed?: boolean; created: number; issues: { row: number; column: string; rule: string; message: string }[] };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
    patientId = (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        siteId,
        registryNumber: 'NORTH-NF1',
        sex: 'FEMALE',
        birthYear: 1938,
      })
    ).data!.createPatient.id;
    const fractureId = (
      await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
        patientId,
        level: 'L2',
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
  });

  it('imports an old complications file without the columns, and stores level and detection from a new one', async () => {
    const old = await post('complications', ['registry_number,occurred_on,kind,resolved', 'NORTH-NF1,2024-05-01,REMOTE_FRACTURE,false'].join('\n'));
    expect(old).toMatchObject({ committed: true, created: 1, issues: [] });
    const fresh = await post(
      'complications',
      [
        'registry_number,occurred_on,kind,level,detection',
        'NORTH-NF1,2024-06-01,ADJACENT_LEVEL_FRACTURE,L3,SCHEDULED_IMAGING',
        'NORTH-NF1,2024-07-01,REMOTE_FRACTURE,t8,clinical',
      ].join('\n'),
    );
    expect(fresh).toMatchObject({ committed: true, created: 2, issues: [] });
    const rows = await t().db.dataSource.query(
      `SELECT occurred_on::text AS day, level::text, detection::text FROM complication WHERE patient_id = $1 ORDER BY occurred_on`,
      [patientId],
    );
    expect(rows).toEqual([
      { day: '2024-05-01', level: null, detection: null },
      { day: '2024-06-01', level: 'L3', detection: 'SCHEDULED_IMAGING' },
      { day: '2024-07-01', level: 'T8', detection: 'CLINICAL' },
    ]);
  });

  it('reports a kind its level contradicts, and a level on another kind, by row and column, writing nothing', async () => {
    const before = await rowCounts(t().db);
    const r = await post(
      'complications',
      [
        'registry_number,occurred_on,kind,level,detection',
        'NORTH-NF1,2024-08-01,ADJACENT_LEVEL_FRACTURE,T6,CLINICAL', // T6 is far from the treated L2
        'NORTH-NF1,2024-08-02,INFECTION,T6,', // a level on a kind that is no fracture
        'NORTH-NF1,2024-08-03,REMOTE_FRACTURE,L5,INCIDENTAL', // consistent
      ].join('\n'),
    );
    expect(r.committed).toBe(false);
    expect(r.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, 'kind', 'fractureKindLevel'],
      [2, 'level', 'fractureKindLevel'],
      [3, 'level', 'consistency'],
    ]);
    expect(r.issues[0].message).toContain('kind ADJACENT_LEVEL_FRACTURE and level T6 contradict each other (rule fractureKindLevel)');
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports visits with and without imaging_done, and the records export gives the new columns back', async () => {
    const r = await post(
      'assessments',
      ['registry_number,time_point,visit_date,nrs_rest,imaging_done', 'NORTH-NF1,M1,2024-04-19,4,true', 'NORTH-NF1,M3,2024-06-19,3,'].join('\n'),
    );
    expect(r).toMatchObject({ committed: true, created: 2, issues: [] });
    const stored = await t().db.dataSource.query(`SELECT time_point::text AS tp, imaging_done FROM assessment WHERE patient_id = $1 ORDER BY visit_date`, [
      patientId,
    ]);
    expect(stored).toEqual([
      { tp: 'M1', imaging_done: true },
      { tp: 'M3', imaging_done: null },
    ]);
    const get = async (kind: string) => (await fetch(`${t().url}/api/export/records/${kind}.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    const visits = (await get('assessments')).split(/\r?\n/);
    const header = visits[0].split(',');
    const imaging = header.indexOf('imaging_done');
    expect(imaging).toBeGreaterThan(0);
    expect(visits.find((l) => l.includes('NORTH-NF1,M1'))!.split(',')[imaging]).toBe('true');
    const complications = (await get('complications')).split(/\r?\n/);
    // The import reads columns by name; the export gives them in the template's order.
    const columns = complications[0].split(',');
    const at = (cells: string[], name: string) => cells[columns.indexOf(name)];
    const row = complications.find((l) => l.includes('2024-06-01'))!.split(',');
    expect([at(row, 'level'), at(row, 'detection')]).toEqual(['L3', 'SCHEDULED_IMAGING']);
  });
});
