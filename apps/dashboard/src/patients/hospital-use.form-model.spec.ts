import { checkBeforeSending } from '../forms/field-errors';
import { ASSESSMENT_LABELS, assessmentInput, assessmentRaw, assessmentSchema, emptyAssessment } from './assessment.form-model';
import { emptyTreatment, TREATMENT_LABELS, treatmentInput, treatmentRaw, treatmentSchema } from './treatment.form-model';

const PATIENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a01';
const F1 = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a03';

// The treatment form sends the hospital stay, discharge and readmissions for every path and the
// radiation and cement fill for procedures only; the visit form sends its radiographs for a visit
// that was done; both mark a broken rule before sending.
describe('hospital use and radiographs in the forms', () => {
  const conservative = {
    ...emptyTreatment([F1]),
    kind: 'CONSERVATIVE',
    startDate: '2025-01-10',
    sameDayDischarge: 'false',
    lengthOfStayDays: '6',
    dischargeDestination: 'REHABILITATION',
    readmittedWithin30Days: 'false',
    readmittedWithin90Days: 'true',
    fluoroscopyTimeSeconds: '300',
  };

  it("sends a conservative treatment's stay, discharge and readmissions, and none of a procedure's radiation", () => {
    const input = treatmentInput(conservative, PATIENT, [F1]) as unknown as Record<string, unknown>;
    expect(input).toMatchObject({
      sameDayDischarge: false,
      lengthOfStayDays: 6,
      dischargeDestination: 'REHABILITATION',
      readmittedWithin30Days: false,
      readmittedWithin90Days: true,
      fluoroscopyTimeSeconds: null,
    });
    expect(checkBeforeSending(treatmentSchema, input as never, TREATMENT_LABELS)).toEqual({});
  });

  it("sends a procedure's radiation and cement fill per level, and reads them back from the stored record", () => {
    const raw = {
      ...conservative,
      kind: 'VERTEBROPLASTY',
      anaesthesia: 'LOCAL',
      approach: 'BIPEDICULAR',
      [`cementVolumeMl.${F1}`]: '4',
      [`cementFillPercent.${F1}`]: '35',
      doseAreaProductGyCm2: '12.5',
    };
    const input = treatmentInput(raw, PATIENT, [F1]) as unknown as Record<string, unknown>;
    expect(input).toMatchObject({
      fluoroscopyTimeSeconds: 300,
      doseAreaProductGyCm2: 12.5,
      levels: [{ fractureId: F1, cementVolumeMl: 4, cementFillPercent: 35, cementType: null }],
    });
    const back = treatmentRaw({ ...input, startDate: '2025-01-10', kind: 'VERTEBROPLASTY' } as never);
    expect(back).toMatchObject({
      dischargeDestination: 'REHABILITATION',
      readmittedWithin90Days: 'true',
      fluoroscopyTimeSeconds: '300',
      [`cementFillPercent.${F1}`]: '35',
    });
  });

  it('marks both readmission fields before sending when 30 days is yes and 90 days is no', () => {
    const errors = checkBeforeSending(
      treatmentSchema,
      treatmentInput({ ...conservative, readmittedWithin30Days: 'true', readmittedWithin90Days: 'false' }, PATIENT, [F1]),
      TREATMENT_LABELS,
    );
    expect(Object.keys(errors).sort()).toEqual(['readmittedWithin30Days', 'readmittedWithin90Days']);
    expect(errors.readmittedWithin30Days).toContain('(rule readmissionWindows)');
  });

  it("sends a visit's radiographs when it was done, not when it was missed, and marks a height out of range", () => {
    const raw = {
      ...emptyAssessment('7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a02', 'M3'),
      visitDate: '2025-04-10',
      nrsRest: '3',
      anteriorHeightPercent: '81.5',
      kyphoticAngle: '14',
    };
    expect(assessmentInput(raw, PATIENT)).toMatchObject({ anteriorHeightPercent: 81.5, middleHeightPercent: null, kyphoticAngle: 14 });
    expect(assessmentInput({ ...raw, status: 'MISSED' }, PATIENT)).toMatchObject({ anteriorHeightPercent: null, kyphoticAngle: null });
    expect(assessmentRaw(assessmentInput(raw, PATIENT) as never)).toMatchObject({ anteriorHeightPercent: '81.5', kyphoticAngle: '14' });
    const errors = checkBeforeSending(assessmentSchema, assessmentInput({ ...raw, posteriorHeightPercent: '130' }, PATIENT), ASSESSMENT_LABELS);
    expect(Object.keys(errors)).toEqual(['posteriorHeightPercent']);
  });
});
