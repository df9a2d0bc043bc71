import { expectReadable } from '../charts/chart-text.testing';
import { overlapFigure } from './adjusted-overlap.options';
import { cohortTrajectoryFigure, cumulativeIncidenceFigure, imagingFigure, kmFigure } from './cohorts.options';
import { lossOfCorrectionFigure } from './loss-of-correction.options';

// What the cohort explorer's charts say without their picture (their accessible name and table).
describe('cohort figures in words and tables', () => {
  it('says how an EQ-5D index moved with its own rounding, and never prints NaN for an undefined interval', () => {
    const f = cohortTrajectoryFigure(
      {
        outcomeTrajectory: [
          { group: 'CONSERVATIVE', timePoint: 'BASELINE', n: 1, mean: 0.41234, lower: null, upper: null, suppressed: false },
          { group: 'CONSERVATIVE', timePoint: 'M3', n: 20, mean: 0.7, lower: 0.6, upper: 0.8, suppressed: false },
          { group: 'VERTEBROPLASTY', timePoint: 'BASELINE', n: null, mean: null, lower: null, upper: null, suppressed: true },
        ],
      } as never,
      'EQ5D',
    );
    expect(f.summary).toBe(
      'Mean EQ-5D-5L index rose from 0.41 at baseline to 0.70 at month 3 for Conservative and was withheld (under the threshold) for Vertebroplasty.',
    );
    expect(f.table!.rows[0]).toEqual(['Conservative', 'Baseline', '0.41', '–', '1']);
    expectReadable(f.table);
  });

  it('gives median times and every step of a Kaplan-Meier curve, a suppressed group withheld', () => {
    const f = kmFigure(
      {
        logRankP: 0.012,
        logRankChiSquare: 6.3,
        logRankDf: 1,
        curves: [
          {
            group: 'VERTEBROPLASTY',
            n: 30,
            events: 20,
            medianDays: 28,
            medianLower: 14,
            medianUpper: 40,
            suppressed: false,
            steps: [{ day: 28, survival: 0.4567, lower: 0.3, upper: 0.62, atRisk: 25 }],
          },
          { group: 'KYPHOPLASTY', n: null, events: null, medianDays: null, medianLower: null, medianUpper: null, suppressed: true, steps: [] },
        ],
      },
      'pain relief',
    );
    expect(f.summary).toBe('Median time to pain relief: Vertebroplasty 28 days and Kyphoplasty withheld (under the threshold); log-rank p = 0.012.');
    expect(f.table!.columns).toEqual(['Group', 'Day', 'Without pain relief (%)', '95% CI', 'At risk (patients)']);
    expect(f.table!.rows).toEqual([
      ['Vertebroplasty', '0', '100.0 %', '100.0 % – 100.0 %', '30'],
      ['Vertebroplasty', '28', '45.7 %', '30.0 % – 62.0 %', '25'],
      ['Kyphoplasty', ...Array(4).fill('withheld (under the threshold)')],
    ]);
  });

  it('says a shown curve whose number of events is withheld has its events withheld, never "null events"', () => {
    const f = kmFigure(
      {
        logRankP: 0.78,
        logRankChiSquare: 0.5,
        logRankDf: 1,
        curves: [
          {
            group: 'CONSERVATIVE',
            n: 120,
            events: null,
            medianDays: null,
            medianLower: null,
            medianUpper: null,
            suppressed: false,
            steps: [{ day: 200, survival: 0.97, lower: 0.93, upper: 1, atRisk: 100 }],
          },
        ],
      },
      'death',
    );
    expect(f.note).toContain('Conservative n 120, events withheld (under the threshold), median not reached');
    expect(f.note).not.toMatch(/null|undefined|NaN/);
  });

  it('gives the 1-year incidence of a new fracture with the event of each step', () => {
    const f = cumulativeIncidenceFigure({
      curves: [
        {
          group: 'VERTEBROPLASTY',
          event: 'NEW_FRACTURE',
          n: 30,
          events: 4,
          atOneYear: 0.1,
          atTwoYears: null,
          suppressed: false,
          steps: [{ day: 40, incidence: 0.1, lower: 0.03, upper: 0.2, atRisk: 30 }],
        },
        {
          group: 'VERTEBROPLASTY',
          event: 'DEATH',
          n: 30,
          events: 2,
          atOneYear: 0.05,
          atTwoYears: null,
          suppressed: false,
          steps: [{ day: 90, incidence: 0.05, lower: 0.01, upper: 0.15, atRisk: 25 }],
        },
        { group: 'KYPHOPLASTY', event: 'NEW_FRACTURE', n: null, events: null, atOneYear: null, atTwoYears: null, suppressed: true, steps: [] },
      ],
      tests: [{ event: 'NEW_FRACTURE', chiSquare: 3.2, df: 1, p: 0.07 }],
    });
    expect(f.summary).toBe("A new fracture within 1 year: Vertebroplasty 10.0 % and Kyphoplasty withheld (under the threshold); Gray's test p = 0.070.");
    expect(f.table!.rows).toContainEqual(['Vertebroplasty', 'Death before a fracture', '90', '5.0 %', '1.0 % – 15.0 %', '25']);
    expect(f.table!.rows).toContainEqual(['Kyphoplasty', ...Array(5).fill('withheld (under the threshold)')]);
  });

  it('counts imaging in visits in its table', () => {
    const f = imagingFigure({
      byLevel: [],
      byAdjacency: [],
      imaging: [{ group: 'CONSERVATIVE', category: 'M3', events: 6, n: 20, rate: 0.3, lower: 0.15, upper: 0.5, suppressed: false }],
    });
    expect(f.table!.columns).toContain('n (visits)');
    expect(f.summary).toBe('Visits with spine imaging, month 3: Conservative 30.0 %.');
  });

  it('tabulates each propensity bin per group as count of n, a withheld bin as withheld', () => {
    const f = overlapFigure({
      overlapBinEdges: [0, 0.5, 1],
      weights: [{ group: 'CONSERVATIVE', n: 40 }],
      overlap: [{ score: 'CONSERVATIVE', group: 'CONSERVATIVE', counts: [30, null] }],
    } as never);
    expect(f.table!.rows).toEqual([
      ['Conservative', '0.0–0.5', '30 of 40 (75.0 %)'],
      ['Conservative', '0.5–1.0', 'withheld (under the threshold)'],
    ]);
    expect(f.summary).toBe("Distribution of each treatment's estimated propensity in Conservative (n 40), in 2 bins; 1 bin withheld (under the threshold).");
  });

  it('names each group with its reference in the loss of correction', () => {
    const e = (mean: number | null, n: number | null, suppressed = false) => ({ mean, n, lower: mean, upper: mean, suppressed });
    const f = lossOfCorrectionFigure(
      [
        {
          group: 'VERTEBROPLASTY',
          timePoint: 'M1',
          lossReference: 'AFTER_PROCEDURE',
          lossOfCorrection: e(1.2, 20),
          kyphoticAngle: e(10, 20),
          anteriorHeight: e(80, 20),
        },
        {
          group: 'VERTEBROPLASTY',
          timePoint: 'M12',
          lossReference: 'AFTER_PROCEDURE',
          lossOfCorrection: e(2.46, 15),
          kyphoticAngle: e(11, 15),
          anteriorHeight: e(78, 15),
        },
      ] as never,
      'lossOfCorrection',
    );
    expect(f.summary).toBe('Mean loss of correction rose from 1.2 at month 1 to 2.5 at month 12 for Vertebroplasty (from after the procedure).');
    expectReadable(f.table);
  });
});
