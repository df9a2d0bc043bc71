import { AggregateReader, aggregateConcurrencyFromEnv } from '@vfr/api-database';
import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

// Whole-cohort aggregates pass one door that lets only so many run at once.
for (const target of testTargets()) {
  describe(`the aggregate reader [${target}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(target);
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

    it('frees its place when a query fails', async () => {
      const reader = new AggregateReader(db.dataSource, 1);
      await expect(reader.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
      expect(reader.load).toEqual({ active: 0, waiting: 0 });
      await expect(reader.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });
  });
}

describe('AGGREGATE_CONCURRENCY', () => {
  it('defaults to one per core, at least two, and refuses what is not a positive whole number', () => {
    expect(aggregateConcurrencyFromEnv({})).toBeGreaterThanOrEqual(2);
    expect(aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: '6' })).toBe(6);
    expect(() => aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: '0' })).toThrow('AGGREGATE_CONCURRENCY must be a positive whole number, got 0');
    expect(() => aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: 'lots' })).toThrow(/got lots/);
  });
});
