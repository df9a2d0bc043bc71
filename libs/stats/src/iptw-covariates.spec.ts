import { propensityBin, propensityBinEdges, propensityOverlap } from './iptw-overlap';
import { selectCovariates } from './iptw-covariates';

describe('selectCovariates', () => {
  const specs = [
    { name: 'age', binary: false },
    { name: 'subacute', binary: true, factor: 'fractureAge' },
    { name: 'chronic', binary: true, factor: 'fractureAge' },
    { name: 'myeloma', binary: true, factor: 'cause' },
  ];
  it('leaves out a category nobody is in', () => {
    const s = selectCovariates(specs, [
      [70, 0, 1, 0],
      [80, 1, 0, 0],
      [75, 0, 0, 0],
    ]);
    expect(s).toEqual({ kept: [0, 1, 2], constant: [3], madeReference: [] });
  });
  it('makes the commonest level the reference when the reference level is empty (the indicators would sum to 1)', () => {
    const s = selectCovariates(specs, [
      [70, 0, 1, 1],
      [80, 1, 0, 0],
      [75, 0, 1, 0],
    ]);
    expect(s).toEqual({ kept: [0, 1, 3], constant: [], madeReference: [2] });
  });
});

describe('propensity overlap', () => {
  it('bins over 0..1 in fixed steps, 1 in the last bin', () => {
    expect(propensityBinEdges(4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect([0, 0.0999, 0.1, 0.95, 1].map((p) => propensityBin(p))).toEqual([0, 0, 1, 9, 9]);
    expect(() => propensityBin(1.2)).toThrow(RangeError);
  });
  it("bins each treatment's score by actual group, one score for two groups", () => {
    const ps = [[0.8, 0.2], [0.3, 0.7], null, [0.55, 0.45]];
    const h = propensityOverlap(ps, ['C', 'V', 'V', 'C'], ['C', 'V'], 2);
    expect(h).toEqual([
      { score: 'V', group: 'C', bins: [[0, 3], []] },
      { score: 'V', group: 'V', bins: [[], [1]] },
    ]);
    const three = propensityOverlap([[0.5, 0.3, 0.2]], ['A'], ['A', 'B', 'C'], 2);
    expect(three.map((x) => `${x.score}/${x.group}`)).toEqual(['A/A', 'A/B', 'A/C', 'B/A', 'B/B', 'B/C', 'C/A', 'C/B', 'C/C']);
    expect(three[0].bins).toEqual([[], [0]]);
  });
});
