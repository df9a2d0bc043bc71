import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';
import { PasswordContext, passwordIssue, ValidationError } from '@vfr/domain';
import { zxcvbnEstimator } from '@vfr/domain/password-strength';

const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Passwords longer than this are refused without hashing (hashing is the costly part). */
const MAX_LENGTH = 200;

/**
 * argon2id hashing, and the one place passwords are checked, so that a sign-in costs the same
 * whether or not the account exists: for an unknown email the password is checked against the
 * hash of a random password made at start-up, with the same parameters as every stored hash.
 */
@Injectable()
export class Passwords implements OnModuleInit {
  private dummy?: Promise<string>;

  onModuleInit(): void {
    void this.dummyHash();
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** Whether `password` matches `stored`; with no stored hash (no such account), the same work for nothing. */
  async verify(stored: string | null | undefined, password: unknown): Promise<boolean> {
    const candidate = typeof password === 'string' && password.length <= MAX_LENGTH ? password : '';
    const against = stored ?? (await this.dummyHash());
    const ok = await this.argon2Verify(against, candidate);
    return ok && Boolean(stored) && candidate.length > 0;
  }

  /** The costly step, taken once per check whether or not the account exists (tests watch it). */
  argon2Verify(hashed: string, candidate: string): Promise<boolean> {
    return verify(hashed, candidate).catch(() => false);
  }

  /** The password rule (libs/domain), with the dictionary estimate: a field error naming the rule. */
  assertAcceptable(field: string, password: string, context: PasswordContext): void {
    const issue = passwordIssue(field, password, context, zxcvbnEstimator);
    if (issue) throw ValidationError.single(field, issue.rule, issue.message);
  }

  /**
   * A password for an administrator's reset: four groups of four random letters and digits
   * (about 79 bits) without the look-alikes (0/o, 1/l/i), easy to read out and type, and
   * passing the password rule like any other.
   */
  temporary(context: PasswordContext): string {
    for (;;) {
      const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(''));
      const candidate = groups.join('-');
      if (!passwordIssue('password', candidate, context, zxcvbnEstimator)) return candidate;
    }
  }

  private dummyHash(): Promise<string> {
    return (this.dummy ??= hash(randomBytes(24).toString('base64')));
  }
}

export const hashPassword = (password: string) => hash(password);
