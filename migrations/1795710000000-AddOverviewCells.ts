import { MigrationInterface, QueryRunner } from 'typeorm';
import { cellsSql, TRIGGER_FUNCTIONS as FIRST_TRIGGER_FUNCTIONS } from './1795690000000-AddAnalysisCells';

/**
 * The rest of the overview kept as counts (docs/performance.md, Maintained aggregates): the
 * treatment volumes, the discharge figures, the readmissions, the follow-up completeness and the
 * headline figures, in the same table (analysis_cell) and by the same triggers as the first
 * figures, so that the overview's first screen reads no patient at any registry size.
 *
 * New figures (`fig`), per site and quarter of the index treatment as before:
 *
 * - 6, treatment volumes: per treatment kind (`grp`) and month a treatment started (`cat`,
 *   YYYY-MM), every treatment of the patient (crossovers too).
 * - 7, discharge: per treatment kind (`grp`) and length of stay (`val`, NULL where not recorded),
 *   the treatments whose discharge was recorded (n) and the same-day ones (x). The mean and the
 *   quartiles of the stay come from these frequencies.
 * - 8, readmissions: per treatment kind (`grp`) and `tp` 1 (30 days), 2 (90 days), 3 (repeat
 *   augmentation, procedures only): the treatments with it recorded (n) and those with it (x).
 * - 9, the headline's procedures: per first treatment, the patients with a procedure (n) and of
 *   them those with a symptomatic cement leakage within follow-up (x).
 * - 10, mortality, by day of the index treatment (`val`, days since 1970-01-01; `grp` empty):
 *   `cat` MORTALITY_30 and MORTALITY_365, the patients (n) and those who died within 30 or 365 days
 *   of it (x). A reader counts the days whose 30 or 365 days have passed: the figure depends on
 *   the date it is read, the cells do not.
 * - 11, follow-up completeness, by day of the index treatment (`val`) and time point (`tp`, its
 *   ordinal): the patients whose visit is expected once its window has closed (not dead before it
 *   closed, or seen), by the visit's status (`cat`: DONE, MISSED, WITHDRAWN, or OPEN), and (x) of
 *   the done ones those answered by the patient through a questionnaire link. A reader counts the
 *   days whose window has closed.
 *
 * Every count travels with the sum of its record keys (k, kx), as before: the department head's
 * perturbed counts stay those of the cohort SQL.
 *
 * What a patient adds to 6 to 8 depends on its treatments, and to 11 on its questionnaire links,
 * which a row of analysis_patient does not hold: a row trigger keeps them on the row when it is
 * written (cells_treatments, cells_answered), as the first migration keeps the complications. A
 * change to a questionnaire link now refreshes its patient's analysis row as a change to a visit
 * does.
 */

/** The scheduled time points in the analysis arrays' order, and the last day of each window (libs/domain TIME_POINT_WINDOWS; a spec holds them equal). */
export const WINDOWS: readonly { timePoint: string; toDay: number }[] = [
  { timePoint: 'BASELINE', toDay: 0 },
  { timePoint: 'D1', toDay: 3 },
  { timePoint: 'W1', toDay: 10 },
  { timePoint: 'M1', toDay: 44 },
  { timePoint: 'M3', toDay: 111 },
  { timePoint: 'M6', toDay: 210 },
  { timePoint: 'M12', toDay: 425 },
  { timePoint: 'M24', toDay: 820 },
];

const COLUMNS = 'fig, site_id, quarter, grp, tp, val, cat, n, k, x, kx, s, ss';

