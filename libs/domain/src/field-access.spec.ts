import {
  cohortExportColumnList,
  DEIDENTIFIED_ROLES,
  DEIDENTIFIED_RULES,
  EXPORT_FILES,
  exportReaders,
  FieldAccess,
  projectRecord,
  RECORD_FIELDS,
  readersOf,
  RecordType,
} from './field-access';
import { Role } from './enums';
import { ForbiddenError } from './errors';

const records = Object.entries(RECORD_FIELDS) as [RecordType, { fields: Record<string, FieldAccess> }][];
const everyField = records.flatMap(([record, def]) => Object.entries(def.fields).map(([name, f]) => ({ where: `${record}.${name}`, ...f })));
const everyColumn = cohortExportColumnList().map(([name, c]) => ({ where: `assessments.csv ${name}`, ...c }));

describe('the field-access table', () => {
  it('never gives a de-identified reader an identifier, a date, a birth year or free text', () => {
    const wrong = [...everyField, ...everyColumn].flatMap((f) =>
      DEIDENTIFIED_ROLES.filter((role) => !DEIDENTIFIED_RULES[f.kind].includes(f.access[role])).map((role) => `${f.where}: ${role} ${f.access[role]}`),
    );
    expect(wrong).toEqual([]);
  });

  it('uses each rule only on the kind of value it is made for', () => {
    for (const f of [...everyField, ...everyColumn]) {
      for (const rule of Object.values(f.access)) {
        if (rule === 'age' || rule === 'ageBand') expect([f.where, f.kind]).toEqual([f.where, 'birthYear']);
        if (rule === 'dayOffset' || rule === 'present') expect(['date', 'timestamp']).toContain(f.kind);
      }
    }
  });

  it('gives admins and coordinators the same (the documentation shows them as one column)', () => {
    for (const f of [...everyField, ...everyColumn]) expect([f.where, f.access[Role.ADMIN]]).toEqual([f.where, f.access[Role.COORDINATOR]]);
    for (const f of Object.values(EXPORT_FILES)) expect(f.access[Role.ADMIN]).toBe(f.access[Role.COORDINATOR]);
  });

  it('gives a role either none of a record or every field of it some way', () => {
    for (const [record, def] of records) {
      for (const role of Object.values(Role)) {
        const none = Object.values(def.fields).filter((f) => f.access[role] === 'none').length;
        expect([record, role, none === 0 || none === Object.keys(def.fields).length]).toEqual([record, role, true]);
      }
    }
  });

  it('lets the roles read what they read today, and department heads no patient-level row', () => {
    for (const record of ['Patient', 'Fracture', 'Treatment', 'TreatedLevel', 'Assessment', 'Complication'] as const) {
      expect(readersOf(record)).toEqual([Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER]);
    }
    expect(readersOf('PatientIdentifiers')).toEqual([Role.ADMIN, Role.COORDINATOR]);
    expect(readersOf('WorklistItem')).toEqual([Role.ADMIN, Role.COORDINATOR]);
    expect(exportReaders('assessments')).toEqual([Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER]);
    expect(exportReaders('dictionary')).toEqual([Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER]);
    expect(exportReaders('records')).toEqual([Role.ADMIN, Role.COORDINATOR]);
  });
});

describe('projectRecord', () => {
  const stored = {
    id: 'p1',
    version: 3,
    createdAt: new Date('2023-05-02T08:00:00Z'),
    updatedAt: new Date('2023-06-01T08:00:00Z'),
    withdrawnAt: new Date('2024-01-10T09:30:00Z'),
    withdrawnReason: 'Moved abroad with Margarethe',
    requestId: 'r1',
    siteId: 's1',
    registryNumber: 'NORTH-1',
    sex: 'FEMALE',
    birthYear: 1934,
    bmi: 22,
    tScore: -3,
    steroidUse: false,
    activeCancer: false,
    ongoingChemotherapy: false,
    ongoingRadiotherapy: false,
    asaClass: 2,
    consentStatus: 'GIVEN',
  };

  it('gives a researcher no birth year, the age at the index treatment (89 stays 89) and no timestamps or free text', () => {
    const p = projectRecord('Patient', stored, { role: Role.RESEARCHER, indexDate: '2023-05-01' });
    expect(p).toMatchObject({
      birthYear: null,
      ageAtIndexTreatment: '89',
      createdAt: null,
      updatedAt: null,
      withdrawnAt: null,
      withdrawn: true,
      withdrawnReason: null,
    });
    expect(p).not.toHaveProperty('requestId');
    expect(JSON.stringify(p)).not.toMatch(/\d{4}-\d{2}-\d{2}|1934|Margarethe/);
  });

  it('puts every age above 89 in one category for a researcher, and gives a coordinator the exact age and year', () => {
    expect(projectRecord('Patient', { ...stored, birthYear: 1928 }, { role: Role.RESEARCHER, indexDate: '2023-05-01' })).toMatchObject({
      ageAtIndexTreatment: '90+',
      birthYear: null,
    });
    expect(projectRecord('Patient', { ...stored, birthYear: 1928 }, { role: Role.COORDINATOR, indexDate: '2023-05-01' })).toMatchObject({
      ageAtIndexTreatment: '95',
      birthYear: 1928,
    });
    expect(projectRecord('Patient', stored, { role: Role.RESEARCHER, indexDate: null })).toMatchObject({ ageAtIndexTreatment: null });
  });

  it('turns dates into days from the index treatment', () => {
    const row = {
      id: 'c',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
      withdrawnAt: null,
      withdrawnReason: null,
      patientId: 'p',
      treatmentId: null,
      occurredOn: '2023-05-11',
      kind: 'DEATH',
      symptomatic: null,
      leakageType: null,
      clavienDindo: 'V',
      resolved: false,
      notes: 'Margarethe',
    };
    expect(projectRecord('Complication', row, { role: Role.RESEARCHER, indexDate: '2023-05-01' })).toMatchObject({
      occurredOn: null,
      occurredDay: 10,
      notes: null,
      withdrawn: false,
    });
    expect(projectRecord('Complication', row, { role: Role.ADMIN, indexDate: '2023-05-01' })).toMatchObject({
      occurredOn: '2023-05-11',
      occurredDay: 10,
      notes: 'Margarethe',
    });
  });

  it('refuses a role given none of the record', () => {
    expect(() => projectRecord('Patient', stored, { role: Role.DEPARTMENT_HEAD, indexDate: null })).toThrow(ForbiddenError);
    expect(() => projectRecord('PatientIdentifiers', { mrn: 'M1' }, { role: Role.RESEARCHER, indexDate: null })).toThrow(ForbiddenError);
  });
});
