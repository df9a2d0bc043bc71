import { COORD_NORTH, describeEachDatabase, http, rowCounts } from '@vfr/api-testing';
import { DeathEntity } from '@vfr/api-registry';
import { DEATH_FIELDS } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind } from './import-kinds';

// The death's plain values are defined once (libs/domain/src/fields/death.fields.ts); the column,
// its enum type and the GraphQL fields are held to the definitions here, and the CSV import reads
// its columns from them as it read them before. When a death may be dated against the patient's
// other records stays a rule of its own (death.rules.ts), reported under died_on as before.

describeEachDatabase('death fields, defined once', (t) => {
  let token: string;

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
    for (const registryNumber of ['NORTH-DXF-1', 'NORTH-DXF-2', 'NORTH-DXF-3', 'NORTH-DXF-4']) {
      const patientId = (
        await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
          siteId,
          registryNumber,
          sex: 'FEMALE',
          birthYear: 1940,
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
            kind: 'CONSERVATIVE',
            startDate: '2024-01-20',
            levels: [{ fractureId }],
          })
        ).errors,
      ).toBeUndefined();
    }
  });

  it('has, for every definition, its entity column, its database enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'death',
      entity: DeathEntity,
      defs: DEATH_FIELDS,
      model: 'Death',
      createInput: 'RecordDeathInput',
      updateInput: 'UpdateDeathInput',
      kind: ImportKind.DEATHS,
    });
    expect(problems).toEqual([]);
  });

  it('reports each bad cell under its own column, a death before the treatment under died_on, and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const csv = [
      'registry_number,died_on,cause,source',
      // One row per patient: a second row of one patient would be a second death.
      'NORTH-DXF-1,2024-02-30,CANCER,FAMILY',
      'NORTH-DXF-2,2024-03-01,HEART,FAMILY',
      'NORTH-DXF-3,2024-03-01,CANCER,NEIGHBOUR',
      'NORTH-DXF-4,2024-01-19,CANCER,FAMILY',
    ].join('\n');
    const r = await http(t(), '/api/import/deaths?commit=true', token, csv);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule])).toEqual([
      [2, 'died_on', 'date'],
      [3, 'cause', 'enum'],
      [4, 'source', 'enum'],
      [5, 'died_on', 'notBeforeTreatment'],
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('imports a file in the old column order as before (capitals, notes), describes its columns and exports every column back', async () => {
    const csv = ['registry_number,died_on,cause,source,notes', 'NORTH-DXF-1,2024-06-03,cardiovascular,death_registry,Informed by the registry office'].join(
      '\n',
    );
    expect((await http(t(), '/api/import/deaths?commit=true', token, csv)).json).toMatchObject({ committed: true, created: 1, issues: [] });
    const format = await http(t(), '/api/import/deaths/format.md', token);
    expect(format.text).toMatch(/\| died_on \| yes \| Date of death \(YYYY-MM-DD\); not before the first treatment nor before a completed visit/);
    expect(format.text).toMatch(
      /\| source \| yes \| Where the registry learnt of the death \(HOSPITAL_RECORD, DEATH_REGISTRY, GENERAL_PRACTITIONER, FAMILY, OTHER\)/,
    );
    const records = await http(t(), '/api/export/records/deaths.csv', token);
    const [header, ...lines] = records.text.trim().split('\n');
    expect(header).toBe('registry_number,died_on,cause,source,notes');
    expect(lines).toEqual(['NORTH-DXF-1,2024-06-03,CARDIOVASCULAR,DEATH_REGISTRY,Informed by the registry office']);
  });
});
