import { Actor, assertCanWriteSite, assertId, assertResearchVisible, assertSiteAccess, siteScope } from '@vfr/api-core';
import { NotFoundError } from '@vfr/domain';
import { EntityManager, EntityTarget } from 'typeorm';
import { PatientEntity } from './patient.entity';

/**
 * Loads the patient a child record (fracture, treatment, visit, complication) belongs to and
 * checks that the actor may write that site's records. Unknown and other-site patients look the
 * same to the caller.
 */
export async function patientForWrite(manager: EntityManager, actor: Actor, patientId: string, field = 'patientId'): Promise<PatientEntity> {
  const patient = await manager.findOneBy(PatientEntity, { id: patientId });
  if (!patient) throw new NotFoundError('Patient', patientId, field);
  assertSiteAccess(actor, patient.siteId, 'Patient', patientId);
  assertCanWriteSite(actor, patient.siteId);
  if (patient.withdrawnAt) throw new NotFoundError('Patient', patientId, field);
  return patient;
}

export async function patientForRead(manager: EntityManager, actor: Actor, patientId: string): Promise<PatientEntity> {
  const patient = await manager.findOneBy(PatientEntity, { id: patientId });
  if (!patient) throw new NotFoundError('Patient', patientId);
  assertSiteAccess(actor, patient.siteId, 'Patient', patientId);
  assertResearchVisible(actor, patient, 'Patient', patientId);
  return patient;
}

/** A patient's child record by id, refused (as not found) when its patient is out of the actor's scope. */
export async function childForRead<T extends { patientId: string }>(
  manager: EntityManager,
  actor: Actor,
  target: EntityTarget<T>,
  id: string,
  entityType: string,
): Promise<T> {
  const record = await manager.findOneBy(target, { id: assertId('id', id) } as never);
  if (!record) throw new NotFoundError(entityType, id);
  const patient = await manager.findOneBy(PatientEntity, { id: record.patientId });
  const scope = siteScope(actor);
  if (!patient || (scope !== null && scope !== patient.siteId)) throw new NotFoundError(entityType, id);
  assertResearchVisible(actor, patient, entityType, id);
  return record;
}

/**
 * Holds the patient's row for the rest of the transaction, so that writes whose rules span the
 * patient's records (a death and the visits it bounds) are judged one after the other: a death
 * and a later visit saved at the same moment cannot both pass. analysis_refresh() takes the same
 * lock, so this adds no new order of locking.
 */
export async function lockPatientRecords(manager: EntityManager, patientId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM patient WHERE id = $1 FOR NO KEY UPDATE`, [patientId]);
}
