import { lineBandTooltip } from '../charts/interval-series';
import type { CohortRadiographsQuery } from '../gql/graphql';
import { lossOfCorrectionFigure, RADIOGRAPH_CAVEAT } from './loss-of-correction.options';

type Point = CohortRadiographsQuery['radiographicFollowUp'][number];
type Estimate = NonNullable<Point['lossOfCorrection']>;
const e = (mean: number | null, n: number | null, lower: number | null = null, upper: number | null = null): Estimate => ({
  n,
  mean,
  lower,
  upper,
  suppressed: n === null,
});
const WITHHELD = e(null, null);
const point = (group: string, timePoint: Point['timePoint'], loss: Estimate | null, angle = e(14, 30, 13, 15), height = e(80, 30, 78, 82)): Point => ({
  group,
  timePoint,
  lossReference: group === 'CONSERVATIVE' ? 'M1_RADIOGRAPH' : 'AFTER_PROCEDURE',
  lossOfCorrection: loss,
  kyphoticAngle: angle,
  anteriorHeight: height,
});
const option = (rows: Point[], measure: Parameters<typeof lossOfCorrectionFigure>[1] = 'lossOfCorrection') =>
  lossOfCorrectionFigure(rows, measure).option as any;

describe('loss of correction figure', () => {
  const rows = [
    point('VERTEBROPLASTY', 'M3', e(2.5, 40, -0.5, 5.5)),
    point('VERTEBROPLASTY', 'M1', e(1, 42, 0.2, 1.8)),
    point('CONSERVATIVE', 'M1', null),
    point('CONSERVATIVE', 'M3', e(4, 25, 3, 5)),
    point('KYPHOPLASTY', 'M3', WITHHELD, WITHHELD, WITHHELD),
  ];

  it('names each group with its reference, orders time points, and leaves the reference and withheld cells as gaps', () => {
    const o = option(rows);
    expect(o.legend.data).toEqual(['Conservative (from month 1)', 'Vertebroplasty (from after the procedure)', 'Kyphoplasty (from after the procedure)']);
    // Month 1 and month 3 at their days from the index treatment, on a value axis.
    expect(o.xAxis).toMatchObject({ type: 'value', axisLabel: { customValues: [30, 90] } });
    const lines = o.series.filter((_: unknown, i: number) => i % 3 === 2);
    expect(lines.map((s: any) => s.data.map((d: any) => d.value))).toEqual([
      [
        [30, null],
        [90, 4],
      ],
      [
        [30, 1],
        [90, 2.5],
      ],
      [
        [30, null],
        [90, null],
      ],
    ]);
    expect(lines[2].data.map((d: any) => d.withheld)).toEqual([false, true]);
    // Every series of a group carries its name, so the legend hides the line and its band together.
    expect(o.series.map((s: any) => s.name)).toEqual(o.legend.data.flatMap((n: string) => [n, n, n]));
    // A band below zero is stacked on its lower limit, not drawn from zero.
    expect(o.series.filter((s: any) => s.stack).every((s: any) => s.stackStrategy === 'all')).toBe(true);
    expect(o.yAxis.scale).toBe(false);
    const f = lossOfCorrectionFigure(rows, 'lossOfCorrection');
    expect(f.note).toContain('conservative care from its month-1 radiograph');
    expect(f.note).toContain('1 group-and-time-point cells under the threshold are withheld');
    expect(f.note).toContain(RADIOGRAPH_CAVEAT);
  });

  it('shows the angle or the height themselves, named plainly', () => {
    const o = option(rows, 'anteriorHeight');
    expect(o.legend.data).toEqual(['Conservative', 'Vertebroplasty', 'Kyphoplasty']);
    expect(o.series[2].data.map((d: any) => d.value[1])).toEqual([80, 80]);
    expect(o.yAxis.name).toMatch(/anterior height/);
    expect(lossOfCorrectionFigure(rows, 'kyphoticAngle').note).not.toContain('month-1 radiograph');
  });

  it('has nothing to draw when every cell is withheld or empty', () => {
    expect(lossOfCorrectionFigure([point('KYPHOPLASTY', 'M3', WITHHELD, WITHHELD, WITHHELD)], 'lossOfCorrection').option).toBeNull();
    expect(lossOfCorrectionFigure([], 'kyphoticAngle').option).toBeNull();
  });

  it('prints a mean of one value without an interval in the tooltip', () => {
    const o = option([point('VERTEBROPLASTY', 'M3', e(3, 1))]);
    const at = (i: number) => ({ seriesName: o.series[i].name, data: o.series[i].data[0], color: '#000', seriesIndex: i });
    expect(lineBandTooltip(1)([at(0), at(1), at(2)])).toBe(
      'Month 3 (day 90)<br/><span style="color:#000">●</span> Vertebroplasty (from after the procedure): <b>3.0</b>, n = 1',
    );
  });
});
