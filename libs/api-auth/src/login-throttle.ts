import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '@vfr/domain';

const WINDOW_MS = 15 * 60 * 1000;
/** Per account; an address (an office behind one NAT) is allowed more. */
const MAX_FAILURES: Record<'email' | 'ip', number> = { email: 5, ip: 20 };

/**
 * Slows password guessing: after 5 failed logins for an account (20 from one address) within 15
 * minutes, further attempts are refused until the window passes. Kept per process, which is safe:
 * with several API processes an attacker gets at most 5 tries per process.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= MAX_FAILURES[key.startsWith('ip:') ? 'ip' : 'email']) {
        const retry = Math.ceil((recent[0] + WINDOW_MS - now) / 1000);
        throw new TooManyRequestsError(`Too many failed sign-in attempts; try again in ${Math.ceil(retry / 60)} minutes`, retry);
      }
    }
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
