// ECharts options for the comparison view: trajectories of any measure, responder rates and
// Kaplan-Meier curves. Same drawing rules as the overview (labelOf, colours, intervals).
import { type ChartTable, listed, range, sentence, withheld, countText } from '../charts/chart-text';
import { lineBandSeries, lineBandTooltip, WITHHELD_INTERVAL } from '../charts/interval-series';
import { estimateTable, trendSummary } from '../charts/interval-text';
import { colourOf, labelOf, TIME_POINTS } from '../charts/palette';
import { timeAxis } from '../charts/time-axis';
import type { CohortNewFracturesQuery, CohortRespondersQuery, CohortSurvivalQuery, CohortTrajectoryQuery, OutcomeMeasure } from '../gql/graphql';
import { axisName, base, type Figure, NO_FIGURE, ordered, proportionFigure } from '../overview/overview.options';

const KINDS = ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'];

export const MEASURES: Record<OutcomeMeasure, { label: string; axis: string; min?: number; max?: number; digits: number }> = {
  NRS: { label: 'NRS pain', axis: 'Mean NRS pain (0–10 points)', min: 0, max: 10, digits: 1 },
  ODI: { label: 'ODI', axis: 'Mean Oswestry Disability Index (0–100 %)', min: 0, max: 100, digits: 0 },
  RMDQ: { label: 'RMDQ', axis: 'Mean Roland-Morris score (0–24 points)', min: 0, max: 24, digits: 1 },
  EQ5D: { label: 'EQ-5D-5L index', axis: 'Mean EQ-5D-5L index (−0.6 to 1)', max: 1, digits: 2 },
};

export function cohortTrajectoryFigure(data: CohortTrajectoryQuery, measure: OutcomeMeasure): Figure {
  const rows = data.outcomeTrajectory.filter((r) => r.timePoint !== 'UNSCHEDULED');
  if (!rows.some((r) => r.mean !== null)) return NO_FIGURE;
  const m = MEASURES[measure];
  const groups = ordered(
    rows.map((r) => r.group),
    KINDS,
  );
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.timePoint === tp));
  const find = (g: string, tp: string) => rows.find((r) => r.group === g && r.timePoint === tp);
  const suppressed = rows.filter((r) => r.suppressed).length;
  const estimate = (g: string, tp: string) => {
    const r = find(g, tp);
    return r && { value: r.mean, lower: r.lower, upper: r.upper, n: r.n, suppressed: r.suppressed };
  };
  const format = (v: number) => v.toFixed(m.digits);
  return {
    summary: trendSummary(`Mean ${m.label}`, groups, [...points], estimate, format),
    table: estimateTable({
      caption: `${m.axis} by group and time point, with 95% CI`,
      categoryHeader: 'Time since first treatment',
      valueHeader: `Mean ${m.label}`,
      groups,
      categories: [...points],
      get: estimate,
      format,
      unit: 'patients',
    }),
    option: {
      ...base,
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: lineBandTooltip(m.digits),
      },
      legend: { ...base.legend, data: groups.map(labelOf) },
      xAxis: timeAxis(points),
      yAxis: { type: 'value', min: m.min, max: m.max, ...axisName(m.axis, 44) },
      series: lineBandSeries(groups, [...points], (g, tp) => {
        const r = find(g, tp);
        return r?.suppressed ? WITHHELD_INTERVAL : r && { value: r.mean, lower: r.lower, upper: r.upper, detail: `n = ${r.n}` };
      }),
    },
    note: `Mean with 95% CI (shaded). n at baseline (patients): ${groups.map((g) => `${labelOf(g)} ${find(g, 'BASELINE')?.n ?? 'withheld'}`).join(', ')}. ${suppressed ? `${suppressed} group-and-time-point cells under the threshold are withheld (gaps in the lines).` : 'Nothing withheld.'}`,
  };
}

export function cohortRespondersFigure(data: CohortRespondersQuery): Figure {
  const rows = data.responderRates.filter((r) => r.category !== 'BASELINE' && r.category !== 'UNSCHEDULED');
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.category === tp));
  return proportionFigure(rows, [...points], 'Time since first treatment', 'Responders (% of patients)', 'group-and-time-point', 'patients', {
    caption: 'Responders (% of patients) by group and time point',
    subject: 'Responders',
    pick: 'last',
  });
}

type Survival = CohortSurvivalQuery['relief'];

/**
 * A p-value as printed: three decimals, four below 0.001, and "p < 0.0001" below that, however
 * small (the API keeps p's magnitude down to the smallest double, and 0 beyond it).
 */
