import { ForbiddenError, NotFoundError, Role } from '@vfr/domain';
import { Actor } from './actor';

/**
 * The site whose rows an actor may touch, or null for all sites. Coordinators, department heads
 * and site-bound researchers are limited to their site; admins and cross-site researchers are not.
 */
export function siteScope(actor: Actor): string | null {
  if (actor.role === Role.ADMIN) return null;
  return actor.siteId;
}

/**
 * Refuses a row of another site. Reported as "not found" so that guessing ids reveals nothing
 * about which records exist elsewhere.
 */
export function assertSiteAccess(actor: Actor, siteId: string, entity: string, id: string): void {
  const scope = siteScope(actor);
  if (scope !== null && scope !== siteId) throw new NotFoundError(entity, id);
}

/** Writes to patient data are for admins and the coordinators of the patient's site. */
export function assertCanWriteSite(actor: Actor, siteId: string): void {
  if (actor.role === Role.ADMIN) return;
  if (actor.role === Role.COORDINATOR && actor.siteId === siteId) return;
  throw new ForbiddenError("Only coordinators of the patient's site and admins may change its records");
}

/**
 * Whose patients an aggregate (analyses, completeness) may draw on: department heads compare
 * sites, so their de-identified, suppressed aggregates cover the registry; everyone else keeps
 * the scope of siteScope.
 */
export function aggregateScope(actor: Actor): string | null {
  return actor.role === Role.DEPARTMENT_HEAD ? null : siteScope(actor);
}

/**
 * De-identified readers see only the research population: patients who gave their consent
 * (docs/privacy.md). Anyone else, as not found, like another site's patient.
 */
export function assertResearchVisible(actor: Actor, patient: { consentStatus: string }, entity: string, id: string): void {
  if ((actor.role === Role.RESEARCHER || actor.role === Role.DEPARTMENT_HEAD) && patient.consentStatus !== 'GIVEN') throw new NotFoundError(entity, id);
}
