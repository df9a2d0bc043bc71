// How long a signed-in session lasts: a token is good for the idle limit from when it was issued,
// and activity (any request, or an explicit refresh) brings a fresh one, so an active user is not
// sent away in the middle of their work; but no token of a session outlives the absolute limit
// counted from the sign-in, so a stolen or forgotten session cannot be kept alive for ever.

export interface SessionLimits {
  /** A token stops working this long after it was issued. */
  idleMs: number;
  /** No token of a session works this long after the sign-in that began it. */
  maxMs: number;
}

/** When a token issued at `issuedAt`, in a session begun at `startedAt`, stops working (ms). */
export function tokenExpiry(limits: SessionLimits, startedAt: number, issuedAt: number): number {
  return Math.min(issuedAt + limits.idleMs, startedAt + limits.maxMs);
}

/**
 * Why a token no longer works at `now`, as the sentence the user reads, or null while it does.
 * The absolute limit is named first: a token whose idle time ran out at the session's end was
 * ended by the limit, not by the user's pause.
 */
export function sessionEndedBecause(limits: SessionLimits, token: { startedAt: number; expiresAt: number }, now: number): string | null {
  if (now >= token.startedAt + limits.maxMs) return `Your session reached its ${hours(limits.maxMs)} limit; sign in again`;
  if (now >= token.expiresAt) return `Your session expired after ${idle(limits.idleMs)} without activity; sign in again`;
  return null;
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  if (Number.isInteger(h)) return `${h}-hour`;
  return `${Math.round(ms / 60_000)}-minute`;
}

function idle(ms: number): string {
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.round(ms / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
