// What a chart says without its picture: a data table and a one-sentence summary, built by each
// figure's options builder from the same answer it draws. Screen readers get the summary as the
// chart's name and the table behind a toggle; the canvas itself is hidden from them, so they
// never hear ECharts' own description (series indices, unrounded floats, a suppressed count
// drawn at the threshold read out as a number).

/** A data table: column headers (with units) and rows whose first cells are row headers. */
export interface ChartTable {
  caption: string;
  /** Headers of every column, the row-header columns first. */
  columns: string[];
  /** How many leading cells of each row head it (th scope="row"). */
  rowHeaders: number;
  rows: string[][];
}

/** How a withheld count or a statistic built on one is written in a table or a sentence. */
export const withheld = (threshold?: number | null): string => (threshold ? `withheld (fewer than ${threshold})` : 'withheld (under the threshold)');

/**
 * A count with its thousands separated, "12,345", as `toLocaleString('en')` writes it, but by
 * hand for whole numbers: the first number Intl formats on a page costs 75 to 90 ms on a slow
 * machine (its locale data), on the overview's first screen, and each toLocaleString call builds
 * a new formatter besides. (The figures' text uses it; a page with a single count elsewhere keeps
 * toLocaleString, so that this module is not split into a chunk of its own.)
 */
export const countText = (n: number): string =>
  Number.isSafeInteger(n) ? `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}` : n.toLocaleString('en');

/** A finite number as printed (toFixed), or a dash: NaN, undefined and null are never printed. */
export const num = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));

/** A proportion as a percentage, like the tooltips ("45.0 %"). */
export const percent = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(digits)} %`;

/** "12.0 % – 30.5 %" or "1.2 – 3.4"; a dash when either end is missing. */
export const range = (lower: number | null | undefined, upper: number | null | undefined, format: (v: number) => string): string =>
  lower === null || lower === undefined || upper === null || upper === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)
    ? '–'
    : `${format(lower)} – ${format(upper)}`;

/** "a, b and c". */
export function listed(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A sentence from parts, checked: a NaN, "undefined" or "null" in a summary is a bug in the
 * builder, and a reader must never hear it; such a sentence is replaced by a plain one.
 */
export function sentence(text: string, fallback: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return /\b(NaN|undefined|null|Infinity)\b/.test(clean) || !clean ? fallback : /[.!?]$/.test(clean) ? clean : `${clean}.`;
}

/** "Figures as of 14:03:12", said of figures a standby served (docs/scaling.md). */
export function asOfSentence(asOf: string | undefined): string | null {
  if (!asOf) return null;
  const at = new Date(asOf);
  return `Figures as of ${at.toLocaleTimeString('en-GB')}, from a standby copy of the registry; what was saved since may not be in them yet.`;
}
