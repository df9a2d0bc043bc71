import { fieldIssues, PATIENT_FIELDS } from '@vfr/domain';
import { emptyPatient, PATIENT_LABELS, patientInput, patientRaw, patientSchema, patientToValidate, type StoredPatient } from './patient.form-model';

const SITE = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';

describe('patient form model, from the field definitions', () => {
  it('has a blank value and a label for every defined field', () => {
    const empty = emptyPatient();
    for (const name of Object.keys(PATIENT_FIELDS)) {
      expect(name in empty).toBe(true);
      expect(PATIENT_LABELS[name]).toBe(PATIENT_FIELDS[name as keyof typeof PATIENT_FIELDS].label);
    }
    expect(empty.consentStatus).toBe('PENDING');
    expect(empty.steroidUse).toBe(false);
    expect(empty.dementia).toBe('');
  });

  it('turns the typed text into the input: blanks are not recorded, numbers numbers, yes / no selects booleans', () => {
    const raw = {
      ...emptyPatient(),
      sex: 'FEMALE',
      birthYear: '1941',
      clinicalFrailtyScale: '6',
      dementia: 'false',
      flsReferral: 'true',
      dxaDate: '2024-02-20',
      preFractureMobility: 'WALKER',
    };
    const input = patientInput(raw, SITE);
    expect(input).toMatchObject({
      clinicalFrailtyScale: 6,
      dementia: false,
      flsReferral: true,
      vitaminDSupplementation: null,
      dxaDate: '2024-02-20',
      preFractureMobility: 'WALKER',
      charlsonComorbidityIndex: null,
      steroidUse: false,
    });
    expect(fieldIssues(patientSchema, patientToValidate(input))).toEqual([]);
    const bad = patientInput({ ...raw, clinicalFrailtyScale: '12', painUnderAnalgesia: 'a lot' }, SITE);
    expect(fieldIssues(patientSchema, patientToValidate(bad)).map((i) => [i.field, i.rule])).toEqual([
      ['clinicalFrailtyScale', 'range'],
      ['painUnderAnalgesia', 'type'],
    ]);
  });

  it('gives back the stored values unchanged after a round trip through the form', () => {
    const stored = {
      registryNumber: 'N-1',
      sex: 'MALE',
      birthYear: 1940,
      bmi: 22.5,
      tScore: -3.1,
      steroidUse: true,
      activeCancer: false,
      ongoingChemotherapy: false,
      ongoingRadiotherapy: false,
      asaClass: 3,
      consentStatus: 'GIVEN',
      dementia: false,
      anticoagulation: null,
      modifiedFrailtyIndex: 2,
      antiOsteoporoticDrug: 'DENOSUMAB',
      antiOsteoporoticStartDate: '2024-03-11',
    } as unknown as StoredPatient;
    expect(patientInput(patientRaw(stored), SITE)).toMatchObject({
      bmi: 22.5,
      tScore: -3.1,
      steroidUse: true,
      dementia: false,
      anticoagulation: null,
      modifiedFrailtyIndex: 2,
      antiOsteoporoticDrug: 'DENOSUMAB',
      antiOsteoporoticStartDate: '2024-03-11',
    });
  });
});
