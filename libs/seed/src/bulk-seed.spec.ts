import { openTestDatabase, TestDatabase, testTargets } from '@vfr/api-testing';
import { Role } from '@vfr/domain';
import { allCellsSql } from '../../../migrations/1795710000000-AddOverviewCells';
import { insertRegistry } from './demo-seed';
import { copyBatch, REGISTRY_TABLES } from './registry-batch';
import { Random } from './random';

// The bulk load of npm run seed (COPY with the secondary indexes and foreign keys set aside, the
// batches generated elsewhere and arriving in any order, the analysis refreshed under statistics
// taken once) against the way the registry was seeded before (multi-row INSERTs into the live
// schema, refreshAnalysis per slice): the same seed must give the same rows, the schema must be
// as it was, and the analysis rows and maintained cells must equal their recomputation.

const KEYS = 'fig, site_id, quarter, grp, tp, val, cat';
const SUMS = `sum(n)::text AS n, sum(k)::text AS k, sum(x)::text AS x, sum(kx)::text AS kx, coalesce(sum(s), 0)::text AS s, coalesce(sum(ss), 0)::text AS ss`;
const NONZERO = `HAVING sum(n) <> 0 OR sum(k) <> 0 OR sum(x) <> 0 OR sum(kx) <> 0 OR coalesce(sum(s), 0) <> 0 OR coalesce(sum(ss), 0) <> 0`;
// Set by the database as the row is written, not by the seed.
const WRITTEN_AT = ['created_at', 'updated_at', 'refreshed_at'];

const ORDER_BY: Record<string, string> = { treated_level: 'treatment_id, fracture_id', patient_identifier: 'patient_id', analysis_patient: 'patient_id' };

type Sql = (text: string, params?: unknown[]) => Promise<any[]>;

