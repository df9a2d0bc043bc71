import type { Pool, PoolClient } from 'pg';
import { mapError } from '@vfr/api-core';
import { AggregateReader, aggregateConcurrencyFromEnv, aggregateTimeoutFromEnv, queryTimeouts } from '@vfr/api-database';
import { assertSeparateSessions, eventually, openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { QueryTimeoutError } from '@vfr/domain';

const poolOf = (db: TestDatabase) => (db.dataSource.driver as unknown as { master: Pool }).master;

// Whole-cohort aggregates pass one door that lets only so many run at once.
for (const target of testTargets()) {
  describe(`the aggregate reader [${target}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(target);
      await assertSeparateSessions(db.dataSource);
    });
    afterAll(() => db?.close());

    it('runs at most its concurrency at once, the others in the order they came, each with its own answer', async () => {
      const reader = new AggregateReader(db.dataSource, 2);
      let most = 0;
      const started: number[] = [];
      const queries = Array.from({ length: 6 }, (_, i) =>
        reader.query<{ i: number }>(`SELECT $1::int AS i, pg_sleep(0.03)::text AS slept`, [i]).then((rows) => {
          most = Math.max(most, reader.load.active);
          return rows[0].i;
        }),
      );
      expect(reader.load).toEqual({ active: 2, waiting: 4 });
      const watcher = setInterval(() => {
        most = Math.max(most, reader.load.active);
        started.push(reader.load.waiting);
      }, 5);
      const answers = await Promise.all(queries);
      clearInterval(watcher);
      expect(answers).toEqual([0, 1, 2, 3, 4, 5]);
      expect(most).toBeLessThanOrEqual(2);
      // The queue drained in order: the waiting count only ever went down.
      expect(started).toEqual([...started].sort((a, b) => b - a));
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
    });

    it('answers a read of the maintained cells at once while its scans are all taken and more wait', async () => {
      const reader = new AggregateReader(db.dataSource, 1);
      const started = Date.now();
      const scans = Array.from({ length: 3 }, (_, i) => reader.query<{ i: number }>(`SELECT $1::int AS i, pg_sleep(0.8)::text AS slept`, [i]));
      expect(reader.load).toEqual({ active: 1, waiting: 2 });
      const [cell] = await reader.query<{ one: number }>(`SELECT 1 AS one`, [], 'cells');
      expect(cell).toEqual({ one: 1 });
      // Answered while the first scan still ran and the other two still waited for its place.
      expect(Date.now() - started).toBeLessThan(700);
      expect(reader.load).toEqual({ active: 1, waiting: 2 });
      expect(reader.cellsLoad).toEqual({ active: 0, waiting: 0 });
      // A scan given afterwards waits for the scans before it.
      const lateScan = reader.query<{ late: number }>(`SELECT 4 AS late`);
      expect(reader.load).toEqual({ active: 1, waiting: 3 });
      expect((await Promise.all(scans)).map(([r]) => r.i)).toEqual([0, 1, 2]);
      await expect(lateScan).resolves.toEqual([{ late: 4 }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
    });

    it('lets no more cell reads run at once than its concurrency, each under the same settings', async () => {
      const reader = new AggregateReader(db.dataSource, 2, queryTimeouts(5000));
      let most = 0;
      const reads = Array.from({ length: 5 }, (_, i) =>
        reader.query<{ i: number; jit: string; timeout: string }>(
          `SELECT $1::int AS i, current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout, pg_sleep(0.05)::text AS slept`,
          [i],
          'cells',
        ),
      );
      expect(reader.cellsLoad).toEqual({ active: 2, waiting: 3 });
      const watcher = setInterval(() => (most = Math.max(most, reader.cellsLoad.active)), 5);
      const rows = (await Promise.all(reads)).map(([r]) => r);
      clearInterval(watcher);
      expect(rows.map((r) => r.i)).toEqual([0, 1, 2, 3, 4]);
      expect(rows.every((r) => r.jit === 'off' && r.timeout === '5s')).toBe(true);
      expect(most).toBeLessThanOrEqual(2);
      expect(reader.cellsLoad).toEqual({ active: 0, waiting: 0 });
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
    });

    it('runs each aggregate without just-in-time compilation and under its timeout, settings that end with it', async () => {
      const reader = new AggregateReader(db.dataSource, 1, queryTimeouts(5000));
      const [inside] = await reader.query<{ jit: string; timeout: string }>(
        `SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout`,
      );
      expect(inside).toEqual({ jit: 'off', timeout: '5s' });
      // Every connection of the pool (the aggregate's among them) is back to the server's default.
      const after = await Promise.all(Array.from({ length: 4 }, () => db.dataSource.query(`SELECT current_setting('jit') AS jit, pg_sleep(0.05)::text`)));
      expect(after.map(([r]: { jit: string }[]) => r.jit)).toEqual(['on', 'on', 'on', 'on']);
    });

    it('frees its place when a query fails', async () => {
      const reader = new AggregateReader(db.dataSource, 1);
      await expect(reader.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
      await expect(reader.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });

    it('refuses an aggregate that runs past its timeout, long before it would end, and gives the next one its place at once', async () => {
      const reader = new AggregateReader(db.dataSource, 1, queryTimeouts(300));
      const started = Date.now();
      const slow = reader.query('SELECT pg_sleep(5)');
      const next = reader.query<{ one: number }>('SELECT 1 AS one');
      expect(reader.load).toEqual({ active: 1, waiting: 1 });
      await expect(slow).rejects.toThrow(QueryTimeoutError);
      await expect(slow).rejects.toMatchObject({
        code: 'QUERY_TIMEOUT',
        message: 'This figure took too long to compute; try a narrower cohort or again later',
      });
      await expect(next).resolves.toEqual([{ one: 1 }]);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
      // The server stopped the statement and the transaction ended: the connection went back to
      // the pool without the short timeout.
      await expect(db.dataSource.query(`SELECT pg_sleep(0.4)::text AS slept`)).resolves.toEqual([{ slept: '' }]);
    });

    it('gives up on an aggregate the database does not answer at its deadline: the place is freed, the connection closed, not reused', async () => {
      // The server's own timeout (20 s) is far longer than the client's deadline, so only the
      // client can end this wait: as when the connection is lost or the socket hangs.
      const reader = new AggregateReader(db.dataSource, 1, queryTimeouts(20_000, 300));
      const pool = poolOf(db);
      const acquired: PoolClient[] = [];
      const removed: PoolClient[] = [];
      const onAcquire = (c: PoolClient) => acquired.push(c);
      const onRemove = (c: PoolClient) => removed.push(c);
      const holder = db.dataSource.createQueryRunner();
      await holder.connect();
      await holder.query('BEGIN; LOCK TABLE site IN ACCESS EXCLUSIVE MODE');
      pool.on('acquire', onAcquire).on('remove', onRemove);
      let stuckPid: number | undefined;
      try {
        const started = Date.now();
        const stuck = reader.query('SELECT count(*)::int AS n FROM site');
        {
          await eventually(async () => {
            [{ pid: stuckPid } = { pid: undefined }] = await holder.query(
              `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            );
            return stuckPid !== undefined;
          });
        }
        await expect(stuck).rejects.toThrow(QueryTimeoutError);
        expect(Date.now() - started).toBeLessThan(1500);
        expect(reader.load).toEqual({ active: 0, waiting: 0 });
        expect(acquired).toHaveLength(1);
        await eventually(() => removed.includes(acquired[0]));
      } finally {
        await holder.query('ROLLBACK');
        await holder.release();
      }
      const started = Date.now();
      await expect(reader.query('SELECT count(*)::int AS n FROM site')).resolves.toEqual([{ n: expect.any(Number) }]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(acquired[1]).not.toBe(acquired[0]);
      pool.off('acquire', onAcquire).off('remove', onRemove);
      {
        // Its server process, once it had the lock, found the socket closed and ended.
        await eventually(async () => (await db.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stuckPid])).length === 0);
      }
    });

    it('reports a connection lost during an aggregate as lost (not as a failed rollback), and frees the place', async () => {
      const reader = new AggregateReader(db.dataSource, 1, queryTimeouts(20_000));
      const lost = reader.query(`SELECT pg_sleep(5), 'lost' AS marker`);
      let pid: number | undefined;
      await eventually(async () => {
        [{ pid } = { pid: undefined }] = await db.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE query LIKE '%''lost'' AS marker' AND pid <> pg_backend_pid()`,
        );
        return pid !== undefined;
      });
      await db.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      const error = await lost.catch((e: unknown) => e);
      expect(error).toMatchObject({ query: expect.stringContaining(`'lost' AS marker`) });
      expect(mapError(error).code).toBe('DATABASE_UNAVAILABLE');
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
      await expect(reader.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });

    it('gives up at its deadline while the pool has no connection free, and returns the connection when it comes', async () => {
      const reader = new AggregateReader(db.dataSource, 1, queryTimeouts(20_000, 300));
      const pool = poolOf(db);
      const holders = Array.from({ length: pool.options.max }, () => db.dataSource.createQueryRunner());
      await Promise.all(holders.map((h) => h.connect()));
      await expect(reader.query('SELECT 1')).rejects.toThrow(QueryTimeoutError);
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
      await Promise.all(holders.map((h) => h.release()));
      // The connection the abandoned aggregate was waiting for is handed back, not kept.
      await eventually(() => pool.waitingCount === 0 && pool.idleCount === pool.totalCount);
      await expect(reader.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });
  });
}

describe('AGGREGATE_TIMEOUT_MS', () => {
  it('defaults to 30 s, gives the client a second more than the server, and refuses what is not a positive whole number', () => {
    expect(aggregateTimeoutFromEnv({})).toBe(30_000);
    expect(aggregateTimeoutFromEnv({ AGGREGATE_TIMEOUT_MS: '5000' })).toBe(5000);
    expect(queryTimeouts(5000)).toEqual({ statementMs: 5000, deadlineMs: 6000 });
    expect(() => aggregateTimeoutFromEnv({ AGGREGATE_TIMEOUT_MS: '0' })).toThrow(
      'AGGREGATE_TIMEOUT_MS must be a whole number from 100 to 3600000 (milliseconds), not "0"',
    );
    expect(() => aggregateTimeoutFromEnv({ AGGREGATE_TIMEOUT_MS: '2.5s' })).toThrow(/not "2.5s"/);
  });
});

describe('AGGREGATE_CONCURRENCY', () => {
  it('defaults to one per core, at least two, and refuses what is not a positive whole number', () => {
    expect(aggregateConcurrencyFromEnv({})).toBeGreaterThanOrEqual(2);
    expect(aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: '6' })).toBe(6);
    expect(() => aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: '0' })).toThrow(
      'AGGREGATE_CONCURRENCY must be a whole number from 1 to 256 (dashboard and analytics queries run at once), not "0"',
    );
    expect(() => aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: 'lots' })).toThrow(/not "lots"/);
  });
});
