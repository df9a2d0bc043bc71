import { DataSource } from 'typeorm';

/**
 * Fails unless two pooled connections have server processes of their own (each waits on a lock
 * and enforces statement_timeout by itself): tests of timeouts and locks call it first, so that
 * none of their cases passes vacuously on an engine that shares one session.
 */
export async function assertSeparateSessions(dataSource: DataSource): Promise<void> {
  const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
  try {
    const pids = await Promise.all(runners.map(async (r) => ((await r.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[])[0].pid));
    if (pids[0] === pids[1]) throw new Error('the pooled connections share one server session');
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
}

/** Waits until `check` holds, polling every 20 ms, or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not so within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
