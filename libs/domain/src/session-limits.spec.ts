import { sessionEndedBecause, tokenExpiry } from './session-limits';

const MIN = 60_000;
const HOUR = 60 * MIN;
const limits = { idleMs: 60 * MIN, maxMs: 12 * HOUR };

describe('session limits', () => {
  it('gives a token the idle limit from its issue, never past the absolute limit', () => {
    expect(tokenExpiry(limits, 0, 0)).toBe(60 * MIN);
    expect(tokenExpiry(limits, 0, 5 * HOUR)).toBe(6 * HOUR);
    expect(tokenExpiry(limits, 0, 11.5 * HOUR)).toBe(12 * HOUR);
  });

  it('names the idle limit, then the absolute limit, in the sentence the user reads', () => {
    expect(sessionEndedBecause(limits, { startedAt: 0, expiresAt: HOUR }, HOUR - 1)).toBeNull();
    expect(sessionEndedBecause(limits, { startedAt: 0, expiresAt: HOUR }, HOUR)).toBe('Your session expired after 60 minutes without activity; sign in again');
    expect(sessionEndedBecause(limits, { startedAt: 0, expiresAt: 12 * HOUR }, 12 * HOUR)).toBe('Your session reached its 12-hour limit; sign in again');
    expect(sessionEndedBecause({ idleMs: MIN, maxMs: 90 * MIN }, { startedAt: 0, expiresAt: MIN }, 2 * MIN)).toMatch(/after 1 minute without/);
    expect(sessionEndedBecause({ idleMs: 20_000, maxMs: 90 * MIN }, { startedAt: 0, expiresAt: 20_000 }, 30_000)).toMatch(/after 20 seconds without/);
    expect(sessionEndedBecause({ idleMs: MIN, maxMs: 90 * MIN }, { startedAt: 0, expiresAt: 90 * MIN }, 90 * MIN)).toMatch(/its 90-minute limit/);
  });
});
