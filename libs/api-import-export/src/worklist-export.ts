import { Actor, FieldView } from '@vfr/api-core';
import { CallListNames, WorklistRow } from '@vfr/api-follow-up';

/**
 * The call list's columns: the worklist as the dashboard prints it, one row per expected visit.
 * The registry keeps no telephone number, so the coordinator looks it up by name and MRN in the
 * hospital's own record.
 */
export const CALL_LIST_COLUMNS = [
  'registry_number',
  'family_name',
  'given_name',
  'time_point',
  'target_date',
  'window_start',
  'window_end',
  'state',
  'days_overdue',
] as const;

/** A worklist row as the field-access table gives it to the reader (WorklistItem, PatientIdentifiers). */
export function callListRow(actor: Actor, r: WorklistRow & CallListNames): Record<(typeof CALL_LIST_COLUMNS)[number], unknown> {
  const view = FieldView.of(actor, r.treatment_date);
  const item = view.project<Record<string, unknown>>('WorklistItem', {
    registryNumber: r.registry_number,
    timePoint: r.time_point,
    targetDate: r.target_date,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    state: r.state,
    daysOverdue: r.days_overdue,
  });
  const names = view.receives('WorklistItem', 'identifiers')
    ? view.project<Record<string, unknown>>('PatientIdentifiers', { familyName: r.family_name, givenName: r.given_name })
    : { familyName: null, givenName: null };
  return {
    registry_number: item.registryNumber,
    family_name: names.familyName,
    given_name: names.givenName,
    time_point: item.timePoint,
    target_date: item.targetDate,
    window_start: item.windowStart,
    window_end: item.windowEnd,
    state: item.state,
    days_overdue: item.daysOverdue,
  };
}
