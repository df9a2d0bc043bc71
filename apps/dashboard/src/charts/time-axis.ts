// Trajectories are drawn against time, not against a list of visits: each time point at its target
// day from the index treatment (libs/domain's schedule), so that the first week takes the width
// of a week and the second year that of a year.
import { type TimePoint, timePointWindow } from '@vfr/domain';
import { labelOf } from './palette';

/** A scheduled time point's target day from the index treatment (baseline 0, W1 7, M24 730). */
export const dayOf = (timePoint: string): number => timePointWindow(timePoint as TimePoint)?.targetDay ?? NaN;

/** Before this day the points sit within a few pixels of each other: they share one label. */
const FIRST_WEEK = 14;

/**
 * A value axis in days, labelled at the time points rather than at round numbers. Month 1 to
 * Month 24 are labelled each ("M1" ... "M24": long names would overlap between M1 and M3 on a
 * half-width card); baseline, day 1 and week 1, a few pixels apart, share one label on a second
 * line that starts at day 0 and runs to the right, under the month labels.
 */
export function timeAxis(timePoints: readonly string[], name = 'Days since first treatment, to scale (D day, W week, M month)') {
  const days = timePoints.map(dayOf);
  const early = timePoints.filter((tp) => dayOf(tp) < FIRST_WEEK);
  const late = timePoints.filter((tp) => dayOf(tp) >= FIRST_WEEK);
  const ticks = [...(early.length ? [0] : []), ...late.map(dayOf)];
  const short = new Map(late.map((tp) => [dayOf(tp), tp]));
  // The early points by their short codes (D1, W1) like the months, baseline in full.
  const grouped = early.map((tp) => (tp === 'BASELINE' ? labelOf(tp) : tp)).join(', ');
  return {
    type: 'value' as const,
    min: 0,
    max: Math.max(...days),
    name,
    nameLocation: 'middle' as const,
    // Room for the early group's second line when there is one.
    nameGap: early.length ? 46 : 32,
    nameTextStyle: { color: '#3b4a5a' },
    // At the bottom of the plot even when the values go below zero (a change, an EQ-5D index).
    axisLine: { onZero: false },
    axisTick: { customValues: [...days] },
    axisLabel: {
      customValues: ticks,
      fontSize: 11,
      lineHeight: 15,
      alignMinLabel: 'left' as const,
      // Row one for the months; the early group's label has an empty first row.
      formatter: (day: number) => short.get(day) ?? ` \n${grouped}`,
    },
    splitLine: { show: true, lineStyle: { color: '#eef1f4' } },
  };
}

/** A time point as a tooltip heads it: "Month 3 (day 90)". */
export const timePointHeading = (timePoint: string): string => `${labelOf(timePoint)} (day ${dayOf(timePoint)})`;
