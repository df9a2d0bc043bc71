import { overlapFigure } from './adjusted-overlap.options';

const data = {
  overlapBinEdges: [0, 0.5, 1],
  weights: [
    { group: 'CONSERVATIVE', n: 40 },
    { group: 'VERTEBROPLASTY', n: 20 },
  ],
  overlap: [
    { score: 'VERTEBROPLASTY', group: 'CONSERVATIVE', counts: [30, 10] },
    { score: 'VERTEBROPLASTY', group: 'VERTEBROPLASTY', counts: [null, 14] },
  ],
} as any;

describe('overlapFigure', () => {
  it("draws each group's share per bin, withheld bins as gaps, and says how many were withheld", () => {
    const f = overlapFigure(data);
    const series = (f.option as any).series;
    expect(series.map((s: any) => s.name)).toEqual(['Conservative', 'Vertebroplasty']);
    expect(series[0].data.map((d: any) => d.value)).toEqual([0.75, 0.25]);
    expect(series[1].data[0]).toBeNull();
    expect(series[1].data[1].value).toBeCloseTo(0.7, 12);
    expect((f.option as any).xAxis[0].data).toEqual(['0.0–0.5', '0.5–1.0']);
    expect(f.note).toBe('n = Conservative 40, Vertebroplasty 20. 1 bins under the threshold are withheld (gaps).');
  });
  it('has nothing to draw without histograms', () => {
    expect(overlapFigure({ ...data, overlap: [] }).option).toBeNull();
  });
});
