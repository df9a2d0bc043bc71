import { TimePoint } from './enums';
import { checkVisitDate, expectedVisits, followUpState } from './time-points';

describe('time-point windows', () => {
  it('schedules every time point from the treatment date', () => {
    const m1 = expectedVisits('2024-01-01').find((v) => v.timePoint === TimePoint.M1)!;
    expect(m1).toEqual({ timePoint: TimePoint.M1, targetDate: '2024-01-31', windowStart: '2024-01-17', windowEnd: '2024-02-14' });
  });

  it('reports M1 around its window edges (day 30 +/- 14)', () => {
    const start = '2024-01-01';
    expect(followUpState(TimePoint.M1, start, '2024-01-02').state).toBe('NOT_YET_DUE'); // day 1: opens in 15 days
    expect(followUpState(TimePoint.M1, start, '2024-01-03').state).toBe('DUE_SOON'); // day 2: opens in 14
    expect(followUpState(TimePoint.M1, start, '2024-01-16').state).toBe('DUE_SOON'); // day 15
    expect(followUpState(TimePoint.M1, start, '2024-01-17').state).toBe('DUE'); // day 16
    expect(followUpState(TimePoint.M1, start, '2024-02-14').state).toBe('DUE'); // day 44
    expect(followUpState(TimePoint.M1, start, '2024-02-15')).toEqual({ state: 'OVERDUE', daysOverdue: 1 }); // day 45
  });

  it('refuses a visit dated before its treatment but allows a baseline up to 30 days before', () => {
    expect(checkVisitDate(TimePoint.M1, '2023-12-31', '2024-01-01')?.rule).toBe('notBeforeTreatment');
    expect(checkVisitDate(TimePoint.M1, '2024-01-01', '2024-01-01')).toBeNull();
    expect(checkVisitDate(TimePoint.BASELINE, '2023-12-02', '2024-01-01')).toBeNull();
    expect(checkVisitDate(TimePoint.BASELINE, '2023-12-01', '2024-01-01')?.rule).toBe('window');
  });
});
