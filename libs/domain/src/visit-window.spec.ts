import { addDays } from './dates';
import { AssessmentStatus, TimePoint } from './enums';
import { TIME_POINT_WINDOWS } from './time-points';
import { checkVisitWindow, suggestTimePoint, timePointsForDay, visitsOutOfWindowAfterMove, whereDayFalls } from './visit-window';

const START = '2024-01-01';
const done = (timePoint: TimePoint, day: number) => ({ timePoint, status: AssessmentStatus.DONE, visitDate: addDays(START, day) });

describe('visit windows', () => {
  it.each(TIME_POINT_WINDOWS.map((w) => [w.timePoint, w.fromDay, w.toDay] as const))(
    '%s accepts its first and last day and refuses the day outside each edge',
    (tp, from, to) => {
      expect(checkVisitWindow(done(tp, from), START)).toBeNull();
      expect(checkVisitWindow(done(tp, to), START)).toBeNull();
      for (const day of [from - 1, to + 1]) {
        const issue = checkVisitWindow(done(tp, day), START);
        expect(issue).toMatchObject({ field: 'visitDate', rule: 'window' });
        expect(issue!.message).toContain(`day ${day} from`);
        expect(issue!.message).toContain(`days ${from} to ${to} (${addDays(START, from)} to ${addDays(START, to)})`);
      }
    },
  );

  it("refuses the reviewer's example, an M24 visit on day 12, and says it falls between W1 and M1", () => {
    const issue = checkVisitWindow(done(TimePoint.M24, 12), START)!;
    expect(issue.rule).toBe('window');
    expect(issue.message).toBe(
      'visitDate 2024-01-13 is day 12 from the start of the treatment (2024-01-01), outside the window of M24, days 640 to 820 (2025-10-02 to 2026-03-31); ' +
        'it falls between the windows of W1 (to day 10) and M1 (from day 16): record it as UNSCHEDULED',
    );
  });

  it('names the scheduled window a date does fall in', () => {
    expect(checkVisitWindow(done(TimePoint.M3, 30), START)!.message).toContain('it falls in the window of M1');
    expect(checkVisitWindow(done(TimePoint.M1, 0), START)!.message).toContain('it falls in the window of BASELINE and D1');
  });

  it('finds no window in each gap between windows, and after the last one', () => {
    const gaps: [number, number][] = [];
    for (let i = 1; i < TIME_POINT_WINDOWS.length; i++) {
      const a = TIME_POINT_WINDOWS[i - 1];
      const b = TIME_POINT_WINDOWS[i];
      if (b.fromDay > a.toDay + 1) gaps.push([a.toDay + 1, b.fromDay - 1]);
    }
    expect(gaps).toEqual([
      [11, 15],
      [45, 68],
      [112, 149],
      [211, 304],
      [426, 639],
    ]);
    for (const [from, to] of gaps) {
      for (const day of [from, to]) {
        expect(timePointsForDay(day)).toEqual([]);
        expect(whereDayFalls(day)).toMatch(/between the windows of .*: record it as UNSCHEDULED/);
        expect(suggestTimePoint(addDays(START, day), START)).toBe(TimePoint.UNSCHEDULED);
      }
    }
    expect(whereDayFalls(821)).toBe('it falls after the last window (M24, to day 820): record it as UNSCHEDULED');
  });

  it('keeps the baseline rule: up to 30 days before the treatment and not after it', () => {
    expect(checkVisitWindow(done(TimePoint.BASELINE, -30), START)).toBeNull();
    expect(checkVisitWindow(done(TimePoint.BASELINE, 0), START)).toBeNull();
    expect(checkVisitWindow(done(TimePoint.BASELINE, -31), START)!.message).toContain('it is before every window (BASELINE opens on day -30)');
    expect(checkVisitWindow(done(TimePoint.BASELINE, 1), START)!.rule).toBe('window');
  });

  it("lets an UNSCHEDULED visit be on any day from the treatment's start on", () => {
    for (const day of [0, 12, 300, 5000]) expect(checkVisitWindow(done(TimePoint.UNSCHEDULED, day), START)).toBeNull();
    expect(checkVisitWindow(done(TimePoint.UNSCHEDULED, -1), START)!.rule).toBe('notBeforeTreatment');
  });

  it('does not place a missed or withdrawn visit in a window, and has nothing to check without a date', () => {
    expect(checkVisitWindow({ timePoint: TimePoint.M24, status: AssessmentStatus.MISSED, visitDate: addDays(START, 12) }, START)).toBeNull();
    expect(checkVisitWindow({ timePoint: TimePoint.M24, status: AssessmentStatus.WITHDRAWN, visitDate: null }, START)).toBeNull();
    expect(checkVisitWindow({ timePoint: TimePoint.M24, status: AssessmentStatus.DONE, visitDate: null }, START)).toBeNull();
    // The database refuses any date before the treatment, whatever the status.
    expect(checkVisitWindow({ timePoint: TimePoint.M1, status: AssessmentStatus.MISSED, visitDate: '2023-12-31' }, START)!.rule).toBe('notBeforeTreatment');
  });

  it('names the field it is given (an import column)', () => {
    expect(checkVisitWindow(done(TimePoint.M1, 5), START, 'visit_date')!.message).toMatch(/^visit_date 2024-01-06 is day 5/);
  });

  it('suggests the time point of the window a date falls in', () => {
    expect(suggestTimePoint('2024-01-31', START)).toBe(TimePoint.M1);
    expect(suggestTimePoint('2023-12-20', START)).toBe(TimePoint.BASELINE);
    expect(suggestTimePoint(START, START)).toBe(TimePoint.D1);
    expect(suggestTimePoint('2023-11-01', START)).toBeNull();
    expect(suggestTimePoint('2024-02-30', START)).toBeNull();
  });

  it('lists the visits a new treatment start would put outside their windows', () => {
    const visits = [done(TimePoint.M1, 30), done(TimePoint.M3, 90), { timePoint: TimePoint.M6, status: AssessmentStatus.MISSED, visitDate: null }];
    expect(visitsOutOfWindowAfterMove(visits, START)).toEqual([]);
    // Thirty days later: M1 falls on day 0, M3 on day 60; the missed visit has no day.
    const moved = visitsOutOfWindowAfterMove(visits, '2024-01-31');
    expect(moved.map((m) => m.visit.timePoint)).toEqual([TimePoint.M1, TimePoint.M3]);
  });
});
