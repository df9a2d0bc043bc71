// When a death may be dated, against the patient's other records. Plain functions: the API runs
// them against the stored records, the dashboard's form against the records it shows.

import { FieldIssue } from './errors';

/** The completed visit that bounds a death from below. */
export interface DoneVisit {
  timePoint: string;
  visitDate: string;
}

/**
 * A death cannot precede the patient's first treatment (the registry follows treated patients
 * from that day) nor a visit the patient completed: either record would then be wrong, and the
 * coordinator must say which. A death on the day of a visit is possible and allowed.
 */
export function checkDeathDate(diedOn: string, firstTreatmentStart: string | null, latestDoneVisit: DoneVisit | null): FieldIssue | null {
  if (firstTreatmentStart && diedOn < firstTreatmentStart) {
    return {
      field: 'diedOn',
      rule: 'notBeforeTreatment',
      message: `diedOn (${diedOn}) is before the patient's first treatment started (${firstTreatmentStart})`,
    };
  }
  if (latestDoneVisit && diedOn < latestDoneVisit.visitDate) {
    return {
      field: 'diedOn',
      rule: 'notBeforeVisit',
      message: `diedOn (${diedOn}) is before the patient's ${latestDoneVisit.timePoint} visit on ${latestDoneVisit.visitDate}, which was completed; correct or withdraw that visit first`,
    };
  }
  return null;
}

/** A visit done after the patient's death cannot have taken place (the one or the other date is wrong). */
export function checkVisitNotAfterDeath(visitDate: string, diedOn: string | null): FieldIssue | null {
  if (diedOn && visitDate > diedOn) {
    return {
      field: 'visitDate',
      rule: 'notAfterDeath',
      message: `visitDate (${visitDate}) is after the patient's death (${diedOn}); a completed visit cannot follow the death`,
    };
  }
  return null;
}

/** A patient dies once: the message for a second death while one is in force. */
export function secondDeathMessage(existingDiedOn: string): string {
  return `patientId already has a death recorded (died on ${existingDiedOn}); edit that record, or withdraw it before recording another`;
}
