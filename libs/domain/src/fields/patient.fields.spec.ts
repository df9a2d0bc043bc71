import { OfClass } from '../enums';
import { DEIDENTIFIED_ROLES, DEIDENTIFIED_RULES, DEFINED_EXPORT_COLUMNS, fieldAccess, RECORD_FIELDS } from '../field-access';
import { patientCreateSchema, patientUpdateSchema } from '../schemas';
import { fieldIssues, validate } from '../validation';
import { checkOf, csvDescription, formControl } from './field-definition';
import { PATIENT_FIELDS } from './patient.fields';

const base = {
  siteId: '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f',
  registryNumber: 'N-1',
  sex: 'FEMALE',
  birthYear: 1944,
  steroidUse: false,
  activeCancer: false,
  ongoingChemotherapy: false,
  ongoingRadiotherapy: false,
  consentStatus: 'GIVEN',
};
const defs = Object.entries(PATIENT_FIELDS);

describe('patient field definitions', () => {
  it('accepts a patient without any baseline field (they are all optional) and with every one at its edges', () => {
    expect(fieldIssues(patientCreateSchema, base)).toEqual([]);
    const low = { ...base, clinicalFrailtyScale: 1, charlsonComorbidityIndex: 0, priorVertebralFractures: 0, painUnderAnalgesia: 0, modifiedFrailtyIndex: 0 };
    const high = {
      ...base,
      clinicalFrailtyScale: 9,
      charlsonComorbidityIndex: 37,
      priorVertebralFractures: 16,
      painUnderAnalgesia: 10,
      modifiedFrailtyIndex: 5,
    };
    expect(fieldIssues(patientCreateSchema, low)).toEqual([]);
    expect(fieldIssues(patientCreateSchema, high)).toEqual([]);
  });

  it('refuses a value just outside each range, a fraction for an integer, an unknown choice and a bad date, naming field and rule', () => {
    const issues = fieldIssues(patientCreateSchema, {
      ...base,
      clinicalFrailtyScale: 10,
      charlsonComorbidityIndex: -1,
      priorVertebralFractures: 1.5,
      preFractureMobility: 'CRAWLING',
      antiOsteoporoticDrug: 'ASPIRIN',
      dxaDate: '2024-02-30',
      antiOsteoporoticStartDate: '2999-01-01',
      dementia: 'maybe',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'clinicalFrailtyScale', rule: 'range', message: 'clinicalFrailtyScale must be an integer from 1 to 9 (got 10)' },
        { field: 'charlsonComorbidityIndex', rule: 'range', message: 'charlsonComorbidityIndex must be an integer from 0 to 37 (got -1)' },
        { field: 'priorVertebralFractures', rule: 'integer', message: 'priorVertebralFractures must be a whole number (got 1.5)' },
        expect.objectContaining({ field: 'preFractureMobility', rule: 'enum' }),
        expect.objectContaining({ field: 'antiOsteoporoticDrug', rule: 'enum' }),
        { field: 'dxaDate', rule: 'date', message: 'dxaDate must be a calendar date YYYY-MM-DD (got "2024-02-30")' },
        expect.objectContaining({ field: 'antiOsteoporoticStartDate', rule: 'notFuture' }),
        expect.objectContaining({ field: 'dementia', rule: 'type' }),
      ]),
    );
    expect(issues).toHaveLength(8);
  });

  it('still requires the fields that were required, and updates take any one field alone', () => {
    const { sex: _s, ...noSex } = base;
    expect(fieldIssues(patientCreateSchema, noSex)).toEqual([expect.objectContaining({ field: 'sex', rule: 'required' })]);
    expect(validate(patientUpdateSchema, { painUnderAnalgesia: 7 })).toEqual({ painUnderAnalgesia: 7 });
    expect(fieldIssues(patientUpdateSchema, { painUnderAnalgesia: 11 })).toEqual([expect.objectContaining({ field: 'painUnderAnalgesia', rule: 'range' })]);
  });

  it('gives every definition a row of the field-access table with its own access, and every date a day field for de-identified readers', () => {
    for (const [name, def] of defs) {
      expect(fieldAccess('Patient', name)).toMatchObject({ about: def.about, access: def.access });
      for (const role of DEIDENTIFIED_ROLES) expect(DEIDENTIFIED_RULES[def.type === 'date' ? 'date' : 'value']).toContain(def.access[role]);
      if (def.type === 'date') {
        expect(def.access.RESEARCHER).toBe('withheld');
        expect('dayField' in def && fieldAccess('Patient', def.dayField)).toMatchObject({ kind: 'date', from: name, access: { RESEARCHER: 'dayOffset' } });
      }
    }
    expect(Object.keys(RECORD_FIELDS.Patient.fields)).toEqual(expect.arrayContaining(defs.map(([n]) => n)));
  });

  it('derives a CHECK for every range and list of choices, a CSV description and a form control', () => {
    expect(checkOf('patient', PATIENT_FIELDS.clinicalFrailtyScale)).toEqual({ name: 'ck_patient__clinical_frailty_scale__range', values: ['1', '9'] });
    expect(checkOf('patient', PATIENT_FIELDS.livingSituation)!.values).toEqual(['OWN_HOME_ALONE', 'OWN_HOME_WITH_OTHERS', 'ASSISTED_LIVING', 'NURSING_HOME']);
    expect(checkOf('patient', PATIENT_FIELDS.dementia)).toBeNull();
    expect(csvDescription(PATIENT_FIELDS.steroidUse)).toBe('Long-term steroid use (true/false; default false)');
    expect(formControl('bmi', PATIENT_FIELDS.bmi)).toMatchObject({ control: 'number', label: 'BMI (kg/m²)', min: 10, max: 80, step: 0.1, required: false });
    expect(formControl('dementia', PATIENT_FIELDS.dementia).control).toBe('yesNo');
    expect(formControl('steroidUse', PATIENT_FIELDS.steroidUse).control).toBe('check');
    expect(formControl('preFractureMobility', PATIENT_FIELDS.preFractureMobility).choices![0]).toEqual({ value: 'INDEPENDENT', label: 'Independent, no aid' });
    expect(formControl('sex', PATIENT_FIELDS.sex).required).toBe(true);
  });

  it('puts the baseline into the cohort export, dates as days for every reader', () => {
    expect(DEFINED_EXPORT_COLUMNS.dxa_day).toMatchObject({
      field: 'dxaDate',
      source: 'dxa_date',
      type: 'integer',
      access: { COORDINATOR: 'dayOffset', RESEARCHER: 'dayOffset' },
    });
    expect(DEFINED_EXPORT_COLUMNS.anti_osteoporotic_start_day).toMatchObject({ field: 'antiOsteoporoticStartDate' });
    expect(DEFINED_EXPORT_COLUMNS.clinical_frailty_scale).toMatchObject({ type: 'integer 1 to 9', access: { RESEARCHER: 'full' } });
    expect(DEFINED_EXPORT_COLUMNS.sex).toBeUndefined();
    expect(Object.values(DEFINED_EXPORT_COLUMNS).some((c) => c.source.endsWith('_date') && c.access.RESEARCHER === 'full')).toBe(false);
  });
});

void OfClass;
