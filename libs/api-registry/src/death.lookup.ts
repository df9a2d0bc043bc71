import { EntityManager } from 'typeorm';

/** The day of the patient's death in force, or null while none is recorded. */
export async function diedOnOf(manager: EntityManager, patientId: string): Promise<string | null> {
  const [row]: { died_on: string }[] = await manager.query(`SELECT died_on::text FROM death WHERE patient_id = $1 AND withdrawn_at IS NULL`, [patientId]);
  return row?.died_on ?? null;
}
