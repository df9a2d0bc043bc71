import { EntityManager } from 'typeorm';

// analysis_patient is kept by statement triggers (see its migration). A bulk write of many
// statements would recompute the same patients once per statement; instead it defers the
// triggers for its transaction and refreshes the patients it touched once, before commit.

/** Turns the analysis triggers off until the end of the current transaction. */
export async function deferAnalysis(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('vfr.analysis_deferred', 'on', true)`);
}

// Past this many patients a bulk write has likely changed the tables' sizes more than their
// statistics know: on a registry seeded without them the refresh of 5,000 patients took 20 s
// (hash joins over whole tables), with them 0.2 s (index lookups per patient).
const ANALYZE_BEFORE_REFRESH = 1000;
const SOURCE_TABLES = 'patient, fracture, treatment, treated_level, assessment, complication';

/**
 * Recomputes the analysis rows of these patients (in the current transaction). A large batch
 * first refreshes the planner's statistics; ANALYZE in a transaction counts its own new rows.
 */
export async function refreshAnalysis(manager: EntityManager, patientIds: readonly string[]): Promise<void> {
  const ids = [...new Set(patientIds)];
  if (ids.length === 0) return;
  if (ids.length >= ANALYZE_BEFORE_REFRESH) await manager.query(`ANALYZE ${SOURCE_TABLES}`);
  // The refresh's own writes to analysis_patient keep the maintained cells (analysis_cell) by
  // their triggers, which stand aside while the analysis is deferred (a restore writes both
  // tables as data): the switch is off for this call and restored after it.
  const [{ was }]: { was: string }[] = await manager.query(
    `SELECT coalesce(current_setting('vfr.analysis_deferred', true), '') AS was, set_config('vfr.analysis_deferred', 'off', true)`,
  );
  await manager.query(`SELECT analysis_refresh($1::uuid[])`, [ids]);
  await manager.query(`SELECT set_config('vfr.analysis_deferred', $1, true)`, [was]);
}

/**
 * Replaces the maintained cells' rows by their sums (analysis_cell_compact; the triggers also do
 * it now and then). Bulk writers call it after their refresh so that readers sum few rows.
 */
export async function compactAnalysisCells(manager: { query(sql: string): Promise<unknown> }): Promise<void> {
  await manager.query(`SELECT analysis_cell_compact()`);
}
