// ECharts options for the overview, built from the API's answers. Pure functions: each returns
// the option (null when there is nothing to draw), the note of n and of what was suppressed, and
// what the chart says without its picture (a one-sentence summary and a data table).
import { type ChartTable, listed, num, percent, range, sentence, withheld, countText } from '../charts/chart-text';
import type { ChartOption } from '../charts/echarts';
import { dotWhiskerSeries, lineBandSeries, lineBandTooltip, WITHHELD_INTERVAL, withheldBox } from '../charts/interval-series';
import { estimateTable, inSentence, rateSummary, trendSummary } from '../charts/interval-text';
import { colourOf, labelOf, NEUTRAL_COLOURS, pct, siteColour, TIME_POINTS } from '../charts/palette';
import { timeAxis } from '../charts/time-axis';
import { WITHHELD_AXIS, withheldBars as placeholders } from '../charts/withheld-bars';
import type {
  OverviewCompletenessQuery,
  OverviewComplicationsQuery,
  OverviewDischargeQuery,
  OverviewFunnelQuery,
  OverviewRespondersQuery,
  OverviewTrajectoryQuery,
  OverviewVolumesQuery,
} from '../gql/graphql';
import type { OverviewReadmissionsQuery } from '../gql/graphql';

export interface Figure {
  option: ChartOption | null;
  note: string;
  /** One sentence: the chart's accessible name, in place of the canvas. */
  summary: string;
  /** The chart's numbers as the tooltips print them, suppressed ones withheld. */
  table: ChartTable | null;
}

/** Nothing to draw (or not loaded yet). */
export const NO_FIGURE: Figure = { option: null, note: '', summary: '', table: null };

const KINDS = ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'];

export const base = {
  tooltip: { trigger: 'item', confine: true },
  legend: { bottom: 0, type: 'plain' },
  grid: { left: 64, right: 24, top: 24, bottom: 88, containLabel: false },
  textStyle: { fontFamily: 'system-ui, sans-serif' },
};

/** Every category label shown, long ones wrapped rather than silently dropped. */
export const wrapLabels = (width: number) => ({ interval: 0, width, overflow: 'break' as const, fontSize: 11, lineHeight: 13 });

export const axisName = (name: string, gap = 40) => ({ name, nameLocation: 'middle' as const, nameGap: gap, nameTextStyle: { color: '#3b4a5a' } });

/** Kinds present, in the registry's usual order, then any the API adds. */
export function ordered(present: Iterable<string>, order: string[]): string[] {
  const set = new Set(present);
  return [...order.filter((k) => set.has(k)), ...[...set].filter((k) => !order.includes(k)).sort()];
}

const plural = (n: number, one: string, many = `${one}s`) => `${countText(n)} ${n === 1 ? one : many}`;

const PERIOD_WORDS: Record<string, { one: string; axis: string }> = {
  MONTH: { one: 'month', axis: 'Month started (YYYY-MM)' },
  QUARTER: { one: 'quarter', axis: 'Quarter started' },
  YEAR: { one: 'year', axis: 'Year started' },
};

/**
 * The volumes card's title: fixed before the answer arrives, so it cannot name the period the
 * answer chooses (month, or quarter or year when monthly counts would be withheld); the axis,
 * the table and the note say which.
 */
export const VOLUMES_TITLE = 'Treatments started per period, by kind';

