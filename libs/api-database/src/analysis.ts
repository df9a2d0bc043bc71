import { EntityManager } from 'typeorm';

// analysis_patient is kept by statement triggers (see its migration). A bulk write of many
// statements would recompute the same patients once per statement; instead it defers the
// triggers for its transaction and refreshes the patients it touched once, before commit.

/** Turns the analysis triggers off until the end of the current transaction. */
export async function deferAnalysis(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('vfr.analysis_deferred', 'on', true)`);
}

/** Recomputes the analysis rows of these patients (in the current transaction). */
export async function refreshAnalysis(manager: EntityManager, patientIds: readonly string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await manager.query(`SELECT analysis_refresh($1::uuid[])`, [[...new Set(patientIds)]]);
}
