import { QueryTimeoutError } from '@vfr/domain';
import { QueryRunner } from 'typeorm';

/**
 * How long a whole-cohort read (an aggregate, one read of an export's cursor) may take.
 *
 * The server stops the statement after `statementMs` and answers with an error, which leaves
 * the connection usable. The client waits until `deadlineMs` at most: past it the server is not
 * answering at all (a lost connection, a hung socket), so the connection is destroyed rather than
 * returned to the pool, and whoever waited for the answer is told so.
 */
export interface QueryTimeouts {
  statementMs: number;
  deadlineMs: number;
}

// Long enough for the server's own timeout error to arrive after it fired.
const CLIENT_GRACE_MS = 1000;

export function queryTimeouts(statementMs: number, deadlineMs = statementMs + CLIENT_GRACE_MS): QueryTimeouts {
  for (const [name, ms] of [
    ['statement timeout', statementMs],
    ['deadline', deadlineMs],
  ] as const) {
    if (!Number.isInteger(ms) || ms < 1) throw new RangeError(`the ${name} must be a positive whole number of milliseconds, got ${ms}`);
  }
  return { statementMs, deadlineMs };
}

/** SQLSTATE 57014: the statement was cancelled, by statement_timeout where this is asked. */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === '57014';
}

/**
 * Hands a connection back to the pool as broken, so that the pool closes it (destroying the
 * socket if a query is still running on it) instead of giving it to the next caller, who would
 * queue behind the lost answer. TypeORM does this itself when the connection reports an error;
 * the method is not in its public types.
 */
export function discardConnection(runner: QueryRunner, reason: Error): void {
  void (runner as unknown as { releasePostgresConnection(err: Error): Promise<void> }).releasePostgresConnection(reason);
}

/**
 * The outcome of `work`, or a QueryTimeoutError once `ms` have passed without one. The work is not
 * stopped: the caller discards the connection it runs on.
 */
export function withinDeadline<T>(work: Promise<T>, ms: number, message?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(message)), ms);
  });
  // Work given up on fails later, when its connection is destroyed; nobody awaits it then.
  work.catch(() => undefined);
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
