import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { PasswordContext, passwordIssue, ValidationError } from '@vfr/domain';
import { zxcvbnEstimator } from '@vfr/domain/password-strength';

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

  private dummyHash(): Promise<string> {
    return (this.dummy ??= hash(randomBytes(24).toString('base64')));
  }
}

export const hashPassword = (password: string) => hash(password);
