import { expectReadable } from '../charts/chart-text.testing';
import type { TimePoint } from '../gql/graphql';
import { completenessFigure, dischargeFigure, funnelFigure, respondersFigure, trajectoryFigure, volumesFigure } from './overview.options';

// What the overview's charts say without their picture: the summary (their accessible name) and
// the data table. A suppressed count is written as withheld, never as a number.
describe('overview figures in words and tables', () => {
  it('tabulates volumes per period and kind, a suppressed count as withheld, never as the bar drawn for it', () => {
    const f = volumesFigure({
      cohortSize: { total: 40, threshold: 11, groups: [] },
      treatmentVolumes: {
        period: 'MONTH',
        bins: [
          { period: '2025-01', kind: 'VERTEBROPLASTY', count: 25, suppressed: false },
          { period: '2025-01', kind: 'KYPHOPLASTY', count: null, suppressed: true },
          { period: '2025-02', kind: 'VERTEBROPLASTY', count: 15, suppressed: false },
        ],
      },
    });
    expect(f.table).toEqual({
      caption: 'Treatments started per month, by kind (treatments)',
      columns: ['Month started (YYYY-MM)', 'Vertebroplasty', 'Kyphoplasty'],
      rowHeaders: 1,
      rows: [
        ['2025-01', '25', 'withheld (fewer than 11)'],
        ['2025-02', '15', '0'],
      ],
    });
    expect(f.summary).toBe(
      'Treatments started per month from 2025-01 to 2025-02: 40 treatments counted, the most in 2025-01 (25); 1 of 3 month-and-kind counts withheld (fewer than 11).',
    );
    // Nothing stands in for the withheld count: not the threshold, nor one under it.
    expect(`${f.summary} ${f.table!.rows.flat().join(' ')}`).not.toMatch(/\b10\b/);
  });

  it('says how mean pain moved for each treatment and tabulates mean, CI and n rounded as the tooltip', () => {
    const row = (group: string, timePoint: TimePoint, mean: number | null, n: number | null, suppressed = false) => ({
      group,
      timePoint,
      mean,
      n,
      lower: mean === null ? null : mean - 0.4123,
      upper: mean === null ? null : mean + 0.4123,
      suppressed,
    });
    const f = trajectoryFigure({
      outcomeTrajectory: [
        row('VERTEBROPLASTY', 'BASELINE', 7.6123, 40),
        row('VERTEBROPLASTY', 'M12', 3.0987, 31),
        row('CONSERVATIVE', 'BASELINE', 7.2, 50),
        row('CONSERVATIVE', 'M12', 3.8, 38),
        row('KYPHOPLASTY', 'BASELINE', 6.893407596780759, 12),
        row('KYPHOPLASTY', 'M12', null, null, true),
        row('VERTEBROPLASTY', 'UNSCHEDULED', 5, 3),
      ],
    });
    expect(f.summary).toBe(
      'Mean NRS pain fell from 7.2 at baseline to 3.8 at month 12 for Conservative, fell from 7.6 at baseline to 3.1 at month 12 for Vertebroplasty and was 6.9 at baseline for Kyphoplasty.',
    );
    expect(f.table!.rows).toContainEqual(['Kyphoplasty', 'Baseline', '6.9', '6.5 – 7.3', '12']);
    expect(f.table!.rows).toContainEqual([
      'Kyphoplasty',
      'Month 12',
      'withheld (under the threshold)',
      'withheld (under the threshold)',
      'withheld (under the threshold)',
    ]);
    expect(f.table!.rows.some((r) => r[1] === 'Unscheduled')).toBe(false);
    expectReadable(f.summary);
    expectReadable(f.table);
  });

  it('gives responder rates with events of n and Wilson CI, and a fully suppressed cell as withheld', () => {
    const f = respondersFigure({
      responderRates: [
        { group: 'CONSERVATIVE', category: 'M3', n: 40, events: 18, rate: 0.45, lower: 0.31, upper: 0.6, suppressed: false },
        { group: 'KYPHOPLASTY', category: 'M3', n: null, events: null, rate: null, lower: null, upper: null, suppressed: true },
      ],
    });
    expect(f.summary).toBe('Responders, month 3: Conservative 45.0 % and Kyphoplasty withheld (under the threshold).');
    expect(f.table!.columns).toEqual(['Group', 'Time since first treatment', 'Rate (%)', '95% CI', 'With the event (patients)', 'n (patients)']);
    expect(f.table!.rows).toEqual([
      ['Conservative', 'Month 3', '45.0 %', '31.0 % – 60.0 %', '18', '40'],
      ['Kyphoplasty', 'Month 3', ...Array(4).fill('withheld (under the threshold)')],
    ]);
  });

  it('tabulates discharge and stay per treatment, withholding a suppressed treatment entirely', () => {
    const f = dischargeFigure({
      discharge: [
        {
          kind: 'VERTEBROPLASTY',
          treatments: 60,
          sameDay: 30,
          sameDayRate: 0.5,
          sameDayLower: 0.37,
          sameDayUpper: 0.63,
          medianStay: 1,
          q1Stay: 0,
          q3Stay: 2,
          meanStay: 1.234,
          suppressed: false,
        },
        {
          kind: 'KYPHOPLASTY',
          treatments: null,
          sameDay: null,
          sameDayRate: null,
          sameDayLower: null,
          sameDayUpper: null,
          medianStay: null,
          q1Stay: null,
          q3Stay: null,
          meanStay: null,
          suppressed: true,
        },
      ],
    });
    expect(f.summary).toBe(
      'Same-day discharge: Vertebroplasty 50.0 % and Kyphoplasty withheld (under the threshold); median length of stay: Vertebroplasty 1 day and Kyphoplasty withheld (under the threshold).',
    );
    expect(f.table!.rows[0]).toEqual(['Vertebroplasty', '60', '30', '50.0 %', '37.0 % – 63.0 %', '1', '0 – 2', '1.2']);
    expect(f.table!.rows[1]).toEqual(['Kyphoplasty', ...Array(7).fill('withheld (under the threshold)')]);
  });

  it('names the lowest completeness and withholds the counts the API withheld', () => {
    const f = completenessFigure({
      followUpCompleteness: [
        {
          siteCode: 'NORTH',
          timePoint: 'M1',
          expected: 40,
          done: 36,
          missed: 2,
          withdrawn: null,
          outstanding: 2,
          answeredByPatients: 7,
          completeness: 0.9,
          suppressed: false,
        },
        {
          siteCode: 'NORTH',
          timePoint: 'M3',
          expected: 30,
          done: 18,
          missed: 12,
          withdrawn: 0,
          outstanding: 0,
          answeredByPatients: 0,
          completeness: 0.6,
          suppressed: false,
        },
        {
          siteCode: 'SOUTH',
          timePoint: 'M1',
          expected: null,
          done: null,
          missed: null,
          withdrawn: null,
          outstanding: null,
          answeredByPatients: null,
          completeness: null,
          suppressed: true,
        },
      ],
    } as never);
    expect(f.summary).toBe('77.1 % of 70 due visits done across 2 sites; lowest NORTH at month 3 (60.0 %); 1 bar withheld (under the threshold).');
    expect(f.table!.rows).toEqual([
      ['NORTH', 'Month 1', '90.0 %', '36', '7', '40', '2', 'withheld (under the threshold)', '2'],
      ['NORTH', 'Month 3', '60.0 %', '18', '0', '30', '12', '0', '0'],
      ['SOUTH', 'Month 1', ...Array(7).fill('withheld (under the threshold)')],
    ]);
  });

  it('says which sites lie outside the 95% limits and withholds a suppressed site', () => {
    const f = funnelFigure({
      funnelPlot: {
        registryRate: 0.2,
        sites: [
          { siteCode: 'NORTH', n: 40, events: 18, rate: 0.45, suppressed: false },
          { siteCode: 'CENTRAL', n: 40, events: 8, rate: 0.2, suppressed: false },
          { siteCode: 'WEST', n: null, events: null, rate: null, suppressed: true },
        ],
        limits: [{ n: 40, lower95: 0.09, upper95: 0.34, lower998: 0.05, upper998: 0.42 }],
      },
    });
    expect(f.summary).toBe(
      'Registry complication rate after procedures 20.0 %; 2 sites shown, NORTH outside the 95% limits; WEST withheld (under the threshold).',
    );
    expect(f.table!.rows).toEqual([
      ['NORTH', '40', '18', '45.0 %'],
      ['CENTRAL', '40', '8', '20.0 %'],
      ['WEST', ...Array(3).fill('withheld (under the threshold)')],
    ]);
  });
});
