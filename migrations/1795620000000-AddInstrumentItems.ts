import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The questionnaires' items, stored item by item, and where each score came from:
 * - `odi_items` (ten sections 0-5, null for a section not answered), `rmdq_items` (24 yes/no),
 *   `eq5d_levels` (five levels 1-5) and `eq5d_vas` (EQ VAS 0-100);
 * - `odi_source`, `rmdq_source`, `eq5d_source`: ITEMS when the score is computed from the stored
 *   items, TOTAL when it was entered as a number without them;
 * - `eq5d_value_set`: the value set an index was computed (or checked) with.
 *
 * The columns `odi`, `rmdq` and `eq5d_index` keep holding the scores the analyses read.
 *
 * Every score stored so far was entered without its items: this migration marks them TOTAL and
 * changes no value. Their value set is unknown (left null). Two kinds of old values no longer pass
 * the rules new ones must, and only the site can say what was meant, so each is reported to
 * data_issue: an ODI that no answer pattern gives (with 10, 9 or 8 sections answered the index is
 * a multiple of 2, of 100/45 or of 2.5; stored to one decimal), and an EQ-5D-5L index below
 * -0.285, the minimum of the England value set, the only set the registry had when they were
 * entered. The rules are written out here rather than imported, so that this migration keeps its
 * meaning when libs/domain changes; a test holds them equal to the domain's today.
 */
export const ODI_TOLERANCE_1795620000000 = 0.05;
export const EQ5D_ENGLAND_MIN_1795620000000 = -0.285;

export class AddInstrumentItems1795620000000 implements MigrationInterface {
  name = 'AddInstrumentItems1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE score_source AS ENUM ('ITEMS', 'TOTAL')`);
    await q.query(`CREATE TYPE eq5d_value_set AS ENUM ('ENGLAND', 'GERMANY', 'US')`);
    await q.query(`
      ALTER TABLE assessment
        ADD COLUMN odi_items smallint[],
        ADD COLUMN odi_source score_source,
        ADD COLUMN rmdq_items boolean[],
        ADD COLUMN rmdq_source score_source,
        ADD COLUMN eq5d_levels smallint[],
        ADD COLUMN eq5d_vas smallint,
        ADD COLUMN eq5d_source score_source,
        ADD COLUMN eq5d_value_set eq5d_value_set`);
    // Marking the old scores touches no column the analysis rows read: they are not recomputed for it.
    await q.query(`SET LOCAL vfr.analysis_deferred = 'on'`);
    await q.query(`
      UPDATE assessment SET
        odi_source = CASE WHEN odi IS NOT NULL THEN 'TOTAL'::score_source END,
        rmdq_source = CASE WHEN rmdq IS NOT NULL THEN 'TOTAL'::score_source END,
        eq5d_source = CASE WHEN eq5d_index IS NOT NULL THEN 'TOTAL'::score_source END
      WHERE odi IS NOT NULL OR rmdq IS NOT NULL OR eq5d_index IS NOT NULL`);
    await q.query(`SET LOCAL vfr.analysis_deferred = 'off'`);
    const checks: [string, string][] = [
      [
        'ck_assessment__odi_items__shape',
        'odi_items IS NULL OR (array_ndims(odi_items) = 1 AND cardinality(odi_items) = 10 AND 0 <= ALL (odi_items) AND 5 >= ALL (odi_items))',
      ],
      [
        'ck_assessment__rmdq_items__shape',
        'rmdq_items IS NULL OR (array_ndims(rmdq_items) = 1 AND cardinality(rmdq_items) = 24 AND array_position(rmdq_items, NULL) IS NULL)',
      ],
      [
        'ck_assessment__eq5d_levels__shape',
        'eq5d_levels IS NULL OR (array_ndims(eq5d_levels) = 1 AND cardinality(eq5d_levels) = 5 AND array_position(eq5d_levels, NULL) IS NULL AND 1 <= ALL (eq5d_levels) AND 5 >= ALL (eq5d_levels))',
      ],
      ['ck_assessment__eq5d_vas__range', 'eq5d_vas IS NULL OR eq5d_vas BETWEEN 0 AND 100'],
      [
        'ck_assessment__odi_source',
        `(odi_items IS NULL) = (odi_source IS DISTINCT FROM 'ITEMS') AND (odi IS NULL OR odi_source IS NOT NULL) AND (odi_source IS DISTINCT FROM 'TOTAL' OR odi IS NOT NULL)`,
      ],
      ['ck_assessment__rmdq_source', `(rmdq_items IS NULL) = (rmdq_source IS DISTINCT FROM 'ITEMS') AND (rmdq IS NULL) = (rmdq_source IS NULL)`],
      [
        'ck_assessment__eq5d_source',
        `(eq5d_levels IS NULL) = (eq5d_source IS DISTINCT FROM 'ITEMS') AND (eq5d_index IS NULL) = (eq5d_source IS NULL) AND (eq5d_source IS DISTINCT FROM 'ITEMS' OR eq5d_value_set IS NOT NULL)`,
      ],
      [
        'ck_assessment__status__no_items_unless_done',
        `status = 'DONE' OR (odi_items IS NULL AND rmdq_items IS NULL AND eq5d_levels IS NULL AND eq5d_vas IS NULL)`,
      ],
    ];
    for (const [name, expr] of checks) await q.query(`ALTER TABLE assessment ADD CONSTRAINT ${name} CHECK (${expr})`);

