import { AssessmentStatus, Eq5dValueSet, TimePoint, TreatmentKind } from '@vfr/domain';
import { assessmentInput, assessmentSchema, emptyAssessment, eq5dFromLevels, ASSESSMENT_LABELS, odiFromAnswers } from '../patients/assessment.form-model';
import { emptyPatient, PATIENT_LABELS, patientInput, patientSchema, patientToValidate } from '../patients/patient.form-model';
import { emptyTreatment, placeLevelErrors, TREATMENT_LABELS, treatmentInput, treatmentSchema } from '../patients/treatment.form-model';
import { complicationInput, complicationSchema, COMPLICATION_LABELS, emptyComplication } from '../patients/complication.form-model';
import { emptyFracture, FRACTURE_LABELS, fractureInput, fractureSchema } from '../patients/fracture.form-model';
import { humanize } from './choices';
import { checkBeforeSending, readable, unplaced } from './field-errors';
import { changedFields, numberOrNull, type RawValues } from './form-values';
import { serverProblem } from './server-problem';

const PATIENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a01';
const TREATMENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a02';
const FRACTURE_A = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a03';
const FRACTURE_B = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a04';

describe('form values', () => {
  it('keeps text that is not a number so the rule can quote it', () => {
    expect(numberOrNull(' 4,5 ')).toBe(4.5);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('abc')).toBe('abc');
  });

  it('sends only what changed in an update', () => {
    expect(changedFields({ genantGrade: 3, level: 'L1', mriOedema: null }, { genantGrade: 2, level: 'L1', mriOedema: undefined })).toEqual({ genantGrade: 3 });
  });
});

describe('libs/domain rules in the forms, before sending', () => {
  it('names the field by its label and keeps the rule', () => {
    const raw = { ...emptyAssessment(TREATMENT, TimePoint.M1), visitDate: '2025-02-01', nrsActivity: '11' };
    const errors = checkBeforeSending(assessmentSchema, assessmentInput(raw, PATIENT), ASSESSMENT_LABELS);
    expect(errors).toEqual({ nrsActivity: 'Pain on activity (NRS 0-10) must be an integer from 0 to 10 (got 11)' });
  });

  it('asks for a visit date and a score when the visit was done, and for neither when it was missed', () => {
    const done = checkBeforeSending(assessmentSchema, assessmentInput(emptyAssessment(TREATMENT, TimePoint.M3), PATIENT), ASSESSMENT_LABELS);
    expect(Object.keys(done).sort()).toEqual(['nrsRest', 'visitDate']);
    const missed = { ...emptyAssessment(TREATMENT, TimePoint.M3), status: AssessmentStatus.MISSED, nrsRest: '7' };
    const input = assessmentInput(missed, PATIENT);
    expect(input.nrsRest).toBeNull();
    expect(checkBeforeSending(assessmentSchema, input)).toEqual({});
  });

  it('scores the ODI from its ten answers and EQ-5D-5L from its five levels', () => {
    const raw = emptyAssessment(TREATMENT, TimePoint.M1);
    [3, 2, 2, 1, 3, 2, 1, '', 2, 1].forEach((a, i) => (raw[`odi.${i}`] = String(a)));
    // 17 of 45 points over the nine sections answered.
    expect(odiFromAnswers(raw)).toBe(37.8);
    [2, 1, 3, 3, 1].forEach((l, i) => (raw[`eq5d.${i}`] = String(l)));
    expect(eq5dFromLevels(raw)).toBe(Math.round((1 - 0.058 - 0.063 - 0.084) * 1000) / 1000);
    // Valued with the registry's set when it is another: Germany's 21331.
    expect(eq5dFromLevels(raw, Eq5dValueSet.GERMANY)).toBe(Math.round((1 - 0.026 - 0.049 - 0.109) * 1000) / 1000);
    raw.visitDate = '2025-03-01';
    raw.rmdqAnswered = true;
    raw['rmdq.0'] = true;
    raw['rmdq.5'] = true;
    raw.eq5dVas = '60';
    const input = assessmentInput(raw, PATIENT);
    // The items are sent; the registry computes the scores from them (a total field is sent only without items).
    expect(input).toMatchObject({
      odi: null,
      odiItems: [3, 2, 2, 1, 3, 2, 1, null, 2, 1],
      eq5dIndex: null,
      eq5dLevels: [2, 1, 3, 3, 1],
      eq5dVas: 60,
      rmdq: null,
      rmdqItems: Array.from({ length: 24 }, (_, i) => i === 0 || i === 5),
    });
    expect(checkBeforeSending(assessmentSchema, input)).toEqual({});
    // A score entered alone is sent as a total.
    const total = { ...emptyAssessment(TREATMENT, TimePoint.M1), visitDate: '2025-03-01', odi: '36' };
    expect(assessmentInput(total, PATIENT)).toMatchObject({ odi: 36, odiItems: null, rmdqItems: null, eq5dLevels: null });
  });

  it('registers a patient without a registry number (the server assigns it) and checks the birth date against the year', () => {
    const raw = { ...emptyPatient(), sex: 'FEMALE', birthYear: '1941', mrn: 'M-1', familyName: 'Doe', givenName: 'Ann', dateOfBirth: '1942-05-01' };
    const input = patientInput(raw, '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a09');
    expect(input.registryNumber).toBeUndefined();
    expect(checkBeforeSending(patientSchema, patientToValidate(input), PATIENT_LABELS)).toEqual({
      'identifiers.dateOfBirth': 'Date of birth must fall in the birth year 1941',
    });
    expect(checkBeforeSending(patientSchema, patientToValidate({ ...input, birthYear: 1942 }))).toEqual({});
  });

  it('refuses a fracture without a level and a Genant grade of 4', () => {
    const raw = { ...emptyFracture(), onsetDate: '2025-01-10', cause: 'OSTEOPOROTIC', genantGrade: '4' };
    const errors = checkBeforeSending(fractureSchema, fractureInput(raw, PATIENT), FRACTURE_LABELS);
    expect(errors.genantGrade).toBe('Genant grade must be an integer from 0 to 3 (got 4)');
    expect(errors.level).toMatch(/^Level is required/);
  });

  it('asks a kyphoplasty for anaesthesia, approach and cement, placed beside the fracture it concerns', () => {
    const raw: RawValues = {
      ...emptyTreatment([FRACTURE_A, FRACTURE_B]),
      kind: TreatmentKind.KYPHOPLASTY,
      startDate: '2025-01-20',
      [`treats.${FRACTURE_B}`]: true,
    };
    const input = treatmentInput(raw, PATIENT, [FRACTURE_A, FRACTURE_B]);
    expect(input.levels).toEqual([{ fractureId: FRACTURE_B, cementType: null, cementVolumeMl: null, cementFillPercent: null }]);
    expect(input.balloonUsed).toBe(true);
    const errors = placeLevelErrors(checkBeforeSending(treatmentSchema, input, TREATMENT_LABELS), raw, [FRACTURE_A, FRACTURE_B]);
    expect(Object.keys(errors).sort()).toEqual(['anaesthesia', 'approach', `cementVolumeMl.${FRACTURE_B}`]);
  });

  it('leaves procedure fields out of conservative care so the rules accept it', () => {
    const raw = { ...emptyTreatment([FRACTURE_A]), kind: TreatmentKind.CONSERVATIVE, startDate: '2025-01-20', anaesthesia: 'LOCAL', brace: 'true' };
    const input = treatmentInput(raw, PATIENT, [FRACTURE_A]);
    expect(input).toMatchObject({ anaesthesia: null, brace: true, levels: [{ fractureId: FRACTURE_A }] });
    expect(checkBeforeSending(treatmentSchema, input)).toEqual({});
  });

  it('asks a cement leakage for its type and whether it was symptomatic', () => {
    const raw = { ...emptyComplication(TREATMENT), occurredOn: '2025-01-21', kind: 'CEMENT_LEAKAGE' };
    const errors = checkBeforeSending(complicationSchema, complicationInput(raw, PATIENT), COMPLICATION_LABELS);
    expect(Object.keys(errors).sort()).toEqual(['leakageType', 'symptomatic']);
    expect(errors.leakageType).toBe('Leakage type (B, S, C or D) is required for a cement leakage');
  });

  it('lists messages of fields the form does not show', () => {
    expect(unplaced({ patientId: 'patientId must be an id', nrsRest: 'x' }, ['nrsRest'])).toEqual(['patientId must be an id']);
    expect(readable({ field: 'levels.0.cementVolumeMl', message: 'cementVolumeMl must be more than 0' }, TREATMENT_LABELS)).toBe(
      'Cement volume (ml) must be more than 0',
    );
  });
});

