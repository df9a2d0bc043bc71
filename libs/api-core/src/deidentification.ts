import { daysBetween, Role } from '@vfr/domain';
import { Actor } from './actor';

/**
 * Researchers and department heads never receive direct identifiers or exact dates (DESIGN.md
 * section 5): dates become days relative to the patient's index treatment, ages over 89 become
 * "90+" and the birth years that would reveal them are withheld. Applied on the server, in the
 * models, whatever the client asks for.
 */
export function isDeidentified(actor: Actor): boolean {
  return actor.role === Role.RESEARCHER || actor.role === Role.DEPARTMENT_HEAD;
}

export class DateView {
  constructor(
    readonly deidentified: boolean,
    /** Start of the patient's first (index) treatment, day 0. */
    readonly indexDate: string | null,
  ) {}

  /** The exact date, or null for de-identified readers. */
  date(iso: string | null | undefined): string | null {
    return this.deidentified || !iso ? null : iso;
  }

  /** Days from the index treatment (negative before it), for every reader. */
  day(iso: string | null | undefined): number | null {
    return iso && this.indexDate ? daysBetween(this.indexDate, iso) : null;
  }

  timestamp(value: Date | null): Date | null {
    return this.deidentified ? null : value;
  }
}

/** Age in whole years at a date, from the birth year only (the registry keeps no birthday). */
export function ageAt(birthYear: number, iso: string): number {
  return Number(iso.slice(0, 4)) - birthYear;
}

export function displayAge(age: number | null): string | null {
  if (age === null) return null;
  return age > 89 ? '90+' : String(age);
}
