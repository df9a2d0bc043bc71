import { ValidationError } from './errors';
import {
  assessmentCreateSchema,
  complicationCreateSchema,
  fractureCreateSchema,
  patientCreateSchema,
  treatmentCreateSchema,
  userCreateSchema,
} from './schemas';
import { fieldIssues, validate } from './validation';

const id = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const id2 = '9f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';

describe('domain validation', () => {
  it('accepts a complete, consistent vertebroplasty and trims nothing it should keep', () => {
    const v = validate(treatmentCreateSchema, {
      patientId: id,
      kind: 'VERTEBROPLASTY',
      startDate: '2024-05-02',
      anaesthesia: 'LOCAL',
      approach: 'UNIPEDICULAR',
      levels: [{ fractureId: id2, cementType: 'PMMA', cementVolumeMl: 3.5 }],
      sameDayDischarge: true,
      lengthOfStayDays: 0,
    });
    expect(v.levels[0].cementVolumeMl).toBe(3.5);
  });

  it('names the field, the rule and the value for each bad input', () => {
    const issues = fieldIssues(assessmentCreateSchema, {
      patientId: id,
      treatmentId: id2,
      timePoint: 'M1',
      visitDate: '2024-02-30',
      status: 'DONE',
      nrsRest: 11,
      odi: -1,
      rmdq: 3.5,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'visitDate', rule: 'date', message: 'visitDate must be a calendar date YYYY-MM-DD (got "2024-02-30")' },
        { field: 'nrsRest', rule: 'range', message: 'nrsRest must be an integer from 0 to 10 (got 11)' },
        { field: 'odi', rule: 'range', message: 'odi must be a number from 0 to 100 % (got -1)' },
        { field: 'rmdq', rule: 'integer', message: 'rmdq must be a whole number (got 3.5)' },
      ]),
    );
  });

  it('refuses an unknown level, a missing field, a wrong type and a 1 MB string', () => {
    const issues = fieldIssues(fractureCreateSchema, {
      patientId: id,
      level: 'X9',
      onsetDate: '2024-01-01',
      genantGrade: '2',
      posteriorWallInvolved: false,
      neurologicalDeficit: false,
      additionalInjuries: 'x'.repeat(1_000_000),
    });
    const byField = Object.fromEntries(issues.map((i) => [i.field, i]));
    expect(byField.level).toMatchObject({ rule: 'enum' });
    expect(byField.level.message).toMatch(/T1, T2/);
    expect(byField.cause).toMatchObject({ rule: 'required', message: 'cause is required (one of OSTEOPOROTIC, TRAUMATIC, METASTASIS, MYELOMA, OTHER)' });
    expect(byField.genantGrade).toMatchObject({ rule: 'type' });
    expect(byField.additionalInjuries).toMatchObject({
      rule: 'maxLength',
      message: 'additionalInjuries must be at most 2000 characters (got a text of 1000000 characters)',
    });
  });

  it('applies the rules that span fields', () => {
    const rules = (input: object) =>
      fieldIssues(treatmentCreateSchema, { patientId: id, startDate: '2024-01-01', levels: [{ fractureId: id2 }], ...input }).map(
        (i) => `${i.field}:${i.rule}`,
      );
    expect(rules({ kind: 'KYPHOPLASTY' })).toEqual(expect.arrayContaining(['anaesthesia:required', 'approach:required', 'levels.0.cementVolumeMl:required']));
    expect(rules({ kind: 'CONSERVATIVE', balloonUsed: true })).toContain('balloonUsed:consistency');
    expect(rules({ kind: 'CONSERVATIVE', levels: [{ fractureId: id2 }, { fractureId: id2 }] })).toContain('levels.1.fractureId:unique');
    expect(
      fieldIssues(complicationCreateSchema, { patientId: id, occurredOn: '2024-01-01', kind: 'CEMENT_LEAKAGE', resolved: true }).map((i) => i.field),
    ).toEqual(['symptomatic', 'leakageType']);
    expect(
      fieldIssues(patientCreateSchema, {
        siteId: id,
        registryNumber: 'A-1',
        sex: 'FEMALE',
        birthYear: 1950,
        steroidUse: false,
        activeCancer: false,
        ongoingChemotherapy: false,
        ongoingRadiotherapy: false,
        consentStatus: 'GIVEN',
        identifiers: { mrn: '1', familyName: 'A', givenName: 'B', dateOfBirth: '1949-12-31' },
      }),
    ).toEqual([expect.objectContaining({ field: 'identifiers.dateOfBirth', rule: 'consistency' })]);
    expect(fieldIssues(userCreateSchema, { email: 'a@b.org', displayName: 'A', role: 'COORDINATOR', password: 'long-enough-1' })).toEqual([
      expect.objectContaining({ field: 'siteId', rule: 'required' }),
    ]);
  });

  it('throws a ValidationError carrying every issue', () => {
    expect(() => validate(assessmentCreateSchema, {})).toThrow(ValidationError);
    try {
      validate(assessmentCreateSchema, {});
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.field)).toEqual(expect.arrayContaining(['patientId', 'treatmentId', 'timePoint', 'status']));
    }
  });
});
