import { isIsoDate, suggestTimePoint, TimePoint, timePointWindow, windowDates } from '@vfr/domain';

// What the visit form says beside the date: the chosen time point's window as calendar dates for
// the selected treatment, and which time point the entered date would be. It only informs: the
// server decides (libs/domain's checkVisitWindow) and its refusal is shown on the field.

export function windowHint(chosen: string, visitDate: string, treatmentStart: string | null | undefined): string | undefined {
  if (!treatmentStart || !isIsoDate(treatmentStart)) return undefined;
  // The form's select holds the time point's name (or '' before one is chosen).
  const timePoint = chosen as TimePoint;
  const parts: string[] = [];
  const w = timePointWindow(timePoint);
  if (w) {
    const { from, to } = windowDates(w, treatmentStart);
    parts.push(`${timePoint} window: ${from} to ${to} (days ${w.fromDay} to ${w.toDay} from the treatment on ${treatmentStart}).`);
  } else if (timePoint === TimePoint.UNSCHEDULED) {
    parts.push(`Unscheduled: any day from the treatment on ${treatmentStart}.`);
  }
  if (isIsoDate(visitDate)) {
    const suggested = suggestTimePoint(visitDate, treatmentStart);
    if (suggested === null) parts.push(`${visitDate} is before every window.`);
    else if (suggested === TimePoint.UNSCHEDULED && timePoint !== TimePoint.UNSCHEDULED)
      parts.push(`${visitDate} falls between windows: record it as Unscheduled.`);
    else if (suggested !== TimePoint.UNSCHEDULED && suggested !== timePoint && !(w && inWindow(visitDate, treatmentStart, timePoint))) {
      parts.push(`${visitDate} falls in the ${suggested} window.`);
    }
  }
  return parts.length ? parts.join(' ') : undefined;
}

function inWindow(visitDate: string, treatmentStart: string, timePoint: TimePoint): boolean {
  const w = timePointWindow(timePoint);
  if (!w) return false;
  const { from, to } = windowDates(w, treatmentStart);
  return visitDate >= from && visitDate <= to;
}
