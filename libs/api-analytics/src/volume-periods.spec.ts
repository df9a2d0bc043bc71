import { binVolumes, volumesAt, VolumePeriod } from './volume-periods';

const under11 = ({ n }: { n: number }) => (n > 0 && n < 11 ? null : n);

describe('treatment volumes per period', () => {
  const months = [
    { month: '2024-01', kind: 'VERTEBROPLASTY', n: 4 },
    { month: '2024-02', kind: 'VERTEBROPLASTY', n: 5 },
    { month: '2024-03', kind: 'VERTEBROPLASTY', n: 3 },
    { month: '2024-04', kind: 'VERTEBROPLASTY', n: 6 },
    { month: '2024-11', kind: 'KYPHOPLASTY', n: 7 },
    { month: '2025-01', kind: 'VERTEBROPLASTY', n: 12 },
  ];

  it('sums months into quarters and years, and suppresses the sums under the threshold', () => {
    expect(binVolumes(months, VolumePeriod.QUARTER, under11)).toEqual([
      { period: '2024-Q1', kind: 'VERTEBROPLASTY', count: 12, suppressed: false },
      { period: '2024-Q2', kind: 'VERTEBROPLASTY', count: null, suppressed: true },
      { period: '2024-Q4', kind: 'KYPHOPLASTY', count: null, suppressed: true },
      { period: '2025-Q1', kind: 'VERTEBROPLASTY', count: 12, suppressed: false },
    ]);
    expect(binVolumes(months, VolumePeriod.YEAR, under11)).toEqual([
      { period: '2024', kind: 'KYPHOPLASTY', count: null, suppressed: true },
      { period: '2024', kind: 'VERTEBROPLASTY', count: 18, suppressed: false },
      { period: '2025', kind: 'VERTEBROPLASTY', count: 12, suppressed: false },
    ]);
  });

  it('picks the finest period at which at most a quarter of the counts are suppressed', () => {
    // Months: 5 of 6 suppressed; quarters: 2 of 4; years: 1 of 3, still over a quarter: years anyway.
    expect(volumesAt(months, VolumePeriod.AUTO, under11).period).toBe(VolumePeriod.YEAR);
    const busy = months.map((m) => ({ ...m, n: m.n * 3 }));
    // Months: only 3 (x3 = 9) is under 11: 1 of 6.
    expect(volumesAt(busy, VolumePeriod.AUTO, under11).period).toBe(VolumePeriod.MONTH);
    // Who sees every count gets months.
    expect(volumesAt(months, VolumePeriod.AUTO, ({ n }) => n).period).toBe(VolumePeriod.MONTH);
    // A period asked for is kept, suppressed or not.
    expect(volumesAt(months, VolumePeriod.QUARTER, under11).bins).toHaveLength(4);
  });
});
