// The radiographic follow-up (docs/methods.md, Radiographic follow-up and loss of correction):
// per group from month 1, the loss of correction, the kyphotic angle or the anterior height, as
// lines with 95% bands (the trajectory's drawing, so no new chart code reaches the bundle).
import { lineBandSeries, lineBandTooltip, WITHHELD_INTERVAL } from '../charts/interval-series';
import { estimateTable, trendSummary } from '../charts/interval-text';
import { labelOf, TIME_POINTS } from '../charts/palette';
import { timeAxis } from '../charts/time-axis';
import type { CohortRadiographsQuery } from '../gql/graphql';
import { axisName, base, type Figure, NO_FIGURE, ordered } from '../overview/overview.options';

type Point = CohortRadiographsQuery['radiographicFollowUp'][number];

export type RadiographMeasure = 'lossOfCorrection' | 'kyphoticAngle' | 'anteriorHeight';

export const RADIOGRAPH_MEASURES: Record<RadiographMeasure, { label: string; axis: string }> = {
  lossOfCorrection: { label: 'Loss of correction', axis: 'Mean increase of the kyphotic angle (°)' },
  kyphoticAngle: { label: 'Kyphotic angle', axis: 'Mean kyphotic angle (°)' },
  anteriorHeight: { label: 'Anterior height', axis: 'Mean anterior height (% of the normal vertebra)' },
};

/** Where each group's loss is measured from, said in the legend and the note. */
const FROM: Record<string, string> = { AFTER_PROCEDURE: 'from after the procedure', M1_RADIOGRAPH: 'from month 1' };

/** Radiographs are taken more often after procedures: said with the figure, where it is read. */
export const RADIOGRAPH_CAVEAT = 'Radiographs are taken more often after procedures: each mean describes the patients radiographed, not the whole group.';

export function lossOfCorrectionFigure(rows: readonly Point[], measure: RadiographMeasure): Figure {
  const estimate = (r: Point | undefined) => r?.[measure] ?? null;
  if (!rows.some((r) => estimate(r)?.mean != null)) return NO_FIGURE;
  const groups = ordered(
    rows.map((r) => r.group),
    ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'],
  );
  const points = TIME_POINTS.filter((tp) => rows.some((r) => r.timePoint === tp));
  const find = (g: string, tp: string) => rows.find((r) => r.group === g && r.timePoint === tp);
  const loss = measure === 'lossOfCorrection';
  // In the loss view each group is named with its reference (conservative care has its own).
  const name = (g: string) => {
    const reference = rows.find((r) => r.group === g)?.lossReference;
    return loss && reference ? `${labelOf(g)} (${FROM[reference]})` : labelOf(g);
  };
  const series = lineBandSeries(groups, [...points], (g, tp) => {
    const e = estimate(find(g, tp));
    return e?.suppressed ? WITHHELD_INTERVAL : e && e.mean !== null ? { value: e.mean, lower: e.lower, upper: e.upper, detail: `n = ${e.n}` } : undefined;
  }).map((s) => ({ ...s, name: name(groups.find((g) => labelOf(g) === s.name)!) }));
  const suppressed = rows.filter((r) => estimate(r)?.suppressed).length;
  const what = loss
    ? 'Change of the kyphotic angle, positive where it increased (correction lost): vertebroplasty and kyphoplasty from the angle right after the procedure, conservative care from its month-1 radiograph.'
    : 'At the visit taken for each time point.';
  const get = (g: string, tp: string) => {
    const e = estimate(find(g, tp));
    return e ? { value: e.mean, lower: e.lower, upper: e.upper, n: e.n, suppressed: e.suppressed } : undefined;
  };
  const one = (v: number) => v.toFixed(1);
  const { label, axis } = RADIOGRAPH_MEASURES[measure];
  return {
    summary: trendSummary(loss ? 'Mean loss of correction' : `Mean ${label.toLowerCase()}`, groups, [...points], get, one, name),
    table: estimateTable({
      caption: `${axis} of the index level by group and time point, with 95% CI`,
      categoryHeader: 'Time since first treatment',
      valueHeader: axis,
      groups,
      categories: [...points],
      get,
      format: one,
      unit: 'patients radiographed',
      groupLabel: name,
    }),
    option: {
      ...base,
      tooltip: { trigger: 'axis', confine: true, formatter: lineBandTooltip(1) },
      legend: { ...base.legend, data: groups.map(name) },
      // The groups' long names take two rows of legend.
      grid: { ...base.grid, bottom: 104 },
      xAxis: timeAxis(points),
      yAxis: { type: 'value', scale: !loss, ...axisName(RADIOGRAPH_MEASURES[measure].axis, 44) },
      series,
    },
    note: `Mean with 95% CI (shaded). ${what} ${suppressed ? `${suppressed} group-and-time-point cells under the threshold are withheld (gaps in the lines).` : 'Nothing withheld.'} ${RADIOGRAPH_CAVEAT}`,
  };
}
