// Treatments started per period and kind. A small registry read by someone who sees small counts
// suppressed would get a chart of nothing but suppressed months; the period then widens to
// quarters or years, the finest at which most counts can be shown.

export enum VolumePeriod {
  AUTO = 'AUTO',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  kind: string;
  n: number;
  /** The sum of the counted records' keys (suppression.ts), 0 where counts are not perturbed. */
  k?: number;
}

/** How a bin's count is shown: the number, or null where it is withheld. */
export type ShowCount = (c: { n: number; k: number }) => number | null;

export interface VolumeBin {
  /** YYYY-MM, YYYY-Qn or YYYY */
  period: string;
  kind: string;
  count: number | null;
  suppressed: boolean;
}

/** AUTO takes the finest period at which at most this share of the non-empty counts is suppressed. */
export const AUTO_MAX_SUPPRESSED_SHARE = 0.25;

function label(month: string, period: Exclude<VolumePeriod, VolumePeriod.AUTO>): string {
  if (period === VolumePeriod.MONTH) return month;
  const year = month.slice(0, 4);
  return period === VolumePeriod.YEAR ? year : `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** Sums month counts (and their keys) into the period's bins; `show` gives each bin's count as shown. */
export function binVolumes(months: MonthCount[], period: Exclude<VolumePeriod, VolumePeriod.AUTO>, show: ShowCount): VolumeBin[] {
  const sums = new Map<string, { period: string; kind: string; n: number; k: number }>();
  for (const m of months) {
    const p = label(m.month, period);
    const key = `${p}|${m.kind}`;
    const bin = sums.get(key) ?? { period: p, kind: m.kind, n: 0, k: 0 };
    bin.n += m.n;
    bin.k += Number(m.k ?? 0);
    sums.set(key, bin);
  }
  return [...sums.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.kind.localeCompare(b.kind))
    .map((b) => {
      const count = show(b);
      return { period: b.period, kind: b.kind, count, suppressed: count === null };
    });
}

/** The bins at the period asked for, or for AUTO at the finest period most of whose counts show. */
export function volumesAt(months: MonthCount[], asked: VolumePeriod, show: ShowCount): { period: VolumePeriod; bins: VolumeBin[] } {
  if (asked !== VolumePeriod.AUTO) return { period: asked, bins: binVolumes(months, asked, show) };
  const choices = [VolumePeriod.MONTH, VolumePeriod.QUARTER, VolumePeriod.YEAR] as const;
  for (const period of choices) {
    const bins = binVolumes(months, period, show);
    if (bins.filter((b) => b.suppressed).length <= AUTO_MAX_SUPPRESSED_SHARE * bins.length) return { period, bins };
  }
  return { period: VolumePeriod.YEAR, bins: binVolumes(months, VolumePeriod.YEAR, show) };
}
