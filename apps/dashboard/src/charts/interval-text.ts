// The table and summary of the charts drawn with interval-series.ts: per group and category an
// estimate with its 95% interval and its n (or events of n), withheld where the API suppressed it.
import { type ChartTable, listed, range, sentence, withheld, countText } from './chart-text';
import { labelOf } from './palette';

export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number | null;
  /** For rates: the patients (or treatments, visits) with the event. */
  events?: number | null;
  suppressed: boolean;
}

type Get = (group: string, category: string) => Estimate | undefined;

/** "Month 12" -> "month 12" inside a sentence; codes of sites stay as they are. */
export const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

/** One row per group and category, in the chart's order: estimate, 95% CI, (events), n. */
export function estimateTable(o: {
  caption: string;
  categoryHeader: string;
  valueHeader: string;
  groups: string[];
  categories: string[];
  get: Get;
  format: (v: number) => string;
  /** The unit counted by n (and events), e.g. "patients". */
  unit: string;
  events?: boolean;
  threshold?: number | null;
  groupLabel?: (group: string) => string;
}): ChartTable {
  const held = withheld(o.threshold);
  const rows = o.groups.flatMap((g) =>
    o.categories.flatMap((c) => {
      const e = o.get(g, c);
      if (!e) return [];
      const head = [(o.groupLabel ?? labelOf)(g), labelOf(c)];
      if (e.suppressed) return [[...head, held, held, ...(o.events ? [held] : []), held]];
      const fmt = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : o.format(v));
      const count = (v: number | null | undefined) => (v === null || v === undefined ? '–' : countText(v));
      return [[...head, fmt(e.value), range(e.lower, e.upper, o.format), ...(o.events ? [count(e.events)] : []), count(e.n)]];
    }),
  );
  return {
    caption: o.caption,
    columns: ['Group', o.categoryHeader, o.valueHeader, '95% CI', ...(o.events ? [`With the event (${o.unit})`] : []), `n (${o.unit})`],
    rowHeaders: 2,
    rows,
  };
}

const shown = (e: Estimate | undefined): e is Estimate & { value: number } => !!e && !e.suppressed && e.value !== null && Number.isFinite(e.value);

/**
 * "Mean NRS pain fell from 7.6 at baseline to 3.1 at month 12 for Vertebroplasty and from 7.2 at
 * baseline to 3.8 at month 12 for Conservative." Each group from its first shown point to its
 * last; a group with nothing shown is said to be withheld.
 */
export function trendSummary(
  what: string,
  groups: string[],
  categories: string[],
  get: Get,
  format: (v: number) => string,
  name = labelOf,
  threshold?: number | null,
): string {
  const parts = groups.map((g) => {
    const points = categories.filter((c) => shown(get(g, c)));
    if (!points.length) return `was ${withheld(threshold)} for ${name(g)}`;
    const first = points[0];
    const last = points[points.length - 1];
    const a = get(g, first)!.value!;
    const b = get(g, last)!.value!;
    const at = (c: string) => `at ${inSentence(labelOf(c))}`;
    if (first === last) return `was ${format(a)} ${at(first)} for ${name(g)}`;
    const verb = format(b) === format(a) ? 'stayed' : b < a ? 'fell' : 'rose';
    return verb === 'stayed'
      ? `stayed at ${format(a)} from ${inSentence(labelOf(first))} to ${inSentence(labelOf(last))} for ${name(g)}`
      : `${verb} from ${format(a)} ${at(first)} to ${format(b)} ${at(last)} for ${name(g)}`;
  });
  return sentence(`${what} ${listed(parts)}`, `${what}: see the table.`);
}

/**
 * "Responders at month 12: Conservative 45.0 %, Vertebroplasty 60.2 % and Kyphoplasty withheld
 * (under the threshold)." At the last category with a shown estimate (time points) or the first
 * (kinds, where the first is "any").
 */
export function rateSummary(
  subject: string,
  groups: string[],
  categories: string[],
  get: Get,
  format: (v: number) => string,
  pick: 'first' | 'last',
  threshold?: number | null,
): string {
  const order = pick === 'last' ? [...categories].reverse() : categories;
  const category = order.find((c) => groups.some((g) => shown(get(g, c))));
  if (!category) return sentence(`${subject}: every estimate is ${withheld(threshold)}`, `${subject}: nothing to show.`);
  const parts = groups.map((g) => {
    const e = get(g, category);
    return `${labelOf(g)} ${shown(e) ? format(e.value) : e?.suppressed ? withheld(threshold) : 'not estimated'}`;
  });
  return sentence(`${subject}, ${inSentence(labelOf(category))}: ${listed(parts)}`, `${subject}: see the table.`);
}
