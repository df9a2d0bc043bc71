import { DEIDENTIFIED_ROLES, DEIDENTIFIED_RULES, fieldAccess, projectRecord, RECORD_FIELDS, RecordType } from '../field-access';
import { Role } from '../enums';
import { complicationCreateSchema, complicationUpdateSchema, fractureCreateSchema, fractureUpdateSchema } from '../schemas';
import { fieldIssues, validate } from '../validation';
import { COMPLICATION_FIELDS } from './complication.fields';
import { DEATH_FIELDS } from './death.fields';
import { checkOf, cohortExportColumns, csvDescription, FieldDefinition, formControl, listCell, listFromCell, typeWords } from './field-definition';
import { FRACTURE_FIELDS } from './fracture.fields';

const PATIENT = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const fracture = {
  patientId: PATIENT,
  level: 'L1',
  onsetDate: '2025-01-05',
  cause: 'TRAUMATIC',
  genantGrade: 2,
  posteriorWallInvolved: false,
  neurologicalDeficit: false,
};
const complication = { patientId: PATIENT, occurredOn: '2025-02-01', kind: 'HAEMATOMA', resolved: true };

const RECORDS: [RecordType, Record<string, FieldDefinition>][] = [
  ['Fracture', FRACTURE_FIELDS],
  ['Complication', COMPLICATION_FIELDS],
  ['Death', DEATH_FIELDS],
];

describe('fracture and complication field definitions', () => {
  it.each(RECORDS)('gives every %s definition its row of the field-access table, with its own access, and every date a day field', (record, defs) => {
    for (const [name, def] of Object.entries(defs)) {
      expect(fieldAccess(record, name)).toMatchObject({ kind: def.type === 'date' ? 'date' : 'value', about: def.about, access: def.access });
      for (const role of DEIDENTIFIED_ROLES) expect(DEIDENTIFIED_RULES[def.type === 'date' ? 'date' : 'value']).toContain(def.access[role]);
      if (def.type === 'date')
        expect(fieldAccess(record, def.dayField!)).toMatchObject({ kind: 'date', from: name, access: { RESEARCHER: 'dayOffset', COORDINATOR: 'dayOffset' } });
    }
    expect(Object.keys(RECORD_FIELDS[record].fields)).toEqual(expect.arrayContaining(Object.keys(defs)));
  });

  it('keeps what each role receives of a fracture and a complication as it was', () => {
    const values = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'full', DEPARTMENT_HEAD: 'none' };
    for (const f of [
      'level',
      'cause',
      'genantGrade',
      'heightLossPercent',
      'morphology',
      'ofClass',
      'mriOedema',
      'posteriorWallInvolved',
      'neurologicalDeficit',
    ]) {
      expect([f, fieldAccess('Fracture', f).access]).toEqual([f, values]);
    }
    for (const f of ['kind', 'symptomatic', 'leakageType', 'clavienDindo', 'resolved', 'level', 'detection'])
      expect([f, fieldAccess('Complication', f).access]).toEqual([f, values]);
    for (const f of ['cause', 'source']) expect([f, fieldAccess('Death', f).access]).toEqual([f, values]);
    const exactDate = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'withheld', DEPARTMENT_HEAD: 'none' };
    expect(fieldAccess('Fracture', 'onsetDate').access).toEqual(exactDate);
    expect(fieldAccess('Complication', 'occurredOn').access).toEqual(exactDate);
    expect(fieldAccess('Death', 'diedOn').access).toEqual(exactDate);
    expect(fieldAccess('Death', 'diedDay').access).toEqual({ ADMIN: 'dayOffset', COORDINATOR: 'dayOffset', RESEARCHER: 'dayOffset', DEPARTMENT_HEAD: 'none' });
    expect(fieldAccess('Death', 'notes')).toMatchObject({ kind: 'freeText', access: exactDate });
    // The free text stays withheld from researchers; the kinds are categories, given to them.
    expect(fieldAccess('Fracture', 'additionalInjuries')).toMatchObject({ kind: 'freeText', access: exactDate });
    expect(fieldAccess('Complication', 'notes')).toMatchObject({ kind: 'freeText', access: exactDate });
    expect(fieldAccess('Fracture', 'additionalInjuryKinds')).toMatchObject({ kind: 'value', access: values });
  });

  it('validates as before: required fields, ranges, choices and dates, naming field and rule', () => {
    expect(fieldIssues(fractureCreateSchema, fracture)).toEqual([]);
    const { level: _l, ...noLevel } = fracture;
    expect(
      fieldIssues(fractureCreateSchema, { ...noLevel, genantGrade: 4, heightLossPercent: 101, onsetDate: '2025-02-30', ofClass: 'OF6', mriOedema: 'yes' }),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'level', rule: 'required' }),
        { field: 'genantGrade', rule: 'range', message: 'genantGrade must be an integer from 0 to 3 (got 4)' },
        { field: 'heightLossPercent', rule: 'range', message: 'heightLossPercent must be a number from 0 to 100 % (got 101)' },
        { field: 'onsetDate', rule: 'date', message: 'onsetDate must be a calendar date YYYY-MM-DD (got "2025-02-30")' },
        expect.objectContaining({ field: 'ofClass', rule: 'enum' }),
        expect.objectContaining({ field: 'mriOedema', rule: 'type' }),
      ]),
    );
    expect(fieldIssues(complicationCreateSchema, complication)).toEqual([]);
    expect(
      fieldIssues(complicationCreateSchema, { ...complication, kind: 'CEMENT_LEAKAGE', leakageType: 'X', symptomatic: false }).map((i) => [i.field, i.rule]),
    ).toEqual([['leakageType', 'enum']]);
    expect(fieldIssues(complicationCreateSchema, { ...complication, kind: 'CEMENT_LEAKAGE', leakageType: 'S' }).map((i) => [i.field, i.rule])).toEqual([
      ['symptomatic', 'required'],
    ]);
    // The cross-field rules stay: a death is no complication, a new fracture's level only on a new fracture.
    expect(fieldIssues(complicationCreateSchema, { ...complication, kind: 'DEATH' })).toEqual([
      expect.objectContaining({ field: 'kind', rule: 'deathIsNotAComplication' }),
    ]);
    expect(fieldIssues(complicationCreateSchema, { ...complication, level: 'L2' })).toEqual([expect.objectContaining({ field: 'level', rule: 'consistency' })]);
    expect(validate(complicationUpdateSchema, { clavienDindo: 'II' })).toEqual({ clavienDindo: 'II' });
  });

  it('offers no retired choice: DEATH is kept for the old rows but neither in the form nor in the CSV description', () => {
    expect(checkOf('complication', COMPLICATION_FIELDS.kind)!.values).toContain('DEATH');
    expect(formControl('kind', COMPLICATION_FIELDS.kind).choices!.map((c) => c.value)).not.toContain('DEATH');
    expect(csvDescription(COMPLICATION_FIELDS.kind)).toMatch(
      /^Kind of complication \(CEMENT_LEAKAGE, .*, OTHER; DEATH is no longer accepted: a death is its own record/,
    );
    expect(formControl('detection', COMPLICATION_FIELDS.detection).choices![0]).toEqual({ value: 'CLINICAL', label: 'Clinically: symptoms led to imaging' });
    // A short integer scale with labels is chosen from a select, as the Genant grade was.
    expect(formControl('genantGrade', FRACTURE_FIELDS.genantGrade)).toMatchObject({
      control: 'select',
      required: true,
      choices: [0, 1, 2, 3].map((g) => ({ value: String(g), label: `Grade ${g}` })),
    });
    expect(formControl('heightLossPercent', FRACTURE_FIELDS.heightLossPercent).label).toBe('Height loss (%)');
  });
});

