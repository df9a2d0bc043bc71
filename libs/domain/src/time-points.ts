import { addDays, daysBetween } from './dates';
import { TimePoint } from './enums';
import { FieldIssue } from './errors';

/** A time point's visit window in days from the index treatment's start (day 0). */
export interface TimePointWindow {
  timePoint: TimePoint;
  targetDay: number;
  fromDay: number;
  toDay: number;
}

// Windows widen with distance from treatment, as in the trials' follow-up schedules: a visit
// within the window counts for that time point.
export const TIME_POINT_WINDOWS: readonly TimePointWindow[] = [
  { timePoint: TimePoint.BASELINE, targetDay: 0, fromDay: -30, toDay: 0 },
  { timePoint: TimePoint.D1, targetDay: 1, fromDay: 0, toDay: 3 },
  { timePoint: TimePoint.W1, targetDay: 7, fromDay: 4, toDay: 10 },
  { timePoint: TimePoint.M1, targetDay: 30, fromDay: 16, toDay: 44 },
  { timePoint: TimePoint.M3, targetDay: 90, fromDay: 69, toDay: 111 },
  { timePoint: TimePoint.M6, targetDay: 180, fromDay: 150, toDay: 210 },
  { timePoint: TimePoint.M12, targetDay: 365, fromDay: 305, toDay: 425 },
  { timePoint: TimePoint.M24, targetDay: 730, fromDay: 640, toDay: 820 },
];

/** Scheduled time points in order (UNSCHEDULED has no window). */
export const SCHEDULED_TIME_POINTS: readonly TimePoint[] = TIME_POINT_WINDOWS.map((w) => w.timePoint);

/**
 * A scheduled time point's 1-based place among them: its index in the per-time-point arrays the
 * analysis table keeps (the database's enum order, which a test holds equal to this one).
 */
export function timePointOrdinal(timePoint: TimePoint | string): number {
  const i = SCHEDULED_TIME_POINTS.indexOf(timePoint as TimePoint);
  if (i < 0) throw new Error(`${timePoint} is not a scheduled time point`);
  return i + 1;
}

export function timePointWindow(tp: TimePoint): TimePointWindow | null {
  return TIME_POINT_WINDOWS.find((w) => w.timePoint === tp) ?? null;
}

export interface ExpectedVisit {
  timePoint: TimePoint;
  targetDate: string;
  windowStart: string;
  windowEnd: string;
}

export function expectedVisits(treatmentStart: string): ExpectedVisit[] {
  return TIME_POINT_WINDOWS.map((w) => ({
    timePoint: w.timePoint,
    targetDate: addDays(treatmentStart, w.targetDay),
    windowStart: addDays(treatmentStart, w.fromDay),
    windowEnd: addDays(treatmentStart, w.toDay),
  }));
}

export type FollowUpState = 'NOT_YET_DUE' | 'DUE_SOON' | 'DUE' | 'OVERDUE';

/** How a scheduled visit stands on `today`: due soon = its window opens within 14 days. */
export function followUpState(tp: TimePoint, treatmentStart: string, today: string): { state: FollowUpState; daysOverdue: number } {
  const w = timePointWindow(tp);
  if (!w) return { state: 'NOT_YET_DUE', daysOverdue: 0 };
  const day = daysBetween(treatmentStart, today);
  if (day > w.toDay) return { state: 'OVERDUE', daysOverdue: day - w.toDay };
  if (day >= w.fromDay) return { state: 'DUE', daysOverdue: 0 };
  if (w.fromDay - day <= 14) return { state: 'DUE_SOON', daysOverdue: 0 };
  return { state: 'NOT_YET_DUE', daysOverdue: 0 };
}

/**
 * A visit may not be dated before its treatment, except the baseline visit, which may be up to
 * 30 days before it.
 */
export function checkVisitDate(tp: TimePoint, visitDate: string, treatmentStart: string): FieldIssue | null {
  const day = daysBetween(treatmentStart, visitDate);
  if (tp === TimePoint.BASELINE) {
    if (day < -30 || day > 0) {
      return {
        field: 'visitDate',
        rule: 'window',
        message: `visitDate of a BASELINE visit must be within 30 days before the treatment (${treatmentStart}), got ${visitDate}`,
      };
    }
    return null;
  }
  if (day < 0) {
    return { field: 'visitDate', rule: 'notBeforeTreatment', message: `visitDate (${visitDate}) is before the treatment started (${treatmentStart})` };
  }
  return null;
}
