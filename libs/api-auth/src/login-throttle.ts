import { Injectable } from '@nestjs/common';

/** Failures for one account from one address that cost nothing: typing mistakes. */
export const FREE_FAILURES = 3;
/** After that, each failure doubles the wait before the next attempt from there: 1 s, 2 s, 4 s, ... */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
/** An account and address with no failure for this long start afresh. */
const FORGET_AFTER_MS = 60 * 60 * 1000;
/** Failures from one address, whatever the accounts, within the window, before it is refused. */
export const ADDRESS_LIMIT = 30;
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
/** Entries kept at most (the oldest go first), so that a flood of addresses cannot exhaust memory. */
const MAX_ENTRIES = 100_000;

interface Pair {
  failures: number;
  last: number;
  until: number;
  /** This wait's first refusal was reported (audited) already. */
  reported: boolean;
}

interface Address {
  failures: number[];
  reported: boolean;
}

export type Gate = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean; scope: 'account' | 'address' };

/**
 * Slows password guessing without letting anyone lock a user out.
 *
 * Failures are counted per (account, client address): after FREE_FAILURES, every further
 * failure doubles the wait before the next attempt for that account from that address (1 s,
 * 2 s, 4 s, ... up to 15 minutes), and a success clears it. An attacker elsewhere therefore slows
 * only themself: the user, from their own address, signs in as usual. Each address may also fail
 * at most ADDRESS_LIMIT times in 15 minutes across all accounts, which bounds guessing across
 * many accounts. The account is the email as typed, whether or not such a user exists, so the
 * answers tell nothing about which accounts exist.
 *
 * Kept per process: with several API processes an attacker's budget is multiplied by their number.
 */
@Injectable()
export class LoginThrottle {
  private readonly pairs = new Map<string, Pair>();
  private readonly addresses = new Map<string, Address>();

  check(account: string, address: string, now = Date.now()): Gate {
    const from = this.address(address, now, false);
    if (from && from.failures.length >= ADDRESS_LIMIT) {
      const firstRefusal = !from.reported;
      from.reported = true;
      return { allowed: false, retryAfterSeconds: Math.ceil((from.failures[0] + ADDRESS_WINDOW_MS - now) / 1000), firstRefusal, scope: 'address' };
    }
    const pair = this.pair(account, address, now);
    if (pair && pair.until > now) {
      const firstRefusal = !pair.reported;
      pair.reported = true;
      return { allowed: false, retryAfterSeconds: Math.ceil((pair.until - now) / 1000), firstRefusal, scope: 'account' };
    }
    return { allowed: true };
  }

  fail(account: string, address: string, now = Date.now()): void {
    const key = pairKey(account, address);
    const pair = this.pair(account, address, now) ?? { failures: 0, last: now, until: 0, reported: false };
    pair.failures += 1;
    pair.last = now;
    if (pair.failures >= FREE_FAILURES) {
      pair.until = now + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (pair.failures - FREE_FAILURES));
      pair.reported = false;
    }
    remember(this.pairs, key, pair);
    const from = this.address(address, now, true)!;
    from.failures.push(now);
    if (from.failures.length < ADDRESS_LIMIT) from.reported = false;
    remember(this.addresses, address, from);
  }

  succeed(account: string, address: string): void {
    this.pairs.delete(pairKey(account, address));
  }

  private pair(account: string, address: string, now: number): Pair | undefined {
    const key = pairKey(account, address);
    const pair = this.pairs.get(key);
    if (pair && now - pair.last > FORGET_AFTER_MS) {
      this.pairs.delete(key);
      return undefined;
    }
    return pair;
  }

  private address(address: string, now: number, create: boolean): Address | undefined {
    let from = this.addresses.get(address);
    if (from) {
      while (from.failures.length && now - from.failures[0] >= ADDRESS_WINDOW_MS) from.failures.shift();
      if (from.failures.length === 0 && !create) {
        this.addresses.delete(address);
        return undefined;
      }
    } else if (create) {
      from = { failures: [], reported: false };
    }
    return from;
  }
}

const pairKey = (account: string, address: string) => `${address}\u0000${account}`;

/** Re-inserts (so the map's order is least recently failed first) and evicts the oldest beyond the bound. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}
