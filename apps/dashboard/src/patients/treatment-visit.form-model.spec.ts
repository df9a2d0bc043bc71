import { ASSESSMENT_FIELDS, formControl, TREATMENT_FIELDS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { checkBeforeSending } from '../forms/field-errors';
import { ASSESSMENT_LABELS, assessmentInput, assessmentRaw, assessmentSchema, emptyAssessment } from './assessment.form-model';
import { emptyTreatment, PROCEDURE_FIELDS, TREATMENT_LABELS, treatmentInput, treatmentRaw, treatmentSchema } from './treatment.form-model';

const PATIENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a01';
const TREATMENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a02';
const F1 = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a03';

// The treatment and visit forms take their plain values from the definitions
// (libs/domain/src/fields): a blank value and a label each, the stored value back into the form and
// out again unchanged, and what only a procedure or a visit that was done may carry.
describe('treatment and visit forms, from the field definitions', () => {
  it('has a blank value and a label for every defined field', () => {
    const treatment = emptyTreatment([F1]);
    for (const [name, def] of Object.entries(TREATMENT_FIELDS)) expect([name, treatment[name], TREATMENT_LABELS[name]]).toEqual([name, '', def.label]);
    const visit = emptyAssessment(TREATMENT, 'M3');
    for (const [name, def] of Object.entries(ASSESSMENT_FIELDS)) expect([name, visit[name], ASSESSMENT_LABELS[name]]).toEqual([name, '', def.label]);
  });

  it('gives a stored kyphoplasty back unchanged after a round trip through the form', () => {
    const stored = {
      kind: 'KYPHOPLASTY',
      startDate: '2025-01-10',
      levels: [{ fractureId: F1, cementType: 'PMMA', cementVolumeMl: 4.5, cementFillPercent: 30 }],
      analgesicLevel: 'NON_OPIOID',
      brace: false,
      bedRest: null,
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
    const raw = treatmentRaw(stored);
    expect(raw).toMatchObject({ brace: 'false', bedRest: '', physiotherapy: 'true', durationMinutes: '55', imagingGuidance: 'CT' });
    const input = treatmentInput(raw, PATIENT, [F1]);
    expect(input).toEqual({ patientId: PATIENT, ...stored });
    expect(checkBeforeSending(treatmentSchema, input, TREATMENT_LABELS)).toEqual({});
  });

  it("sends none of a procedure's fields for conservative care, and a balloon for a kyphoplasty left blank", () => {
    const raw = {
      ...emptyTreatment([F1]),
      kind: 'CONSERVATIVE',
      startDate: '2025-01-10',
      brace: 'true',
      durationMinutes: '40',
      kyphoticAngleBefore: '12',
      anaesthesia: 'LOCAL',
    };
    const input = treatmentInput(raw, PATIENT, [F1]) as unknown as Record<string, unknown>;
    for (const f of PROCEDURE_FIELDS) expect([f, input[f]]).toEqual([f, null]);
    expect(input.brace).toBe(true);
    expect(checkBeforeSending(treatmentSchema, input as never, TREATMENT_LABELS)).toEqual({});
    const kypho = treatmentInput({ ...raw, kind: 'KYPHOPLASTY', approach: 'UNIPEDICULAR', [`cementVolumeMl.${F1}`]: '3' }, PATIENT, [F1]);
    expect(kypho).toMatchObject({ balloonUsed: true, durationMinutes: 40, anaesthesia: 'LOCAL' });
    // A message opens with the field's label.
    const errors = checkBeforeSending(
      treatmentSchema,
      treatmentInput({ ...raw, kind: 'VERTEBROPLASTY', approach: 'UNIPEDICULAR', [`cementVolumeMl.${F1}`]: '3', doseAreaProductGyCm2: '0' }, PATIENT, [F1]),
      TREATMENT_LABELS,
    );
    expect(errors).toEqual({ doseAreaProductGyCm2: 'Dose-area product must be a number more than 0 and at most 1000 Gy·cm² (got 0)' });
  });

  it('gives a stored visit back unchanged, sends totals only without their items, and no value for a visit not done', () => {
    const stored = {
      treatmentId: TREATMENT,
      timePoint: 'M3',
      visitDate: '2025-04-10',
      status: 'DONE',
      nrsRest: 3,
      nrsActivity: 5,
      odi: 24,
      rmdq: 7,
      eq5dIndex: 0.7,
      eq5dVas: 65,
      analgesicLevel: 'WEAK_OPIOID',
      opioidUse: true,
      backToUsualActivities: false,
      physiotherapy: null,
      imagingDone: true,
      anteriorHeightPercent: 85.5,
      middleHeightPercent: null,
      posteriorHeightPercent: 97,
      kyphoticAngle: 14.5,
      missedReason: null,
      odiItems: null,
      rmdqItems: null,
      eq5dLevels: null,
    };
    const input = assessmentInput(assessmentRaw(stored), PATIENT);
    expect(input).toEqual({ patientId: PATIENT, ...stored });
    expect(checkBeforeSending(assessmentSchema, input, ASSESSMENT_LABELS)).toEqual({});

    const answered = { ...assessmentRaw(stored), 'eq5d.0': '2', 'eq5d.1': '1', 'eq5d.2': '2', 'eq5d.3': '3', 'eq5d.4': '1' };
    expect(assessmentInput(answered, PATIENT)).toMatchObject({ eq5dIndex: null, eq5dLevels: [2, 1, 2, 3, 1], odi: 24 });

    const missed = assessmentInput({ ...assessmentRaw(stored), status: 'MISSED', visitDate: '' }, PATIENT) as unknown as Record<string, unknown>;
    for (const name of Object.keys(ASSESSMENT_FIELDS)) expect([name, missed[name]]).toEqual([name, null]);
    expect(checkBeforeSending(assessmentSchema, missed)).toEqual({});
    // Why it was missed: kept for a missed visit, dropped when the visit is made done or withdrawn.
    const why = { ...assessmentRaw(stored), status: 'MISSED', visitDate: '', missedReason: 'DECLINED' };
    expect(assessmentInput(why, PATIENT)).toMatchObject({ status: 'MISSED', missedReason: 'DECLINED', nrsRest: null });
    expect(checkBeforeSending(assessmentSchema, assessmentInput(why, PATIENT))).toEqual({});
    expect(assessmentInput({ ...why, status: 'DONE', visitDate: '2025-04-10' }, PATIENT)).toMatchObject({ status: 'DONE', missedReason: null, nrsRest: 3 });
    expect(assessmentInput({ ...why, status: 'WITHDRAWN' }, PATIENT)).toMatchObject({ missedReason: null });
  });

  it('keeps every score a typed number with its scale in the label (Enter saves the visit), and names it so in a message', () => {
    const scores = ['nrsRest', 'nrsActivity', 'odi', 'rmdq', 'eq5dIndex', 'eq5dVas'] as const;
    expect(scores.map((s) => [s, formControl(s, ASSESSMENT_FIELDS[s], humanize).control])).toEqual(scores.map((s) => [s, 'number']));
    expect(scores.map((s) => formControl(s, ASSESSMENT_FIELDS[s], humanize).label)).toEqual([
      'Pain at rest (NRS 0-10)',
      'Pain on activity (NRS 0-10)',
      'ODI (%)',
      'RMDQ (0-24)',
      'EQ-5D-5L index',
      'EQ VAS (0-100)',
    ]);
    const raw = { ...emptyAssessment(TREATMENT, 'M1'), visitDate: '2025-02-01', nrsActivity: '11' };
    expect(checkBeforeSending(assessmentSchema, assessmentInput(raw, PATIENT), ASSESSMENT_LABELS)).toEqual({
      nrsActivity: 'Pain on activity (NRS 0-10) must be an integer from 0 to 10 (got 11)',
    });
  });
});
