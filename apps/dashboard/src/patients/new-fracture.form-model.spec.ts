import { fieldIssues } from '@vfr/domain';
import { assessmentInput, assessmentRaw, emptyAssessment } from './assessment.form-model';
import { complicationInput, complicationRaw, complicationSchema, emptyComplication } from './complication.form-model';

const patientId = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';

describe("the forms: a new fracture's level and detection, imaging at a visit", () => {
  it('asks for level and detection on a new fracture, which the API leaves optional', () => {
    const raw = { ...emptyComplication(), kind: 'REMOTE_FRACTURE', occurredOn: '2025-01-10' };
    expect(fieldIssues(complicationSchema, complicationInput(raw, patientId)).map((i) => [i.field, i.rule])).toEqual([
      ['level', 'required'],
      ['detection', 'required'],
    ]);
    expect(fieldIssues(complicationSchema, complicationInput({ ...raw, level: 'T6', detection: 'CLINICAL' }, patientId))).toEqual([]);
    expect(fieldIssues(complicationSchema, complicationInput({ ...raw, kind: 'HAEMATOMA' }, patientId))).toEqual([]);
  });

  it("round-trips a stored fracture's level and detection, and a visit's imaging", () => {
    const stored = {
      treatmentId: null,
      occurredOn: '2025-01-10',
      kind: 'ADJACENT_LEVEL_FRACTURE',
      symptomatic: null,
      leakageType: null,
      clavienDindo: null,
      resolved: false,
      notes: null,
      level: 'L2',
      detection: 'INCIDENTAL',
    };
    expect(complicationInput(complicationRaw(stored), patientId)).toMatchObject({ level: 'L2', detection: 'INCIDENTAL' });
    const raw = { ...emptyAssessment(patientId, 'M3'), visitDate: '2025-04-01', nrsRest: '3', imagingDone: 'true' };
    const input = assessmentInput(raw, patientId) as { imagingDone?: boolean | null };
    expect(input.imagingDone).toBe(true);
    expect(assessmentRaw({ ...(input as object), treatmentId: patientId, timePoint: 'M3' } as never).imagingDone).toBe('true');
  });
});
