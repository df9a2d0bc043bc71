import { eq5d5lIndexEngland, isNrs, odiScore, rmdqScore } from './instruments';

describe('instrument scoring', () => {
  it('scores the ODI as a percentage of the sections answered (Fairbank & Pynsent 2000)', () => {
    expect(odiScore([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(100);
    expect(odiScore([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    // 16 points over 10 sections: 16/50 = 32 %.
    expect(odiScore([2, 1, 3, 2, 1, 2, 1, 2, 1, 1])).toBe(32);
    // One section unanswered: 16/45 = 35.6 %.
    expect(odiScore([2, 1, 3, 2, 1, 2, 1, 2, 2, null])).toBe(35.6);
    expect(odiScore([2, 1, null, null, null, 2, 1, 2, 2, 1])).toBeNull();
    expect(() => odiScore([6, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/0-5/);
  });

  it('scores the RMDQ as the number of statements answered yes', () => {
    expect(rmdqScore(Array.from({ length: 24 }, (_, i) => i % 3 === 0))).toBe(8);
    expect(() => rmdqScore([true])).toThrow(/24/);
  });

  it('values EQ-5D-5L states with the England value set (Devlin et al. 2018)', () => {
    // Published anchors: full health 11111 = 1; the worst state 55555 = -0.285 (the set's minimum).
    expect(eq5d5lIndexEngland([1, 1, 1, 1, 1])).toBe(1);
    expect(eq5d5lIndexEngland([5, 5, 5, 5, 5])).toBe(-0.285);
    expect(eq5d5lIndexEngland([2, 1, 1, 1, 1])).toBe(0.942);
    expect(eq5d5lIndexEngland([1, 1, 1, 4, 1])).toBe(0.724);
    expect(() => eq5d5lIndexEngland([0, 1, 1, 1, 1])).toThrow(/1-5/);
  });

  it('accepts only whole NRS values from 0 to 10', () => {
    expect([0, 5, 10].every(isNrs)).toBe(true);
    expect([-1, 11, 4.5, '5', null].some(isNrs)).toBe(false);
  });
});
