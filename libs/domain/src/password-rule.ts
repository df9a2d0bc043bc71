import { z } from 'zod/mini';
import { TEXT_LIMITS } from './ranges';

// The password rule, for every password a person chooses: a new user's, an admin's reset, a
// change of one's own, the first admin's (ADMIN_PASSWORD). Length alone lets "aaaaaaaaaa"
// through, so the rule also refuses what an attacker tries first.
//
// Two parts. The patterns below (one character or a short piece repeated, runs of the alphabet,
// digits or a keyboard row, the user's own email or name) run everywhere, the dashboard
// included. The dictionary part, an estimate of how many guesses the password would take
// against lists of common passwords (zxcvbn-ts, password-strength.ts), runs on the server only:
// its word lists are larger than the dashboard's whole JavaScript budget. Its refusal comes back
// as a field error like any other.

/** What the password must not contain: the user's own email and name. */
export interface PasswordContext {
  email?: string | null;
  displayName?: string | null;
}

/** An estimate of how hard a password is to guess: zxcvbn's score from 0 to 4 and why it is low. */
export interface PasswordStrength {
  score: number;
  /** Why it is easy to guess, as a clause: "it is a common password". */
  why?: string | null;
}

export type PasswordEstimator = (password: string, userInputs: string[]) => PasswordStrength;

/** The least score accepted: zxcvbn's "safely unguessable", about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

const ADVICE =
  'choose at least 10 characters that are not a common password, a name, a date or a pattern such as aaaa or 12345; a few unrelated words work well';

// Read forwards and backwards.
const ROWS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm', 'qwertzuiop', 'azertyuiop'];

const tooEasy = (field: string, why: string) => `${field} is too easy to guess (${why}): ${ADVICE}`;

/** The parts of the user's email and name a password must not be built on. */
export function personalWords(context: PasswordContext = {}): string[] {
  const email = (context.email ?? '').trim().toLowerCase();
  const words = [email, email.split('@')[0], ...email.split(/[@.+_-]/), ...(context.displayName ?? '').toLowerCase().split(/\s+/)];
  return [...new Set(words.filter((w) => w.length >= 4))];
}

export interface PasswordRuleIssue {
  rule: 'minLength' | 'maxLength' | 'strength';
  message: string;
}

function patternIssue(field: string, password: string, context: PasswordContext): PasswordRuleIssue | null {
  const strength = (why: string): PasswordRuleIssue => ({ rule: 'strength', message: tooEasy(field, why) });
  if (typeof password !== 'string' || password.length < TEXT_LIMITS.passwordMin)
    return { rule: 'minLength', message: `${field} must be at least ${TEXT_LIMITS.passwordMin} characters` };
  if (password.length > TEXT_LIMITS.passwordMax) return { rule: 'maxLength', message: `${field} must be at most ${TEXT_LIMITS.passwordMax} characters` };
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return strength('it uses fewer than 4 different characters');
  if (/^(.{1,6}?)\1+$/su.test(lower)) return strength('it repeats a short pattern');
  const core = lower.replace(/[^\p{L}\p{N}]/gu, '');
  if (core.length >= password.length - 2 && ROWS.some((row) => row.includes(core) || [...row].reverse().join('').includes(core))) {
    return strength('it is a run of the alphabet, the digits or a keyboard row');
  }
  // What is left once the email and name are taken out must be a password of its own.
  let rest = lower;
  for (const w of personalWords(context).sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  if (rest !== lower && rest.replace(/[^\p{L}\p{N}]/gu, '').length < 4) return strength('it is built on your email or name');
  return null;
}

/**
 * The patterns part of the rule: a message naming the field and the rule, or null. Runs in the
 * browser and on the server alike.
 */
export function passwordPatternProblem(field: string, password: string, context: PasswordContext = {}): string | null {
  return patternIssue(field, password, context)?.message ?? null;
}

/**
 * The whole rule: the patterns, then (where an estimator is given: the server) how many guesses
 * the password would take against lists of common passwords. The field and rule refused, or null.
 */
export function passwordIssue(field: string, password: string, context: PasswordContext = {}, estimate?: PasswordEstimator): PasswordRuleIssue | null {
  const pattern = patternIssue(field, password, context);
  if (pattern || !estimate) return pattern;
  const strength = estimate(password, personalWords(context));
  if (strength.score >= MIN_PASSWORD_SCORE) return null;
  return { rule: 'strength', message: tooEasy(field, strength.why ?? 'a computer would guess it quickly') };
}

/** passwordIssue's message alone. */
export function passwordProblem(field: string, password: string, context: PasswordContext = {}, estimate?: PasswordEstimator): string | null {
  return passwordIssue(field, password, context, estimate)?.message ?? null;
}

/** The rule as a schema field, for forms and inputs (the patterns part; the server adds the estimate). */
export function passwordField(field: string) {
  return z.string().check(
    z.superRefine((value: string, ctx) => {
      const issue = patternIssue(field, value, {});
      if (issue) ctx.addIssue({ code: 'custom', message: issue.message, params: { rule: issue.rule } });
    }),
  );
}

/** changePassword's input. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, { error: 'currentPassword is required' }), z.maxLength(TEXT_LIMITS.passwordMax)),
  newPassword: passwordField('newPassword'),
});
