import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overview's figures kept as counts, so that reading them costs the same at 100,000 and at
 * 1,000,000 patients (docs/performance.md, Maintained aggregates).
 *
 * analysis_cell holds, per site, quarter of the index treatment and first treatment, what the
 * trajectory of NRS (fig 1: per time point and score, the count, the sum of record keys, and the
 * count, keys, sum and sum of squares of the change from baseline) and the NRS responder rates
 * (fig 2: per definition and time point, patients with a baseline and responders, with their
 * keys), the complication rates under the first treatment (fig 3: per category, the patients in
 * it, as the complication figure counts them) and the funnel plot (fig 4: procedures and those
 * followed by a complication, with their keys) and the cohort's size (fig 5: patients per first
 * treatment) add up to. The sums of record keys are what the department head's cell-key perturbation
 * needs, so that a head's figures stay exactly what the cohort SQL gives.
 *
 * The table is append-only: statement triggers on analysis_patient insert, for the rows a
 * statement inserted, deleted or changed, their contribution (+) or its opposite (-), grouped,
 * in the same transaction. No writer ever updates a counter row, so concurrent writers neither
 * wait for one another on a hot row nor deadlock; a reader sums the rows of its cells. Now and
 * then (one statement in COMPACT_EVERY, at random, and on demand) analysis_cell_compact() replaces the rows by
 * their sums, under an advisory lock that a second compaction skips rather than waits for.
 *
 * While `vfr.analysis_deferred` is on, the triggers do nothing: that is a restore writing
 * analysis_patient and analysis_cell as data of one snapshot. Bulk writers that defer the analysis
 * refresh turn it off around their analysis_refresh() call (refreshAnalysis in api-database).
 *
 * Only patients who consented to research count (the cohort SQL's rule).
 *
 * The complication figures read the complication and treatment tables, which a row of
 * analysis_patient does not hold; what a patient adds to them is kept on the row itself
 * (cells_complications, cells_procedures, cells_procedures_complicated), set by a row trigger when
 * the row is written, so that the row's deletion takes away exactly what its insertion added.
 */
export const COMPACT_EVERY = 512;

/** The cells of the analysis rows in `rows` (a table or transition table aliased `a`), each with `sign`. */
export function cellsSql(rows: string, sign: 1 | -1): string {
  const base = 'a.nrs[1]';
  return `
    SELECT c.fig, c.site_id, c.quarter, c.grp, c.tp, c.val, c.cat,
           ${sign} * sum(c.n) AS n, ${sign} * sum(c.k) AS k, ${sign} * sum(c.x) AS x, ${sign} * sum(c.kx) AS kx,
           ${sign} * sum(c.s) AS s, ${sign} * sum(c.ss) AS ss
    FROM (
      SELECT 1::smallint AS fig, a.site_id, date_trunc('quarter', a.index_date)::date AS quarter, a.first_kind AS grp, t.n::smallint AS tp,
             t.value AS val, NULL::text AS cat, 1::int8 AS n, a.record_key::int8 AS k,
             (${base} IS NOT NULL)::int::int8 AS x, (CASE WHEN ${base} IS NOT NULL THEN a.record_key ELSE 0 END)::int8 AS kx,
             t.value - ${base} AS s, (t.value - ${base}) * (t.value - ${base}) AS ss
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.nrs) WITH ORDINALITY AS t(value, n)
      WHERE a.consent_status = 'GIVEN' AND t.value IS NOT NULL
      UNION ALL
      SELECT 2::smallint, a.site_id, date_trunc('quarter', a.index_date)::date, a.first_kind, t.n::smallint, NULL::float8, r.def,
             1::int8, a.record_key::int8, r.hit::int::int8, (CASE WHEN r.hit THEN a.record_key ELSE 0 END)::int8, NULL::float8, NULL::float8
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.nrs) WITH ORDINALITY AS t(value, n)
      CROSS JOIN LATERAL (VALUES
        ('NRS_DROP_2', ${base} - t.value >= 2),
        ('NRS_DROP_30_PERCENT', ${base} > 0 AND (${base} - t.value) >= 0.3 * ${base}),
        ('NRS_BELOW_4', t.value < 4)) AS r(def, hit)
      WHERE a.consent_status = 'GIVEN' AND t.value IS NOT NULL AND ${base} IS NOT NULL AND t.n > 1
      UNION ALL
      SELECT 3::smallint, a.site_id, date_trunc('quarter', a.index_date)::date, a.first_kind, NULL::smallint, NULL::float8, k.cat,
             1::int8, a.record_key::int8, 0::int8, 0::int8, NULL::float8, NULL::float8
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.cells_complications) AS k(cat)
      WHERE a.consent_status = 'GIVEN'
      UNION ALL
      SELECT 4::smallint, a.site_id, date_trunc('quarter', a.index_date)::date, a.first_kind, NULL::smallint, NULL::float8, NULL::text,
             a.cells_procedures::int8, a.cells_procedures::int8 * a.record_key, a.cells_procedures_complicated::int8,
             a.cells_procedures_complicated::int8 * a.record_key, NULL::float8, NULL::float8
      FROM ${rows} a
      WHERE a.consent_status = 'GIVEN' AND a.cells_procedures > 0
      UNION ALL
      SELECT 5::smallint, a.site_id, date_trunc('quarter', a.index_date)::date, a.first_kind, NULL::smallint, NULL::float8, NULL::text,
             1::int8, a.record_key::int8, 0::int8, 0::int8, NULL::float8, NULL::float8
      FROM ${rows} a
      WHERE a.consent_status = 'GIVEN'
    ) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

const COLUMNS = 'fig, site_id, quarter, grp, tp, val, cat, n, k, x, kx, s, ss';

export const COMPACT = `
  CREATE OR REPLACE FUNCTION analysis_cell_compact() RETURNS int LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE kept int;
  BEGIN
    -- One compaction at a time; a second one has nothing to add and does not wait.
    IF NOT pg_try_advisory_xact_lock(hashtext('analysis_cell_compact')) THEN RETURN NULL; END IF;
    -- The rows deleted are replaced by their sums in one statement: whatever a concurrent writer
    -- appends meanwhile is not among them and stays as it is.
    WITH gone AS (DELETE FROM analysis_cell RETURNING *)
    INSERT INTO analysis_cell (${COLUMNS})
    SELECT fig, site_id, quarter, grp, tp, val, cat, sum(n), sum(k), sum(x), sum(kx), sum(s), sum(ss)
    FROM gone GROUP BY fig, site_id, quarter, grp, tp, val, cat
    HAVING sum(n) <> 0 OR sum(k) <> 0 OR sum(x) <> 0 OR sum(kx) <> 0 OR coalesce(sum(s), 0) <> 0 OR coalesce(sum(ss), 0) <> 0;
    GET DIAGNOSTICS kept = ROW_COUNT;
    RETURN kept;
  END $$`;

const MAJOR_CLAVIEN_DINDO = ['IIIA', 'IIIB', 'IVA', 'IVB', 'V'];

/**
 * What a patient adds to the complication figures, from the source tables as the row is written
 * (the rules of the complication rates and the funnel plot in the analytics, under the first
 * treatment's follow-up: a complication counts from day 0 to the end of follow-up; a death is not
 * a complication).
 */
export const CELL_INPUTS = `
  CREATE OR REPLACE FUNCTION analysis_cell_inputs() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    -- A restore writes the row as it was saved, these values included.
    IF coalesce(current_setting('vfr.analysis_deferred', true), '') = 'on' THEN RETURN NEW; END IF;
    SELECT CASE WHEN p.kinds IS NULL THEN '{NONE}'::text[] ELSE array_remove(p.kinds || ARRAY[
             'ANY', CASE WHEN p.major THEN 'MAJOR' WHEN p.graded THEN 'MINOR' ELSE 'GRADE_NOT_RECORDED' END,
             CASE WHEN p.symptomatic THEN 'LEAKAGE_SYMPTOMATIC' WHEN p.symptom_recorded THEN 'LEAKAGE_ASYMPTOMATIC'
                  WHEN 'CEMENT_LEAKAGE' = ANY(p.kinds) THEN 'LEAKAGE_SYMPTOM_NOT_RECORDED' END,
             CASE WHEN p.after_crossover THEN 'AFTER_CROSSOVER' END], NULL) END
      INTO NEW.cells_complications
    FROM (
      SELECT array_agg(DISTINCT x.kind::text) AS kinds,
             bool_or(x.clavien_dindo::text IN (${MAJOR_CLAVIEN_DINDO.map((g) => `'${g}'`).join(', ')})) AS major,
             bool_or(x.clavien_dindo IS NOT NULL) AS graded,
             bool_or(x.symptomatic) FILTER (WHERE x.kind = 'CEMENT_LEAKAGE') AS symptomatic,
             bool_or(x.symptomatic IS NOT NULL) FILTER (WHERE x.kind = 'CEMENT_LEAKAGE') AS symptom_recorded,
             bool_or(NEW.crossover_day IS NOT NULL AND x.occurred_on - NEW.index_date >= NEW.crossover_day) AS after_crossover
      FROM complication x
      WHERE x.patient_id = NEW.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH'
        AND (x.occurred_on - NEW.index_date) BETWEEN 0 AND NEW.follow_up_end_day
    ) p;
    SELECT count(*), count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM complication x WHERE x.patient_id = t.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH'
               AND (x.treatment_id = t.id OR (x.treatment_id IS NULL AND x.occurred_on >= t.start_date))
               AND x.occurred_on - NEW.index_date <= NEW.follow_up_end_day))
      INTO NEW.cells_procedures, NEW.cells_procedures_complicated
    FROM treatment t WHERE t.patient_id = NEW.patient_id AND t.withdrawn_at IS NULL AND t.kind <> 'CONSERVATIVE';
    RETURN NEW;
  END $$`;

const deferred = `coalesce(current_setting('vfr.analysis_deferred', true), '') = 'on'`;

function triggerFunction(name: string, body: string): string {
  return `
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      IF ${deferred} THEN RETURN NULL; END IF;
      ${body}
      IF random() * ${COMPACT_EVERY} < 1 THEN PERFORM analysis_cell_compact(); END IF;
      RETURN NULL;
    END $$`;
}

export const TRIGGER_FUNCTIONS = [
  triggerFunction('analysis_cells_inserted', `INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('new_rows', 1)};`),
  triggerFunction('analysis_cells_deleted', `INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('old_rows', -1)};`),
  triggerFunction(
    'analysis_cells_updated',
    `INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('old_rows', -1)};
      INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('new_rows', 1)};`,
  ),
];

export class AddAnalysisCells1795690000000 implements MigrationInterface {
  name = 'AddAnalysisCells1795690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE analysis_patient
        ADD COLUMN cells_complications text[], ADD COLUMN cells_procedures int, ADD COLUMN cells_procedures_complicated int`);
    await q.query(CELL_INPUTS);
    await q.query(`CREATE TRIGGER analysis_cell_inputs BEFORE INSERT OR UPDATE ON analysis_patient FOR EACH ROW EXECUTE FUNCTION analysis_cell_inputs()`);
    // The rows there are get theirs (the trigger computes them on this update).
    await q.query(`UPDATE analysis_patient SET cells_procedures = NULL`);
    await q.query(`
      CREATE TABLE analysis_cell (
        fig smallint NOT NULL,
        site_id uuid NOT NULL,
        quarter date NOT NULL,
        grp text NOT NULL,
        tp smallint,
        val float8,
        cat text,
        n int8 NOT NULL,
        k int8 NOT NULL,
        x int8 NOT NULL,
        kx int8 NOT NULL,
        s float8,
        ss float8
      )`);
    // Readers take one figure, the whole registry or a site, and sum its rows.
    await q.query(`CREATE INDEX ix_analysis_cell__fig_site ON analysis_cell (fig, site_id, quarter)`);
    // Written only by the triggers (with the owner's rights); the API reads it.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registry_api') THEN
          REVOKE INSERT, UPDATE, DELETE ON analysis_cell FROM registry_api;
          GRANT SELECT ON analysis_cell TO registry_api;
        END IF;
      END $$`);
    await q.query(COMPACT);
    for (const f of TRIGGER_FUNCTIONS) await q.query(f);
    await q.query(
      `CREATE TRIGGER analysis_cells_inserted AFTER INSERT ON analysis_patient REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_inserted()`,
    );
    await q.query(
      `CREATE TRIGGER analysis_cells_deleted AFTER DELETE ON analysis_patient REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_deleted()`,
    );
    await q.query(
      `CREATE TRIGGER analysis_cells_updated AFTER UPDATE ON analysis_patient REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_updated()`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION analysis_cells_truncated() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN DELETE FROM analysis_cell; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER analysis_cells_truncated AFTER TRUNCATE ON analysis_patient FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_truncated()`);

    // Built from the analysis rows as they are. Patients the analysis table lacks (not withdrawn,
    // with a treatment, but no analysis row) are missing from the figures of the cohort SQL as
    // from these cells; they are reported here, not repaired (analysis_refresh repairs them).
    const [{ missing }] = (await q.query(`
      SELECT count(*)::int AS missing FROM patient p
      WHERE p.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM analysis_patient a WHERE a.patient_id = p.id)
        AND EXISTS (SELECT 1 FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL)`)) as { missing: number }[];
    if (missing > 0) console.warn(`AddAnalysisCells: ${missing} patients with a treatment have no analysis row; the figures leave them out.`);
    await q.query(`INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('analysis_patient', 1)}`);
    await q.query(`ANALYZE analysis_cell`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'deleted', 'updated', 'truncated']) {
      await q.query(`DROP TRIGGER analysis_cells_${t} ON analysis_patient`);
      await q.query(`DROP FUNCTION analysis_cells_${t}()`);
    }
    await q.query(`DROP FUNCTION analysis_cell_compact()`);
    await q.query(`DROP TABLE analysis_cell`);
    await q.query(`DROP TRIGGER analysis_cell_inputs ON analysis_patient`);
    await q.query(`DROP FUNCTION analysis_cell_inputs()`);
    await q.query(`ALTER TABLE analysis_patient DROP COLUMN cells_complications, DROP COLUMN cells_procedures, DROP COLUMN cells_procedures_complicated`);
  }
}
