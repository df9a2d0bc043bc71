import { addDays, daysBetween } from './dates';
import { AssessmentStatus, TimePoint } from './enums';
import { FieldIssue } from './errors';
import { checkVisitDate, TIME_POINT_WINDOWS, timePointWindow, TimePointWindow } from './time-points';

// A visit counts for a scheduled time point only when it was done inside that time point's
// window, counted from the start of the treatment it is recorded against. A visit done on any
// other day is an UNSCHEDULED visit: calling it "M24" on day 12 would put a one-week score into
// the two-year analyses.

/** The scheduled time points whose windows contain `day` (two at day 0: BASELINE and D1). */
export function timePointsForDay(day: number): TimePoint[] {
  return TIME_POINT_WINDOWS.filter((w) => day >= w.fromDay && day <= w.toDay).map((w) => w.timePoint);
}

/**
 * The scheduled time point a visit on `visitDate` belongs to, for a form's suggestion: the one
 * whose window contains the day, the later one where two windows meet (day 0 is both baseline and
 * D1; a visit on the day of treatment is usually after it), UNSCHEDULED between windows, null
 * before the baseline window or when a date is not a date.
 */
export function suggestTimePoint(visitDate: string, treatmentStart: string): TimePoint | null {
  let day: number;
  try {
    day = daysBetween(treatmentStart, visitDate);
  } catch {
    return null;
  }
  const found = timePointsForDay(day);
  if (found.length) return found[found.length - 1];
  return day > 0 ? TimePoint.UNSCHEDULED : null;
}

/** A window as calendar dates for a treatment started on `treatmentStart`. */
export function windowDates(w: TimePointWindow, treatmentStart: string): { from: string; to: string } {
  return { from: addDays(treatmentStart, w.fromDay), to: addDays(treatmentStart, w.toDay) };
}

/** "days 16 to 44 (2024-01-17 to 2024-02-14)" */
export function describeWindow(w: TimePointWindow, treatmentStart: string): string {
  const { from, to } = windowDates(w, treatmentStart);
  return `days ${w.fromDay} to ${w.toDay} (${from} to ${to})`;
}

/** Where a day falls among the scheduled windows, as the end of a sentence. */
export function whereDayFalls(day: number): string {
  const found = timePointsForDay(day);
  if (found.length) return `it falls in the window of ${found.join(' and ')}`;
  const before = [...TIME_POINT_WINDOWS].reverse().find((w) => w.toDay < day);
  const after = TIME_POINT_WINDOWS.find((w) => w.fromDay > day);
  if (!before) return `it is before every window (BASELINE opens on day ${TIME_POINT_WINDOWS[0].fromDay})`;
  const between = after
    ? `between the windows of ${before.timePoint} (to day ${before.toDay}) and ${after.timePoint} (from day ${after.fromDay})`
    : `after the last window (${before.timePoint}, to day ${before.toDay})`;
  return `it falls ${between}: record it as UNSCHEDULED`;
}

export interface VisitToCheck {
  timePoint: TimePoint | string;
  status: AssessmentStatus | string;
  visitDate?: string | null;
}

/**
 * The window rule for one visit, or null when it holds.
 * - DONE at a scheduled time point: the date lies in that time point's window (rule `window`).
 * - DONE and UNSCHEDULED: any day from the treatment's start on (rule `notBeforeTreatment`).
 * - MISSED or WITHDRAWN: nothing was done, so there is no visit day to place in a window; a date
 *   they carry may still not be before the treatment (the database refuses it too).
 */
export function checkVisitWindow(visit: VisitToCheck, treatmentStart: string, field = 'visitDate'): FieldIssue | null {
  const { visitDate } = visit;
  if (!visitDate) return null;
  // Read as the enums they name; a value that is no member simply matches none of them.
  const tp = visit.timePoint as TimePoint;
  const status = visit.status as AssessmentStatus;
  if (status !== AssessmentStatus.DONE || tp === TimePoint.UNSCHEDULED) {
    const issue = checkVisitDate(tp, visitDate, treatmentStart);
    return issue && { ...issue, field };
  }
  const w = timePointWindow(tp);
  if (!w) return null;
  const day = daysBetween(treatmentStart, visitDate);
  if (day >= w.fromDay && day <= w.toDay) return null;
  return {
    field,
    rule: 'window',
    message:
      `${field} ${visitDate} is day ${day} from the start of the treatment (${treatmentStart}), outside the window of ${tp}, ` +
      `${describeWindow(w, treatmentStart)}; ${whereDayFalls(day)}`,
  };
}

/** The visits of one treatment that a new start date would put outside their windows. */
export function visitsOutOfWindowAfterMove<V extends VisitToCheck>(visits: readonly V[], newStart: string): { visit: V; issue: FieldIssue }[] {
  return visits.flatMap((visit) => {
    const issue = checkVisitWindow(visit, newStart);
    return issue ? [{ visit, issue }] : [];
  });
}

/** The windows as the Markdown table of docs/methods.md (a test keeps the two equal). */
export function visitWindowsTable(): string {
  const rows = TIME_POINT_WINDOWS.map((w) => `| ${w.timePoint} | ${w.targetDay} | ${w.fromDay} | ${w.toDay} |`);
  return ['| time point | target day | first day | last day |', '|---|---|---|---|', ...rows].join('\n');
}
