import { fieldIssues } from './validation';
import { passwordChangeSchema, passwordIssue, passwordPatternProblem } from './password-rule';
import { zxcvbnEstimator } from './password-strength';
import { userCreateSchema, userUpdateSchema } from './schemas';

const server = (password: string, context = {}) => passwordIssue('password', password, context, zxcvbnEstimator);

describe('the password rule', () => {
  it.each([
    ['short', /password must be at least 10 characters/],
    ['x'.repeat(201), /password must be at most 200 characters/],
    ['aaaaaaaaaa', /too easy to guess \(it uses fewer than 4 different characters\)/],
    ['abababababab', /too easy to guess/],
    ['ab12ab12ab12', /too easy to guess \(it repeats a short pattern\)/],
    ['abcdefghijk', /run of the alphabet, the digits or a keyboard row/],
    ['1234567890', /run of the alphabet/],
    ['0987654321', /run of the alphabet/],
    ['qwertyuiop', /keyboard row/],
  ])('refuses %s everywhere, the browser included, naming the field and the rule', (password, message) => {
    expect(passwordPatternProblem('password', password)).toMatch(message);
    expect(server(password)?.message).toMatch(message);
  });

  it.each([
    ['password123', /common password/],
    ['Password2024!', /common password with small changes|relies on a year/],
    ['admin12345', /too easy to guess/],
    ['1q2w3e4r5t', /too easy to guess/],
    ['letmein123', /too easy to guess/],
    ['welcome2025', /too easy to guess/],
    ['iloveyou12', /too easy to guess/],
  ])('refuses the common password %s on the server (the dictionary estimate)', (password, message) => {
    expect(passwordPatternProblem('password', password)).toBeNull();
    const issue = server(password);
    expect(issue).toMatchObject({ rule: 'strength' });
    expect(issue!.message).toMatch(message);
    expect(issue!.message).toMatch(/^password is too easy to guess .*: choose at least 10 characters/);
  });

  it("refuses a password built on the user's own email or name", () => {
    expect(passwordPatternProblem('password', 'maria.keller', { email: 'maria.keller@hospital.org' })).toMatch(/built on your email or name/);
    expect(passwordPatternProblem('password', 'Kellermaria1', { email: 'm@x.org', displayName: 'Maria Keller' })).toMatch(/built on your email or name/);
    expect(server('keller.hospital', { email: 'keller@hospital.org' })).toMatchObject({ rule: 'strength' });
  });

  it.each(['demo-registry-2026', 'long-enough-password', 'a long admin password', 'correct horse battery staple', 'Tr0ub4dor&3x', 'kyphoplasty-north'])(
    'accepts %s',
    (password) => {
      expect(server(password, { email: 'admin@demo.registry', displayName: 'Ada Admin' })).toBeNull();
    },
  );

  it("is part of the user schemas and of changePassword's, field by field", () => {
    expect(fieldIssues(userCreateSchema, { email: 'a@b.org', displayName: 'A', role: 'RESEARCHER', password: 'aaaaaaaaaa' })).toEqual([
      { field: 'password', rule: 'strength', message: expect.stringMatching(/^password is too easy to guess/) },
    ]);
    // An administrator never sets an existing user's password: a reset makes a temporary one.
    expect(userUpdateSchema.shape).not.toHaveProperty('password');
    expect(fieldIssues(passwordChangeSchema, { currentPassword: '', newPassword: '1234567890' })).toEqual([
      { field: 'currentPassword', rule: 'minLength', message: expect.any(String) },
      { field: 'newPassword', rule: 'strength', message: expect.stringMatching(/^newPassword is too easy to guess/) },
    ]);
  });
});