/** The new figures' cells of the analysis rows in `rows` (aliased `a`), each with `sign`. */
export function overviewCellsSql(rows: string, sign: 1 | -1): string {
  const quarter = `date_trunc('quarter', a.index_date)::date`;
  const given = `a.consent_status = 'GIVEN'`;
  const key = (hit: string) => `(${hit})::int::int8, (CASE WHEN ${hit} THEN a.record_key ELSE 0 END)::int8`;
  const windows = WINDOWS.map((w, i) => `(${i + 1}, '${w.timePoint}', ${w.toDay})`).join(', ');
  return `
    SELECT c.fig, c.site_id, c.quarter, c.grp, c.tp, c.val, c.cat,
           ${sign} * sum(c.n) AS n, ${sign} * sum(c.k) AS k, ${sign} * sum(c.x) AS x, ${sign} * sum(c.kx) AS kx,
           NULL::float8 AS s, NULL::float8 AS ss
    FROM (
      SELECT 6::smallint AS fig, a.site_id, ${quarter} AS quarter, t.kind AS grp, NULL::smallint AS tp, NULL::float8 AS val,
             to_char(t.month, 'YYYY-MM') AS cat, 1::int8 AS n, a.record_key::int8 AS k, 0::int8 AS x, 0::int8 AS kx
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.cells_treatments) AS t
      WHERE ${given}
      UNION ALL
      SELECT 7::smallint, a.site_id, ${quarter}, t.kind, NULL::smallint, t.stay::float8, NULL::text, 1::int8, a.record_key::int8, ${key('t.same_day')}
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.cells_treatments) AS t
      WHERE ${given} AND t.same_day IS NOT NULL
      UNION ALL
      SELECT 8::smallint, a.site_id, ${quarter}, t.kind, r.tp::smallint, NULL::float8, NULL::text, 1::int8, a.record_key::int8, ${key('r.hit')}
      FROM ${rows} a CROSS JOIN LATERAL unnest(a.cells_treatments) AS t
      CROSS JOIN LATERAL (VALUES (1, t.r30), (2, t.r90), (3, CASE WHEN t.kind <> 'CONSERVATIVE' THEN coalesce(t.repeated, false) END)) AS r(tp, hit)
      WHERE ${given} AND r.hit IS NOT NULL
      UNION ALL
      SELECT 9::smallint, a.site_id, ${quarter}, a.first_kind, NULL::smallint, NULL::float8, NULL::text, 1::int8, a.record_key::int8,
             ${key(`'LEAKAGE_SYMPTOMATIC' = ANY(a.cells_complications)`)}
      FROM ${rows} a
      WHERE ${given} AND a.cells_procedures > 0
      UNION ALL
      SELECT 10::smallint, a.site_id, ${quarter}, ''::text, NULL::smallint, (a.index_date - DATE '1970-01-01')::float8, m.cat,
             1::int8, a.record_key::int8, ${key('coalesce(a.death_on <= a.index_date + m.days, false)')}
      FROM ${rows} a CROSS JOIN (VALUES ('MORTALITY_30', 30), ('MORTALITY_365', 365)) AS m(cat, days)
      WHERE ${given}
      UNION ALL
      SELECT 11::smallint, a.site_id, ${quarter}, ''::text, w.n::smallint, (a.index_date - DATE '1970-01-01')::float8,
             CASE WHEN a.visit_status[w.n] IN ('DONE', 'MISSED', 'WITHDRAWN') THEN a.visit_status[w.n] ELSE 'OPEN' END,
             1::int8, a.record_key::int8, ${key(`a.visit_status[w.n] = 'DONE' AND w.tp = ANY(a.cells_answered)`)}
      FROM ${rows} a CROSS JOIN (VALUES ${windows}) AS w(n, tp, to_day)
      WHERE ${given} AND (a.death_on IS NULL OR a.death_on > a.index_date + w.to_day OR a.visit_status[w.n] = 'DONE')
    ) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/**
 * What a patient adds to the treatment figures and to completeness, from the source tables as
 * the row is written: each treatment not withdrawn (its month, kind, discharge, readmissions, and
 * for a procedure whether a later procedure at one of its levels followed within follow-up), and
 * the time points answered by the patient through a questionnaire link in use.
 */
export const OVERVIEW_INPUTS = `
  CREATE OR REPLACE FUNCTION analysis_cell_overview_inputs() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    -- A restore writes the row as it was saved, these values included.
    IF coalesce(current_setting('vfr.analysis_deferred', true), '') = 'on' THEN RETURN NEW; END IF;
    NEW.cells_treatments := ARRAY(
      SELECT ROW(date_trunc('month', t.start_date)::date, t.kind::text, t.same_day_discharge, t.length_of_stay_days,
                 t.readmitted_within_30_days, t.readmitted_within_90_days,
                 t.kind <> 'CONSERVATIVE' AND EXISTS (
                   SELECT 1 FROM treated_level l1 JOIN fracture f1 ON f1.id = l1.fracture_id
                     JOIN fracture f2 ON f2.patient_id = t.patient_id AND f2.level = f1.level
                     JOIN treated_level l2 ON l2.fracture_id = f2.id
                     JOIN treatment t2 ON t2.id = l2.treatment_id AND t2.withdrawn_at IS NULL AND t2.kind <> 'CONSERVATIVE' AND t2.start_date > t.start_date
                   WHERE l1.treatment_id = t.id AND t2.start_date - NEW.index_date <= NEW.follow_up_end_day))::analysis_treatment_cell
      FROM treatment t WHERE t.patient_id = NEW.patient_id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.id);
    NEW.cells_answered := ARRAY(
      SELECT DISTINCT q.time_point::text FROM questionnaire_invitation q JOIN assessment v ON v.id = q.assessment_id
      WHERE q.treatment_id = NEW.index_treatment_id AND q.withdrawn_at IS NULL AND v.withdrawn_at IS NULL ORDER BY 1);
    RETURN NEW;
  END $$`;

const deferred = `coalesce(current_setting('vfr.analysis_deferred', true), '') = 'on'`;
const COMPACT_EVERY = 512;

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

const insert = (rows: string, sign: 1 | -1) =>
  `INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql(rows, sign)};
      INSERT INTO analysis_cell (${COLUMNS}) ${overviewCellsSql(rows, sign)};`;

export const TRIGGER_FUNCTIONS = [
  triggerFunction('analysis_cells_inserted', insert('new_rows', 1)),
  triggerFunction('analysis_cells_deleted', insert('old_rows', -1)),
  triggerFunction('analysis_cells_updated', `${insert('old_rows', -1)}\n      ${insert('new_rows', 1)}`),
];

/** Every cell of the analysis rows in `rows`, the first figures' and these (for a rebuild and the tests). */
export function allCellsSql(rows: string): string {
  return `${cellsSql(rows, 1)} UNION ALL ${overviewCellsSql(rows, 1)}`;
}

const INVITATION_OPS = ['INSERT', 'UPDATE', 'DELETE'];

export class AddOverviewCells1795710000000 implements MigrationInterface {
  name = 'AddOverviewCells1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE analysis_treatment_cell AS (
        month date, kind text, same_day boolean, stay smallint, r30 boolean, r90 boolean, repeated boolean)`);
    await q.query(`ALTER TABLE analysis_patient ADD COLUMN cells_treatments analysis_treatment_cell[], ADD COLUMN cells_answered text[]`);
    await q.query(OVERVIEW_INPUTS);
    await q.query(
      `CREATE TRIGGER analysis_cell_overview_inputs BEFORE INSERT OR UPDATE ON analysis_patient FOR EACH ROW EXECUTE FUNCTION analysis_cell_overview_inputs()`,
    );
    for (const f of TRIGGER_FUNCTIONS) await q.query(f);

    // A questionnaire link taken into use, replaced or withdrawn changes what its patient adds to completeness.
    for (const op of INVITATION_OPS) {
      const rows = op === 'INSERT' ? ['new_rows'] : op === 'DELETE' ? ['old_rows'] : ['new_rows', 'old_rows'];
      const referencing = rows.map((r) => `${r === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${r}`).join(' ');
      const fn = `analysis_on_questionnaire_invitation_${op.toLowerCase()}`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF coalesce(current_setting('vfr.analysis_deferred', true), '') <> 'on' THEN
            PERFORM analysis_refresh(ARRAY(SELECT DISTINCT id FROM (${rows.map((r) => `SELECT patient_id FROM ${r}`).join(' UNION ALL ')}) AS touched(id)));
          END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${fn} AFTER ${op} ON questionnaire_invitation REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // The rows there are get their inputs (the row trigger computes them on this update) without
    // the cells' statement trigger, which would take away from the new figures what the rows never
    // added; the cells are then built anew from the rows, every figure, in this transaction.
    await q.query(`ALTER TABLE analysis_patient DISABLE TRIGGER analysis_cells_updated`);
    await q.query(`UPDATE analysis_patient SET cells_procedures = NULL`);
    await q.query(`ALTER TABLE analysis_patient ENABLE TRIGGER analysis_cells_updated`);
    await q.query(`DELETE FROM analysis_cell`);
    await q.query(`INSERT INTO analysis_cell (${COLUMNS}) ${cellsSql('analysis_patient', 1)}`);
    await q.query(`INSERT INTO analysis_cell (${COLUMNS}) ${overviewCellsSql('analysis_patient', 1)}`);
    await q.query(`ANALYZE analysis_cell`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of INVITATION_OPS) {
      const fn = `analysis_on_questionnaire_invitation_${op.toLowerCase()}`;
      await q.query(`DROP TRIGGER ${fn} ON questionnaire_invitation`);
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    for (const f of FIRST_TRIGGER_FUNCTIONS) await q.query(f);
    await q.query(`DELETE FROM analysis_cell WHERE fig > 5`);
    await q.query(`DROP TRIGGER analysis_cell_overview_inputs ON analysis_patient`);
    await q.query(`DROP FUNCTION analysis_cell_overview_inputs()`);
    await q.query(`ALTER TABLE analysis_patient DROP COLUMN cells_treatments, DROP COLUMN cells_answered`);
    await q.query(`DROP TYPE analysis_treatment_cell`);
  }
}
