import { COORD_NORTH, describeEachDatabase, http, rowCounts } from '@vfr/api-testing';
import { ComplicationEntity } from '@vfr/api-registry';
import { COMPLICATION_FIELDS } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind } from './import-kinds';

// The complication's plain values are defined once (libs/domain/src/fields/complication.fields.ts);
// the column, its CHECK or enum type and the GraphQL fields are held to the definitions here, and
// the CSV import reads its columns from them as it read them before.

describeEachDatabase('complication fields, defined once', (t) => {
  let token: string;
  let patientId: string;

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
    patientId = (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        siteId,
        registryNumber: 'NORTH-CXF-1',
        sex: 'MALE',
        birthYear: 1945,
      })
    ).data!.createPatient.id;
    const fractureId = (
      await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
        patientId,
        level: 'L1',
        onsetDate: '2024-01-10',
        cause: 'OSTEOPOROTIC',
        genantGrade: 2,
      })
    ).data!.createFracture.id;
    expect(
      (
        await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
          patientId,
          kind: 'VERTEBROPLASTY',
          startDate: '2024-01-20',
          levels: [{ fractureId, cementVolumeMl: 4 }],
          anaesthesia: 'LOCAL',
          approach: 'BIPEDICULAR',
        })
      ).errors,
    ).toBeUndefined();
  });

  it('has, for every definition, its entity column, its database CHECK or enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'complication',
      entity: ComplicationEntity,
      defs: COMPLICATION_FIELDS,
      model: 'Complication',
      createInput: 'CreateComplicationInput',
      updateInput: 'UpdateComplicationInput',
      kind: ImportKind.COMPLICATIONS,
    });
    expect(problems).toEqual([]);
  });

  it('imports a file in the old column order as before: defaults, capitals, notes', async () => {
    const csv = [
      'registry_number,occurred_on,kind,symptomatic,leakage_type,clavien_dindo,resolved,notes',
      'NORTH-CXF-1,2024-01-20,cement_leakage,no,s,I,,Seen on the control radiograph',
    ].join('\n');
    expect((await http(t(), '/api/import/complications?commit=true', token, csv)).json).toMatchObject({ committed: true, created: 1, issues: [] });
    const [row] = await t().db.dataSource.query(
      `SELECT kind::text, symptomatic, leakage_type::text, clavien_dindo::text, resolved, notes, level FROM complication WHERE patient_id = $1`,
      [patientId],
    );
    expect(row).toEqual({
      kind: 'CEMENT_LEAKAGE',
      symptomatic: false,
      leakage_type: 'S',
      clavien_dindo: 'I',
      resolved: false,
      notes: 'Seen on the control radiograph',
      level: null,
    });
  });

  it('reports each bad cell under its own column, a death as no complication, and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const csv = [
      'registry_number,occurred_on,kind,symptomatic,leakage_type,clavien_dindo,resolved',
      'NORTH-CXF-1,2024-02-30,HAEMATOMA,,,I,true',
      'NORTH-CXF-1,2024-03-01,DEATH,,,V,false',
      'NORTH-CXF-1,2024-03-02,INFECTION,,,VI,maybe',
    ].join('\n');
    const r = await http(t(), '/api/import/complications?commit=true', token, csv);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule])).toEqual([
      [2, 'occurred_on', 'date'],
      [3, 'kind', 'deathIsNotAComplication'],
      [4, 'clavien_dindo', 'enum'],
      [4, 'resolved', 'type'],
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('describes the kind without the retired DEATH, and the records export gives every column back', async () => {
    const format = await http(t(), '/api/import/complications/format.md', token);
    expect(format.text).toMatch(
      /\| kind \| yes \| Kind of complication \(CEMENT_LEAKAGE, PULMONARY_CEMENT_EMBOLISM, .*, ANAESTHESIA_RELATED, OTHER; DEATH is no longer accepted: a death is its own record/,
    );
    const records = await http(t(), '/api/export/records/complications.csv', token);
    const [header, ...lines] = records.text.trim().split('\n');
    expect(header).toBe('registry_number,occurred_on,kind,symptomatic,leakage_type,clavien_dindo,resolved,level,detection,notes');
    expect(lines).toContain('NORTH-CXF-1,2024-01-20,CEMENT_LEAKAGE,false,S,I,false,,,Seen on the control radiograph');
  });
});
