import { FRACTURE_RULES, fractureContradictions, GENANT_HEIGHT_LOSS, genantGradesFor, VISIT_RULES, visitContradictions } from './cross-field.rules';
import { ValidationError } from './errors';
import { assessmentCreateSchema, assessmentUpdateSchema, fractureCreateSchema } from './schemas';
import { fieldIssues, validate } from './validation';

const rulesOf = (issues: { rule: string }[]) => [...new Set(issues.map((i) => i.rule))].sort();

describe('Genant grade against height loss', () => {
  it('places each height loss in its grade, both grades on a bound', () => {
    expect(genantGradesFor(0)).toEqual([0]);
    expect(genantGradesFor(19.9)).toEqual([0]);
    expect(genantGradesFor(20)).toEqual([0, 1]);
    expect(genantGradesFor(20.1)).toEqual([1]);
    expect(genantGradesFor(25)).toEqual([1, 2]);
    expect(genantGradesFor(39.9)).toEqual([2]);
    expect(genantGradesFor(40)).toEqual([2, 3]);
    expect(genantGradesFor(40.1)).toEqual([3]);
    expect(genantGradesFor(100)).toEqual([3]);
  });

  it('covers 0-100% without a gap', () => {
    GENANT_HEIGHT_LOSS.forEach((g, i) => expect(g.minPercent).toBe(i === 0 ? 0 : GENANT_HEIGHT_LOSS[i - 1].maxPercent));
    expect(GENANT_HEIGHT_LOSS[GENANT_HEIGHT_LOSS.length - 1].maxPercent).toBe(100);
  });

  it('refuses grade 1 with 85% height loss, naming both fields, their values and the rule, on both fields', () => {
    const issues = fractureContradictions({ genantGrade: 1, heightLossPercent: 85 });
    const message =
      'genantGrade 1 and heightLossPercent 85 contradict each other (rule genantHeightLoss): Genant grade 1 is a height loss of 20% to 25%, and 85% is grade 3';
    expect(issues).toEqual([
      { field: 'genantGrade', rule: 'genantHeightLoss', message },
      { field: 'heightLossPercent', rule: 'genantHeightLoss', message },
    ]);
  });

  it.each([
    [0, 20, true],
    [0, 20.5, false],
    [1, 20, true],
    [1, 19.5, false],
    [1, 25, true],
    [1, 25.5, false],
    [2, 24.5, false],
    [2, 25, true],
    [2, 40, true],
    [2, 40.5, false],
    [3, 40, true],
    [3, 39.5, false],
    [3, 100, true],
  ])('grade %d with %d%% height loss: accepted %s', (genantGrade, heightLossPercent, ok) => {
    expect(fractureContradictions({ genantGrade, heightLossPercent }).length === 0).toBe(ok);
  });

  it('judges nothing without a height loss', () => {
    expect(fractureContradictions({ genantGrade: 3, heightLossPercent: null })).toEqual([]);
  });
});

describe('OF class against the other findings', () => {
  const of1 = { ofClass: 'OF1', genantGrade: 0, heightLossPercent: 5, morphology: null, mriOedema: true, posteriorWallInvolved: false };

  it('accepts an OF1 without deformation, with oedema', () => {
    expect(fractureContradictions(of1)).toEqual([]);
    expect(fractureContradictions({ ...of1, heightLossPercent: 20, mriOedema: null })).toEqual([]);
  });

  it('refuses an OF1 with any sign of deformation, without oedema or with the posterior wall involved, one rule each', () => {
    expect(rulesOf(fractureContradictions({ ...of1, genantGrade: 1, heightLossPercent: 22 }))).toEqual(['ofClassGenantGrade', 'ofClassHeightLoss']);
    expect(rulesOf(fractureContradictions({ ...of1, heightLossPercent: 20.5 }))).toEqual(['genantHeightLoss', 'ofClassHeightLoss']);
    expect(rulesOf(fractureContradictions({ ...of1, morphology: 'WEDGE' }))).toEqual(['ofClassMorphology']);
    expect(rulesOf(fractureContradictions({ ...of1, mriOedema: false }))).toEqual(['ofClassMriOedema']);
    expect(rulesOf(fractureContradictions({ ...of1, posteriorWallInvolved: true }))).toEqual(['ofClassPosteriorWall']);
  });

  it("refuses the surgeon's OF1 with grade 1 and 85% height loss under all three rules", () => {
    const issues = fractureContradictions({ ...of1, genantGrade: 1, heightLossPercent: 85 });
    expect(rulesOf(issues)).toEqual(['genantHeightLoss', 'ofClassGenantGrade', 'ofClassHeightLoss']);
    expect(issues.find((i) => i.rule === 'ofClassGenantGrade')).toEqual({
      field: 'ofClass',
      rule: 'ofClassGenantGrade',
      message:
        'ofClass OF1 and genantGrade 1 contradict each other (rule ofClassGenantGrade): OF1 is a fracture without deformation (bone oedema on MRI only), which is Genant grade 0',
    });
  });

  it.each(['OF3', 'OF4'])('refuses %s without the posterior wall, whatever the cause, on both fields', (ofClass) => {
    const issues = fractureContradictions({ ofClass, genantGrade: 2, heightLossPercent: 30, posteriorWallInvolved: false });
    expect(issues.map((i) => i.field)).toEqual(['ofClass', 'posteriorWallInvolved']);
    expect(issues[0].message).toMatch(new RegExp(`^ofClass ${ofClass} and posteriorWallInvolved false contradict each other \\(rule ofClassPosteriorWall\\)`));
    expect(fractureContradictions({ ofClass, genantGrade: 2, heightLossPercent: 30, posteriorWallInvolved: true })).toEqual([]);
  });

  it('accepts OF2 with or without the posterior wall (minor involvement is OF2), and OF5 either way', () => {
    for (const ofClass of ['OF2', 'OF5']) {
      for (const posteriorWallInvolved of [true, false])
        expect(fractureContradictions({ ofClass, genantGrade: 2, heightLossPercent: 30, posteriorWallInvolved })).toEqual([]);
    }
  });

  it('judges nothing without an OF class', () => {
    expect(
      fractureContradictions({ ofClass: null, genantGrade: 3, heightLossPercent: 50, morphology: 'CRUSH', mriOedema: false, posteriorWallInvolved: true }),
    ).toEqual([]);
  });

  it('names every rule once with the fields it relates', () => {
    const names = [...FRACTURE_RULES, ...VISIT_RULES].map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of [...FRACTURE_RULES, ...VISIT_RULES]) expect(r.fields.length).toBeGreaterThanOrEqual(2);
  });
});

