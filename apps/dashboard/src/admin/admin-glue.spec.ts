import { checkBeforeSending } from '../forms/field-errors';
import { changes } from './audit-changes';
import { emptyUser, hidePassword, USER_LABELS, userInput, userSchema } from './user.form-model';

describe("the audit log's changes column", () => {
  it('lists the values a new record was given, leaving out empty ones and bookkeeping', () => {
    expect(changes(null, { id: 'x', version: 1, level: 'L1', genantGrade: 2, morphology: null, withdrawnAt: null })).toBe('level L1, genantGrade 2');
  });

  it('shows each changed field from its old to its new value', () => {
    expect(changes({ version: 1, genantGrade: 2, level: 'L1' }, { version: 2, genantGrade: 3, level: 'L1' })).toBe('genantGrade 2 → 3');
    expect(changes({ active: true }, { active: false })).toBe('active true → false');
  });
});

describe('the new user form', () => {
  it('asks a coordinator for a site and never shows the password typed', () => {
    const raw = { ...emptyUser(), email: 'a@b.org', displayName: 'A', role: 'COORDINATOR', password: 'short' };
    expect(hidePassword(checkBeforeSending(userSchema, userInput(raw), USER_LABELS))).toEqual({
      siteId: 'Site is required for a COORDINATOR',
      password: 'Initial password must be at least 10 characters',
    });
  });
});

describe('ids in the audit log', () => {
  const id = 'ca3f5f4b-1234-4abc-8def-0123456789ab';
  it('shows an id the API named by its name, and an unnamed one shortened', () => {
    const names = new Map([[id, 'NORTH-001234']]);
    expect(changes(null, { patientId: id, level: 'L1' }, names)).toBe('patientId NORTH-001234, level L1');
    expect(changes(null, { patients: [id] }, names)).toBe('patients ["NORTH-001234"]');
    expect(changes(null, { patientId: id })).toBe('patientId ca3f5f4b…');
  });
});
