import { QueryFailedError } from 'typeorm';
import { OpenDatabase, PreparedReads, statementName } from '@vfr/api-database';
import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';

// The reads every request makes, prepared once per connection (prepared-reads.ts): that they are
// prepared and their plans reused, that `off` prepares nothing, and that each way a server
// connection can lack or outdate a statement still gives the right rows.

interface Prepared {
  name: string;
  statement: string;
  generic_plans: string;
  custom_plans: string;
}

for (const target of testTargets()) {
  describe(`PreparedReads [${target}]`, () => {
    let db: TestDatabase;
    /** A pool of one connection, so that every read and every look at it is on the same one. */
    let one: OpenDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(target);
      const [{ user }] = await db.dataSource.query(`SELECT current_user AS user`);
      one = await db.connectAs!({ username: user }, 1);
      await one.dataSource.query(`CREATE TABLE reads_probe (id int PRIMARY KEY, label int NOT NULL)`);
      await one.dataSource.query(`INSERT INTO reads_probe SELECT g, g * 10 FROM generate_series(1, 20) g`);
    }, 120000);

    afterAll(async () => {
      await one?.close();
      await db?.close();
    });

    const prepared = async (): Promise<Prepared[]> =>
      one.dataSource.query(`SELECT name, statement, generic_plans::text, custom_plans::text FROM pg_prepared_statements ORDER BY name`);

    beforeEach(async () => {
      await one.dataSource.query('DEALLOCATE ALL');
      // node-postgres's own note of what its connection holds, forgotten with it.
      const runner = one.dataSource.createQueryRunner();
      const client = (await runner.connect()) as { connection: { parsedStatements: Record<string, string> } };
      for (const name of Object.keys(client.connection.parsedStatements)) delete client.connection.parsedStatements[name];
      await runner.release();
    });

    it('prepares a read once on its connection and runs it from then on by name, with the rows of each call', async () => {
      const reads = new PreparedReads(one.dataSource, true);
      const sql = `SELECT id, label FROM reads_probe WHERE id <= $1 ORDER BY id`;
      for (let n = 1; n <= 12; n++) {
        const rows = await reads.query<{ id: number; label: number }>(sql, [n]);
        expect(rows).toEqual(Array.from({ length: n }, (_, i) => ({ id: i + 1, label: (i + 1) * 10 })));
      }
      const [statement] = (await prepared()).filter((p) => p.name === statementName(sql));
      expect(statement.statement).toBe(sql);
      // Twelve executions of the one statement: planned as PostgreSQL chose, never parsed again.
      expect(Number(statement.generic_plans) + Number(statement.custom_plans)).toBe(12);
      expect(reads.naming).toBe(true);
    });

    it('logs each read as runner.query does, so the statement counts stay true', async () => {
      const reads = new PreparedReads(one.dataSource, true);
      one.statements.reset();
      await reads.query(`SELECT 1 AS one`, []);
      await reads.query(`SELECT 1 AS one`, []);
      expect(one.statements.count).toBe(2);
      expect(one.statements.statements).toEqual(['SELECT 1 AS one', 'SELECT 1 AS one']);
    });

    it('reports a slow read as runner.query does (maxQueryExecutionTime)', async () => {
      const reads = new PreparedReads(one.dataSource, true);
      const slow = jest.spyOn(one.dataSource.logger, 'logQuerySlow').mockImplementation(() => undefined);
      try {
        await reads.query(`SELECT 1 AS one FROM pg_sleep($1)`, [0]);
        expect(slow).not.toHaveBeenCalled();
        await reads.query(`SELECT 1 AS one FROM pg_sleep($1)`, [2.2]);
        expect(slow).toHaveBeenCalledWith(expect.any(Number), 'SELECT 1 AS one FROM pg_sleep($1)', [2.2], expect.anything());
        expect(slow.mock.calls[0][0]).toBeGreaterThan(2000);
      } finally {
        slow.mockRestore();
      }
    });

    it('prepares nothing when turned off (DB_PREPARED_STATEMENTS=off)', async () => {
      const reads = new PreparedReads(one.dataSource, false);
      const rows = await reads.query(`SELECT label FROM reads_probe WHERE id = $1`, [3]);
      expect(rows).toEqual([{ label: 30 }]);
      expect(await prepared()).toEqual([]);
    });

    it('reads unnamed from then on, with a warning, when the connection lacks a statement it was given (a pooler moved the client)', async () => {
      const warnings: string[] = [];
      const reads = new PreparedReads(one.dataSource, true, (m) => warnings.push(m));
      const sql = `SELECT label FROM reads_probe WHERE id = $1`;
      expect(await reads.query(sql, [4])).toEqual([{ label: 40 }]);
      // What PgBouncer before 1.21 does in transaction mode: the next statement goes to a server
      // connection that never saw the Parse. Here the statement is dropped behind the driver's back.
      await one.dataSource.query('DEALLOCATE ALL');
      expect(await reads.query(sql, [5])).toEqual([{ label: 50 }]);
      expect(reads.naming).toBe(false);
      expect(warnings).toEqual([expect.stringMatching(/refused a named prepared statement \(26000\).*DB_PREPARED_STATEMENTS=off/)]);
      expect(await reads.query(sql, [6])).toEqual([{ label: 60 }]);
      expect(await prepared()).toEqual([]);
    });

    it('reads unnamed, with a warning, when the connection already holds the name (another client prepared it there)', async () => {
      const warnings: string[] = [];
      const reads = new PreparedReads(one.dataSource, true, (m) => warnings.push(m));
      const sql = `SELECT label FROM reads_probe WHERE id = $1 AND $1 > 0`;
      await one.dataSource.query(`PREPARE ${statementName(sql)}(int) AS ${sql}`);
      expect(await reads.query(sql, [7])).toEqual([{ label: 70 }]);
      expect(reads.naming).toBe(false);
      expect(warnings).toEqual([expect.stringMatching(/\(42P05\)/)]);
    });

    it('gives the new rows when a migration changed a table under a prepared statement, and prepares it again', async () => {
      const reads = new PreparedReads(one.dataSource, true);
      await one.dataSource.query(`CREATE TABLE reads_changing (id int PRIMARY KEY, value int)`);
      await one.dataSource.query(`INSERT INTO reads_changing VALUES (1, 7)`);
      const sql = `SELECT * FROM reads_changing WHERE id = $1`;
      expect(await reads.query(sql, [1])).toEqual([{ id: 1, value: 7 }]);
      await one.dataSource.query(`ALTER TABLE reads_changing ALTER COLUMN value TYPE text`);
      expect(await reads.query(sql, [1])).toEqual([{ id: 1, value: '7' }]);
      expect(await reads.query(sql, [1])).toEqual([{ id: 1, value: '7' }]);
      expect(reads.naming).toBe(true);
      expect((await prepared()).map((p) => p.name)).toEqual([statementName(sql)]);
    });

    it('gives a failing read the error runner.query gives, and keeps naming', async () => {
      const reads = new PreparedReads(one.dataSource, true);
      const failure = await reads.query(`SELECT 1 / $1::int AS x`, [0]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect((failure as { driverError: { code: string } }).driverError.code).toBe('22012');
      expect(reads.naming).toBe(true);
      // The connection is usable after it, and the statement is too.
      expect(await reads.query(`SELECT 1 / $1::int AS x`, [1])).toEqual([{ x: 1 }]);
    });
  });
}
