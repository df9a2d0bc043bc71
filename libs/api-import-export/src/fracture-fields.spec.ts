import { COORD_NORTH, describeEachDatabase, http, RESEARCHER, rowCounts } from '@vfr/api-testing';
import { FractureEntity } from '@vfr/api-registry';
import { FRACTURE_FIELDS } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind } from './import-kinds';

// The fracture's plain values are defined once (libs/domain/src/fields/fracture.fields.ts); the
// column, its CHECK or enum type and the GraphQL fields are held to the definitions here. The
// additional injuries by kind, an enum list: stored as given, [] for none and NULL for not
// recorded, through the API, the CSV import and the records export, and given to researchers
// (the free text beside it is not).

const CREATE = `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id version additionalInjuryKinds additionalInjuries } }`;
const UPDATE = `mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { id version additionalInjuryKinds } }`;
const READ = `query($id: ID!) { fracture(id: $id) { level additionalInjuryKinds additionalInjuries onsetDate onsetDay } }`;

describeEachDatabase('fracture fields, defined once', (t) => {
  let token: string;
  let siteId: string;
  const gql = (q: string, i: Record<string, unknown>) => t().gql(q, { i }, token);
  const newPatient = async (registryNumber: string) =>
    (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        siteId,
        registryNumber,
        sex: 'FEMALE',
        birthYear: 1940,
        consentStatus: 'GIVEN',
      })
    ).data!.createPatient.id as string;
  const stored = (patientId: string) =>
    t().db.dataSource.query<{ level: string; kinds: string[] | null; additional_injuries: string | null }[]>(
      `SELECT level::text, additional_injury_kinds::text[] AS kinds, additional_injuries FROM fracture WHERE patient_id = $1 ORDER BY fracture.level`,
      [patientId],
    );

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
  });

  it('has, for every definition, its entity column, its database CHECK or enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'fracture',
      entity: FractureEntity,
      defs: FRACTURE_FIELDS,
      model: 'Fracture',
      createInput: 'CreateFractureInput',
      updateInput: 'UpdateFractureInput',
      kind: ImportKind.FRACTURES,
    });
    expect(problems).toEqual([]);
  });

  it('the database refuses an unknown kind and a NULL among the kinds even when written around the API', async () => {
    const [f] = await t().db.dataSource.query(`SELECT id FROM fracture LIMIT 1`);
    await expect(t().db.dataSource.query(`UPDATE fracture SET additional_injury_kinds = '{RIB,SPLEEN}' WHERE id = $1`, [f.id])).rejects.toThrow(
      /invalid input value for enum additional_injury/,
    );
    await expect(t().db.dataSource.query(`UPDATE fracture SET additional_injury_kinds = '{RIB,NULL}' WHERE id = $1`, [f.id])).rejects.toThrow(
      /ck_fracture__additional_injury_kinds__no_null/,
    );
  });

  it('stores the kinds, none as an empty list and not recorded as null; a researcher receives them and not the free text', async () => {
    const patientId = await newPatient('NORTH-FXK-1');
    const base = { patientId, onsetDate: '2024-02-01', cause: 'TRAUMATIC', genantGrade: 2 };
    const injured = await gql(CREATE, {
      ...base,
      level: 'L1',
      additionalInjuryKinds: ['RIB', 'UPPER_LIMB'],
      additionalInjuries: 'Fell from a ladder; radius fracture left',
    });
    expect(injured.errors).toBeUndefined();
    expect(injured.data!.createFracture).toMatchObject({
      additionalInjuryKinds: ['RIB', 'UPPER_LIMB'],
      additionalInjuries: 'Fell from a ladder; radius fracture left',
    });
    const none = await gql(CREATE, { ...base, level: 'L2', additionalInjuryKinds: [] });
    const unknown = await gql(CREATE, { ...base, level: 'L3' });
    expect([none.errors, unknown.errors]).toEqual([undefined, undefined]);
    expect(await stored(patientId)).toEqual([
      { level: 'L1', kinds: ['RIB', 'UPPER_LIMB'], additional_injuries: 'Fell from a ladder; radius fracture left' },
      { level: 'L2', kinds: [], additional_injuries: null },
      { level: 'L3', kinds: null, additional_injuries: null },
    ]);
    // An update sets, empties or clears the list; a field left out keeps it.
    const u1 = await gql(UPDATE, { id: unknown.data!.createFracture.id, version: unknown.data!.createFracture.version, additionalInjuryKinds: ['HEAD'] });
    expect(u1.data!.updateFracture.additionalInjuryKinds).toEqual(['HEAD']);
    const u2 = await gql(UPDATE, { id: unknown.data!.createFracture.id, version: u1.data!.updateFracture.version, genantGrade: 3 });
    expect(u2.data!.updateFracture.additionalInjuryKinds).toEqual(['HEAD']);
    const u3 = await gql(UPDATE, { id: unknown.data!.createFracture.id, version: u2.data!.updateFracture.version, additionalInjuryKinds: null });
    expect(u3.data!.updateFracture.additionalInjuryKinds).toBeNull();

    const researcher = await t().login(RESEARCHER);
    const read = async (id: string) => (await t().gql(READ, { id }, researcher)).data!.fracture;
    expect(await read(injured.data!.createFracture.id)).toEqual({
      level: 'L1',
      additionalInjuryKinds: ['RIB', 'UPPER_LIMB'],
      additionalInjuries: null,
      onsetDate: null,
      onsetDay: null,
    });
    expect((await read(none.data!.createFracture.id)).additionalInjuryKinds).toEqual([]);
    expect((await read(unknown.data!.createFracture.id)).additionalInjuryKinds).toBeNull();
  });

  it.each([
    ['a repeated kind', ['RIB', 'HIP', 'RIB'], 'unique', 'additionalInjuryKinds lists RIB more than once: list each at most once'],
    ['the same kind twice, HIP', ['HIP', 'HIP'], 'unique', 'additionalInjuryKinds lists HIP more than once: list each at most once'],
  ])('refuses %s naming the field and the rule, and writes nothing', async (_label, kinds, rule, message) => {
    const patientId = await newPatient(`NORTH-FXK-R${kinds.length}`);
    const before = await rowCounts(t().db);
    const r = await gql(CREATE, { patientId, level: 'T12', onsetDate: '2024-02-01', cause: 'TRAUMATIC', genantGrade: 1, additionalInjuryKinds: kinds });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'additionalInjuryKinds', rule, message }] });
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('refuses an unknown kind at the GraphQL layer, naming it', async () => {
    const patientId = await newPatient('NORTH-FXK-U');
    const r = await gql(CREATE, { patientId, level: 'T12', onsetDate: '2024-02-01', cause: 'TRAUMATIC', genantGrade: 1, additionalInjuryKinds: ['SPLEEN'] });
    expect(r.errors![0].message).toMatch(/SPLEEN/);
    expect(await stored(patientId)).toEqual([]);
  });

  it('imports an old fractures file unchanged (kinds not recorded), the kinds from a new one, and refuses bad cells row by row', async () => {
    const patientId = await newPatient('NORTH-FXK-CSV');
    const old =
      'registry_number,level,onset_date,cause,genant_grade,height_loss_percent,morphology,of_class,mri_oedema,posterior_wall_involved,neurological_deficit,additional_injuries\n' +
      'NORTH-FXK-CSV,T11,2024-03-01,OSTEOPOROTIC,1,22,WEDGE,OF2,true,false,false,\n';
    expect((await http(t(), '/api/import/fractures?commit=true', token, old)).json).toMatchObject({ committed: true, created: 1, issues: [] });

    const header = 'registry_number,level,onset_date,cause,genant_grade,additional_injury_kinds';
    const good = `${header}\nNORTH-FXK-CSV,T12,2024-03-01,TRAUMATIC,2,rib; upper_limb\nNORTH-FXK-CSV,L1,2024-03-01,TRAUMATIC,2,NONE\nNORTH-FXK-CSV,L2,2024-03-01,TRAUMATIC,2,\n`;
    expect((await http(t(), '/api/import/fractures?commit=true', token, good)).json).toMatchObject({ committed: true, created: 3, issues: [] });
    expect((await stored(patientId)).map((f) => [f.level, f.kinds])).toEqual([
      ['T11', null],
      ['T12', ['RIB', 'UPPER_LIMB']],
      ['L1', []],
      ['L2', null],
    ]);

    const before = await rowCounts(t().db);
    const bad = `${header}\nNORTH-FXK-CSV,L3,2024-03-01,TRAUMATIC,2,RIB;RIB\nNORTH-FXK-CSV,L4,2024-03-01,TRAUMATIC,2,SPLEEN\nNORTH-FXK-CSV,L5,2024-03-01,TRAUMATIC,2,NONE;PELVIS\nNORTH-FXK-CSV,T10,2024-03-01,TRAUMATIC,2,HIP;\n`;
    const r = await http(t(), '/api/import/fractures?commit=true', token, bad);
    expect(r.json.committed).toBe(false);
    const label = 'Additional injuries';
    expect(r.json.issues).toEqual([
      { row: 2, column: 'additional_injury_kinds', label, rule: 'unique', message: 'additional_injury_kinds lists RIB more than once: list each at most once' },
      {
        row: 3,
        column: 'additional_injury_kinds',
        label,
        rule: 'enum',
        message: expect.stringMatching(/^additional_injury_kinds may list only RIB, STERNUM, .*, OTHER \(got "SPLEEN"\)$/),
      },
      { row: 4, column: 'additional_injury_kinds', label, rule: 'enum', message: expect.stringMatching(/\(got "NONE"\); NONE stands alone for none$/) },
      { row: 5, column: 'additional_injury_kinds', label, rule: 'enum', message: expect.stringMatching(/\(got ""\)$/) },
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('round-trips the kinds through the records export: what is exported imports as it was', async () => {
    const records = await http(t(), '/api/export/records/fractures.csv', token);
    const [header, ...lines] = records.text.trim().split('\n');
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['additional_injury_kinds', 'additional_injuries']));
    const cell = (level: string) =>
      lines.map((l) => l.split(',')).find((c) => c[0] === 'NORTH-FXK-CSV' && c[columns.indexOf('level')] === level)![
        columns.indexOf('additional_injury_kinds')
      ];
    expect(['T11', 'T12', 'L1', 'L2'].map(cell)).toEqual(['', 'RIB;UPPER_LIMB', 'NONE', '']);

    // The same rows, for another patient, through the import: the stored kinds are the same.
    const copyId = await newPatient('NORTH-FXK-COPY');
    const copy = [header, ...lines.filter((l) => l.startsWith('NORTH-FXK-CSV,')).map((l) => l.replace(/^NORTH-FXK-CSV,/, 'NORTH-FXK-COPY,'))].join('\n');
    expect((await http(t(), '/api/import/fractures?commit=true', token, copy)).json).toMatchObject({ committed: true, created: 4, issues: [] });
    const original = await t().db.dataSource.query(`SELECT id FROM patient WHERE registry_number = 'NORTH-FXK-CSV'`);
    expect(await stored(copyId)).toEqual(await stored(original[0].id));
  });

  it('describes the new column in the template and the import format', async () => {
    const format = await http(t(), '/api/import/fractures/format.md', token);
    const template = await http(t(), '/api/import/fractures/template.csv', token);
    expect([format.status, template.status]).toEqual([200, 200]);
    expect(format.text).toContain(
      '| additional_injury_kinds | no | Injuries besides the vertebral fractures, by kind (an empty list: none) (RIB, STERNUM, OTHER_SPINE',
    );
    expect(format.text).toContain('NONE for none; empty: not recorded) | RIB;UPPER_LIMB |');
    expect(template.text.split('\n')[0]).toBe(
      'registry_number,level,onset_date,cause,genant_grade,height_loss_percent,morphology,of_class,mri_oedema,posterior_wall_involved,neurological_deficit,additional_injury_kinds,additional_injuries',
    );
  });
});
