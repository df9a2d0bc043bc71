import { AssessmentEntity } from '@vfr/api-follow-up';
import { COORD_NORTH, describeEachDatabase, http, RESEARCHER, rowCounts } from '@vfr/api-testing';
import { ASSESSMENT_FIELDS, FieldDefinition } from '@vfr/domain';
import { definitionProblems } from './defined-fields.check';
import { ImportKind, template } from './import-kinds';

// A visit's plain values are defined once (libs/domain/src/fields/assessment.fields.ts); what
// cannot be derived at run time (the column, its CHECK or enum type, the GraphQL fields) is held to
// the definitions here, and the CSV columns derived from them are taken through an import and the
// records export.

const DEFS = Object.entries(ASSESSMENT_FIELDS) as [string, FieldDefinition][];
const MEASURED = DEFS.filter(([, d]) => d.type === 'integer' || d.type === 'number');

/**
 * A visit done, with every defined field recorded (the scores as totals, without their items),
 * but the reason a visit was missed: a missed visit's only (its own test below).
 */
const EVERY_FIELD = {
  nrsRest: 3,
  nrsActivity: 5,
  odi: 24,
  rmdq: 7,
  eq5dIndex: 0.7,
  eq5dVas: 65,
  analgesicLevel: 'WEAK_OPIOID',
  opioidUse: true,
  backToUsualActivities: false,
  physiotherapy: true,
  imagingDone: true,
  anteriorHeightPercent: 85.5,
  middleHeightPercent: 80,
  posteriorHeightPercent: 97,
  kyphoticAngle: 14.5,
};
const FIELDS = `id version status ${Object.keys(ASSESSMENT_FIELDS).join(' ')} odiSource rmdqSource eq5dSource`;
const CREATE = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { ${FIELDS} } }`;

/** A value just outside the definition's range, at either end. */
const outside = (d: FieldDefinition, end: 'min' | 'max') =>
  end === 'max' ? d.max! + (d.type === 'integer' ? 1 : 0.5) : d.exclusiveMin ? d.min! : d.min! - (d.type === 'integer' ? 1 : 0.5);

describeEachDatabase('visit fields, defined once', (t) => {
  let token: string;
  let patientId: string;
  let treatmentId: string;
  let visitId: string;
  const gql = (q: string, input: Record<string, unknown>) => t().gql(q, { input }, token);

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (
      await gql(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { id } }`, {
        siteId,
        registryNumber: 'NORTH-VXD-1',
        sex: 'MALE',
        birthYear: 1944,
        consentStatus: 'GIVEN',
      })
    ).data!.createPatient.id;
    const fracture = await gql(`mutation($input: CreateFractureInput!) { createFracture(input: $input) { id } }`, {
      patientId,
      level: 'L1',
      onsetDate: '2025-02-10',
      cause: 'OSTEOPOROTIC',
      genantGrade: 1,
    });
    // The index treatment starts on the template's example date, so that its example visit (M1) is in its window.
    const treatment = await gql(`mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`, {
      patientId,
      kind: 'CONSERVATIVE',
      startDate: '2025-02-20',
      levels: [{ fractureId: fracture.data!.createFracture.id }],
    });
    treatmentId = treatment.data!.createTreatment.id;
  });

  it('has, for every definition, its entity column, its database CHECK or enum type, its GraphQL fields and its import and export columns', async () => {
    const problems = await definitionProblems(t(), {
      table: 'assessment',
      entity: AssessmentEntity,
      defs: ASSESSMENT_FIELDS,
      model: 'Assessment',
      createInput: 'CreateAssessmentInput',
      updateInput: 'UpdateAssessmentInput',
      kind: ImportKind.ASSESSMENTS,
    });
    expect(problems).toEqual([]);
  });

  it('creates a visit with every defined field, gives it back to coordinators and researchers, and updates one alone', async () => {
    const created = await gql(CREATE, { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2025-04-15', status: 'DONE', ...EVERY_FIELD });
    expect(created.errors).toBeUndefined();
    const visit = created.data!.createAssessment;
    visitId = visit.id;
    expect(visit).toMatchObject({ ...EVERY_FIELD, odiSource: 'TOTAL', rmdqSource: 'TOTAL', eq5dSource: 'TOTAL' });
    const [row] = await t().db.dataSource.query(`SELECT eq5d_vas AS vas, imaging_done AS imaging, kyphotic_angle AS angle FROM assessment WHERE id = $1`, [
      visitId,
    ]);
    expect(row).toEqual({ vas: 65, imaging: true, angle: 14.5 });

    const read = `query($id: ID!) { patient(id: $id) { assessments { ${FIELDS} } } }`;
    const researcher = await t().gql(read, { id: patientId }, await t().login(RESEARCHER));
    expect(researcher.errors).toBeUndefined();
    expect(researcher.data!.patient.assessments.find((x: { id: string }) => x.id === visitId)).toMatchObject(EVERY_FIELD);

    const updated = await gql(`mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { ${FIELDS} version } }`, {
      id: visitId,
      version: visit.version,
      nrsActivity: 6,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAssessment).toMatchObject({ ...EVERY_FIELD, nrsActivity: 6 });
  });

  it("the database admits every range's ends and refuses a value just outside, even written around the API", async () => {
    const ds = t().db.dataSource;
    const refused: string[] = [];
    for (const [name, d] of MEASURED) {
      for (const end of ['min', 'max'] as const) {
        const error = await ds.query(`UPDATE assessment SET ${d.column} = $2 WHERE id = $1`, [visitId, outside(d, end)]).then(
          () => null,
          (e: Error) => e.message,
        );
        if (!error?.includes(`ck_assessment__${d.column}__range`)) refused.push(`${name} ${outside(d, end)}: ${error ?? 'stored'}`);
      }
    }
    expect(refused).toEqual([]);
    await ds
      .transaction(async (m) => {
        for (const [, d] of MEASURED)
          for (const value of [d.min!, d.max!]) await m.query(`UPDATE assessment SET ${d.column} = $2 WHERE id = $1`, [visitId, value]);
        // Nothing of this is kept.
        await m.query(`SELECT 1/0`);
      })
      .catch((e: Error) => expect(e.message).toMatch(/division by zero/));
    await expect(ds.query(`UPDATE assessment SET analgesic_level = 'MORPHINE' WHERE id = $1`, [visitId])).rejects.toThrow(
      /invalid input value for enum analgesic_level/,
    );
  });

  it.each(MEASURED.flatMap(([name, d]) => (['min', 'max'] as const).map((end) => [name, outside(d, end)] as const)))(
    'refuses %s %s through the API, naming the field and the rule, and writes nothing',
    async (name, value) => {
      const before = await rowCounts(t().db);
      const r = await gql(CREATE, { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2025-04-22', status: 'DONE', ...EVERY_FIELD, [name]: value });
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: expect.arrayContaining([expect.objectContaining({ field: name, rule: 'range' })]),
      });
      expect(await rowCounts(t().db)).toEqual(before);
    },
  );

  it('records why a missed visit was missed, gives it to researchers, and refuses it on a done visit by the API, the database and the import', async () => {
    const missed = await gql(CREATE, { patientId, treatmentId, timePoint: 'M3', status: 'MISSED', missedReason: 'IN_CARE_ELSEWHERE' });
    expect(missed.errors).toBeUndefined();
    const id = missed.data!.createAssessment.id;
    expect(missed.data!.createAssessment).toMatchObject({ status: 'MISSED', missedReason: 'IN_CARE_ELSEWHERE' });
    const [row] = await t().db.dataSource.query(`SELECT missed_reason FROM assessment WHERE id = $1`, [id]);
    expect(row.missed_reason).toBe('IN_CARE_ELSEWHERE');
    // A category identifies nobody: researchers receive it as any other value.
    const read = `query($id: ID!) { patient(id: $id) { assessments { id missedReason } } }`;
    const researcher = await t().gql(read, { id: patientId }, await t().login(RESEARCHER));
    expect(researcher.data!.patient.assessments.find((x: { id: string }) => x.id === id)).toEqual({ id, missedReason: 'IN_CARE_ELSEWHERE' });

    // A done visit with a reason: refused naming the field, nothing written; the same visit without one is taken.
    const before = await rowCounts(t().db);
    const done = { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2025-06-02', status: 'DONE', nrsRest: 2 };
    const refused = await gql(CREATE, { ...done, missedReason: 'DECLINED' });
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'missedReason', rule: 'consistency', message: 'missedReason can be recorded for a missed visit only, not for a done one' }],
    });
    expect(await rowCounts(t().db)).toEqual(before);
    // Made done, the missed visit must give up its reason; it keeps it, unchanged, when refused.
    const madeDone = await gql(`mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id } }`, {
      id,
      version: missed.data!.createAssessment.version,
      status: 'DONE',
      visitDate: '2025-05-21',
      nrsRest: 4,
    });
    expect(madeDone.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'missedReason', rule: 'consistency' })]);
    expect(await t().db.dataSource.query(`SELECT status, missed_reason FROM assessment WHERE id = $1`, [id])).toEqual([
      { status: 'MISSED', missed_reason: 'IN_CARE_ELSEWHERE' },
    ]);
    // Written around the API, the database refuses it too.
    await expect(t().db.dataSource.query(`UPDATE assessment SET status = 'DONE', visit_date = '2025-05-21', nrs_rest = 4 WHERE id = $1`, [id])).rejects.toThrow(
      /ck_assessment__missed_reason__missed_only/,
    );
    await expect(t().db.dataSource.query(`UPDATE assessment SET missed_reason = 'FORGOT' WHERE id = $1`, [id])).rejects.toThrow(
      /invalid input value for enum missed_visit_reason/,
    );

    // The import: a missed visit with its reason imports; a reason on a done visit is reported under its column.
    const header = 'registry_number,time_point,visit_date,status,nrs_rest,missed_reason';
    const bad = await http(
      t(),
      '/api/import/assessments?commit=true',
      token,
      `${header}\nNORTH-VXD-1,M6,,MISSED,,TOO_ILL\nNORTH-VXD-1,UNSCHEDULED,2025-06-03,DONE,3,NOT_REACHED\n`,
    );
    expect(bad.json).toMatchObject({
      committed: false,
      issues: [
        { row: 3, column: 'missed_reason', rule: 'consistency', message: expect.stringMatching(/^missed_reason can be recorded for a missed visit only/) },
      ],
    });
    expect(await rowCounts(t().db)).toEqual(before);
    const ok = await http(t(), '/api/import/assessments?commit=true', token, `${header}\nNORTH-VXD-1,M6,,MISSED,,too_ill\nNORTH-VXD-1,M12,,MISSED,,\n`);
    expect(ok.json).toMatchObject({ committed: true, created: 2, issues: [] });
    const imported = await t().db.dataSource.query(
      `SELECT time_point, missed_reason FROM assessment WHERE patient_id = $1 AND time_point IN ('M6', 'M12') ORDER BY time_point`,
      [patientId],
    );
    expect(imported).toEqual([
      { time_point: 'M6', missed_reason: 'TOO_ILL' },
      { time_point: 'M12', missed_reason: null },
    ]);
  });

  it("imports the template's example row, gives it back in the records export, and refuses a bad value in every defined column by its name", async () => {
    const [header, example] = template(ImportKind.ASSESSMENTS)
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const row = (cells: Record<string, string>) => header.map((c) => cells[c] ?? example[header.indexOf(c)]).join(',');
    const ok = await http(t(), '/api/import/assessments?commit=true', token, `${header.join(',')}\n${row({ registry_number: 'NORTH-VXD-1' })}\n`);
    expect(ok.json).toMatchObject({ committed: true, created: 1, issues: [] });

    const records = (await http(t(), '/api/export/records/assessments.csv', token)).text.trim().split('\n');
    const exportHeader = records[0].split(',');
    const exported = records.map((l) => l.split(',')).find((cells) => cells[0] === 'NORTH-VXD-1' && cells[exportHeader.indexOf('time_point')] === 'M1')!;
    // The example gives the ODI sections and the EQ-5D-5L levels: their scores are computed from them.
    const computed: Record<string, string> = { odi: 'odi_items', eq5d_index: 'eq5d_levels' };
    for (const [, d] of DEFS) {
      const cell = exported[exportHeader.indexOf(d.column)];
      if (computed[d.column] && example[header.indexOf(computed[d.column])])
        expect([d.column, Number.isFinite(Number(cell)) && cell !== '']).toEqual([d.column, true]);
      else expect([d.column, cell]).toEqual([d.column, d.example]);
    }

    const bad = (d: FieldDefinition) => (d.type === 'enum' ? 'NOT_A_CHOICE' : d.type === 'boolean' ? 'perhaps' : String(outside(d, 'max')));
    const rule = (d: FieldDefinition) => (d.type === 'enum' ? 'enum' : d.type === 'boolean' ? 'type' : 'range');
    const rows = DEFS.map(([, d], i) =>
      row({ registry_number: 'NORTH-VXD-1', time_point: 'UNSCHEDULED', visit_date: `2025-05-${String(i + 1).padStart(2, '0')}`, [d.column]: bad(d) }),
    );
    const before = await rowCounts(t().db);
    const r = await http(t(), '/api/import/assessments?commit=true', token, `${header.join(',')}\n${rows.join('\n')}\n`);
    expect(r.json.committed).toBe(false);
    // Each row's first issue is its bad cell's, under its column; nothing else is reported.
    const issues = r.json.issues as { row: number; column: string; rule: string }[];
    expect(DEFS.map((_, i) => issues.filter((x) => x.row === i + 2).map((x) => `${x.column} ${x.rule}`)[0])).toEqual(
      DEFS.map(([, d]) => `${d.column} ${rule(d)}`),
    );
    expect(issues.filter((x) => x.column !== DEFS[x.row - 2]?.[1].column)).toEqual([]);
    expect(await rowCounts(t().db)).toEqual(before);
  });
});