export const formatP = (p: number | null | undefined): string =>
  p === null || p === undefined || Number.isNaN(p) ? 'not computable' : p < 0.0001 ? 'p < 0.0001' : p < 0.001 ? `p = ${p.toFixed(4)}` : `p = ${p.toFixed(3)}`;

interface StepPoint {
  day: number;
  value: number;
  lower: number | null;
  upper: number | null;
  atRisk: number;
}

/**
 * A step curve from day 0 with its 95% band (two stacked invisible lines, the upper one filled),
 * or a dashed line without a band; each point carries its at-risk count and a phrase for the
 * tooltip. Kaplan-Meier and cumulative incidence curves are drawn with it.
 */
const BAND_NOTE = '95% CI: the faint band between dotted lines; click a group in the legend to hide it and its band.';

function stepCurve(group: string, g: number, steps: StepPoint[], phrase: string, band: boolean) {
  const colour = colourOf(group, g);
  const name = labelOf(group);
  const line = {
    type: 'line' as const,
    name,
    step: 'end' as const,
    symbol: 'none',
    itemStyle: { color: colour },
    lineStyle: { width: 2, type: band ? ('solid' as const) : ('dashed' as const) },
    data: steps.map((p) => ({ value: [p.day, p.value], atRisk: p.atRisk, phrase })),
  };
  if (!band) return [line];
  // The 95% band as a faint fill between thin dotted edges in the group's colour: in a small
  // cohort the bands are wide and overlap, and solid fills of three groups ran into one smear;
  // the edges keep each group's band legible where fills overlap (the legend hides a group).
  const quiet = {
    step: 'end' as const,
    lineStyle: { width: 1, type: 'dotted' as const, opacity: 0.7 },
    symbol: 'none',
    silent: true,
    tooltip: { show: false },
    itemStyle: { color: colour },
  };
  return [
    { ...quiet, type: 'line' as const, name, stack: `${phrase}-${group}`, data: steps.map((p) => [p.day, p.lower ?? 0]) },
    {
      ...quiet,
      type: 'line' as const,
      name,
      stack: `${phrase}-${group}`,
      areaStyle: { color: colour, opacity: 0.07 },
      data: steps.map((p) => [p.day, (p.upper ?? p.value) - (p.lower ?? 0)]),
    },
    line,
  ];
}

