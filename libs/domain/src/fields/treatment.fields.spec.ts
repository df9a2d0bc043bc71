import { AnalgesicLevel, Anaesthesia, DischargeDestination, ImagingGuidance, ProcedureApproach, Role } from '../enums';
import { fieldAccess, RECORD_FIELDS } from '../field-access';
import { RANGES } from '../ranges';
import { treatmentCreateSchema, treatmentUpdateSchema } from '../schemas';
import { fieldIssues, validate } from '../validation';
import { csvDescription, FieldDefinition, formControl, typeWords } from './field-definition';
import { TREATMENT_FIELDS } from './treatment.fields';

const F = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-000000000002';
const kypho = {
  patientId: P,
  kind: 'KYPHOPLASTY',
  startDate: '2024-01-10',
  anaesthesia: 'GENERAL',
  approach: 'BIPEDICULAR',
  levels: [{ fractureId: F, cementVolumeMl: 4 }],
};
const conservative = { patientId: P, kind: 'CONSERVATIVE', startDate: '2024-01-10', levels: [{ fractureId: F }] };
const defs = Object.entries(TREATMENT_FIELDS) as [string, FieldDefinition][];
const issues = (v: unknown) => fieldIssues(treatmentCreateSchema, v).map((i) => `${i.field}:${i.rule}`);

