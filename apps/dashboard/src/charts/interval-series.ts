// Estimates with intervals, drawn the same way on every chart: per group at each category a
// whisker for its interval with a short bar at the estimate (dodged so groups do not overlap),
// or a line over time with a shaded band.
import { withheld } from './chart-text';
import { colourOf, labelOf } from './palette';
import { dayOf, timePointHeading } from './time-axis';
import { withheldStyle } from './withheld-bars';

export interface Interval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Shown in the tooltip, e.g. "45 of 78 patients". */
  detail?: string;
  /** Under the threshold: never drawn as a number (a placeholder, or a gap in a line), said as withheld. */
  withheld?: boolean;
}

export interface WhiskerOptions {
  /** A group's colour: by default its treatment's or its place among the groups (palette.ts). */
  colour?: (group: string, index: number) => string;
  /** The value axis' extent, which a withheld cell's placeholder spans: rates, 0 to 1. */
  span?: [number, number];
}

/**
 * A withheld estimate's slot: a box over the whole value axis, outlined with dashes and hatched
 * like a withheld bar (withheld-bars.ts). Spanning the axis, it marks where an estimate is missing
 * and cannot be read as one; it carries none of the cell's numbers.
 */
export function withheldBox(colour: string, [low, high]: [number, number] = [0, 1]) {
  return { value: [low, low, low, high, high], withheld: true as const, itemStyle: withheldStyle(colour) };
}

/**
 * Groups and categories are the API's codes (labelled with labelOf). One boxplot series per
 * group whose box is flattened onto the estimate: [lower, value, value, value, upper] draws the
 * interval as whiskers and the estimate as the bar between them. ECharts lays several boxplot
 * series of a category side by side, which dodges the groups; a boxplot costs the bundle far less
 * than a custom series. A withheld cell gets a placeholder in its group's slot (withheldBox).
 */
export function dotWhiskerSeries(
  groups: string[],
  categories: string[],
  get: (group: string, category: string) => Interval | undefined,
  format: (v: number) => string,
  { colour: colourFor = colourOf, span }: WhiskerOptions = {},
) {
  return groups.map((group, g) => {
    const colour = colourFor(group, g);
    const data = categories.map((category) => {
      const i = get(group, category);
      if (i?.withheld) return withheldBox(colour, span);
      if (!i || i.value === null) return { value: [] as number[], detail: undefined };
      return { value: [i.lower ?? i.value, i.value, i.value, i.value, i.upper ?? i.value], detail: i.detail };
    });
    return {
      type: 'boxplot' as const,
      name: labelOf(group),
      itemStyle: { color: colour, borderColor: colour, borderWidth: 2 },
      boxWidth: [8, 16],
      data,
      tooltip: {
        formatter: (p: { value: number[]; name: string; data: { detail?: string; withheld?: boolean }; seriesName: string }) => {
          if (p.data.withheld) return `${p.seriesName}<br/>${labelOf(p.name)}: <b>${withheld()}</b>`;
          // The item's value is [index, lower, estimate, estimate, estimate, upper].
          const [, lower, value, , , upper] = p.value;
          return `${p.seriesName}<br/>${labelOf(p.name)}: <b>${format(value)}</b> (95% CI ${format(lower)} – ${format(upper)})${p.data.detail ? `<br/>${p.data.detail}` : ''}`;
        },
      },
    };
  });
}

/** A cell whose estimate is withheld (under the threshold): a placeholder among dots and whiskers, a gap in a line, "withheld" in the tooltip. */
export const WITHHELD_INTERVAL: Interval = { value: null, lower: null, upper: null, withheld: true };

/**
 * A line per group over the time points, each at its target day (a value axis in days, see
 * time-axis.ts), with its interval as a shaded band. The band is two stacked invisible-line
 * series named like the group, so a click on the legend hides the line and its band together.
 */
export function lineBandSeries(groups: string[], timePoints: string[], get: (group: string, timePoint: string) => Interval | undefined) {
  return groups.flatMap((group, g) => {
    const colour = colourOf(group, g);
    const points = timePoints.map((c) => get(group, c));
    const at = (i: number, v: number | null | undefined) => [dayOf(timePoints[i]), v ?? null];
    const stack = `band-${group}`;
    const name = labelOf(group);
    // stackStrategy 'all': by default ECharts stacks a value only on others of its sign, so a band
    // whose lower limit is below zero (a change, an EQ-5D index) would be drawn from zero.
    const quiet = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false }, stackStrategy: 'all' as const };
    return [
      // Colour on the band series too: the legend takes its icon from the first series of a name.
      { ...quiet, type: 'line' as const, name, stack, itemStyle: { color: colour }, data: points.map((p, i) => at(i, p?.lower)) },
      {
        ...quiet,
        type: 'line' as const,
        name,
        stack,
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.15 },
        data: points.map((p, i) => at(i, p?.upper != null && p?.lower != null ? p.upper - p.lower : null)),
      },
      {
        type: 'line' as const,
        name,
        itemStyle: { color: colour },
        lineStyle: { width: 2 },
        symbolSize: 7,
        // A withheld or missing estimate has no y: a gap, never a number.
        data: points.map((p, i) => ({
          value: at(i, p?.value),
          timePoint: timePoints[i],
          detail: p?.detail,
          lower: p?.lower ?? null,
          upper: p?.upper ?? null,
          withheld: p?.withheld ?? false,
        })),
      },
    ];
  });
}

/**
 * Axis tooltip for lineBandSeries: the time point, then each group's estimate with its interval
 * (the third series of each group carries the data), or "withheld". A mean of one value has no
 * interval: none is printed.
 */
export function lineBandTooltip(digits: number) {
  return (
    ps: {
      seriesName: string;
      data: { value: (number | null)[]; timePoint: string; lower: number | null; upper: number | null; detail?: string; withheld: boolean };
      color: string;
      seriesIndex: number;
    }[],
  ) => {
    const main = ps.filter((p) => p.seriesIndex % 3 === 2 && (p.data.value[1] !== null || p.data.withheld));
    if (!main.length) return '';
    return (
      `${timePointHeading(main[0].data.timePoint)}<br/>` +
      main
        .map(({ data: d, ...p }) => {
          const [, v] = d.value as [number, number | null];
          const text =
            v === null
              ? withheld()
              : `<b>${v.toFixed(digits)}</b>${d.lower === null || d.upper === null ? '' : ` (95% CI ${d.lower.toFixed(digits)} – ${d.upper.toFixed(digits)})`}, ${d.detail}`;
          return `<span style="color:${p.color}">●</span> ${p.seriesName}: ${text}`;
        })
        .join('<br/>')
    );
  };
}