describe('analgesics at a visit', () => {
  it.each([
    ['NONE', true, false],
    ['NON_OPIOID', true, false],
    ['WEAK_OPIOID', true, true],
    ['STRONG_OPIOID', true, true],
    ['NONE', false, true],
    ['NON_OPIOID', false, true],
    ['WEAK_OPIOID', false, false],
    ['STRONG_OPIOID', false, false],
    [null, true, true],
    ['STRONG_OPIOID', null, true],
  ])('level %s with opioidUse %s: accepted %s', (analgesicLevel, opioidUse, ok) => {
    expect(visitContradictions({ analgesicLevel, opioidUse }).length === 0).toBe(ok);
  });

  it('says what opioid use means, on both fields', () => {
    const issues = visitContradictions({ analgesicLevel: 'NONE', opioidUse: true });
    const message =
      'analgesicLevel NONE and opioidUse true contradict each other (rule analgesicOpioidUse): opioid use is an analgesic level of WEAK_OPIOID or STRONG_OPIOID, not NONE';
    expect(issues).toEqual([
      { field: 'analgesicLevel', rule: 'analgesicOpioidUse', message },
      { field: 'opioidUse', rule: 'analgesicOpioidUse', message },
    ]);
  });
});

describe('the rules in the schemas', () => {
  const fracture = {
    patientId: '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f',
    level: 'L1',
    onsetDate: '2024-01-10',
    cause: 'TRAUMATIC',
    genantGrade: 2,
    heightLossPercent: 30,
    ofClass: 'OF3',
    posteriorWallInvolved: false,
    neurologicalDeficit: false,
  };
  const visit = { patientId: fracture.patientId, treatmentId: fracture.patientId, timePoint: 'M1', visitDate: '2024-02-10', status: 'DONE', nrsRest: 3 };

  it('refuses the traumatic OF3 without posterior wall when a fracture is created (API, import and form)', () => {
    expect(fieldIssues(fractureCreateSchema, fracture).map((i) => [i.field, i.rule])).toEqual([
      ['ofClass', 'ofClassPosteriorWall'],
      ['posteriorWallInvolved', 'ofClassPosteriorWall'],
    ]);
    expect(fieldIssues(fractureCreateSchema, { ...fracture, posteriorWallInvolved: true })).toEqual([]);
  });

  it('refuses NONE with opioid use when a visit is created or its merged record is updated, the message said once', () => {
    expect(rulesOf(fieldIssues(assessmentCreateSchema, { ...visit, analgesicLevel: 'NONE', opioidUse: true }))).toEqual(['analgesicOpioidUse']);
    expect(
      rulesOf(
        fieldIssues(assessmentUpdateSchema, { timePoint: 'M1', status: 'DONE', visitDate: '2024-02-10', nrsRest: 3, analgesicLevel: 'NONE', opioidUse: true }),
      ),
    ).toEqual(['analgesicOpioidUse']);
    try {
      validate(assessmentCreateSchema, { ...visit, analgesicLevel: 'NONE', opioidUse: true });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toHaveLength(2);
      expect((e as ValidationError).message.split('; ')).toHaveLength(1);
    }
  });
});