export function volumesFigure(data: OverviewVolumesQuery): Figure {
  const rows = data.treatmentVolumes.bins;
  if (!rows.length) return NO_FIGURE;
  const words = PERIOD_WORDS[data.treatmentVolumes.period] ?? PERIOD_WORDS.MONTH;
  const threshold = data.cohortSize.threshold;
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const kinds = ordered(
    rows.map((r) => r.kind),
    KINDS,
  );
  const suppressed = rows.filter((r) => r.suppressed).length;
  const shown = rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
  const held = withheld(threshold);
  const find = (m: string, kind: string) => rows.find((x) => x.period === m && x.kind === kind);
  const isWithheld = (r: (typeof rows)[number] | undefined) => !!r && (r.suppressed || r.count === null);
  // A withheld count is no bar (null) and a hatched placeholder in its slot (withheld-bars.ts).
  const series = kinds.flatMap((kind, k) => {
    const colour = colourOf(kind, k);
    const bars = {
      type: 'bar' as const,
      name: labelOf(kind),
      stack: kind,
      itemStyle: { color: colour },
      data: periods.map((m) => {
        const r = find(m, kind);
        if (!r) return { value: 0, detail: 'none' };
        return isWithheld(r) ? null : { value: r.count, detail: String(r.count) };
      }),
    };
    const slots = periods.map((m) => isWithheld(find(m, kind)));
    return slots.some(Boolean) ? [bars, placeholders(labelOf(kind), colour, slots, kind, held)] : [bars];
  });
  const widened = words.one === 'month' ? '' : ` Counted per ${words.one}: per month most counts would be under ${threshold} and withheld.`;
  const cell = (m: string, kind: string) => {
    const r = find(m, kind);
    return !r ? '0' : isWithheld(r) ? held : countText(r.count!);
  };
  const perPeriod = periods.map((m) => rows.filter((r) => r.period === m).reduce((sum, r) => sum + (r.count ?? 0), 0));
  const busiest = perPeriod.indexOf(Math.max(...perPeriod));
  const range_ = periods.length > 1 ? `from ${periods[0]} to ${periods[periods.length - 1]}` : `in ${periods[0]}`;
  const summary = sentence(
    `Treatments started per ${words.one} ${range_}: ${plural(shown, 'treatment')} counted, the most in ${periods[busiest]} (${countText(perPeriod[busiest])})` +
      (suppressed ? `; ${suppressed} of ${rows.length} ${words.one}-and-kind counts ${held}` : ''),
    `Treatments started per ${words.one}: see the table.`,
  );
  const patients = data.cohortSize.total;
  return {
    summary,
    table: {
      caption: `Treatments started per ${words.one}, by kind (treatments)`,
      columns: [words.axis, ...kinds.map(labelOf)],
      rowHeaders: 1,
      rows: periods.map((m) => [m, ...kinds.map((k) => cell(m, k))]),
    },
    option: {
      ...base,
      tooltip: {
        ...base.tooltip,
        formatter: (p: { seriesName: string; name: string; data: { detail: string } }) => `${p.name}<br/>${p.seriesName}: <b>${p.data.detail}</b>`,
      },
      xAxis: { type: 'category', data: periods, ...axisName(words.axis, 32), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', minInterval: 1, ...axisName('Treatments started', 44) }, WITHHELD_AXIS],
      series,
    },
    // Treatments and patients in sentences of their own: a patient may have more than one treatment.
    note:
      `Treatments: n = ${countText(shown)} started in ${plural(periods.length, words.one)}` +
      (suppressed
        ? `, not counting ${suppressed} of ${rows.length} ${words.one}-and-kind counts that are under ${threshold} and withheld (hatched).`
        : '; nothing withheld.') +
      `${widened} Patients: ${patients === null ? 'the total is withheld' : `n = ${countText(patients)}`}; a patient may start more than one treatment.`,
  };
}

export function trajectoryFigure(data: OverviewTrajectoryQuery): Figure {
  const rows = data.outcomeTrajectory.filter((r) => r.timePoint !== 'UNSCHEDULED');
  if (!rows.some((r) => r.mean !== null)) return NO_FIGURE;
  const groups = ordered(
    rows.map((r) => r.group),
    KINDS,
  );
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.timePoint === tp));
  const find = (g: string, tp: string) => rows.find((r) => r.group === g && r.timePoint === tp);
  const series = lineBandSeries(groups, [...points], (g, tp) => {
    const r = find(g, tp);
    return r?.suppressed ? WITHHELD_INTERVAL : r && { value: r.mean, lower: r.lower, upper: r.upper, detail: `n = ${r.n}` };
  });
  const suppressed = rows.filter((r) => r.suppressed).length;
  const baseline = groups.map((g) => `${labelOf(g)} ${find(g, 'BASELINE')?.n ?? 'withheld'}`).join(', ');
  const estimate = (g: string, tp: string) => {
    const r = find(g, tp);
    return r && { value: r.mean, lower: r.lower, upper: r.upper, n: r.n, suppressed: r.suppressed };
  };
  const one = (v: number) => v.toFixed(1);
  return {
    summary: trendSummary('Mean NRS pain', groups, [...points], estimate, one),
    table: estimateTable({
      caption: 'Mean NRS pain on activity (0–10 points) by first treatment and time point, with 95% CI',
      categoryHeader: 'Time since first treatment',
      valueHeader: 'Mean NRS (points)',
      groups,
      categories: [...points],
      get: estimate,
      format: one,
      unit: 'patients',
    }),
    option: {
      ...base,
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: lineBandTooltip(1),
      },
      legend: { ...base.legend, data: groups.map(labelOf) },
      xAxis: timeAxis(points),
      yAxis: { type: 'value', min: 0, max: 10, ...axisName('Mean NRS pain on activity (0–10 points)', 40) },
      series,
    },
    note: `Mean with 95% CI (shaded). n at baseline (patients): ${baseline}. ${suppressed ? `${suppressed} group-and-time-point cells under the threshold are withheld (gaps in the lines).` : 'Nothing withheld.'}`,
  };
}

