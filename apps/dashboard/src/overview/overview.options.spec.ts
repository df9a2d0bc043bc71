import { cumulativeIncidenceFigure, kmFigure } from '../cohorts/cohorts.options';
import { GROUP_COLOURS, NEUTRAL_COLOURS, SITE_COLOURS, TREATMENT_COLOURS } from '../charts/palette';
import type { TimePoint } from '../gql/graphql';
import { TIME_POINT_WINDOWS } from '@vfr/domain';
import { completenessFigure, dischargeFigure, funnelFigure, respondersFigure, trajectoryFigure, VOLUMES_TITLE, volumesFigure } from './overview.options';

interface Series {
  name: string;
  stack?: string;
  yAxisIndex?: number;
  data: ({ value: unknown; [key: string]: unknown } | null)[];
  tooltip?: { formatter: (p: { name: string; seriesName: string }) => string };
}

/** A series' tooltip formatter, called with the item ECharts would give it. */
const tip = (s: Series) => s.tooltip!.formatter as (p: { name: string; seriesName: string; value: number[]; data: unknown }) => string;

/** Every colour an option names (its first six hex digits: an alpha suffix is the same colour). */
function coloursIn(option: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(option, (_key, v) => {
    if (typeof v === 'string' && /^#[0-9a-f]{6}/i.test(v)) found.push(v.slice(0, 7).toLowerCase());
    return v;
  });
  return found;
}

// The notes are what a reader relies on to know n and what was hidden: check them word for word.
describe('overview figures', () => {
  it('draws a withheld count as no bar and a hatched placeholder on an axis of its own, said as withheld', () => {
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
      'Treatments: n = 40 started in 2 months, not counting 1 of 3 month-and-kind counts that are under 11 and withheld (hatched). Patients: n = 40; a patient may start more than one treatment.',
    );
    const o = f.option as { yAxis: { show?: boolean; min?: number; max?: number }[]; series: Series[] };
    const [vertebroplasty, kyphoplasty, placeholder] = o.series;
    expect(o.series.map((s) => s.name)).toEqual(['Vertebroplasty', 'Kyphoplasty', 'Kyphoplasty']);
    expect(vertebroplasty.data.map((d) => d?.value)).toEqual([25, 15]);
    // January's kyphoplasty count: no bar at all, neither at the threshold nor at any other height.
    expect(kyphoplasty.data[0]).toBeNull();
    expect(kyphoplasty.data[1]).toEqual({ value: 0, detail: 'none' });
    // Its placeholder fills the slot on the hidden 0-1 axis, in the same column (stack), and says withheld.
    expect(placeholder).toMatchObject({ yAxisIndex: 1, stack: kyphoplasty.stack });
    expect(o.yAxis[1]).toEqual({ type: 'value', min: 0, max: 1, show: false });
    expect(placeholder.data.map((d) => d?.value ?? null)).toEqual([1, null]);
    expect(placeholder.tooltip!.formatter({ name: '2025-01', seriesName: 'Kyphoplasty' })).toBe('2025-01<br/>Kyphoplasty: <b>withheld (fewer than 11)</b>');
    // No number on the counts' axis stands for the withheld cell.
    const counted = o.series.filter((s) => !s.yAxisIndex).flatMap((s) => s.data.map((d) => d?.value));
    expect(counted).not.toContain(10);
    expect(counted).not.toContain(11);
  });

  it('keeps the volumes title the same whatever period the counts come in; the axis, table and note say the period', () => {
    for (const [period, word, axis] of [
      ['MONTH', 'month', 'Month started (YYYY-MM)'],
      ['QUARTER', 'quarter', 'Quarter started'],
      ['YEAR', 'year', 'Year started'],
    ] as const) {
      const f = volumesFigure({
        cohortSize: { total: 300, threshold: 11, groups: [] },
        treatmentVolumes: { period, bins: [{ period: '2025', kind: 'CONSERVATIVE', count: 50, suppressed: false }] },
      });
      expect((f.option as { xAxis: { name: string } }).xAxis.name).toBe(axis);
      expect(f.table!.caption).toBe(`Treatments started per ${word}, by kind (treatments)`);
      expect(f.note).toContain(`started in 1 ${word}`);
    }
    // The title is set before the answer comes, so it cannot name the period the answer chooses.
    expect(VOLUMES_TITLE).not.toMatch(/month|quarter|year/i);
  });

  it('says when the volumes are counted per year, and counts treatments and patients in sentences of their own', () => {
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
      'Treatments: n = 90 started in 2 years, not counting 1 of 3 year-and-kind counts that are under 11 and withheld (hatched). Counted per year: per month most counts would be under 11 and withheld. Patients: n = 300; a patient may start more than one treatment.',
    );
    // No sentence counts patients and treatments together.
    for (const part of f.note.split('. ')) expect(/patient/.test(part) && /\d+ treatments?\b/.test(part)).toBe(false);
    expect((f.option as { xAxis: { data: string[]; name: string } }).xAxis).toMatchObject({ data: ['2024', '2025'], name: 'Year started' });
  });

  it("places the trajectory at the time points' target days, to scale, and leaves a withheld mean out (said as withheld)", () => {
    const row = (group: string, timePoint: TimePoint, mean: number | null, suppressed = false) => ({
      group,
      timePoint,
      mean,
      n: suppressed ? null : 30,
      lower: mean === null ? null : mean - 0.5,
      upper: mean === null ? null : mean + 0.5,
      suppressed,
    });
    const order = ['BASELINE', 'D1', 'W1', 'M1', 'M3', 'M6', 'M12', 'M24'] as const;
    const f = trajectoryFigure({
      outcomeTrajectory: [
        ...order.map((tp, i) => row('VERTEBROPLASTY', tp, 8 - i * 0.5)),
        row('KYPHOPLASTY', 'BASELINE', 7),
        row('KYPHOPLASTY', 'M3', null, true),
      ],
    });
    const o = f.option as {
      xAxis: { type: string; min: number; max: number; axisLabel: { customValues: number[]; formatter: (v: number) => string } };
      series: Series[];
    };
    const line = o.series[2];
    const xs = line.data.map((d) => (d!.value as number[])[0]);
    // The days come from the domain's schedule, the one the visit windows are built on.
    expect(xs).toEqual(order.map((tp) => TIME_POINT_WINDOWS.find((w) => String(w.timePoint) === tp)!.targetDay));
    expect(xs).toEqual([0, 1, 7, 30, 90, 180, 365, 730]);
    // To scale: the second year is 365 / 6 times as wide as day 1 to week 1.
    expect((xs[7] - xs[6]) / (xs[2] - xs[1])).toBeCloseTo(365 / 6);
    expect(o.xAxis).toMatchObject({ type: 'value', min: 0, max: 730 });
    // Labelled at the time points; baseline, day 1 and week 1, a few pixels apart, share one label.
    expect(o.xAxis.axisLabel.customValues).toEqual([0, 30, 90, 180, 365, 730]);
    expect(o.xAxis.axisLabel.customValues.map(o.xAxis.axisLabel.formatter)).toEqual([' \nBaseline, D1, W1', 'M1', 'M3', 'M6', 'M12', 'M24']);
    // Kyphoplasty's month 3 is withheld: no y at all, and the tooltip says so.
    const kypho = o.series[5];
    expect(kypho.data[4]).toMatchObject({ value: [90, null], withheld: true });
    const tooltip = (f.option as { tooltip: { formatter: (ps: unknown[]) => string } }).tooltip.formatter;
    expect(tooltip([2, 5].map((i) => ({ seriesName: o.series[i].name, data: o.series[i].data[4], color: '#000', seriesIndex: i })))).toBe(
      'Month 3 (day 90)<br/><span style="color:#000">●</span> Vertebroplasty: <b>6.0</b> (95% CI 5.5 – 6.5), n = 30<br/><span style="color:#000">●</span> Kyphoplasty: withheld (under the threshold)',
    );
  });

  it('gives treatments and sites colours of their own: no colour means both, on any chart', () => {
    const treatments = Object.values(TREATMENT_COLOURS);
    const palettes = [treatments, [...SITE_COLOURS], [...GROUP_COLOURS], Object.values(NEUTRAL_COLOURS)];
    const all = palettes.flat().map((c) => c.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
    // Completeness: sites in site colours (withheld placeholders too), no treatment's colour anywhere.
    const completeness = completenessFigure({
      followUpCompleteness: [
        { siteCode: 'NORTH', timePoint: 'M1', expected: 40, done: 36, missed: 2, withdrawn: 0, outstanding: 2, answeredByPatients: 5, completeness: 0.9 },
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
        },
      ],
    });
    const o = completeness.option as { series: (Series & { itemStyle: { color: string; borderColor?: string } })[] };
    expect(o.series.map((s) => [s.name, s.itemStyle.borderColor ?? s.itemStyle.color])).toEqual([
      ['NORTH', SITE_COLOURS[0]],
      ['SOUTH', SITE_COLOURS[1]],
      ['SOUTH', SITE_COLOURS[1]],
    ]);
    // SOUTH's withheld bar: no value, a placeholder on the hidden axis instead.
    expect(o.series[1].data[0]).toBeNull();
    expect(o.series[2]).toMatchObject({ yAxisIndex: 1, stack: 'SOUTH', data: [{ value: 1, withheld: true }] });
    const funnel = funnelFigure({
      funnelPlot: {
        registryRate: 0.25,
        sites: [{ siteCode: 'NORTH', n: 40, events: 10, rate: 0.25, suppressed: false }],
        limits: [{ n: 40, lower95: 0.12, upper95: 0.4, lower998: 0.07, upper998: 0.47 }],
      },
    });
    const discharge = dischargeFigure({
      discharge: [
        {
          kind: 'VERTEBROPLASTY',
          treatments: 40,
          sameDay: 20,
          sameDayRate: 0.5,
          sameDayLower: 0.35,
          sameDayUpper: 0.65,
          meanStay: 1.2,
          medianStay: 1,
          q1Stay: 0,
          q3Stay: 2,
          suppressed: false,
        },
      ],
    });
    const volumes = volumesFigure({
      cohortSize: { total: 40, threshold: 11, groups: [] },
      treatmentVolumes: { period: 'YEAR', bins: [{ period: '2025', kind: 'KYPHOPLASTY', count: null, suppressed: true }] },
    });
    for (const f of [completeness, funnel, discharge]) expect(coloursIn(f.option).filter((c) => treatments.includes(c))).toEqual([]);
    for (const f of [volumes, discharge]) expect(coloursIn(f.option).filter((c) => SITE_COLOURS.includes(c))).toEqual([]);
    expect(coloursIn(volumes.option)).toContain(TREATMENT_COLOURS.KYPHOPLASTY);
  });

  it('has nothing to draw when every rate is suppressed', () => {
    const f = respondersFigure({
      responderRates: [{ group: 'KYPHOPLASTY', category: 'M1', n: null, events: null, rate: null, lower: null, upper: null, suppressed: true }],
    });
    expect(f.option).toBeNull();
  });

  it("draws a withheld rate as a hatched placeholder in its group's slot, never as a number, and says it is withheld", () => {
    // Even were the API to send a suppressed row's numbers, none of them is drawn.
    const f = respondersFigure({
      responderRates: [
        { group: 'CONSERVATIVE', category: 'M3', n: 40, events: 18, rate: 0.45, lower: 0.31, upper: 0.6, suppressed: false },
        { group: 'KYPHOPLASTY', category: 'M3', n: 8, events: 3, rate: 0.375, lower: 0.137, upper: 0.694, suppressed: true },
      ],
    });
    const [conservative, kyphoplasty] = (f.option as { series: (Series & { itemStyle: { color: string } })[] }).series;
    expect(conservative.data).toEqual([{ value: [0.31, 0.45, 0.45, 0.45, 0.6], detail: '18 of 40 patients' }]);
    // The placeholder spans the rate axis (0 to 1), dashed and hatched in the group's colour.
    expect(kyphoplasty.itemStyle.color).toBe(TREATMENT_COLOURS.KYPHOPLASTY);
    expect(kyphoplasty.data).toEqual([
      {
        value: [0, 0, 0, 1, 1],
        withheld: true,
        itemStyle: expect.objectContaining({ borderColor: TREATMENT_COLOURS.KYPHOPLASTY, borderType: 'dashed', decal: expect.any(Object) }),
      },
    ]);
    const numbers: number[] = [];
    JSON.stringify(kyphoplasty.data, (_k, v) => (typeof v === 'number' && numbers.push(v), v));
    expect(numbers.filter((v) => [8, 3, 0.375, 0.137, 0.694].includes(v))).toEqual([]);
    expect(tip(kyphoplasty)({ name: 'Month 3', seriesName: 'Kyphoplasty', value: [0, 0, 0, 0, 1, 1], data: kyphoplasty.data[0] })).toBe(
      'Kyphoplasty<br/>Month 3: <b>withheld (under the threshold)</b>',
    );
    expect(f.table!.rows[1]).toEqual(['Kyphoplasty', 'Month 3', ...Array(4).fill('withheld (under the threshold)')]);
    expect(f.note).toBe(
      'Rate with Wilson 95% CI. n (patients, largest per group): Conservative 40, Kyphoplasty 8. 1 group-and-time-point cells under the threshold are suppressed (hatched): Kyphoplasty Month 3.',
    );
  });

  it('hatches a withheld treatment in both discharge panels, in their own colours', () => {
    const f = dischargeFigure({
      discharge: [
        {
          kind: 'VERTEBROPLASTY',
          treatments: 40,
          sameDay: 20,
          sameDayRate: 0.5,
          sameDayLower: 0.35,
          sameDayUpper: 0.65,
          meanStay: 1.2,
          medianStay: 1,
          q1Stay: 0,
          q3Stay: 2,
          suppressed: false,
        },
        {
          kind: 'KYPHOPLASTY',
          treatments: null,
          sameDay: null,
          sameDayRate: null,
          sameDayLower: null,
          sameDayUpper: null,
          meanStay: null,
          medianStay: null,
          q1Stay: null,
          q3Stay: null,
          suppressed: true,
        },
      ],
    });
    const [sameDay, stay] = (f.option as { series: Series[] }).series;
    const placeholder = (colour: string, max: number) => ({
      value: [0, 0, 0, max, max],
      withheld: true,
      itemStyle: expect.objectContaining({ borderColor: colour, borderType: 'dashed' }),
    });
    expect(sameDay.data[1]).toEqual(placeholder(NEUTRAL_COLOURS.ink, 1));
    // The stay axis runs to 3 days (the longest third quartile, 2, and a half).
    expect(stay.data[1]).toEqual(placeholder(NEUTRAL_COLOURS.stay, 3));
    expect(tip(stay)({ name: 'Kyphoplasty', seriesName: 'Length of stay (median, IQR)', value: [1, 0, 0, 0, 3, 3], data: stay.data[1] })).toBe(
      'Kyphoplasty: <b>withheld (under the threshold)</b>',
    );
    expect(f.note).toMatch(/Suppressed \(under the threshold\): Kyphoplasty \(hatched\)\.$/);
    expect(coloursIn(f.option).filter((c) => Object.values(TREATMENT_COLOURS).includes(c))).toEqual([]);
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
    expect(f.note).toBe(
      'Log-rank p = 0.0004 (χ² 12.50, 1 df). Conservative n 20, 5 events, median not reached. Nothing suppressed. 95% CI: the faint band between dotted lines; click a group in the legend to hide it and its band.',
    );
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
      "Solid: a new fracture; dashed: death before one (a competing risk, not a censoring). Gray's test for a new fracture p = 0.070 (χ² 3.20, 1 df); no Gray's test for death. Vertebroplasty n 30, 4 fractures, 10.0 % at 1 year, not shown at 2 years. Suppressed groups: Kyphoplasty. 95% CI: the faint band between dotted lines; click a group in the legend to hide it and its band.",
    );
  });
});
