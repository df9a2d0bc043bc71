import { TREATMENT_RULES, treatmentContradictions } from './cross-field.rules';
import { RANGES } from './ranges';
import { assessmentCreateSchema, treatmentCreateSchema, treatmentUpdateSchema } from './schemas';
import { fieldIssues } from './validation';

// Hospital use, radiation, cement fill and radiographic follow-up: each field's edges, the
// procedures-only rule, the readmission windows and the visit that was not done.
const F = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-000000000002';
const kypho = {
  patientId: P,
  kind: 'KYPHOPLASTY',
  startDate: '2024-01-10',
  anaesthesia: 'GENERAL',
  approach: 'BIPEDICULAR',
  balloonUsed: true,
  levels: [{ fractureId: F, cementVolumeMl: 4 }],
};
const conservative = { patientId: P, kind: 'CONSERVATIVE', startDate: '2024-01-10', levels: [{ fractureId: F }] };
const visit = { patientId: P, treatmentId: F, timePoint: 'M3', visitDate: '2024-04-10', status: 'DONE', nrsRest: 3 };
const issues = (schema: Parameters<typeof fieldIssues>[0], v: unknown) =>
  fieldIssues(schema, v)
    .map((i) => `${i.field}:${i.rule}`)
    .sort();

describe('readmission windows', () => {
  it('contradicts only a 30-day readmission recorded with no 90-day one', () => {
    expect(TREATMENT_RULES.map((r) => r.name)).toEqual(['readmissionWindows', 'diedInHospitalReadmission']);
    for (const r30 of [true, false, null]) {
      for (const r90 of [true, false, null]) {
        const broken = r30 === true && r90 === false;
        expect(treatmentContradictions({ readmittedWithin30Days: r30, readmittedWithin90Days: r90 }).length).toBe(broken ? 2 : 0);
      }
    }
  });

  it('names both fields, their values and the rule, on create and on the merged record of an update, for every kind', () => {
    const [i] = treatmentContradictions({ readmittedWithin30Days: true, readmittedWithin90Days: false });
    expect(i.message).toBe(
      'readmittedWithin30Days true and readmittedWithin90Days false contradict each other (rule readmissionWindows): a readmission within 30 days is also within 90 days, so readmittedWithin90Days cannot be false',
    );
    for (const base of [kypho, conservative]) {
      expect(issues(treatmentCreateSchema, { ...base, readmittedWithin30Days: true, readmittedWithin90Days: false })).toEqual([
        'readmittedWithin30Days:readmissionWindows',
        'readmittedWithin90Days:readmissionWindows',
      ]);
      expect(
        issues(treatmentCreateSchema, { ...base, dischargeDestination: 'NURSING_HOME', readmittedWithin30Days: true, readmittedWithin90Days: true }),
      ).toEqual([]);
    }
    const { patientId: _p, ...stored } = kypho;
    expect(issues(treatmentUpdateSchema, { ...stored, readmittedWithin90Days: false, readmittedWithin30Days: true })).toHaveLength(2);
    expect(issues(treatmentCreateSchema, { ...kypho, dischargeDestination: 'HOSPICE' })).toEqual(['dischargeDestination:enum']);
  });
});

describe('death in hospital and readmission', () => {
  it('contradicts a readmission of a patient who died in hospital, naming the three fields', () => {
    const issues = treatmentContradictions({ dischargeDestination: 'DIED_IN_HOSPITAL', readmittedWithin30Days: false, readmittedWithin90Days: true });
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'dischargeDestination:diedInHospitalReadmission',
      'readmittedWithin30Days:diedInHospitalReadmission',
      'readmittedWithin90Days:diedInHospitalReadmission',
    ]);
    expect(issues[0].message).toBe(
      'dischargeDestination DIED_IN_HOSPITAL, readmittedWithin30Days false and readmittedWithin90Days true contradict each other (rule diedInHospitalReadmission): a patient who died in hospital was not discharged alive, so cannot have been readmitted',
    );
    expect(treatmentContradictions({ dischargeDestination: 'DIED_IN_HOSPITAL', readmittedWithin30Days: false, readmittedWithin90Days: false })).toEqual([]);
    expect(treatmentContradictions({ dischargeDestination: 'DIED_IN_HOSPITAL', readmittedWithin30Days: null, readmittedWithin90Days: null })).toEqual([]);
    expect(treatmentContradictions({ dischargeDestination: 'NURSING_HOME', readmittedWithin30Days: true, readmittedWithin90Days: true })).toEqual([]);
  });
});

