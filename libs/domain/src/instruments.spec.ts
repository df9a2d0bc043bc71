import { Eq5dValueSet, ScoreSource } from './enums';
import { eq5d5lIndex, eq5d5lIndexEngland, eq5dRange, isNrs, isPossibleOdi, ODI_POSSIBLE_VALUES, odiScore, odiValuesNear, rmdqScore } from './instruments';
import { scoreEq5d, scoreInstruments, scoreOdi, scoreRmdq } from './instruments.rules';

describe('ODI (Fairbank & Pynsent 2000)', () => {
  it('scores the total as a percentage of 5 x the sections answered', () => {
    expect(odiScore([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(100);
    expect(odiScore([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    // The paper's worked example: 16 points over 10 sections = 16/50 = 32 %.
    expect(odiScore([2, 1, 3, 2, 1, 2, 1, 2, 1, 1])).toBe(32);
    // One section missed: divided by 45 (the manual's rule): 16/45 = 35.6 %.
    expect(odiScore([2, 1, 3, 2, 1, 2, 1, 2, 2, null])).toBe(35.6);
    // Two missed: divided by 40: 20/40 = 50 %.
    expect(odiScore([5, 5, 5, 5, null, null, 0, 0, 0, 0])).toBe(50);
    // Three missed: not scored.
    expect(odiScore([2, 1, null, null, null, 2, 1, 2, 2, 1])).toBeNull();
    expect(() => odiScore([6, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/0-5/);
    expect(() => odiScore([0, 0, 0])).toThrow(/10 sections/);
  });

  it('knows every value an answer pattern can give: the multiples of 2, of 100/45 and of 2.5', () => {
    expect(ODI_POSSIBLE_VALUES[0]).toBe(0);
    expect(ODI_POSSIBLE_VALUES[ODI_POSSIBLE_VALUES.length - 1]).toBe(100);
    // 51 values with 10 sections, 46 with 9, 41 with 8, less the shared ones (0, 20, 40, 60, 80, 100 thrice; 10, 30, 50, 70, 90 with 8 and 10).
    const exact = new Set<string>();
    for (const n of [8, 9, 10]) for (let s = 0; s <= 5 * n; s++) exact.add(((100 * s) / (5 * n)).toFixed(6));
    expect(ODI_POSSIBLE_VALUES).toHaveLength(exact.size);
    for (const ok of [32, 35.6, 35.5556, 37.5, 37.8, 33.3, 2.2, 97.8, 0, 100]) expect(isPossibleOdi(ok)).toBe(true);
    for (const no of [37.3, 33, 1, 99, 50.4]) expect(isPossibleOdi(no)).toBe(false);
    expect(odiValuesNear(37.3)).toEqual([35.6, 36, 37.5, 37.8]);
  });

  it('stores items and the total computed from them; refuses a total that disagrees; marks a total alone', () => {
    expect(scoreOdi({ odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null] })).toEqual({
      scores: { odi: 35.6, odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null], odiSource: ScoreSource.ITEMS },
      issues: [],
    });
    expect(scoreOdi({ odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null], odi: 35.6 }).issues).toEqual([]);
    expect(scoreOdi({ odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null], odi: 40 }).issues).toEqual([
      { field: 'odi', rule: 'computedFromItems', message: 'odi is computed from odiItems (35.6); leave it empty or send that value (got 40)' },
    ]);
    // Too many missed: the items are kept, the index is not scored.
    expect(scoreOdi({ odiItems: [2, null, null, null, 1, 2, 1, 2, 2, 1] }).scores).toEqual({
      odi: null,
      odiItems: [2, null, null, null, 1, 2, 1, 2, 2, 1],
      odiSource: ScoreSource.ITEMS,
    });
    // All blank is no items.
    expect(scoreOdi({ odiItems: Array(10).fill(null), odi: 32 }).scores.odiSource).toBe(ScoreSource.TOTAL);
    expect(scoreOdi({ odi: 32 })).toEqual({ scores: { odi: 32, odiItems: null, odiSource: ScoreSource.TOTAL }, issues: [] });
    const refused = scoreOdi({ odi: 37.3 }).issues;
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ field: 'odi', rule: 'possibleValue' });
    expect(refused[0].message).toContain('odi 37.3 is not a value any answer pattern gives');
    expect(refused[0].message).toContain('35.6, 36, 37.5, 37.8');
  });
});

describe('RMDQ', () => {
  it('scores the number of statements answered yes, computed when the items are given', () => {
    const items = Array.from({ length: 24 }, (_, i) => i % 3 === 0);
    expect(rmdqScore(items)).toBe(8);
    expect(() => rmdqScore([true])).toThrow(/24/);
    expect(scoreRmdq({ rmdqItems: items }).scores).toEqual({ rmdq: 8, rmdqItems: items, rmdqSource: ScoreSource.ITEMS });
    expect(scoreRmdq({ rmdqItems: items, rmdq: 9 }).issues[0]).toMatchObject({ field: 'rmdq', rule: 'computedFromItems' });
    expect(scoreRmdq({ rmdq: 9 }).scores).toEqual({ rmdq: 9, rmdqItems: null, rmdqSource: ScoreSource.TOTAL });
  });
});

describe('EQ-5D-5L value sets', () => {
  // Published states, as the eq5d R package's tests give them (each value set's paper: 11111 = 1,
  // 55555 = the set's minimum).
  const STATES: Record<Eq5dValueSet, [number[], number][]> = {
    [Eq5dValueSet.ENGLAND]: [
      [[1, 1, 1, 1, 1], 1],
      [[5, 5, 5, 5, 5], -0.285],
      [[2, 3, 2, 4, 5], 0.247],
      [[1, 1, 1, 1, 2], 0.922],
      [[1, 1, 1, 2, 1], 0.937],
      [[1, 1, 2, 1, 1], 0.95],
      [[1, 2, 1, 1, 1], 0.95],
      [[2, 1, 1, 1, 1], 0.942],
    ],
    [Eq5dValueSet.GERMANY]: [
      [[1, 1, 1, 1, 1], 1],
      [[5, 5, 5, 5, 5], -0.661],
      [[2, 1, 1, 1, 1], 0.974],
      [[1, 2, 1, 1, 1], 0.95],
      [[1, 1, 2, 1, 1], 0.964],
      [[1, 1, 1, 2, 1], 0.943],
      [[1, 1, 1, 1, 2], 0.97],
      [[1, 2, 3, 4, 5], 0.141],
    ],
    [Eq5dValueSet.US]: [
      [[1, 1, 1, 1, 1], 1],
      [[5, 5, 5, 5, 5], -0.573],
      [[2, 1, 1, 1, 1], 0.904],
      [[1, 2, 1, 1, 1], 0.911],
      [[1, 1, 2, 1, 1], 0.932],
      [[1, 1, 1, 2, 1], 0.94],
      [[1, 1, 1, 1, 2], 0.943],
      [[2, 1, 3, 5, 4], 0.09],
    ],
  };
  for (const set of Object.values(Eq5dValueSet)) {
    it(`values published health states with the ${set} set`, () => {
      for (const [levels, value] of STATES[set]) expect([levels.join(''), eq5d5lIndex(levels, set)]).toEqual([levels.join(''), value]);
    });
  }

  it('gives each set its range, and refuses levels outside 1-5', () => {
    expect(eq5dRange(Eq5dValueSet.ENGLAND)).toEqual({ min: -0.285, max: 1 });
    expect(eq5dRange(Eq5dValueSet.GERMANY)).toEqual({ min: -0.661, max: 1 });
    expect(eq5dRange(Eq5dValueSet.US)).toEqual({ min: -0.573, max: 1 });
    expect(eq5d5lIndexEngland([1, 1, 1, 4, 1])).toBe(0.724);
    expect(() => eq5d5lIndex([0, 1, 1, 1, 1], Eq5dValueSet.US)).toThrow(/1-5/);
  });

  it("computes the index from the levels with the chosen set, and holds an index entered alone to that set's range", () => {
    expect(scoreEq5d({ eq5dLevels: [1, 2, 3, 4, 5] }, Eq5dValueSet.GERMANY).scores).toEqual({
      eq5dIndex: 0.141,
      eq5dLevels: [1, 2, 3, 4, 5],
      eq5dSource: ScoreSource.ITEMS,
      eq5dValueSet: Eq5dValueSet.GERMANY,
    });
    expect(scoreEq5d({ eq5dLevels: [1, 2, 3, 4, 5], eq5dIndex: 0.5 }, Eq5dValueSet.GERMANY).issues[0]).toMatchObject({
      field: 'eq5dIndex',
      rule: 'computedFromItems',
    });
    const england = scoreEq5d({ eq5dIndex: -0.9 }, Eq5dValueSet.ENGLAND).issues;
    expect(england).toEqual([
      {
        field: 'eq5dIndex',
        rule: 'valueSetRange',
        message: "eq5dIndex must lie from -0.285 (the minimum of the England value set, the registry's) to 1 (got -0.9)",
      },
    ]);
    // -0.5 is below England's minimum but within Germany's.
    expect(scoreEq5d({ eq5dIndex: -0.5 }, Eq5dValueSet.ENGLAND).issues).toHaveLength(1);
    expect(scoreEq5d({ eq5dIndex: -0.5 }, Eq5dValueSet.GERMANY)).toEqual({
      scores: { eq5dIndex: -0.5, eq5dLevels: null, eq5dSource: ScoreSource.TOTAL, eq5dValueSet: Eq5dValueSet.GERMANY },
      issues: [],
    });
    expect(scoreEq5d({}, Eq5dValueSet.US).scores).toEqual({ eq5dIndex: null, eq5dLevels: null, eq5dSource: null, eq5dValueSet: null });
  });

  it('scores all three at once and lists every refusal', () => {
    const { issues } = scoreInstruments({ odi: 37.3, eq5dIndex: -0.9, rmdqItems: Array(24).fill(false), rmdq: 3 }, Eq5dValueSet.ENGLAND);
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(['odi:possibleValue', 'rmdq:computedFromItems', 'eq5dIndex:valueSetRange']);
  });
});

describe('NRS', () => {
  it('accepts only whole NRS values from 0 to 10', () => {
    expect([0, 5, 10].every(isNrs)).toBe(true);
    expect([-1, 11, 4.5, '5', null].some(isNrs)).toBe(false);
  });
});