describe('server answers as sentences and field messages', () => {
  it('places field errors and counts them', () => {
    const p = serverProblem(
      {
        errors: [
          {
            message: 'visitDate (2024-01-01) is before the treatment started (2024-02-01)',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'visitDate',
              fields: [{ field: 'visitDate', rule: 'notBeforeTreatment', message: 'visitDate (2024-01-01) is before the treatment started (2024-02-01)' }],
            },
          },
        ],
      },
      ASSESSMENT_LABELS,
    );
    expect(p).toEqual({
      code: 'BAD_USER_INPUT',
      sentence: 'Nothing was saved: one field needs correcting.',
      fields: { visitDate: 'Visit date (2024-01-01) is before the treatment started (2024-02-01)' },
      stale: false,
    });
  });

  it('explains a stale version as a sentence and offers a reload', () => {
    const p = serverProblem({
      errors: [{ message: 'Fracture x was changed by someone else', extensions: { code: 'STALE_VERSION', field: 'version', currentVersion: 3 } }],
    });
    expect(p.stale).toBe(true);
    expect(p.fields).toEqual({});
    expect(p.sentence).toMatch(/^Someone else saved this record after you opened it/);
  });

  it('reads REST error bodies and network failures', () => {
    expect(
      serverProblem({
        error: {
          code: 'BAD_USER_INPUT',
          message: 'kind must be one of patients',
          field: 'kind',
          fields: [{ field: 'kind', message: 'kind must be one of patients' }],
        },
      }).fields,
    ).toEqual({ kind: 'kind must be one of patients' });
    expect(serverProblem(new TypeError('Failed to fetch')).sentence).toBe('The registry server cannot be reached. Check your connection; nothing was saved.');
  });
});

describe('choices', () => {
  it('reads words as words and codes as codes', () => {
    expect(['DONE', 'WEAK_OPIOID', 'T12', 'OF3', 'IIIA', 'CT', 'PMMA_HIGH_VISCOSITY', 'B'].map(humanize)).toEqual([
      'Done',
      'Weak opioid',
      'T12',
      'OF3',
      'IIIA',
      'CT',
      'PMMA HIGH VISCOSITY',
      'B',
    ]);
  });
});