describe('an enum list: additional injuries by kind', () => {
  const kinds = (additionalInjuryKinds: unknown) => fieldIssues(fractureCreateSchema, { ...fracture, additionalInjuryKinds });

  it('takes null (not recorded), an empty list (none) and known kinds, each once', () => {
    expect(kinds(null)).toEqual([]);
    expect(kinds(undefined)).toEqual([]);
    expect(kinds([])).toEqual([]);
    expect(kinds(['RIB', 'UPPER_LIMB', 'OTHER_SPINE'])).toEqual([]);
    expect(validate(fractureCreateSchema, { ...fracture, additionalInjuryKinds: [] }).additionalInjuryKinds).toEqual([]);
    expect(validate(fractureCreateSchema, { ...fracture, additionalInjuryKinds: null }).additionalInjuryKinds).toBeNull();
    expect(validate(fractureUpdateSchema, { additionalInjuryKinds: ['HIP'] })).toEqual({ additionalInjuryKinds: ['HIP'] });
  });

  it('refuses an unknown kind, a repeated one, NONE beside kinds and what is not a list, naming the field and the values', () => {
    expect(kinds(['RIB', 'SPLEEN'])).toEqual([
      {
        field: 'additionalInjuryKinds',
        rule: 'enum',
        message:
          'additionalInjuryKinds may list only RIB, STERNUM, OTHER_SPINE, PELVIS, HIP, UPPER_LIMB, LOWER_LIMB, HEAD, THORAX_ORGAN, ABDOMEN_ORGAN, OTHER (got "SPLEEN")',
      },
    ]);
    expect(kinds(['RIB', 'HIP', 'RIB'])).toEqual([
      { field: 'additionalInjuryKinds', rule: 'unique', message: 'additionalInjuryKinds lists RIB more than once: list each at most once' },
    ]);
    expect(kinds(['NONE', 'RIB'])).toEqual([
      expect.objectContaining({ rule: 'enum', message: expect.stringMatching(/\(got "NONE"\); NONE stands alone for none$/) }),
    ]);
    expect(kinds(['rib'])).toEqual([expect.objectContaining({ rule: 'enum', message: expect.stringContaining('(got "rib")') })]);
    expect(kinds([3])).toEqual([expect.objectContaining({ rule: 'enum', message: expect.stringContaining('(got 3)') })]);
    expect(kinds('RIB')).toEqual([{ field: 'additionalInjuryKinds', rule: 'type', message: 'additionalInjuryKinds must be a list (got "RIB")' }]);
  });

  it('writes and reads its cell: empty for not recorded, NONE for none, the kinds separated by semicolons', () => {
    expect([listCell(null), listCell([]), listCell(['RIB', 'HIP'])]).toEqual(['', 'NONE', 'RIB;HIP']);
    expect([listFromCell(''), listFromCell('  '), listFromCell(undefined), listFromCell('none'), listFromCell(' rib ; Hip')]).toEqual([
      null,
      null,
      null,
      [],
      ['RIB', 'HIP'],
    ]);
    // Nothing dropped: an empty entry or NONE among kinds reaches the rule, which names it.
    expect(listFromCell('RIB;')).toEqual(['RIB', '']);
    expect(kinds(listFromCell('RIB;'))).toEqual([expect.objectContaining({ rule: 'enum', message: expect.stringContaining('(got "")') })]);
    for (const cell of ['', 'NONE', 'RIB;PELVIS;OTHER']) expect(listCell(listFromCell(cell))).toBe(cell);
  });

  it('describes itself for CSV, the data dictionary, the database and the form', () => {
    const def = FRACTURE_FIELDS.additionalInjuryKinds;
    expect(csvDescription(def)).toBe(
      'Injuries besides the vertebral fractures, by kind (an empty list: none) (RIB, STERNUM, OTHER_SPINE, PELVIS, HIP, UPPER_LIMB, LOWER_LIMB, HEAD, THORAX_ORGAN, ABDOMEN_ORGAN, OTHER, several separated by semicolons; NONE for none; empty: not recorded)',
    );
    expect(typeWords(def)).toMatch(/^RIB \| STERNUM \| .* \| OTHER, several separated by semicolons; NONE for none; empty: not recorded$/);
    expect(checkOf('fracture', def)).toEqual({ name: 'ck_fracture__additional_injury_kinds__choices', values: Object.values(def.choices) });
    expect(formControl('additionalInjuryKinds', def)).toMatchObject({
      control: 'checkList',
      required: false,
      choices: expect.arrayContaining([{ value: 'OTHER_SPINE', label: 'Other spinal fracture (not adjacent)' }]),
    });
    // Were a patient's list in the cohort export, its column would be written as its cell and described so.
    expect(cohortExportColumns({ kinds: { ...def, cohortExport: true } })).toEqual({
      additional_injury_kinds: expect.objectContaining({
        field: 'kinds',
        source: 'additional_injury_kinds',
        list: true,
        type: typeWords(def),
        access: def.access,
      }),
    });
    expect(cohortExportColumns({ kinds: { ...def, type: 'enum', cohortExport: true } }).additional_injury_kinds).not.toHaveProperty('list');
  });

  it('gives a researcher the kinds and withholds the free text beside them', () => {
    const row = {
      ...fracture,
      id: 'f1',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
      withdrawnAt: null,
      withdrawnReason: null,
      additionalInjuryKinds: ['RIB', 'LOWER_LIMB'],
      additionalInjuries: "Fell at Margarethe's house",
    };
    expect(projectRecord('Fracture', row, { role: Role.RESEARCHER, indexDate: '2025-01-10' })).toMatchObject({
      additionalInjuryKinds: ['RIB', 'LOWER_LIMB'],
      additionalInjuries: null,
      onsetDate: null,
      onsetDay: -5,
    });
    expect(projectRecord('Fracture', { ...row, additionalInjuryKinds: [] }, { role: Role.RESEARCHER, indexDate: null })).toMatchObject({
      additionalInjuryKinds: [],
    });
    expect(projectRecord('Fracture', row, { role: Role.COORDINATOR, indexDate: '2025-01-10' })).toMatchObject({
      additionalInjuries: "Fell at Margarethe's house",
    });
  });
});
