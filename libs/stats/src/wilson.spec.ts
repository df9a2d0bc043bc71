import { newcombeDifference, wilsonInterval } from './wilson';

describe('Wilson score interval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Stat Med 1998;17:857-872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i -> %f to %f (Newcombe 1998a, Table I)', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('keeps the bounds inside [0, 1], gives exact 0 / 1 at the extremes, and is symmetric in x <-> n - x', () => {
    expect(wilsonInterval(29, 29).lower).toBeCloseTo(1 - wilsonInterval(0, 29).upper, 12);
    expect(wilsonInterval(0, 5).lower).toBe(0);
    expect(wilsonInterval(5, 5).upper).toBe(1);
  });

  it('widens with the confidence level', () => {
    const a = wilsonInterval(15, 148, 0.9);
    const b = wilsonInterval(15, 148, 0.99);
    expect(b.upper - b.lower).toBeGreaterThan(a.upper - a.lower);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
  });
});

describe('Newcombe hybrid score interval for p1 - p2', () => {
  // Newcombe RG. Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 1998;17:873-890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i - %i/%i -> %f to %f (Newcombe 1998b, Table II)', (x1, n1, x2, n2, lower, upper) => {
    const ci = newcombeDifference(x1, n1, x2, n2);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });
});
