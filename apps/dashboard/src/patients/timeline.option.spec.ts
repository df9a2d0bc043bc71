import { expectReadable } from '../charts/chart-text.testing';
import { timelineOption, timelineSummary, timelineTable, type TimelinePatient } from './timeline.option';

const visit = (timePoint: string, visitDate: string | null, visitDay: number | null, nrsActivity: number | null, odi: number | null, status = 'DONE') => ({
  timePoint,
  visitDate,
  visitDay,
  status,
  nrsRest: null,
  nrsActivity,
  odi,
});

describe('the patient timeline chart', () => {
  const patient: TimelinePatient = {
    treatments: [
      { kind: 'CONSERVATIVE', startDate: '2025-01-10', startDay: 0 },
      { kind: 'KYPHOPLASTY', startDate: '2025-02-20', startDay: 41 },
      { kind: 'VERTEBROPLASTY', startDate: '2025-03-01', startDay: 50, withdrawnAt: '2025-03-02T00:00:00Z' },
    ],
    assessments: [visit('M1', '2025-02-09', 30, 6, 48), visit('BASELINE', '2025-01-10', 0, 8, 62), visit('M3', null, null, null, null, 'MISSED')],
    complications: [{ kind: 'CEMENT_LEAKAGE', occurredOn: '2025-02-20', occurredDay: 41 }],
  };

  it('draws NRS and ODI in date order, treatments as lines and complications as markers, leaving out withdrawn records', () => {
    const option = timelineOption(patient)!;
    const [nrs, , odi, ...rest] = option.series;
    const lines = rest.filter((x) => x.name === 'Treatments');
    const pins = rest.find((x) => x.name === 'Complications');
    expect(nrs.data).toEqual([
      ['2025-01-10', 8, 'BASELINE'],
      ['2025-02-09', 6, 'M1'],
    ]);
    expect(odi.data).toEqual([
      ['2025-01-10', 62, 'BASELINE'],
      ['2025-02-09', 48, 'M1'],
    ]);
    expect(odi.yAxisIndex).toBe(1);
    expect(lines.map((l) => l.data)).toEqual([
      [
        ['2025-01-10', 0, 'Conservative'],
        ['2025-01-10', 10, 'Conservative'],
      ],
      [
        ['2025-02-20', 0, 'Kyphoplasty'],
        ['2025-02-20', 10, 'Kyphoplasty'],
      ],
    ]);
    expect(pins).toMatchObject({ type: 'line', symbol: 'pin', lineStyle: { opacity: 0 }, data: [['2025-02-20', 10, 'Cement leakage']] });
    expect(option.xAxis).toMatchObject({ type: 'time', name: 'Date' });
    expect((option.xAxis as { min: (v: { min: number }) => number }).min({ min: Date.UTC(2025, 0, 10) })).toBe(Date.UTC(2025, 0, 3));
  });

  it('uses days from the index treatment for de-identified readers', () => {
    const deidentified: TimelinePatient = {
      treatments: [{ kind: 'KYPHOPLASTY', startDate: null, startDay: 0 }],
      assessments: [visit('M1', null, 31, 3, 20)],
      complications: [],
    };
    const option = timelineOption(deidentified)!;
    expect(option.xAxis).toMatchObject({ type: 'value', name: 'Days from the index treatment' });
    expect(option.series[0].data).toEqual([[31, 3, 'M1']]);
  });

  it('has nothing to draw before the first scored visit', () => {
    expect(timelineOption({ ...patient, assessments: [visit('M3', null, null, null, null, 'MISSED')] })).toBeNull();
  });

  it('says in one sentence how pain moved and what was recorded, and tabulates the scored visits in date order', () => {
    expect(timelineSummary(patient, '01-0042')).toBe(
      'Patient 01-0042: NRS on activity went from 8 at baseline to 6 at month 1 (2 scored visits); 2 treatments, 1 complication.',
    );
    expect(timelineTable(patient)).toEqual({
      caption: 'Scored visits: NRS pain (0–10 points) and ODI (0–100 %)',
      columns: ['Visit date', 'Time point', 'NRS on activity', 'NRS at rest', 'ODI (%)'],
      rowHeaders: 1,
      rows: [
        ['2025-01-10', 'Baseline', '8', '–', '62'],
        ['2025-02-09', 'Month 1', '6', '–', '48'],
      ],
    });
  });

  it('tabulates days for de-identified readers and never prints null in the sentence', () => {
    const deidentified: TimelinePatient = {
      treatments: [{ kind: 'KYPHOPLASTY', startDate: null, startDay: 0 }],
      assessments: [visit('M1', null, 31, null, 20)],
      complications: [],
    };
    const summary = timelineSummary(deidentified, '02-0007');
    expect(summary).toBe('Patient 02-0007: ODI 20 at month 1 (1 scored visit); 1 treatment, no complication.');
    expectReadable(summary);
    expect(timelineTable(deidentified)!.columns[0]).toBe('Day from the index treatment');
    expect(timelineTable(deidentified)!.rows).toEqual([['31', 'Month 1', '–', '–', '20']]);
  });
});