    await q.query(
      `
      WITH possible AS (SELECT DISTINCT 100.0 * s / (5 * n) AS v FROM generate_series(8, 10) n, generate_series(0, 5 * n) s)
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT $1, 'assessment.odi_impossible', 'assessment', a.id, a.patient_id, p.site_id,
             format('%s visit of %s: the ODI %s (entered without its answers) is not a value any answer pattern gives (with 10, 9 or 8 sections answered it is a multiple of 2, of 100/45 or of 2.5); the nearest possible values are %s and %s',
                    a.time_point, coalesce(a.visit_date::text, 'no date'), a.odi,
                    (SELECT round(max(v), 1) FROM possible WHERE v < a.odi), (SELECT round(min(v), 1) FROM possible WHERE v > a.odi))
      FROM assessment a JOIN patient p ON p.id = a.patient_id
      WHERE a.odi IS NOT NULL AND a.withdrawn_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM possible WHERE abs(possible.v - a.odi::numeric) <= $2)
      ORDER BY p.site_id, a.patient_id, a.visit_date`,
      [this.name, ODI_TOLERANCE_1795620000000],
    );
    await q.query(
      `
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT $1, 'assessment.eq5d_out_of_range', 'assessment', a.id, a.patient_id, p.site_id,
             format('%s visit of %s: the EQ-5D-5L index %s (entered without its levels) is below %s, the minimum of the England value set (Devlin et al. 2018), the only set the registry had when it was entered; if it was valued with another set, say which when resolving',
                    a.time_point, coalesce(a.visit_date::text, 'no date'), a.eq5d_index, $2::numeric)
      FROM assessment a JOIN patient p ON p.id = a.patient_id
      WHERE a.eq5d_index IS NOT NULL AND a.withdrawn_at IS NULL AND a.eq5d_index < $2
      ORDER BY p.site_id, a.patient_id, a.visit_date`,
      [this.name, EQ5D_ENGLAND_MIN_1795620000000],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Only the rows this migration wrote and nobody has resolved yet: a resolution is a record of work done.
    await q.query(`DELETE FROM data_issue WHERE found_by = $1 AND resolved_at IS NULL`, [this.name]);
    await q.query(`
      ALTER TABLE assessment
        DROP COLUMN odi_items, DROP COLUMN odi_source, DROP COLUMN rmdq_items, DROP COLUMN rmdq_source,
        DROP COLUMN eq5d_levels, DROP COLUMN eq5d_vas, DROP COLUMN eq5d_source, DROP COLUMN eq5d_value_set`);
    await q.query(`DROP TYPE eq5d_value_set`);
    await q.query(`DROP TYPE score_source`);
  }
}
