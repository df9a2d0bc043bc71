import { formatP } from './cohorts.options';

describe('formatP', () => {
  it.each([
    [0.5, 'p = 0.500'],
    [0.0500435212487052, 'p = 0.050'],
    [0.001, 'p = 0.001'],
    [0.0004, 'p = 0.0004'],
    [0.0001, 'p = 0.0001'],
    [4e-5, 'p < 0.0001'],
    // R pchisq(200, 2, lower.tail = FALSE) and survdiff with complete separation (1.04e-22)
    [3.72007597602084e-44, 'p < 0.0001'],
    [1.04144276668911e-22, 'p < 0.0001'],
    [0, 'p < 0.0001'],
  ])('%e is shown as "%s"', (p, shown) => {
    expect(formatP(p)).toBe(shown);
  });

  it('says when there is no p', () => {
    expect(formatP(null)).toBe('not computable');
    expect(formatP(undefined)).toBe('not computable');
    expect(formatP(NaN)).toBe('not computable');
  });
});
