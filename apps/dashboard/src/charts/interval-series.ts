// Estimates with intervals, drawn the same way on every chart: a dot per group at each category
// with a whisker for its interval (dodged so groups do not overlap), or a line with a shaded band.
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { colourOf, labelOf } from './palette';

export interface Interval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Shown in the tooltip, e.g. "45 of 78 patients". */
  detail?: string;
}

/**
 * Groups and categories are the API's codes (labelled with labelOf).
 * One custom series per group: data items are [categoryIndex, value, lower, upper]. Groups are
 * dodged sideways by a share of the category's width.
 */
export function dotWhiskerSeries(
  groups: string[],
  categories: string[],
  get: (group: string, category: string) => Interval | undefined,
  format: (v: number) => string,
) {
  return groups.map((group, g) => {
    const colour = colourOf(group, g);
    const data = categories.flatMap((category, c) => {
      const i = get(group, category);
      if (!i || i.value === null) return [];
      return [{ value: [c, i.value, i.lower ?? i.value, i.upper ?? i.value], detail: i.detail }];
    });
    return {
      type: 'custom' as const,
      name: labelOf(group),
      itemStyle: { color: colour },
      encode: { x: 0, y: [1, 2, 3], tooltip: [1, 2, 3] },
      data,
      tooltip: {
        formatter: (p: { value: number[]; data: { detail?: string }; seriesName: string }) =>
          `${p.seriesName}<br/>${labelOf(categories[p.value[0]])}: <b>${format(p.value[1])}</b> (95% CI ${format(p.value[2])} – ${format(p.value[3])})${p.data.detail ? `<br/>${p.data.detail}` : ''}`,
      },
      renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
        const band = (api.size!([1, 0]) as number[])[0];
        const dodge = groups.length > 1 ? ((g - (groups.length - 1) / 2) * band * 0.6) / groups.length : 0;
        const [x, y] = api.coord([api.value(0), api.value(1)]);
        const [, lo] = api.coord([api.value(0), api.value(2)]);
        const [, hi] = api.coord([api.value(0), api.value(3)]);
        const cx = x + dodge;
        const cap = Math.min(6, band * 0.08);
        const stroke = { stroke: colour, lineWidth: 1.5 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: cx, y1: lo, x2: cx, y2: hi }, style: stroke },
            { type: 'line', shape: { x1: cx - cap, y1: lo, x2: cx + cap, y2: lo }, style: stroke },
            { type: 'line', shape: { x1: cx - cap, y1: hi, x2: cx + cap, y2: hi }, style: stroke },
            { type: 'circle', shape: { cx, cy: y, r: 4.5 }, style: { fill: colour, stroke: '#fff', lineWidth: 1 } },
          ],
        };
      },
    };
  });
}

/**
 * A line per group with its interval as a shaded band. The band is two stacked invisible-line
 * series named like the group, so a click on the legend hides the line and its band together.
 */
export function lineBandSeries(
  groups: string[],
  categories: string[],
  get: (group: string, category: string) => Interval | undefined,
) {
  return groups.flatMap((group, g) => {
    const colour = colourOf(group, g);
    const points = categories.map((c) => get(group, c));
    const stack = `band-${group}`;
    const name = labelOf(group);
    const quiet = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } };
    return [
      // Colour on the band series too: the legend takes its icon from the first series of a name.
      { ...quiet, type: 'line' as const, name, stack, itemStyle: { color: colour }, data: points.map((p) => p?.lower ?? null) },
      {
        ...quiet, type: 'line' as const, name, stack, itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.15 },
        data: points.map((p) => (p?.upper != null && p?.lower != null ? p.upper - p.lower : null)),
      },
      {
        type: 'line' as const, name, itemStyle: { color: colour }, lineStyle: { width: 2 }, symbolSize: 7,
        data: points.map((p) => (p?.value == null ? null : { value: p.value, detail: p.detail, lower: p.lower, upper: p.upper })),
      },
    ];
  });
}

/** Axis tooltip for lineBandSeries: each group's estimate with its interval (the third series of each group carries the data). */
export function lineBandTooltip(digits: number) {
  return (ps: { seriesName: string; axisValue: string; data: { value: number; lower: number; upper: number; detail: string } | null; color: string; seriesIndex: number }[]) =>
    `${ps[0]?.axisValue}<br/>` + ps.filter((p) => p.seriesIndex % 3 === 2 && p.data).map((p) =>
      `<span style="color:${p.color}">●</span> ${p.seriesName}: <b>${p.data!.value.toFixed(digits)}</b> (95% CI ${p.data!.lower.toFixed(digits)} – ${p.data!.upper.toFixed(digits)}), ${p.data!.detail}`).join('<br/>');
}
