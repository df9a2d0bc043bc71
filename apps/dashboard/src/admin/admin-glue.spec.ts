import { changes } from './audit-changes';

describe('the audit log\'s changes column', () => {
  it('lists the values a new record was given, leaving out empty ones and bookkeeping', () => {
    expect(changes(null, { id: 'x', version: 1, level: 'L1', genantGrade: 2, morphology: null, withdrawnAt: null })).toBe('level L1, genantGrade 2');
  });

  it('shows each changed field from its old to its new value', () => {
    expect(changes({ version: 1, genantGrade: 2, level: 'L1' }, { version: 2, genantGrade: 3, level: 'L1' })).toBe('genantGrade 2 → 3');
    expect(changes({ active: true }, { active: false })).toBe('active true → false');
  });
});
