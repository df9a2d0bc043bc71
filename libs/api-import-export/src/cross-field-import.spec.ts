import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

// The cross-field rules (libs/domain's cross-field.rules.ts) in the CSV import: a row breaking one
// is reported under each column the rule relates, with the rule's name and the file's column
// names in its sentence, and nothing is written.
describeEachDatabase('cross-field rules in the CSV import', (t) => {
  let token: string;
  const post = async (kind: string, csv: string, commit: boolean) => {
    const res = await fetch(`${t().url}/api/import/${kind}${commit ? '?commit=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    return {
      status: res.status,
      json: (await res.json()) as { committed?: boolean; issues: { row: number; column: string; rule: string; message: string }[] },
    };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
    const patientId = (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        siteId,
        registryNumber: 'NORTH-XF1',
        sex: 'FEMALE',
        birthYear: 1939,
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

  it('reports fractures whose findings contradict each other by row, column and rule, on dry run and commit, writing nothing', async () => {
    const csv = [
      'registry_number,level,onset_date,cause,genant_grade,height_loss_percent,of_class,posterior_wall_involved',
      'NORTH-XF1,T11,2024-03-01,OSTEOPOROTIC,1,85,,false', // Genant 1 with 85%
      'NORTH-XF1,T12,2024-03-01,TRAUMATIC,2,30,OF3,false', // OF3 without the posterior wall
      'NORTH-XF1,L1,2024-03-01,OSTEOPOROTIC,2,30,OF3,true', // consistent
    ].join('\n');
    const before = await rowCounts(t().db);
    for (const commit of [false, true]) {
      const r = await post('fractures', csv, commit);
      if (commit) expect(r.json.committed).toBe(false);
      expect(r.json.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
        [2, 'genant_grade', 'genantHeightLoss'],
        [2, 'height_loss_percent', 'genantHeightLoss'],
        [3, 'of_class', 'ofClassPosteriorWall'],
        [3, 'posterior_wall_involved', 'ofClassPosteriorWall'],
      ]);
      expect(r.json.issues[0].message).toBe(
        'genant_grade 1 and height_loss_percent 85 contradict each other (rule genantHeightLoss): Genant grade 1 is a height loss of 20% to 25%, and 85% is grade 3',
      );
    }
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('reports a visit with analgesics NONE and opioid use under both columns, writing nothing', async () => {
    const csv = [
      'registry_number,time_point,visit_date,nrs_rest,analgesic_level,opioid_use',
      'NORTH-XF1,M1,2024-04-19,4,NONE,true',
      'NORTH-XF1,M3,2024-06-19,3,WEAK_OPIOID,true',
    ].join('\n');
    const before = await rowCounts(t().db);
    const r = await post('assessments', csv, true);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, 'analgesic_level', 'analgesicOpioidUse'],
      [2, 'opioid_use', 'analgesicOpioidUse'],
    ]);
    expect(r.json.issues[1].message).toContain('analgesic_level NONE and opioid_use true contradict each other');
    expect(await rowCounts(t().db)).toEqual(before);
  });
});