async function tableRows(sql: Sql, table: string): Promise<unknown[]> {
  const columns: { name: string }[] = await sql(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> ALL($2) ORDER BY ordinal_position`,
    [table, [...WRITTEN_AT, 'record_key']],
  );
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  return sql(`SELECT ${list} FROM "${table}" ORDER BY ${ORDER_BY[table] ?? 'id'}`);
}

/** The tables' indexes and constraints as the catalog prints them. */
async function schemaOf(sql: Sql): Promise<unknown[]> {
  return sql(
    `SELECT c.conrelid::regclass::text AS on, c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.convalidated AS validated
     FROM pg_constraint c WHERE c.conrelid = ANY($1::regclass[])
     UNION ALL
     SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisvalid
     FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
     ORDER BY 1, 2, 3`,
    [REGISTRY_TABLES],
  );
}

const kept = (sql: Sql) => sql(`SELECT ${KEYS}, ${SUMS} FROM analysis_cell GROUP BY ${KEYS} ${NONZERO} ORDER BY ${KEYS}`);
const recomputed = (sql: Sql) => sql(`SELECT ${KEYS}, ${SUMS} FROM (${allCellsSql('analysis_patient')}) c GROUP BY ${KEYS} ${NONZERO} ORDER BY ${KEYS}`);

function registryInput(seed: number) {
  const rnd = new Random(seed);
  const sites = ['A', 'B', 'C'].map((code) => ({ id: rnd.uuid(), code: `S${code}`, name: `Site ${code}` }));
  const users = [{ id: rnd.uuid(), email: 'admin@bulk.test', display_name: 'Admin', role: Role.ADMIN, site_id: null, password_hash: 'x' }];
  // Five batches of 240 patients: several batches in flight, the last one short.
  return { sites, users, patients: 1100, seed, batch: 240 };
}

for (const target of testTargets()) {
  describe(`the bulk seed [${target}]`, () => {
    let bulk: TestDatabase;
    let inserted: TestDatabase;
    let bulkSql: Sql;
    let insertedSql: Sql;
    let schemaBefore: unknown[];

    beforeAll(async () => {
      bulk = await openTestDatabase(target);
      inserted = await openTestDatabase(target);
      bulkSql = (text, params) => bulk.dataSource.query(text, params);
      insertedSql = (text, params) => inserted.dataSource.query(text, params);
      schemaBefore = await schemaOf(bulkSql);
      // The batches come back in another order than asked (the later ones first), as from workers.
      let asked = 0;
      const produce = async (spec: Parameters<typeof copyBatch>[0]) => {
        const delay = 40 - 10 * (asked++ % 4);
        await new Promise((resolve) => setTimeout(resolve, delay));
        return copyBatch(spec);
      };
      await insertRegistry(bulk.dataSource, { ...registryInput(3), copy: true, produce, ahead: 3 });
      await insertRegistry(inserted.dataSource, registryInput(3));
    }, 240_000);
    afterAll(async () => {
      await bulk?.close();
      await inserted?.close();
    });

    it('writes the same rows as multi-row INSERTs into the live schema', async () => {
      expect((await bulkSql(`SELECT count(*)::int AS n FROM patient`))[0].n).toBe(1100);
      for (const table of [...REGISTRY_TABLES, 'site', 'analysis_patient']) {
        const rows = await tableRows(bulkSql, table);
        expect({ table, rows: rows.length > 0 }).toEqual({ table, rows: true });
        expect({ table, rows }).toEqual({ table, rows: await tableRows(insertedSql, table) });
      }
    });

    it('leaves every index and constraint as it found it, valid', async () => {
      const after = await schemaOf(bulkSql);
      expect(after).toEqual(schemaBefore);
      expect(after.every((c: any) => c.validated === true)).toBe(true);
      expect(after.length).toBeGreaterThan(20);
    });

    it("leaves each figure's cells together on the table's pages, seeded either way", async () => {
      // A figure reads its rows through the index on (fig, site_id). Written in the order of
      // whatever plan summed them, a figure's 13,000 rows of 116,000 lay on 1,494 of the table's
      // 1,681 pages at 400,000 patients, and its read took half as long again as at 100,000
      // (OrderCompactedCells). In the key's order they take about their share of the pages: a
      // row may still fill a gap left on an earlier page, hence the slack.
      for (const sql of [bulkSql, insertedSql]) {
        const figures: { fig: number; rows: number; pages: number; share: number }[] = await sql(
          `WITH placed AS (SELECT fig, (ctid::text::point)[0] AS page FROM analysis_cell)
           SELECT fig, count(*)::int AS rows, count(DISTINCT page)::int AS pages,
                  count(*)::float8 / (SELECT count(*) FROM placed) * (SELECT count(DISTINCT page) FROM placed) AS share
           FROM placed GROUP BY fig ORDER BY fig`,
        );
        expect(figures.length).toBeGreaterThanOrEqual(10);
        for (const f of figures) expect({ ...f, pages: f.pages <= Math.ceil(f.share * 1.2) + 2 }).toEqual({ ...f, pages: true });
      }
    });

    it('leaves analysis rows and maintained cells equal to their recomputation', async () => {
      const cells = await kept(bulkSql);
      expect(cells.length).toBeGreaterThan(100);
      expect(cells).toEqual(await recomputed(bulkSql));
      const rows = await tableRows(bulkSql, 'analysis_patient');
      const inputs = () =>
        bulkSql(`SELECT patient_id, cells_complications, cells_procedures, cells_procedures_complicated FROM analysis_patient ORDER BY patient_id`);
      const inputsBefore = await inputs();
      // Recomputed from the source tables by the refresh every writer uses, its triggers on.
      await bulk.dataSource.transaction(async (m) => {
        await m.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
      });
      expect(await tableRows(bulkSql, 'analysis_patient')).toEqual(rows);
      expect(await inputs()).toEqual(inputsBefore);
      expect(await kept(bulkSql)).toEqual(cells);
    });

    it('refuses to set indexes aside on tables that hold rows', async () => {
      const { setAsideForBulkLoad } = await import('./bulk-load');
      await expect(bulk.dataSource.transaction((m) => setAsideForBulkLoad(m, REGISTRY_TABLES))).rejects.toThrow(
        'a bulk load sets aside indexes only on empty tables; patient holds rows',
      );
      expect(await schemaOf(bulkSql)).toEqual(schemaBefore);
    });
  });
}