/** Rates with Wilson intervals as dots and whiskers, one dodged dot per group; a withheld rate hatched in its slot. */
export function proportionFigure(
  rows: OverviewRespondersQuery['responderRates'],
  categories: string[],
  xName: string,
  yName: string,
  what: string,
  unit = 'patients',
  text: { caption: string; subject: string; pick: 'first' | 'last' } = { caption: yName, subject: yName, pick: 'last' },
): Figure {
  const shown = rows.filter((r) => !r.suppressed && r.rate !== null);
  if (!shown.length) return NO_FIGURE;
  const groups = ordered(
    rows.map((r) => r.group),
    KINDS,
  );
  const series = dotWhiskerSeries(
    groups,
    categories,
    (g, c) => {
      const r = rows.find((x) => x.group === g && x.category === c);
      return r?.suppressed ? WITHHELD_INTERVAL : r && { value: r.rate, lower: r.lower, upper: r.upper, detail: `${r.events} of ${r.n} ${unit}` };
    },
    (v) => pct(v, 1),
  );
  const suppressed = rows.filter((r) => r.suppressed);
  const estimate = (g: string, c: string) => {
    const r = rows.find((x) => x.group === g && x.category === c);
    return r && { value: r.rate, lower: r.lower, upper: r.upper, n: r.n, events: r.events, suppressed: r.suppressed };
  };
  const rate = (v: number) => percent(v, 1);
  const nPerGroup = groups.map((g) => `${labelOf(g)} ${Math.max(0, ...rows.filter((r) => r.group === g).map((r) => r.n ?? 0)) || 'suppressed'}`);
  return {
    summary: rateSummary(text.subject, groups, categories, estimate, rate, text.pick),
    table: estimateTable({
      caption: `${text.caption}, with Wilson 95% CI`,
      categoryHeader: xName,
      valueHeader: 'Rate (%)',
      groups,
      categories,
      get: estimate,
      format: rate,
      unit,
      events: true,
    }),
    option: {
      ...base,
      xAxis: {
        type: 'category',
        data: categories.map(labelOf),
        ...axisName(xName, categories.length > 6 ? 50 : 38),
        axisLabel: wrapLabels(categories.length > 6 ? 72 : 56),
      },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` }, ...axisName(yName, 40) },
      series,
    },
    note: `Rate with Wilson 95% CI. n (${unit}, largest per group): ${nPerGroup.join(', ')}. ${suppressed.length ? `${suppressed.length} ${what} cells under the threshold are suppressed (hatched): ${suppressed.map((r) => `${labelOf(r.group)} ${labelOf(r.category)}`).join(', ')}.` : 'Nothing suppressed.'}`,
  };
}

export function respondersFigure(data: OverviewRespondersQuery): Figure {
  const rows = data.responderRates.filter((r) => r.category !== 'BASELINE' && r.category !== 'UNSCHEDULED');
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.category === tp));
  return proportionFigure(rows, points, 'Time since first treatment', 'Responders (% of patients)', 'group-and-time-point', 'patients', {
    caption: 'Responders (% of patients) by first treatment and time point',
    subject: 'Responders',
    pick: 'last',
  });
}

/**
 * Any complication, its split by grade, every kind (0 of n included), the leakages by symptom and
 * the complications after a crossover, in the API's order: one row each, drawn across (too many
 * rows to read as columns).
 */
export function complicationsFigure(data: OverviewComplicationsQuery): Figure {
  const rows = data.complicationRates;
  const categories = [...new Set(rows.map((r) => r.category))];
  const subject = 'Patients with a complication';
  const f = proportionFigure(rows, categories, 'Complication', 'Patients with the complication (%)', 'group-and-row', 'patients', {
    caption: `${subject} (%) by first treatment (after crossover: once they changed treatment)`,
    subject,
    pick: 'first',
  });
  if (!f.option) return f;
  const { xAxis, yAxis } = f.option as { xAxis: object; yAxis: object };
  const groups = ordered(
    rows.map((r) => r.group),
    KINDS,
  );
  const majorOf = (g: string) => rows.find((x) => x.group === g && x.category === 'MAJOR');
  // With every group's major rate withheld, say so of the major rate: rateSummary's own fallback
  // ("every estimate is withheld") would read as if the "any" rates above were withheld too.
  const major = groups.some((g) => {
    const r = majorOf(g);
    return r && !r.suppressed && r.rate !== null && r.rate !== undefined;
  })
    ? rateSummary(
        subject,
        groups,
        ['MAJOR'],
        (g) => {
          const r = majorOf(g);
          return r && { value: r.rate, lower: r.lower, upper: r.upper, n: r.n, suppressed: r.suppressed };
        },
        percent,
        'first',
      )
    : `${subject}, ${inSentence(labelOf('MAJOR'))}: ${withheld()} for every treatment.`;
  return {
    ...f,
    summary: `${f.summary} ${major}`,
    option: {
      ...f.option,
      grid: { ...base.grid, left: 196, top: 8, bottom: 72 },
      xAxis: { ...yAxis, nameGap: 26 },
      yAxis: { ...xAxis, inverse: true, name: '', axisLabel: { fontSize: 11, width: 188, overflow: 'truncate' } },
    },
    note:
      `${f.note} Major: Clavien-Dindo III or more, minor: I–II, by each patient's highest recorded grade; a leakage by its symptom. ` +
      'Patients stay in the group of their first treatment: "After crossover" counts those with a complication once they changed treatment (for conservative care, complications of the later procedure).',
  };
}

export function dischargeFigure(data: OverviewDischargeQuery): Figure {
  const rows = data.discharge;
  const shown = rows.filter((r) => !r.suppressed);
  if (!shown.length) return NO_FIGURE;
  const kinds = ordered(
    rows.map((r) => r.kind),
    KINDS,
  );
  const find = (k: string) => rows.find((r) => r.kind === k && !r.suppressed);
  const isWithheld = (k: string) => !!rows.find((r) => r.kind === k)?.suppressed;
  const maxStay = Math.max(1, ...shown.map((r) => Math.max(r.q3Stay ?? 0, r.meanStay ?? 0)));
  const stayMax = Math.ceil(maxStay + 0.5);
  // Two panels side by side: the same-day share (Wilson CI) and the stay (median, IQR, mean).
  const grids = [
    { left: 56, right: '54%', top: 36, bottom: 76 },
    { left: '58%', right: 16, top: 36, bottom: 76 },
  ];
  const sameDay = dotWhiskerSeries(
    ['SAME_DAY_DISCHARGE'],
    kinds,
    (_g, k) => {
      if (isWithheld(k)) return WITHHELD_INTERVAL;
      const r = find(k);
      return r ? { value: r.sameDayRate, lower: r.sameDayLower, upper: r.sameDayUpper, detail: `${r.sameDay} of ${r.treatments} treatments` } : undefined;
    },
    (v) => pct(v, 1),
    { colour: () => NEUTRAL_COLOURS.ink },
  ).map((s) => ({ ...s, xAxisIndex: 0, yAxisIndex: 0 }));
  // The stay as a box from the first to the third quartile with the median across it (a boxplot
  // series without whiskers); the mean is in the tooltip. A withheld stay is hatched, as its rate.
  const stay = {
    type: 'boxplot' as const,
    name: 'Length of stay (median, IQR)',
    xAxisIndex: 1,
    yAxisIndex: 1,
    itemStyle: { color: `${NEUTRAL_COLOURS.stay}33`, borderColor: NEUTRAL_COLOURS.stay, borderWidth: 2 },
    boxWidth: [12, 40],
    data: kinds.map((k) => {
      const r = find(k);
      if (isWithheld(k)) return withheldBox(NEUTRAL_COLOURS.stay, [0, stayMax]);
      if (!r || r.medianStay === null) return { value: [] as number[], mean: null, treatments: 0 };
      const q1 = r.q1Stay ?? r.medianStay;
      const q3 = r.q3Stay ?? r.medianStay;
      return { value: [q1, q1, r.medianStay, q3, q3], mean: r.meanStay, treatments: r.treatments };
    }),
    tooltip: {
      // The item's value is [index, q1, q1, median, q3, q3].
      formatter: (p: { value: number[]; name: string; data: { mean: number | null; treatments: number; withheld?: boolean } }) =>
        p.data.withheld
          ? `${labelOf(p.name)}: <b>${withheld()}</b>`
          : `${labelOf(p.name)}: median <b>${p.value[3]} days</b> (IQR ${p.value[1]} – ${p.value[4]})${p.data.mean === null ? '' : `, mean ${p.data.mean.toFixed(1)} days`}<br/>${p.data.treatments} treatments`,
    },
  };
  const suppressed = rows.filter((r) => r.suppressed);
  const held = withheld();
  const days = (v: number | null) => (v === null ? '–' : `${v}`);
  return {
    summary: sentence(
      `Same-day discharge: ${listed(kinds.map((k) => `${labelOf(k)} ${find(k) ? percent(find(k)!.sameDayRate, 1) : held}`))}; median length of stay: ${listed(
        kinds.map((k) => `${labelOf(k)} ${find(k)?.medianStay != null ? plural(find(k)!.medianStay!, 'day') : held}`),
      )}`,
      'Same-day discharge and length of stay: see the table.',
    ),
    table: {
      caption: 'Same-day discharge (% of treatments, Wilson 95% CI) and length of stay (days) by treatment',
      columns: [
        'Treatment',
        'Treatments (n)',
        'Discharged the same day (n)',
        'Same-day discharge (%)',
        '95% CI',
        'Median stay (days)',
        'IQR (days)',
        'Mean stay (days)',
      ],
      rowHeaders: 1,
      rows: kinds.map((k) => {
        const r = rows.find((x) => x.kind === k)!;
        if (r.suppressed) return [labelOf(k), held, held, held, held, held, held, held];
        return [
          labelOf(k),
          String(r.treatments),
          num(r.sameDay),
          percent(r.sameDayRate, 1),
          range(r.sameDayLower, r.sameDayUpper, (v) => percent(v, 1)),
          days(r.medianStay),
          range(r.q1Stay, r.q3Stay, String),
          num(r.meanStay, 1),
        ];
      }),
    },
    option: {
      ...base,
      legend: { ...base.legend, data: ['Same day discharge', 'Length of stay (median, IQR)'] },
      grid: grids,
      xAxis: [
        { type: 'category', gridIndex: 0, data: kinds.map(labelOf), ...axisName('Treatment', 28), axisLabel: wrapLabels(90) },
        { type: 'category', gridIndex: 1, data: kinds.map(labelOf), ...axisName('Treatment', 28), axisLabel: wrapLabels(90) },
      ],
      yAxis: [
        {
          type: 'value',
          gridIndex: 0,
          min: 0,
          max: 1,
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` },
          ...axisName('Discharged the same day (%)', 36),
        },
        { type: 'value', gridIndex: 1, min: 0, max: stayMax, minInterval: 1, ...axisName('Length of stay, days (median, IQR)', 30) },
      ],
      series: [...sameDay, stay],
    },
    note: `n = ${shown.map((r) => `${r.treatments} ${labelOf(r.kind).toLowerCase()}`).join(', ')} treatments with a discharge recorded. Same-day share with Wilson 95% CI. ${suppressed.length ? `Suppressed (under the threshold): ${suppressed.map((r) => labelOf(r.kind)).join(', ')} (hatched).` : 'Nothing suppressed.'}`,
  };
}

/**
 * Readmissions within 30 and 90 days for each of the three paths and, for the procedures, repeat
 * augmentation, as shares with Wilson 95% CIs (docs/methods.md, hospital use).
 */
export function readmissionsFigure(data: OverviewReadmissionsQuery): Figure {
  const categories = ['WITHIN_30_DAYS', 'WITHIN_90_DAYS', 'REPEAT_AUGMENTATION'];
  const rows = data.readmissions.flatMap((r) =>
    [r.within30, r.within90, r.repeatAugmentation].flatMap((v, i) => (v ? [{ ...v, group: r.kind, category: categories[i] }] : [])),
  );
  const f = proportionFigure(rows, categories, 'Event', 'Treatments (%)', 'kind-and-event', 'treatments', {
    caption: 'Readmissions within 30 and 90 days and repeat augmentation (% of treatments) by treatment',
    subject: 'Readmissions',
    pick: 'first',
  });
  return {
    ...f,
    note:
      f.note &&
      `${f.note} Readmission: of the treatments with it recorded (crossovers too). Repeat augmentation: of the procedures, a later procedure at a level they treated, within follow-up.`,
  };
}

export function completenessFigure(data: OverviewCompletenessQuery): Figure {
  const rows = data.followUpCompleteness.filter((r) => r.timePoint !== 'UNSCHEDULED');
  if (!rows.length) return NO_FIGURE;
  const sites = [...new Set(rows.map((r) => r.siteCode))].sort();
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.timePoint === tp));
  const counted = rows.filter((r) => r.expected !== null && r.done !== null);
  const expected = counted.reduce((s, r) => s + r.expected!, 0);
  const done = counted.reduce((s, r) => s + r.done!, 0);
  const withheldBars = rows.length - counted.length;
  const held = withheld();
  const count = (v: number | null) => (v === null ? held : countText(v));
  const lowest = counted.filter((r) => r.completeness !== null).sort((a, b) => a.completeness! - b.completeness!)[0];
  return {
    summary: sentence(
      `${pct(done / Math.max(1, expected), 1)} of ${plural(expected, 'due visit')} done across ${plural(sites.length, 'site')}` +
        (lowest ? `; lowest ${lowest.siteCode} at ${inSentence(labelOf(lowest.timePoint))} (${pct(lowest.completeness, 1)})` : '') +
        (withheldBars ? `; ${plural(withheldBars, 'bar')} ${held}` : ''),
      'Follow-up completeness: see the table.',
    ),
    table: {
      caption: 'Follow-up visits done of visits due (window closed), by site and time point',
      columns: ['Site', 'Time point', 'Done (%)', 'Done (visits)', 'By patients', 'Due (visits)', 'Missed', 'Withdrawn', 'Outstanding'],
      rowHeaders: 2,
      rows: sites.flatMap((site) =>
        points.flatMap((tp) => {
          const r = rows.find((x) => x.siteCode === site && x.timePoint === tp);
          if (!r) return [];
          return [
            [
              site,
              labelOf(tp),
              r.completeness === null ? held : pct(r.completeness, 1),
              count(r.done),
              count(r.answeredByPatients),
              count(r.expected),
              count(r.missed),
              count(r.withdrawn),
              count(r.outstanding),
            ],
          ];
        }),
      ),
    },
    option: {
      ...base,
      tooltip: {
        ...base.tooltip,
        formatter: (p: { seriesName: string; name: string; data: { r: (typeof rows)[number] } }) =>
          `${p.seriesName}, ${p.name}: <b>${pct(p.data.r.completeness, 1)}</b><br/>${p.data.r.done} done of ${p.data.r.expected} due; ${p.data.r.missed ?? 'under the threshold'} missed, ${p.data.r.withdrawn ?? 'under the threshold'} withdrawn, ${p.data.r.outstanding ?? 'under the threshold'} outstanding`,
      },
      xAxis: { type: 'category', data: points.map(labelOf), ...axisName('Follow-up time point', 40), axisLabel: wrapLabels(56) },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 1,
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` },
          ...axisName('Visits done of visits due (%)', 40),
        },
        WITHHELD_AXIS,
      ],
      series: sites.flatMap((site, i) => {
        const colour = siteColour(i);
        const at = (tp: string) => rows.find((x) => x.siteCode === site && x.timePoint === tp);
        const bars = {
          type: 'bar' as const,
          name: site,
          stack: site,
          itemStyle: { color: colour },
          data: points.map((tp) => {
            const r = at(tp);
            return r && r.completeness !== null ? { value: r.completeness, r } : null;
          }),
        };
        const slots = points.map((tp) => at(tp)?.completeness === null);
        return slots.some(Boolean) ? [bars, placeholders(site, colour, slots, site, held)] : [bars];
      }),
    },
    note: `n = ${plural(expected, 'visit')} due (window closed) at ${plural(sites.length, 'site')}, ${plural(done, 'visit')} done (${pct(done / Math.max(1, expected), 1)}). ${withheldBars ? `Withheld (under the threshold): ${plural(withheldBars, 'bar')} (hatched).` : 'Nothing withheld.'}`,
  };
}

