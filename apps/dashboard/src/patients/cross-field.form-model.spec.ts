import { TimePoint } from '@vfr/domain';
import { checkBeforeSending } from '../forms/field-errors';
import { ASSESSMENT_LABELS, assessmentInput, assessmentSchema, emptyAssessment } from './assessment.form-model';
import { emptyFracture, FRACTURE_LABELS, fractureInput, fractureSchema } from './fracture.form-model';

const PATIENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a01';
const TREATMENT = '7d1b7f9e-4a51-4c11-9a33-2f3f0e7b1a02';

// The forms run libs/domain's cross-field rules before sending: the message stands beside every
// field the rule relates, opened by the field's label.
describe('cross-field rules in the fracture and visit forms', () => {
  const fracture = { ...emptyFracture(), level: 'L1', onsetDate: '2025-01-05', cause: 'OSTEOPOROTIC', genantGrade: '1', heightLossPercent: '85', ofClass: '' };

  it('marks Genant grade and height loss with the same rule, nothing sent', () => {
    const errors = checkBeforeSending(fractureSchema, fractureInput(fracture, PATIENT), FRACTURE_LABELS);
    expect(Object.keys(errors).sort()).toEqual(['genantGrade', 'heightLossPercent']);
    expect(errors.genantGrade).toBe(
      'Genant grade 1 and heightLossPercent 85 contradict each other (rule genantHeightLoss): Genant grade 1 is a height loss of 20% to 25%, and 85% is grade 3',
    );
    expect(errors.heightLossPercent).toContain('(rule genantHeightLoss)');
    expect(checkBeforeSending(fractureSchema, fractureInput({ ...fracture, heightLossPercent: '22' }, PATIENT))).toEqual({});
  });

  it('marks an OF3 without the posterior wall on the class and on the checkbox', () => {
    const raw = { ...fracture, cause: 'TRAUMATIC', genantGrade: '2', heightLossPercent: '30', ofClass: 'OF3', posteriorWallInvolved: false };
    const errors = checkBeforeSending(fractureSchema, fractureInput(raw, PATIENT), FRACTURE_LABELS);
    expect(Object.keys(errors).sort()).toEqual(['ofClass', 'posteriorWallInvolved']);
    expect(errors.ofClass).toMatch(/^OF class OF3 and posteriorWallInvolved false contradict each other \(rule ofClassPosteriorWall\)/);
    expect(checkBeforeSending(fractureSchema, fractureInput({ ...raw, posteriorWallInvolved: true }, PATIENT))).toEqual({});
  });

  it('marks analgesics NONE with opioid use on both inputs', () => {
    const raw = { ...emptyAssessment(TREATMENT, TimePoint.M1), visitDate: '2025-02-01', nrsRest: '4', analgesicLevel: 'NONE', opioidUse: 'true' };
    const errors = checkBeforeSending(assessmentSchema, assessmentInput(raw, PATIENT), ASSESSMENT_LABELS);
    expect(Object.keys(errors).sort()).toEqual(['analgesicLevel', 'opioidUse']);
    expect(errors.analgesicLevel).toMatch(/^Analgesics NONE and opioidUse true contradict each other \(rule analgesicOpioidUse\)/);
    expect(checkBeforeSending(assessmentSchema, assessmentInput({ ...raw, analgesicLevel: 'WEAK_OPIOID' }, PATIENT))).toEqual({});
  });
});
