import { Injectable } from '@nestjs/common';
import { LoginThrottleStore } from './login-throttle.store';

/** Failures for one account from one address that cost nothing: typing mistakes. */
export const FREE_FAILURES = 3;
/** After that, each failure doubles the wait before the next attempt from there: 1 s, 2 s, 4 s, ... */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
/** An account and address with no failure for this long start afresh. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;
/** Failures from one address, whatever the accounts, within the window, before it is refused. */
export const ADDRESS_LIMIT = 30;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

/** One account's failures from one address. Times are milliseconds of the database's clock. */
export interface PairState {
  failures: number;
  lastFailureAt: number;
  /** This wait's first refusal was reported (audited) already. */
  reported: boolean;
}

/** One address's failures, whatever the accounts. */
export interface AddressState {
  /** The failures within the window, oldest first, at most ADDRESS_LIMIT of them. */
  failures: number[];
  reported: boolean;
}

/** What is known about an attempt's account and address (null: nothing). */
export interface ThrottleState {
  pair: PairState | null;
  address: AddressState | null;
}

export type Gate = { allowed: true; admittedAt: number } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean; scope: 'account' | 'address' };

/** The wait before the next attempt after a pair's nth failure. */
export function waitAfter(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** The state as it stands at `now`: a pair forgotten, and failures out of the window, dropped. */
function remembered(state: ThrottleState, now: number): ThrottleState {
  const pair = state.pair && now - state.pair.lastFailureAt <= FORGET_AFTER_MS ? state.pair : null;
  const failures = (state.address?.failures ?? []).filter((t) => now - t < ADDRESS_WINDOW_MS);
  return { pair, address: failures.length ? { failures, reported: state.address!.reported } : null };
}

/**
 * The rules (docs/access-control.md, Sign-in throttling), as pure functions of the stored state
 * and the time, so that every API process applies the same ones to the same state.
 *
 * Failures are counted per (account, client address): after FREE_FAILURES, every further
 * failure doubles the wait before the next attempt for that account from that address (1 s,
 * 2 s, 4 s, ... up to 15 minutes), and a success clears it. An attacker elsewhere therefore slows
 * only themself: the user, from their own address, signs in as usual. Each address may also fail
 * at most ADDRESS_LIMIT times in 15 minutes across all accounts, which bounds guessing across
 * many accounts. The account is the email as typed, whether or not such a user exists, so the
 * answers tell nothing about which accounts exist.
 *
 * An attempt let through counts as a failure at once, before its password is checked, and a
 * success takes it back (`succeeded`): attempts sent together, to one process or to several,
 * each see the ones before them, so none gets a free try that the rules would have refused.
 */
export function attempt(stored: ThrottleState, now: number): { gate: Gate; next: ThrottleState } {
  const { pair, address } = remembered(stored, now);
  if (address && address.failures.length >= ADDRESS_LIMIT) {
    const retryAfterSeconds = Math.ceil((address.failures[0] + ADDRESS_WINDOW_MS - now) / 1000);
    return {
      gate: { allowed: false, retryAfterSeconds, firstRefusal: !address.reported, scope: 'address' },
      next: { pair, address: { ...address, reported: true } },
    };
  }
  const until = pair ? pair.lastFailureAt + waitAfter(pair.failures) : 0;
  if (pair && until > now) {
    return {
      gate: { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000), firstRefusal: !pair.reported, scope: 'account' },
      next: { pair: { ...pair, reported: true }, address },
    };
  }
  return {
    gate: { allowed: true, admittedAt: now },
    // A failure that begins a wait (of the pair, or of the address at its limit) begins it unreported.
    next: {
      pair: { failures: (pair?.failures ?? 0) + 1, lastFailureAt: now, reported: false },
      address: { failures: [...(address?.failures ?? []), now].slice(-ADDRESS_LIMIT), reported: false },
    },
  };
}

/** A success: the pair starts afresh, and the attempt let through at `admittedAt` no longer counts against the address. */
export function succeeded(stored: ThrottleState, admittedAt: number, now: number): ThrottleState {
  const { address } = remembered(stored, now);
  if (!address) return { pair: null, address: null };
  const i = address.failures.lastIndexOf(admittedAt);
  const failures = i < 0 ? address.failures : [...address.failures.slice(0, i), ...address.failures.slice(i + 1)];
  return { pair: null, address: failures.length ? { ...address, failures } : null };
}

/** How often a process deletes the rows that no rule reads any more. */
const PRUNE_EVERY_MS = 60 * 1000;

/**
 * Slows password guessing without letting anyone lock a user out (the rules: `attempt`). The
 * counts are kept in PostgreSQL (LoginThrottleStore), shared by every API process on the
 * database, so an attacker's budget is the same whether one process or ten answer, and a
 * restart forgets nothing.
 */
@Injectable()
export class LoginThrottle {
  private prunedAt = 0;

  constructor(private readonly store: LoginThrottleStore) {}

  /** Lets an attempt through (counted as a failure until `succeed`), or refuses it with the wait. */
  async attempt(account: string, address: string): Promise<Gate> {
    // A refusal already reported changes nothing: answered from a plain read, without the lock,
    // so a flood of refused attempts costs the database one indexed read each.
    const seen = await this.store.read(address, account);
    const quick = attempt(seen.state, seen.now).gate;
    if (!quick.allowed && !quick.firstRefusal) return quick;
    const gate = await this.store.update(address, account, (state, now) => {
      const { gate, next } = attempt(state, now);
      return { result: gate, next };
    });
    if (seen.now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = seen.now;
      await this.store.prune({ forgetAfterMs: FORGET_AFTER_MS, windowMs: ADDRESS_WINDOW_MS });
    }
    return gate;
  }

  /** The attempt let through at `admittedAt` succeeded: the pair is cleared and the attempt not counted. */
  async succeed(account: string, address: string, admittedAt: number): Promise<void> {
    await this.store.update(address, account, (state, now) => ({ result: undefined, next: succeeded(state, admittedAt, now) }));
  }
}
