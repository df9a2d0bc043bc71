import { ADDRESS_LIMIT, ADDRESS_WINDOW_MS, attempt, FORGET_AFTER_MS, FREE_FAILURES, succeeded, ThrottleState, waitAfter } from './login-throttle';

const NONE: ThrottleState = { pair: null, address: null };

/** Failed attempts at these times, each let through or refused by the rules, from an empty state. */
function run(times: number[], start: ThrottleState = NONE) {
  let state = start;
  const gates = times.map((now) => {
    const { gate, next } = attempt(state, now);
    state = next;
    return gate;
  });
  return { gates, state };
}

describe('the sign-in throttle rules', () => {
  it('lets three failures through, then doubles the wait after each failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 13, 14, 40].map(waitAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000, 900000, 900000, 900000]);
    const { gates, state } = run([0, 10, 20, 30, 1019, 1020]);
    expect(gates.map((g) => g.allowed)).toEqual([true, true, true, false, false, true]);
    expect(gates[3]).toEqual({ allowed: false, retryAfterSeconds: 1, firstRefusal: true, scope: 'account' });
    // The same wait's later refusals are not reported (audited) again.
    expect(gates[4]).toMatchObject({ allowed: false, retryAfterSeconds: 1, firstRefusal: false });
    expect(state.pair).toEqual({ failures: FREE_FAILURES + 1, lastFailureAt: 1020, reported: false });
    expect(attempt(state, 1021).gate).toEqual({ allowed: false, retryAfterSeconds: 2, firstRefusal: true, scope: 'account' });
  });

  it('counts an attempt as a failure as soon as it is let through, so attempts sent together cannot all pass', () => {
    // Ten attempts within the same millisecond: three through, the rest refused.
    const { gates } = run(Array.from({ length: 10 }, () => 5));
    expect(gates.filter((g) => g.allowed)).toHaveLength(FREE_FAILURES);
  });

  it('clears the pair on a success, and takes the successful attempt back from the address', () => {
    const { gates, state } = run([0, 10]);
    expect(state.address!.failures).toEqual([0, 10]);
    const cleared = succeeded(state, (gates[1] as { admittedAt: number }).admittedAt, 11);
    expect(cleared).toEqual({ pair: null, address: { failures: [0], reported: false } });
    expect(succeeded({ pair: state.pair, address: { failures: [10], reported: false } }, 10, 11)).toEqual(NONE);
  });

  it('forgets a pair an hour after its last failure', () => {
    const { state } = run([0, 1, 2, 3000]);
    expect(attempt(state, 3000 + waitAfter(4) - 1).gate.allowed).toBe(false);
    const later = attempt(state, 3000 + FORGET_AFTER_MS + 1);
    expect(later.gate.allowed).toBe(true);
    expect(later.next.pair!.failures).toBe(1);
  });

  it('refuses an address after ADDRESS_LIMIT failures in the window, whatever the accounts, until the oldest leaves it', () => {
    // One account after another from the same address: each pair stays under its own limit.
    let address: ThrottleState['address'] = null;
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      const { gate, next } = attempt({ pair: null, address }, 1000 * i);
      expect(gate.allowed).toBe(true);
      address = next.address;
    }
    const refused = attempt({ pair: null, address }, 1000 * ADDRESS_LIMIT);
    expect(refused.gate).toEqual({
      allowed: false,
      retryAfterSeconds: (ADDRESS_WINDOW_MS - 1000 * ADDRESS_LIMIT) / 1000,
      firstRefusal: true,
      scope: 'address',
    });
    expect(attempt(refused.next, 1000 * ADDRESS_LIMIT + 1).gate).toMatchObject({ allowed: false, firstRefusal: false });
    // Once the first failure is 15 minutes old, one more attempt goes through; the list stays bounded.
    const through = attempt(refused.next, ADDRESS_WINDOW_MS);
    expect(through.gate.allowed).toBe(true);
    expect(through.next.address!.failures).toHaveLength(ADDRESS_LIMIT);
    expect(through.next.address!.reported).toBe(false);
  });
});
