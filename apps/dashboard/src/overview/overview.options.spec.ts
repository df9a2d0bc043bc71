import { cumulativeIncidenceFigure, kmFigure } from '../cohorts/cohorts.options';
import { funnelFigure, respondersFigure, volumesFigure } from './overview.options';

// The notes are what a reader relies on to know n and what was hidden: check them word for word.
describe('overview figures', () => {
  it('draws suppressed monthly counts pale at the threshold and says how many were suppressed', () => {
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
    expect(f.note).toBe(
      'n = 40 patients in 2 months. 1 of 3 month-and-kind counts are under 11 and suppressed (pale bars, drawn at 10); 40 treatments counted in the rest.',
    );
    const series = (f.option as { series: { name: string; data: { value: number; detail: string }[] }[] }).series;
    expect(series.map((s) => s.name)).toEqual(['Vertebroplasty', 'Kyphoplasty']);
    expect(series[1].data.map((d) => [d.value, d.detail])).toEqual([
      [10, 'fewer than 11 (suppressed)'],
      [0, 'none'],
    ]);
  });

  it('says when the volumes are counted per year because months would be suppressed', () => {
    const f = volumesFigure({
      cohortSize: { total: 300, threshold: 11, groups: [] },
      treatmentVolumes: {
        period: 'YEAR',
        bins: [
          { period: '2024', kind: 'CONSERVATIVE', count: 50, suppressed: false },
          { period: '2025', kind: 'CONSERVATIVE', count: 40, suppressed: false },
          { period: '2025', kind: 'KYPHOPLASTY', count: null, suppressed: true },
        ],
      },
    });
    expect(f.note).toBe(
      'n = 300 patients in 2 years. Counted per year: per month most counts would be under 11 and suppressed. 1 of 3 year-and-kind counts are under 11 and suppressed (pale bars, drawn at 10); 90 treatments counted in the rest.',
    );
    expect((f.option as { xAxis: { data: string[]; name: string } }).xAxis).toMatchObject({ data: ['2024', '2025'], name: 'Year started' });
  });

  it('has nothing to draw when every rate is suppressed', () => {
    const f = respondersFigure({
      responderRates: [{ group: 'KYPHOPLASTY', category: 'M1', n: null, events: null, rate: null, lower: null, upper: null, suppressed: true }],
    });
    expect(f.option).toBeNull();
  });

  it('names suppressed sites in the funnel note', () => {
    const f = funnelFigure({
      funnelPlot: {
        registryRate: 0.25,
        sites: [
          { siteCode: 'NORTH', n: 40, events: 10, rate: 0.25, suppressed: false },
          { siteCode: 'WEST', n: null, events: null, rate: null, suppressed: true },
        ],
        limits: [{ n: 40, lower95: 0.12, upper95: 0.4, lower998: 0.07, upper998: 0.47 }],
      },
    });
    expect(f.note).toBe('n = 40 procedures at 1 site; registry rate 25.0 %. Suppressed sites (under the threshold): WEST.');
  });

  it('starts Kaplan-Meier curves at day 0 with everyone event-free and reports the log-rank test', () => {
    const f = kmFigure(
      {
        logRankP: 0.0004,
        logRankChiSquare: 12.5,
        logRankDf: 1,
        curves: [
          {
            group: 'CONSERVATIVE',
            n: 20,
            events: 5,
            medianDays: null,
            medianLower: null,
            medianUpper: null,
            suppressed: false,
            steps: [{ day: 30, survival: 0.75, lower: 0.6, upper: 0.9, atRisk: 20 }],
          },
        ],
      },
      'a new fracture',
    );
    expect(f.note).toBe('Log-rank p = 0.0004 (χ² 12.50, 1 df). Conservative n 20, 5 events, median not reached. Nothing suppressed.');
    const [lower, width, main] = (f.option as { series: { data: unknown[] }[] }).series;
    expect(main.data).toEqual([
      { value: [0, 1], atRisk: 20, phrase: 'without a new fracture' },
      { value: [30, 0.75], atRisk: 20, phrase: 'without a new fracture' },
    ]);
    expect(lower.data).toEqual([
      [0, 1],
      [30, 0.6],
    ]);
    expect((width.data as number[][]).map(([d, w]) => [d, Math.round(w * 1e9) / 1e9])).toEqual([
      [0, 0],
      [30, 0.3],
    ]);
  });

  it("draws the cumulative incidence of a new fracture with its band and death before one dashed, with Gray's tests", () => {
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
    const series = (f.option as { series: { lineStyle: { type?: string; opacity?: number }; data: unknown[] }[] }).series;
    expect(series).toHaveLength(4);
    expect(series[2].lineStyle.type).toBe('solid');
    expect(series[3].lineStyle.type).toBe('dashed');
    expect(series[3].data[0]).toEqual({ value: [0, 0], atRisk: 30, phrase: 'died before a fracture' });
    expect(f.note).toBe(
      "Solid: a new fracture; dashed: death before one (a competing risk, not a censoring). Gray's test for a new fracture p = 0.070 (χ² 3.20, 1 df); no Gray's test for death. Vertebroplasty n 30, 4 fractures, 10.0 % at 1 year, not shown at 2 years. Suppressed groups: Kyphoplasty.",
    );
  });
});