describe('treatment field definitions', () => {
  it('take their ranges and units from ranges.ts and their choices from the enums', () => {
    const ranges: Record<string, keyof typeof RANGES> = {
      heightRestorationPercent: 'heightRestorationPercent',
      kyphoticAngleBefore: 'kyphoticAngle',
      kyphoticAngleAfter: 'kyphoticAngle',
      durationMinutes: 'durationMinutes',
      lengthOfStayDays: 'lengthOfStayDays',
      fluoroscopyTimeSeconds: 'fluoroscopyTimeSeconds',
      doseAreaProductGyCm2: 'doseAreaProductGyCm2',
    };
    for (const [name, d] of defs.filter(([, d]) => d.type === 'integer' || d.type === 'number')) {
      const r = RANGES[ranges[name]];
      expect([name, d.type, d.min, d.max, d.unit, !!d.exclusiveMin]).toEqual([
        name,
        r.integer ? 'integer' : 'number',
        r.min,
        r.max,
        r.unit,
        !!('exclusiveMin' in r && r.exclusiveMin),
      ]);
    }
    expect(Object.keys(ranges).sort()).toEqual(
      defs
        .filter(([, d]) => d.min !== undefined)
        .map(([n]) => n)
        .sort(),
    );
    expect(TREATMENT_FIELDS.analgesicLevel.choices).toEqual(Object.values(AnalgesicLevel));
    expect(TREATMENT_FIELDS.anaesthesia.choices).toEqual(Object.values(Anaesthesia));
    expect(TREATMENT_FIELDS.approach.choices).toEqual(Object.values(ProcedureApproach));
    expect(TREATMENT_FIELDS.imagingGuidance.choices).toEqual(Object.values(ImagingGuidance));
    expect(TREATMENT_FIELDS.dischargeDestination.choices).toEqual(Object.values(DischargeDestination));
    // All optional: a treatment is valid with none of them (a conservative one), and old files import.
    expect(defs.filter(([, d]) => d.required)).toEqual([]);
    expect(issues(conservative)).toEqual([]);
  });

  it('accept every range at its ends and refuse just outside, with the messages of before', () => {
    const at = (d: FieldDefinition) => [d.exclusiveMin ? d.min! + 0.1 : d.min!, d.max!];
    for (const [name, d] of defs.filter(([, d]) => d.type === 'integer' || d.type === 'number')) {
      for (const v of at(d)) expect([name, v, issues({ ...kypho, sameDayDischarge: null, [name]: v })]).toEqual([name, v, []]);
    }
    expect(
      fieldIssues(treatmentCreateSchema, { ...kypho, doseAreaProductGyCm2: 0, durationMinutes: 0, kyphoticAngleBefore: 91, lengthOfStayDays: 2.5 }),
    ).toEqual([
      { field: 'kyphoticAngleBefore', rule: 'range', message: 'kyphoticAngleBefore must be a number from -30 to 90 ° (got 91)' },
      { field: 'durationMinutes', rule: 'range', message: 'durationMinutes must be an integer from 1 to 600 min (got 0)' },
      { field: 'lengthOfStayDays', rule: 'integer', message: 'lengthOfStayDays must be a whole number (got 2.5)' },
      { field: 'doseAreaProductGyCm2', rule: 'range', message: 'doseAreaProductGyCm2 must be a number more than 0 and at most 1000 Gy·cm² (got 0)' },
    ]);
    expect(issues({ ...kypho, anaesthesia: 'SPINAL', brace: 'yes' })).toEqual(['brace:type', 'anaesthesia:enum']);
    expect(validate(treatmentUpdateSchema, { fluoroscopyTimeSeconds: 300 })).toEqual({ fluoroscopyTimeSeconds: 300 });
  });

  it('keep the rules between fields in the schema: procedure-only fields, the balloon, the stay', () => {
    expect(issues({ ...conservative, durationMinutes: 30, fluoroscopyTimeSeconds: 60, imagingGuidance: 'CT' }).sort()).toEqual([
      'durationMinutes:consistency',
      'fluoroscopyTimeSeconds:consistency',
      'imagingGuidance:consistency',
    ]);
    expect(issues({ ...kypho, anaesthesia: null })).toEqual(['anaesthesia:required']);
    expect(issues({ ...kypho, balloonUsed: false })).toEqual(['balloonUsed:consistency']);
    expect(issues({ ...kypho, sameDayDischarge: false })).toEqual(['lengthOfStayDays:required']);
    // Angles and conservative-care fields are open to every kind, as before.
    expect(issues({ ...conservative, kyphoticAngleBefore: 12, analgesicLevel: 'WEAK_OPIOID', brace: true })).toEqual([]);
  });

  it('give every definition its row of the field-access table, with the access of before', () => {
    for (const [name, d] of defs) {
      expect(fieldAccess('Treatment', name)).toEqual({ kind: 'value', about: d.about, access: d.access });
      expect([name, d.access]).toEqual([name, { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'full', DEPARTMENT_HEAD: 'none' }]);
    }
    expect(fieldAccess('Treatment', 'doseAreaProductGyCm2').about).toBe('Dose-area product, Gy·cm² (procedures)');
    expect(Object.keys(RECORD_FIELDS.Treatment.fields)).toEqual(expect.arrayContaining(defs.map(([n]) => n)));
    expect(fieldAccess('Treatment', 'kind').access[Role.RESEARCHER]).toBe('full');
  });

  it('describe themselves in the import, the dictionary and the form', () => {
    expect(csvDescription(TREATMENT_FIELDS.doseAreaProductGyCm2)).toBe('Dose-area product, Gy·cm² (procedures) (more than 0 and at most 1000 Gy·cm²)');
    expect(csvDescription(TREATMENT_FIELDS.readmittedWithin90Days)).toBe(
      'Readmitted within 90 days of discharge (true/false); true whenever readmitted_within_30_days is',
    );
    expect(typeWords(TREATMENT_FIELDS.doseAreaProductGyCm2)).toBe('number more than 0 and at most 1000 Gy·cm²');
    expect(formControl('doseAreaProductGyCm2', TREATMENT_FIELDS.doseAreaProductGyCm2)).toMatchObject({
      control: 'number',
      label: 'Dose-area product (Gy·cm²)',
      hint: 'more than 0 and at most 1000',
      step: 0.1,
    });
    expect(formControl('durationMinutes', TREATMENT_FIELDS.durationMinutes)).toMatchObject({
      control: 'number',
      label: 'Duration (min)',
      hint: '1 to 600',
      step: 1,
    });
    expect(formControl('brace', TREATMENT_FIELDS.brace)).toMatchObject({ control: 'yesNo', label: 'Brace / orthosis' });
    expect(formControl('imagingGuidance', TREATMENT_FIELDS.imagingGuidance).choices).toEqual([
      { value: 'FLUOROSCOPY', label: 'FLUOROSCOPY' },
      { value: 'CT', label: 'CT' },
    ]);
  });
});