describe('radiation and cement fill (procedures only)', () => {
  it('takes the edges of each range and refuses just beyond them', () => {
    expect(
      issues(treatmentCreateSchema, {
        ...kypho,
        fluoroscopyTimeSeconds: 1,
        doseAreaProductGyCm2: 1000,
        levels: [{ fractureId: F, cementVolumeMl: 4, cementFillPercent: 0 }],
      }),
    ).toEqual([]);
    expect(
      issues(treatmentCreateSchema, {
        ...kypho,
        fluoroscopyTimeSeconds: 7200,
        doseAreaProductGyCm2: 0.01,
        levels: [{ fractureId: F, cementVolumeMl: 4, cementFillPercent: 100 }],
      }),
    ).toEqual([]);
    expect(
      issues(treatmentCreateSchema, {
        ...kypho,
        fluoroscopyTimeSeconds: 0,
        doseAreaProductGyCm2: 0,
        levels: [{ fractureId: F, cementVolumeMl: 4, cementFillPercent: -1 }],
      }),
    ).toEqual(['doseAreaProductGyCm2:range', 'fluoroscopyTimeSeconds:range', 'levels.0.cementFillPercent:range']);
    expect(
      issues(treatmentCreateSchema, {
        ...kypho,
        fluoroscopyTimeSeconds: 7201,
        doseAreaProductGyCm2: 1000.1,
        levels: [{ fractureId: F, cementVolumeMl: 4, cementFillPercent: 100.5 }],
      }),
    ).toEqual(['doseAreaProductGyCm2:range', 'fluoroscopyTimeSeconds:range', 'levels.0.cementFillPercent:range']);
    expect(issues(treatmentCreateSchema, { ...kypho, fluoroscopyTimeSeconds: 30.5 })).toEqual(['fluoroscopyTimeSeconds:integer']);
  });

  it('refuses them on conservative care', () => {
    expect(
      issues(treatmentCreateSchema, {
        ...conservative,
        fluoroscopyTimeSeconds: 60,
        doseAreaProductGyCm2: 2,
        levels: [{ fractureId: F, cementFillPercent: 10 }],
      }),
    ).toEqual(['doseAreaProductGyCm2:consistency', 'fluoroscopyTimeSeconds:consistency', 'levels.0.cementFillPercent:consistency']);
  });
});

describe('radiographic follow-up on a visit', () => {
  it("takes heights 0-120 and the treatment's kyphotic angle range, on a visit that was done only", () => {
    expect(RANGES.vertebralHeightPercent).toMatchObject({ min: 0, max: 120 });
    expect(
      issues(assessmentCreateSchema, {
        ...visit,
        anteriorHeightPercent: 0,
        middleHeightPercent: 120,
        posteriorHeightPercent: 100,
        kyphoticAngle: RANGES.kyphoticAngle.min,
      }),
    ).toEqual([]);
    expect(
      issues(assessmentCreateSchema, { ...visit, anteriorHeightPercent: -0.1, middleHeightPercent: 120.1, kyphoticAngle: RANGES.kyphoticAngle.max + 1 }),
    ).toEqual(['anteriorHeightPercent:range', 'kyphoticAngle:range', 'middleHeightPercent:range']);
    expect(issues(assessmentCreateSchema, { ...visit, status: 'MISSED', visitDate: null, nrsRest: null, posteriorHeightPercent: 90 })).toEqual([
      'posteriorHeightPercent:consistency',
    ]);
  });
});
