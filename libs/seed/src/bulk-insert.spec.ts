import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { bulkInsert, copyRows } from './bulk-insert';

// COPY's text format gives tabs, line ends and backslashes a meaning of their own: a value
// holding them must arrive as it was sent, as with a bound parameter.
for (const target of testTargets()) {
  describe(`bulk inserts [${target}]`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(target);
      await db.dataSource.query(`CREATE TABLE bulk_probe (id int PRIMARY KEY, label text, scores int[], flag boolean, day date, data jsonb)`);
    });
    afterAll(() => db?.close());

    const rows = [
      { id: 1, label: 'tab\there, line\nend, return\r, backslash \\N and \\', scores: [1, null, 3], flag: true, day: '2024-02-29', data: { a: 'x\ty' } },
      { id: 2, label: null, scores: null, flag: false, day: null, data: null },
      { id: 3, label: '\\N', scores: [], flag: null, day: '2025-01-01', data: { list: [1, 'two'] } },
    ];

    it.each([
      ['COPY', copyRows],
      ['INSERT', bulkInsert],
    ])('%s stores every value as it was sent', async (_name, insert) => {
      await db.dataSource.query('DELETE FROM bulk_probe');
      await db.dataSource.transaction((manager) => insert(manager, 'bulk_probe', rows));
      const back = await db.dataSource.query(`SELECT id, label, scores, flag, day::text AS day, data FROM bulk_probe ORDER BY id`);
      expect(back).toEqual(rows);
    });
  });
}
