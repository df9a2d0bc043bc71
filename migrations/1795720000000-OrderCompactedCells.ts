import { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPACT as UNORDERED_COMPACT } from './1795690000000-AddAnalysisCells';

/**
 * The compaction writes its sums in the order of the cells' key (figure, site, quarter, ...), so
 * that each figure's rows lie together in the table. Written in the order of whatever plan summed
 * them, they were scattered: a figure that reads 12,000 of the table's 110,000 rows read 219 pages
 * at 100,000 patients (where the sums came out of a sort) and 1,507 at 400,000 (a hash, whose
 * order is no order), and took half as long again, although the table holds as many rows at both
 * sizes (docs/performance.md, The overview at 100,000, 400,000 and 1,000,000 patients). Rows are
 * appended after the ones the compaction deleted, and a later VACUUM FULL keeps their order.
 *
 * Only the function changes: the cells already written keep their rows, and the next compaction
 * (a writer's, now and then, or a bulk writer's) orders them.
 */
export class OrderCompactedCells1795720000000 implements MigrationInterface {
  name = 'OrderCompactedCells1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ORDERED_COMPACT);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(UNORDERED_COMPACT);
  }
}

const COLUMNS = 'fig, site_id, quarter, grp, tp, val, cat, n, k, x, kx, s, ss';

// CREATE OR REPLACE resets SECURITY DEFINER and search_path, so they are restated.
export const ORDERED_COMPACT = `
  CREATE OR REPLACE FUNCTION analysis_cell_compact() RETURNS int LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE kept int;
  BEGIN
    -- One compaction at a time; a second one has nothing to add and does not wait.
    IF NOT pg_try_advisory_xact_lock(hashtext('analysis_cell_compact')) THEN RETURN NULL; END IF;
    -- The rows deleted are replaced by their sums in one statement: whatever a concurrent writer
    -- appends meanwhile is not among them and stays as it is. In the key's order, so that a
    -- figure's rows share pages (the index on fig and site_id finds them there).
    WITH gone AS (DELETE FROM analysis_cell RETURNING *)
    INSERT INTO analysis_cell (${COLUMNS})
    SELECT fig, site_id, quarter, grp, tp, val, cat, sum(n), sum(k), sum(x), sum(kx), sum(s), sum(ss)
    FROM gone GROUP BY fig, site_id, quarter, grp, tp, val, cat
    HAVING sum(n) <> 0 OR sum(k) <> 0 OR sum(x) <> 0 OR sum(kx) <> 0 OR coalesce(sum(s), 0) <> 0 OR coalesce(sum(ss), 0) <> 0
    ORDER BY fig, site_id, quarter, grp, tp, val, cat;
    GET DIAGNOSTICS kept = ROW_COUNT;
    RETURN kept;
  END $$`;
