// The overlap figure of the adjusted comparison: for each treatment's propensity, its
// distribution in each actual group, one panel per treatment stacked vertically, as the share of
// the group's analysed patients in each fixed bin (groups differ in size; shares compare shapes).
import { listed, sentence, withheld } from '../charts/chart-text';
import { colourOf, labelOf } from '../charts/palette';
import type { CohortAdjustedQuery } from '../gql/graphql';
import { axisName, base, type Figure, NO_FIGURE, ordered } from '../overview/overview.options';

type Adjusted = CohortAdjustedQuery['adjustedComparison'];
const KINDS = ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'];
const PANEL = 150;

/** Height of the figure for this many panels. */
export const overlapHeight = (data: Adjusted) => 70 + PANEL * new Set(data.overlap.map((h) => h.score)).size + 40;

export function overlapFigure(data: Adjusted): Figure {
  const scores = ordered(
    data.overlap.map((h) => h.score),
    KINDS,
  );
  if (!scores.length) return NO_FIGURE;
  const groups = ordered(
    data.overlap.map((h) => h.group),
    KINDS,
  );
  const edges = data.overlapBinEdges;
  const bins = edges.slice(0, -1).map((lo, i) => `${lo.toFixed(1)}–${edges[i + 1].toFixed(1)}`);
  const nOf = (g: string) => data.weights.find((w) => w.group === g)?.n ?? null;
  let withheldBins = 0;
  const series = scores.flatMap((score, s) =>
    groups.map((group, k) => {
      const h = data.overlap.find((x) => x.score === score && x.group === group);
      const n = nOf(group);
      return {
        type: 'bar' as const,
        name: labelOf(group),
        xAxisIndex: s,
        yAxisIndex: s,
        barGap: '0%',
        itemStyle: { color: colourOf(group, k) },
        // A withheld bin (or a group whose n is withheld) is a gap, never a guess.
        data: (h?.counts ?? []).map((c) => {
          if (c === null) withheldBins++;
          return c === null || !n ? null : { value: c / n, count: c, n };
        }),
      };
    }),
  );
  const top = (s: number) => 30 + s * PANEL;
  const held = withheld();
  const cell = (score: string, group: string, bin: number) => {
    const c = data.overlap.find((x) => x.score === score && x.group === group)?.counts[bin];
    const n = nOf(group);
    if (c === undefined) return '–';
    return c === null || !n ? held : `${c} of ${n} (${((c / n) * 100).toFixed(1)} %)`;
  };
  return {
    summary: sentence(
      `Distribution of each treatment's estimated propensity in ${listed(groups.map((g) => `${labelOf(g)} (n ${nOf(g) ?? held})`))}, in ${bins.length} bins` +
        (withheldBins ? `; ${withheldBins} ${withheldBins === 1 ? 'bin' : 'bins'} ${held}` : ''),
      'Propensity overlap: see the table.',
    ),
    table: {
      caption: "Patients of each group (n, % of the group's analysed patients) in each bin of each treatment's estimated propensity",
      columns: ['Propensity of', 'Bin', ...groups.map(labelOf)],
      rowHeaders: 2,
      rows: scores.flatMap((score) => bins.map((bin, b) => [labelOf(score), bin, ...groups.map((g) => cell(score, g, b))])),
    },
    option: {
      ...base,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: { seriesName: string; name: string; data: { value: number; count: number; n: number } }) =>
          `${p.seriesName}: ${p.data.count} of ${p.data.n} patients (${(p.data.value * 100).toFixed(1)} %) with a propensity ${p.name}`,
      },
      legend: { ...base.legend, data: groups.map(labelOf) },
      // Each panel is named by its axis (the bundle carries no Title component).
      grid: scores.map((_, s) => ({ left: 64, right: 24, top: top(s), height: PANEL - 60 })),
      xAxis: scores.map((score, s) => ({
        type: 'category' as const,
        gridIndex: s,
        data: bins,
        axisLabel: { fontSize: 10 },
        ...axisName(`Estimated propensity of ${labelOf(score).toLowerCase()} (probability given the covariates)`, 24),
      })),
      yAxis: scores.map((_, s) => ({
        type: 'value' as const,
        gridIndex: s,
        min: 0,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}` },
        ...axisName('% of group', 36),
      })),
      series,
    },
    note: `n = ${groups.map((g) => `${labelOf(g)} ${nOf(g) ?? 'suppressed'}`).join(', ')}. ${
      withheldBins ? `${withheldBins} bins under the threshold are withheld (gaps).` : 'Nothing withheld.'
    }`,
  };
}