function stepFigure(
  groups: string[],
  series: ReturnType<typeof stepCurve>,
  yName: string,
  yMax: number | undefined,
  note: string,
  text: { summary: string; table: ChartTable },
): Figure {
  return {
    ...text,
    option: {
      ...base,
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (ps: { seriesName: string; data: { value: number[]; atRisk: number; phrase: string } | number[]; color: string }[]) => {
          const main = ps.filter((p) => !Array.isArray(p.data)) as {
            seriesName: string;
            data: { value: number[]; atRisk: number; phrase: string };
            color: string;
          }[];
          return main.length
            ? `Day ${main[0].data.value[0]}<br/>` +
                main
                  .map(
                    (p) =>
                      `<span style="color:${p.color}">●</span> ${p.seriesName}: <b>${(p.data.value[1] * 100).toFixed(1)} %</b> ${p.data.phrase}, ${p.data.atRisk} at risk`,
                  )
                  .join('<br/>')
            : '';
        },
      },
      legend: { ...base.legend, data: groups.map(labelOf) },
      xAxis: { type: 'value', min: 0, ...axisName('Days since the index treatment', 32) },
      yAxis: { type: 'value', min: 0, max: yMax, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` }, ...axisName(yName, 40) },
      series,
    },
    note,
  };
}

const suppressedNote = (groups: string[]) => (groups.length ? `Suppressed groups: ${groups.map(labelOf).join(', ')}.` : 'Nothing suppressed.');

const stepPercent = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Every step of each curve, as its tooltip prints it; withheld groups named once. */
function stepTable(
  caption: string,
  valueHeader: string,
  curves: { group: string; event?: string; steps: StepPoint[] }[],
  withheldGroups: string[],
): ChartTable {
  const events = curves.some((c) => c.event);
  const held = withheld();
  return {
    caption,
    columns: ['Group', ...(events ? ['Event'] : []), 'Day', valueHeader, '95% CI', 'At risk (patients)'],
    rowHeaders: events ? 3 : 2,
    rows: [
      ...curves.flatMap((c) =>
        c.steps.map((p) => [
          labelOf(c.group),
          ...(events ? [c.event ?? ''] : []),
          String(p.day),
          stepPercent(p.value),
          range(p.lower, p.upper, stepPercent),
          countText(p.atRisk),
        ]),
      ),
      ...withheldGroups.map((g) => [labelOf(g), ...(events ? [held] : []), held, held, held, held]),
    ],
  };
}

/** Kaplan-Meier: the share still without the event, as steps with a 95% CI band per group. */
export function kmFigure(s: Survival, event: string): Figure {
  const curves = s.curves.filter((c) => !c.suppressed && c.steps.length);
  if (!curves.length) return NO_FIGURE;
  const groups = ordered(
    curves.map((c) => c.group),
    KINDS,
  );
  const series = groups.flatMap((group, g) => {
    const c = curves.find((x) => x.group === group)!;
    // Start every curve at day 0 with everyone event-free.
    const steps = [{ day: 0, survival: 1, lower: 1, upper: 1, atRisk: c.n ?? 0 }, ...c.steps].map((p) => ({ ...p, value: p.survival }));
    return stepCurve(group, g, steps, `without ${event}`, true);
  });
  const medians = groups.map((g) => {
    const c = curves.find((x) => x.group === g)!;
    // A shown curve may still have its count of events withheld (too few to show): never "null events".
    const events = c.events === null || c.events === undefined ? `events ${withheld()}` : `${c.events} events`;
    return `${labelOf(g)} n ${c.n}, ${events}, median ${c.medianDays === null ? 'not reached' : `${c.medianDays} days`}`;
  });
  const test = `Log-rank ${formatP(s.logRankP)}${s.logRankChiSquare !== null ? ` (χ² ${s.logRankChiSquare.toFixed(2)}, ${s.logRankDf} df)` : ''}`;
  const withheldGroups = ordered(
    s.curves.filter((c) => c.suppressed).map((c) => c.group),
    KINDS,
  );
  const median = (c: (typeof curves)[number]) => (c.medianDays === null ? 'not reached' : `${c.medianDays} days`);
  const summary = sentence(
    `Median time to ${event}: ${listed([
      ...groups.map((g) => `${labelOf(g)} ${median(curves.find((x) => x.group === g)!)}`),
      ...withheldGroups.map((g) => `${labelOf(g)} ${withheld()}`),
    ])}; log-rank ${formatP(s.logRankP)}`,
    `Time to ${event}: see the table.`,
  );
  const table = stepTable(
    `Share without ${event} (%, Kaplan-Meier with 95% CI) by group and day`,
    `Without ${event} (%)`,
    groups.map((g) => {
      const c = curves.find((x) => x.group === g)!;
      return { group: g, steps: [{ day: 0, value: 1, lower: 1, upper: 1, atRisk: c.n ?? 0 }, ...c.steps.map((p) => ({ ...p, value: p.survival }))] };
    }),
    withheldGroups,
  );
  return stepFigure(
    groups,
    series,
    `Without ${event} (%)`,
    1,
    `${test}. ${medians.join('; ')}. ${suppressedNote(s.curves.filter((c) => c.suppressed).map((c) => c.group))} ${BAND_NOTE}`,
    { summary, table },
  );
}

type CompetingRisks = CohortSurvivalQuery['fracture'];

const percent = (v: number | null) => (v === null ? 'not shown' : `${(v * 100).toFixed(1)} %`);

/**
 * Cumulative incidence of a new fracture with death as a competing risk (Aalen-Johansen), one
 * solid curve per group with its 95% band, and the incidence of death before a fracture dashed.
 */
export function cumulativeIncidenceFigure(s: CompetingRisks): Figure {
  const curves = s.curves.filter((c) => !c.suppressed && c.steps.length);
  if (!curves.length) return NO_FIGURE;
  const groups = ordered([...new Set(curves.map((c) => c.group))], KINDS);
  const series = groups.flatMap((group, g) =>
    (['NEW_FRACTURE', 'DEATH'] as const).flatMap((event) => {
      const c = curves.find((x) => x.group === group && x.event === event);
      if (!c) return [];
      const steps = [{ day: 0, incidence: 0, lower: 0, upper: 0, atRisk: c.n ?? 0 }, ...c.steps].map((p) => ({ ...p, value: p.incidence }));
      return stepCurve(group, g, steps, event === 'DEATH' ? 'died before a fracture' : 'with a new fracture', event === 'NEW_FRACTURE');
    }),
  );
  const gray = (event: string, label: string) => {
    const t = s.tests.find((x) => x.event === event);
    return t ? `Gray's test for ${label} ${formatP(t.p)} (χ² ${t.chiSquare.toFixed(2)}, ${t.df} df)` : `no Gray's test for ${label}`;
  };
  const atYears = groups.map((g) => {
    const c = curves.find((x) => x.group === g && x.event === 'NEW_FRACTURE');
    return c
      ? `${labelOf(g)} n ${c.n}, ${c.events === null || c.events === undefined ? `fractures ${withheld()}` : `${c.events} fractures`}, ${percent(c.atOneYear)} at 1 year, ${percent(c.atTwoYears)} at 2 years`
      : `${labelOf(g)}: no fracture`;
  });
  const withheldGroups = ordered([...new Set(s.curves.filter((c) => c.suppressed).map((c) => c.group))], KINDS);
  const note = `Solid: a new fracture; dashed: death before one (a competing risk, not a censoring). ${gray('NEW_FRACTURE', 'a new fracture')}; ${gray('DEATH', 'death')}. ${atYears.join('; ')}. ${suppressedNote(withheldGroups)} ${BAND_NOTE}`;
  const fractureTest = s.tests.find((x) => x.event === 'NEW_FRACTURE');
  const summary = sentence(
    `A new fracture within 1 year: ${listed([
      ...groups.map((g) => {
        const c = curves.find((x) => x.group === g && x.event === 'NEW_FRACTURE');
        return `${labelOf(g)} ${c ? percent(c.atOneYear) : 'none'}`;
      }),
      ...withheldGroups.filter((g) => !groups.includes(g)).map((g) => `${labelOf(g)} ${withheld()}`),
    ])}${fractureTest ? `; Gray's test ${formatP(fractureTest.p)}` : ''}`,
    'Cumulative incidence of a new fracture: see the table.',
  );
  const table = stepTable(
    'Cumulative incidence of a new fracture and of death before one (%, with 95% CI) by group and day',
    'Cumulative incidence (%)',
    groups.flatMap((g) =>
      (['NEW_FRACTURE', 'DEATH'] as const).flatMap((event) => {
        const c = curves.find((x) => x.group === g && x.event === event);
        if (!c) return [];
        return [
          {
            group: g,
            event: event === 'DEATH' ? 'Death before a fracture' : 'New fracture',
            steps: [{ day: 0, value: 0, lower: 0, upper: 0, atRisk: c.n ?? 0 }, ...c.steps.map((p) => ({ ...p, value: p.incidence }))],
          },
        ];
      }),
    ),
    withheldGroups.filter((g) => !groups.includes(g)),
  );
  return stepFigure(groups, series, 'Cumulative incidence (%)', undefined, note, { summary, table });
}

// New fractures and imaging (docs/methods.md, New fractures and imaging): the same dot-and-whisker
// rates as the responders and complications, so no new chart code reaches the bundle.
const LEVEL_ORDER = ['ANY', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'NOT_RECORDED'];

/** Patients with a new fracture within follow-up at each level (only the levels that occur). */
export function newFracturesByLevelFigure(data: CohortNewFracturesQuery): Figure {
  const levels = LEVEL_ORDER.filter((l) => data.byLevel.some((r) => r.category === l));
  return proportionFigure(data.byLevel, levels, 'Level of the new fracture', 'Patients with a new fracture there (%)', 'group-and-level', 'patients', {
    caption: 'Patients with a new fracture within follow-up (%) by group and level',
    subject: 'Patients with a new fracture',
    pick: 'first',
  });
}

/** Patients with a new fracture within follow-up adjacent to, or remote from, the index treatment's levels. */
export function newFracturesByAdjacencyFigure(data: CohortNewFracturesQuery): Figure {
  const kinds = ['ANY', 'ADJACENT', 'REMOTE'].filter((k) => data.byAdjacency.some((r) => r.category === k));
  return proportionFigure(data.byAdjacency, kinds, 'New fracture', 'Patients with a new fracture (%)', 'group-and-adjacency', 'patients', {
    caption: 'Patients with a new fracture within follow-up (%) by group, adjacent to or remote from the treated levels',
    subject: 'Patients with a new fracture',
    pick: 'first',
  });
}

/** A group imaged more often finds more fractures: said with the figure, where it is read. */
export const IMAGING_CAVEAT =
  'A group imaged more often finds more fractures, asymptomatic ones in particular: read a difference in new fractures beside this one.';

/** The share of completed visits with spine imaging done, per group and time point (visits, not patients). */
export function imagingFigure(data: CohortNewFracturesQuery): Figure {
  const points = TIME_POINTS.filter((tp) => data.imaging.some((r) => r.category === tp));
  const figure = proportionFigure(data.imaging, [...points], 'Time since first treatment', 'Visits with spine imaging (%)', 'group-and-time-point', 'visits', {
    caption: 'Completed visits with spine imaging (%) by group and time point',
    subject: 'Visits with spine imaging',
    pick: 'last',
  });
  return figure.option
    ? {
        ...figure,
        note: `${figure.note.replace('n (visits, largest per group)', 'n (completed visits that recorded imaging, largest per group)')} ${IMAGING_CAVEAT}`,
      }
    : figure;
}
