import { COORD_NORTH, describeEachDatabase, http, RESEARCHER, rowCounts } from '@vfr/api-testing';
import { TreatmentEntity } from '@vfr/api-registry';
import { FieldDefinition, TREATMENT_FIELDS } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind, KINDS, template } from './import-kinds';

// A treatment's plain values are defined once (libs/domain/src/fields/treatment.fields.ts); what
// cannot be derived at run time (the column, its CHECK or enum type, the GraphQL fields) is held to
// the definitions here, and the CSV columns derived from them are taken through an import and the
// records export.

const DEFS = Object.entries(TREATMENT_FIELDS) as [string, FieldDefinition][];
const MEASURED = DEFS.filter(([, d]) => d.type === 'integer' || d.type === 'number');

/** A kyphoplasty with every defined field recorded. */
const EVERY_FIELD = {
  analgesicLevel: 'NON_OPIOID',
  brace: false,
  bedRest: false,
  physiotherapy: true,
  anaesthesia: 'GENERAL',
  approach: 'BIPEDICULAR',
  imagingGuidance: 'CT',
  balloonUsed: true,
  heightRestorationPercent: 45.5,
  kyphoticAngleBefore: 21.5,
  kyphoticAngleAfter: 12,
  durationMinutes: 55,
  sameDayDischarge: false,
  lengthOfStayDays: 4,
  dischargeDestination: 'REHABILITATION',
  readmittedWithin30Days: false,
  readmittedWithin90Days: true,
  fluoroscopyTimeSeconds: 610,
  doseAreaProductGyCm2: 18.25,
};
const FIELDS = `id version kind ${Object.keys(TREATMENT_FIELDS).join(' ')}`;
const CREATE = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${FIELDS} } }`;

/** A value just outside the definition's range, at either end (an excluded lower end is itself outside). */
const outside = (d: FieldDefinition, end: 'min' | 'max') =>
  end === 'max' ? d.max! + (d.type === 'integer' ? 1 : 0.5) : d.exclusiveMin ? d.min! : d.min! - (d.type === 'integer' ? 1 : 0.5);

describeEachDatabase('treatment fields, defined once', (t) => {
  let token: string;
  let patientId: string;
  let fractureIds: string[];
  const gql = (q: string, input: Record<string, unknown>) => t().gql(q, { input }, token);

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (
      await gql(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`, {
        siteId,
        registryNumber: 'NORTH-TXD-1',
        sex: 'FEMALE',
        birthYear: 1939,
        consentStatus: 'GIVEN',
      })
    ).data!.createPatient.id;
    fractureIds = [];
    for (const level of ['L1', 'L2']) {
      const f = await gql(`mutation($input: CreateFractureInput!) { createFracture(input: $input) { id } }`, {
        patientId,
        level,
        onsetDate: '2024-03-01',
        cause: 'OSTEOPOROTIC',
        genantGrade: 2,
      });
      fractureIds.push(f.data!.createFracture.id);
    }
  });

  it('has, for every definition, its entity column, its database CHECK or enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'treatment',
      entity: TreatmentEntity,
      defs: TREATMENT_FIELDS,
      model: 'Treatment',
      createInput: 'CreateTreatmentInput',
      updateInput: 'UpdateTreatmentInput',
      kind: ImportKind.TREATMENTS,
    });
    expect(problems).toEqual([]);
  });

  it("the database admits every range's ends and refuses a value just outside, even written around the API", async () => {
    const ds = t().db.dataSource;
    const [{ id }] = await ds.query(`SELECT id FROM treatment WHERE kind = 'KYPHOPLASTY' AND withdrawn_at IS NULL LIMIT 1`);
    // The stay's consistency with a same-day discharge is another CHECK: out of the way here.
    const set = (column: string, value: number) => ds.query(`UPDATE treatment SET same_day_discharge = NULL, ${column} = $2 WHERE id = $1`, [id, value]);
    const refused: string[] = [];
    for (const [name, d] of MEASURED) {
      for (const end of ['min', 'max'] as const) {
        const error = await set(d.column, outside(d, end)).then(
          () => null,
          (e: Error) => e.message,
        );
        if (!error?.includes(`ck_treatment__${d.column}__range`)) refused.push(`${name} ${outside(d, end)}: ${error ?? 'stored'}`);
      }
    }
    expect(refused).toEqual([]);
    await ds
      .transaction(async (m) => {
        for (const [, d] of MEASURED) {
          for (const value of [d.exclusiveMin ? d.min! + 0.01 : d.min!, d.max!])
            await m.query(`UPDATE treatment SET same_day_discharge = NULL, ${d.column} = $2 WHERE id = $1`, [id, value]);
        }
        // Nothing of this is kept.
        await m.query(`SELECT 1/0`);
      })
      .catch((e: Error) => expect(e.message).toMatch(/division by zero/));
    await expect(ds.query(`UPDATE treatment SET discharge_destination = 'HOSPICE' WHERE id = $1`, [id])).rejects.toThrow(
      /invalid input value for enum discharge_destination/,
    );
  });

  it('creates a treatment with every defined field, gives it back to coordinators and researchers, and updates one alone', async () => {
    const created = await gql(CREATE, {
      patientId,
      kind: 'KYPHOPLASTY',
      startDate: '2024-03-10',
      levels: [{ fractureId: fractureIds[0], cementVolumeMl: 4.5, cementType: 'PMMA' }],
      ...EVERY_FIELD,
    });
    expect(created.errors).toBeUndefined();
    const tx = created.data!.createTreatment;
    expect(tx).toMatchObject(EVERY_FIELD);
    const [row] = await t().db.dataSource.query(
      `SELECT dose_area_product_gy_cm2 AS dap, readmitted_within_90_days AS r90, imaging_guidance::text AS guidance FROM treatment WHERE id = $1`,
      [tx.id],
    );
    expect(row).toEqual({ dap: 18.25, r90: true, guidance: 'CT' });

    const read = `query($id: ID!) { patient(id: $id) { treatments { ${FIELDS} } } }`;
    const researcher = await t().gql(read, { id: patientId }, await t().login(RESEARCHER));
    expect(researcher.errors).toBeUndefined();
    expect(researcher.data!.patient.treatments.find((x: { id: string }) => x.id === tx.id)).toMatchObject(EVERY_FIELD);

    const updated = await gql(`mutation($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { ${FIELDS} } }`, {
      id: tx.id,
      version: tx.version,
      durationMinutes: 70,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTreatment).toMatchObject({ ...EVERY_FIELD, durationMinutes: 70 });
  });

  it.each(MEASURED.flatMap(([name, d]) => (['min', 'max'] as const).map((end) => [name, outside(d, end)] as const)))(
    'refuses %s %s through the API, naming the field and the rule, and writes nothing',
    async (name, value) => {
      const before = await rowCounts(t().db);
      const r = await gql(CREATE, {
        patientId,
        kind: 'KYPHOPLASTY',
        startDate: '2024-04-10',
        levels: [{ fractureId: fractureIds[1], cementVolumeMl: 3 }],
        ...EVERY_FIELD,
        [name]: value,
      });
      // A rule between fields may name the same field too (a stay of -1 days is no stay of 1 or more).
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: expect.arrayContaining([expect.objectContaining({ field: name, rule: 'range' })]),
      });
      expect(r.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(r.errors![0].extensions!.fields.map(() => name));
      expect(await rowCounts(t().db)).toEqual(before);
    },
  );

  it("imports the template's example row, gives it back in the records export, and refuses a bad value in every defined column by its name", async () => {
    const [header, example] = template(ImportKind.TREATMENTS)
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const row = (cells: Record<string, string>) => header.map((c) => cells[c] ?? example[header.indexOf(c)]).join(',');
    const ok = await http(
      t(),
      '/api/import/treatments?commit=true',
      token,
      `${header.join(',')}\n${row({ registry_number: 'NORTH-TXD-1', start_date: '2024-05-02' })}\n`,
    );
    expect(ok.json).toMatchObject({ committed: true, created: 1, issues: [] });

    const records = (await http(t(), '/api/export/records/treatments.csv', token)).text.trim().split('\n');
    const exportHeader = records[0].split(',');
    const exported = records
      .map((l) => l.split(','))
      .find((cells) => cells[0] === 'NORTH-TXD-1' && cells[exportHeader.indexOf('start_date')] === '2024-05-02')!;
    for (const [, d] of DEFS) expect([d.column, exported[exportHeader.indexOf(d.column)]]).toEqual([d.column, d.example]);

    const bad = (d: FieldDefinition) => (d.type === 'enum' ? 'NOT_A_CHOICE' : d.type === 'boolean' ? 'perhaps' : String(outside(d, 'max')));
    const rule = (d: FieldDefinition) => (d.type === 'enum' ? 'enum' : d.type === 'boolean' ? 'type' : 'range');
    const rows = DEFS.map(([, d], i) => row({ registry_number: 'NORTH-TXD-1', start_date: `2024-06-${String(i + 1).padStart(2, '0')}`, [d.column]: bad(d) }));
    const before = await rowCounts(t().db);
    const r = await http(t(), '/api/import/treatments?commit=true', token, `${header.join(',')}\n${rows.join('\n')}\n`);
    expect(r.json.committed).toBe(false);
    // Each row's first issue is its bad cell's, under its column; a rule between fields may add one under the same column.
    const issues = r.json.issues as { row: number; column: string; rule: string }[];
    expect(DEFS.map((_, i) => issues.filter((x) => x.row === i + 2).map((x) => `${x.column} ${x.rule}`)[0])).toEqual(
      DEFS.map(([, d]) => `${d.column} ${rule(d)}`),
    );
    expect(issues.filter((x) => x.column !== DEFS[x.row - 2]?.[1].column)).toEqual([]);
    expect(await rowCounts(t().db)).toEqual(before);
    expect(KINDS[ImportKind.TREATMENTS].columns.filter((c) => DEFS.some(([, d]) => d.column === c.name)).every((c) => !c.required)).toBe(true);
  });
});
