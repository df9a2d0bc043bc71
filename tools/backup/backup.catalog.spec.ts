import { openTestDatabase, TestDatabase } from '@vfr/api-testing';
import { MIGRATIONS_TABLE, PROCESS_STATE_TABLES, readCatalog, SEEDED_BY_MIGRATIONS } from './backup.catalog';

describe('the tables the migrations fill themselves', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
  });
  afterAll(() => db?.close());

  it('are exactly SEEDED_BY_MIGRATIONS: a restore replaces those and refuses any other table with rows', async () => {
    const catalog = await readCatalog({ query: (sql, params) => db.dataSource.query(sql, params) });
    const filled: string[] = [];
    for (const t of catalog.tables) {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM "${t.name}"`);
      if (n > 0 && t.name !== MIGRATIONS_TABLE) filled.push(t.name);
    }
    expect(filled.sort()).toEqual([...SEEDED_BY_MIGRATIONS].sort());
  });

  it("leave out the API processes' shared state (throttle counts, registrations), which is no registry data", async () => {
    const names = (await readCatalog({ query: (sql, params) => db.dataSource.query(sql, params) })).tables.map((t) => t.name);
    for (const table of PROCESS_STATE_TABLES) {
      const [{ exists }] = await db.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
      expect(exists).toBe(true);
      expect(names).not.toContain(table);
    }
  });
});