export function funnelFigure(data: OverviewFunnelQuery): Figure {
  const { sites, limits, registryRate } = data.funnelPlot;
  const shown = sites.filter((s) => !s.suppressed && s.n !== null && s.rate !== null);
  if (!shown.length || registryRate === null) return NO_FIGURE;
  const maxN = Math.max(...shown.map((s) => s.n!), ...limits.map((l) => l.n));
  const limit = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') => limits.map((l) => [l.n, l[key]]);
  const limitLine = (name: string, key: 'lower95' | 'upper95' | 'lower998' | 'upper998', type: 'dashed' | 'dotted', colour: string) => ({
    type: 'line' as const,
    name,
    data: limit(key),
    showSymbol: false,
    silent: true,
    smooth: false,
    lineStyle: { type, color: colour, width: 1.5 },
    itemStyle: { color: colour },
    tooltip: { show: false },
  });
  const suppressed = sites.filter((s) => s.suppressed);
  const codes = sites.map((s) => s.siteCode).sort();
  // A site is outside the 95% limits when its rate is beyond those at its own n (the nearest n
  // the API gives limits for).
  const limitsAt = (n: number) => limits.reduce((best, l) => (Math.abs(l.n - n) < Math.abs(best.n - n) ? l : best), limits[0]);
  const outside = limits.length ? shown.filter((s) => s.rate! < limitsAt(s.n!).lower95 || s.rate! > limitsAt(s.n!).upper95).map((s) => s.siteCode) : [];
  const held = withheld();
  return {
    summary: sentence(
      `Registry complication rate after procedures ${pct(registryRate, 1)}; ${plural(shown.length, 'site')} shown, ${
        outside.length ? `${listed(outside)} outside the 95% limits` : 'none outside the 95% limits'
      }${suppressed.length ? `; ${listed(suppressed.map((s) => s.siteCode))} ${held}` : ''}`,
      "Sites' complication rates: see the table.",
    ),
    table: {
      caption: `Complication rate after procedures by site (registry rate ${pct(registryRate, 1)})`,
      columns: ['Site', 'Procedures (n)', 'With a complication (n)', 'Rate (%)'],
      rowHeaders: 1,
      rows: sites.map((s) =>
        s.suppressed || s.n === null || s.rate === null ? [s.siteCode, held, held, held] : [s.siteCode, countText(s.n), num(s.events), pct(s.rate, 1)],
      ),
    },
    option: {
      ...base,
      // Room on the right for the registry rate's label at the end of its line.
      grid: { ...base.grid, right: 96 },
      xAxis: { type: 'value', min: 0, max: Math.ceil(maxN * 1.05), ...axisName('Procedures at the site (n)', 32) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` },
        ...axisName('Patients with a complication (%)', 40),
      },
      series: [
        {
          // Points only: a line series without its line (the bundle carries no Scatter chart).
          type: 'line' as const,
          name: 'Sites',
          symbol: 'circle',
          symbolSize: 11,
          showAllSymbol: true,
          lineStyle: { opacity: 0 },
          itemStyle: { color: NEUTRAL_COLOURS.ink },
          // Alternate labels above and below: sites with similar rates sit close together.
          // Each site in its own colour, as on the completeness chart (codes in order, all sites counted).
          data: shown.map((s, i) => ({
            value: [s.n, s.rate],
            site: s,
            itemStyle: { color: siteColour(codes.indexOf(s.siteCode)) },
            label: { position: i % 2 ? 'bottom' : 'top' },
          })),
          label: { show: true, formatter: (p: { data: { site: { siteCode: string } } }) => p.data.site.siteCode, fontSize: 11 },
          // Sites with similar rates sit close together: move labels apart rather than hide them.
          labelLayout: { moveOverlap: 'shiftY' },
          labelLine: { show: true, lineStyle: { color: '#8899aa' } },
          tooltip: {
            formatter: (p: { data: { site: { siteCode: string; n: number; events: number; rate: number } } }) =>
              `${p.data.site.siteCode}: <b>${pct(p.data.site.rate, 1)}</b><br/>${p.data.site.events} of ${p.data.site.n} procedures with a complication`,
          },
        },
        // The registry rate as a plain line across the plot (the bundle carries no MarkLine component).
        {
          type: 'line' as const,
          name: 'Registry rate',
          data: [
            [0, registryRate],
            [Math.ceil(maxN * 1.05), registryRate],
          ],
          showSymbol: false,
          silent: true,
          lineStyle: { color: NEUTRAL_COLOURS.reference, width: 1.5 },
          itemStyle: { color: NEUTRAL_COLOURS.reference },
          tooltip: { show: false },
          endLabel: { show: true, formatter: `Registry ${pct(registryRate, 1)}`, color: NEUTRAL_COLOURS.reference, fontSize: 11 },
        },
        limitLine('95% limits', 'lower95', 'dashed', NEUTRAL_COLOURS.limit95),
        limitLine('95% limits', 'upper95', 'dashed', NEUTRAL_COLOURS.limit95),
        limitLine('99.8% limits', 'lower998', 'dotted', NEUTRAL_COLOURS.limit998),
        limitLine('99.8% limits', 'upper998', 'dotted', NEUTRAL_COLOURS.limit998),
      ],
    },
    note: `n = ${plural(
      shown.reduce((s, x) => s + x.n!, 0),
      'procedure',
    )} at ${plural(shown.length, 'site')}; registry rate ${pct(registryRate, 1)}. ${suppressed.length ? `Suppressed sites (under the threshold): ${suppressed.map((s) => s.siteCode).join(', ')}.` : 'No site suppressed.'}`,
  };
}
