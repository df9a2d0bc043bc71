// The rows of the complication rates (docs/methods.md, Complication rates): any complication, its
// split by the highest recorded Clavien-Dindo grade, each kind, the cement leakages split by
// symptom, and the complications after a crossover. Defined once for the API and its tests.

import { ClavienDindoGrade, ComplicationKind } from './enums';

/** Clavien-Dindo grades of a major complication: III or more (an intervention, organ failure, death). */
export const MAJOR_CLAVIEN_DINDO: readonly ClavienDindoGrade[] = [
  ClavienDindoGrade.IIIA,
  ClavienDindoGrade.IIIB,
  ClavienDindoGrade.IVA,
  ClavienDindoGrade.IVB,
  ClavienDindoGrade.V,
];

/**
 * Totals split into parts that add up to them, each patient in one part: by the highest recorded
 * grade (major, else minor, else no grade recorded), and a cement leakage by its symptom
 * (symptomatic if any was, else asymptomatic if any was recorded so, else not recorded). A part
 * is never shown while its total is withheld, and a lone small part is not left recoverable as
 * the total minus the others.
 */
export const COMPLICATION_SPLITS = {
  ANY: ['MAJOR', 'MINOR', 'GRADE_NOT_RECORDED'],
  [ComplicationKind.CEMENT_LEAKAGE]: ['LEAKAGE_SYMPTOMATIC', 'LEAKAGE_ASYMPTOMATIC', 'LEAKAGE_SYMPTOM_NOT_RECORDED'],
} as const;

/** Kinds with a rate of their own: every kind but DEATH (its own record now, not a complication). */
export const COMPLICATION_RATE_KINDS: readonly ComplicationKind[] = Object.values(ComplicationKind).filter((k) => k !== ComplicationKind.DEATH);

/** Patients with a complication on or after their crossover (intention to treat only). */
export const AFTER_CROSSOVER = 'AFTER_CROSSOVER';

/** Every row, in the order shown: each total before its parts. */
export const COMPLICATION_RATE_CATEGORIES: readonly string[] = [
  'ANY',
  ...COMPLICATION_SPLITS.ANY,
  ...COMPLICATION_RATE_KINDS.flatMap((k): string[] => (k === ComplicationKind.CEMENT_LEAKAGE ? [k, ...COMPLICATION_SPLITS.CEMENT_LEAKAGE] : [k])),
  AFTER_CROSSOVER,
];
