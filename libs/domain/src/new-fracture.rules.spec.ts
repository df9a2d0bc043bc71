import { fractureAdjacency, newFractureContradictions } from './cross-field.rules';
import { assessmentCreateSchema, assessmentUpdateSchema, complicationCreateSchema, complicationUpdateSchema } from './schemas';
import { fieldIssues, validate } from './validation';

const id = '8f6d2c1e-5b7a-4c3d-9e2f-1a2b3c4d5e6f';
const fracture = { patientId: id, occurredOn: '2024-03-01', kind: 'REMOTE_FRACTURE', resolved: false } as const;

describe('a new fracture: level, detection and adjacency', () => {
  it('derives adjacency from the treated levels, across the thoracolumbar junction, and marks a treated level', () => {
    expect(fractureAdjacency('L1', ['T12'])).toBe('ADJACENT');
    expect(fractureAdjacency('T11', ['T12'])).toBe('ADJACENT');
    expect(fractureAdjacency('T10', ['T12'])).toBe('REMOTE');
    expect(fractureAdjacency('L2', ['T12', 'L4'])).toBe('REMOTE');
    expect(fractureAdjacency('L3', ['T12', 'L4'])).toBe('ADJACENT');
    expect(fractureAdjacency('T12', ['T12'])).toBe('TREATED');
    expect(fractureAdjacency(null, ['T12'])).toBeNull();
    expect(fractureAdjacency('L1', [])).toBeNull();
  });

  it('refuses a kind its level contradicts, naming both fields and the rule', () => {
    const issues = newFractureContradictions({ kind: 'ADJACENT_LEVEL_FRACTURE', level: 'L3', treatedLevels: ['L1'] });
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['kind', 'fractureKindLevel'],
      ['level', 'fractureKindLevel'],
    ]);
    expect(issues[0].message).toMatch(/^kind ADJACENT_LEVEL_FRACTURE and level L3 contradict each other \(rule fractureKindLevel\): .*\(L1\)/);
    expect(newFractureContradictions({ kind: 'REMOTE_FRACTURE', level: 'L2', treatedLevels: ['L1'] })[0].message).toMatch(
      /so the fracture is ADJACENT_LEVEL_FRACTURE/,
    );
    expect(newFractureContradictions({ kind: 'REMOTE_FRACTURE', level: 'L1', treatedLevels: ['L1'] })[0].message).toMatch(/FURTHER_HEIGHT_LOSS/);
  });

  it('accepts agreeing kinds, an unknown level, and any other kind', () => {
    expect(newFractureContradictions({ kind: 'ADJACENT_LEVEL_FRACTURE', level: 'L2', treatedLevels: ['L1'] })).toEqual([]);
    expect(newFractureContradictions({ kind: 'REMOTE_FRACTURE', level: 'T6', treatedLevels: ['L1'] })).toEqual([]);
    expect(newFractureContradictions({ kind: 'REMOTE_FRACTURE', level: null, treatedLevels: ['L1'] })).toEqual([]);
    expect(newFractureContradictions({ kind: 'INFECTION', level: 'L1', treatedLevels: ['L1'] })).toEqual([]);
  });

  it('keeps level and detection optional on a new fracture (old rows and CSV files), and checks their values', () => {
    expect(validate(complicationCreateSchema, fracture).level).toBeUndefined();
    const v = validate(complicationCreateSchema, { ...fracture, level: 'T8', detection: 'SCHEDULED_IMAGING' });
    expect([v.level, v.detection]).toEqual(['T8', 'SCHEDULED_IMAGING']);
    expect(fieldIssues(complicationCreateSchema, { ...fracture, level: 'S1', detection: 'XRAY' }).map((i) => i.field)).toEqual(['level', 'detection']);
  });

  it('refuses level and detection on any kind but a new fracture, on create and on the merged update', () => {
    const issues = fieldIssues(complicationCreateSchema, { ...fracture, kind: 'INFECTION', level: 'T8', detection: 'CLINICAL' });
    expect(issues).toEqual([
      { field: 'level', rule: 'consistency', message: 'level applies to new fractures (ADJACENT_LEVEL_FRACTURE, REMOTE_FRACTURE) only, not to INFECTION' },
      {
        field: 'detection',
        rule: 'consistency',
        message: 'detection applies to new fractures (ADJACENT_LEVEL_FRACTURE, REMOTE_FRACTURE) only, not to INFECTION',
      },
    ]);
    expect(fieldIssues(complicationUpdateSchema, { kind: 'HAEMATOMA', level: 'T8' }).map((i) => i.field)).toEqual(['level']);
  });

  it('records imaging at a visit that was done, and refuses imaging done at a missed one', () => {
    const visit = { patientId: id, treatmentId: id, timePoint: 'M3', visitDate: '2024-04-01', status: 'DONE', nrsRest: 3 } as const;
    expect(validate(assessmentCreateSchema, { ...visit, imagingDone: true }).imagingDone).toBe(true);
    expect(validate(assessmentCreateSchema, { ...visit, status: 'MISSED', visitDate: null, nrsRest: null, imagingDone: false }).imagingDone).toBe(false);
    expect(fieldIssues(assessmentUpdateSchema, { status: 'MISSED', imagingDone: true })).toEqual([
      { field: 'imagingDone', rule: 'consistency', message: 'imagingDone cannot be true for a missed visit' },
    ]);
    expect(fieldIssues(assessmentCreateSchema, { ...visit, imagingDone: 'yes' }).map((i) => i.field)).toEqual(['imagingDone']);
  });
});
