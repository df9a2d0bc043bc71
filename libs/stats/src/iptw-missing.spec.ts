import { iptwObservedAnalysis, separatingIndicators } from './iptw-missing';
import { mulberry32 } from './random';

describe('the model of being observed leaves out separating indicators', () => {
  it('finds an indicator whose patients are all observed, or whose complement is, and no other', () => {
    // Column 0: everyone with it is observed (separates). Column 1: mixed on both sides. Column 2:
    // continuous. Column 3: everyone without it is observed (separates). Column 4: constant.
    const x = [
      [1, 1, 0.3, 0, 1],
      [0, 1, 1.2, 1, 1],
      [0, 0, 2.2, 1, 1],
      [1, 0, 0.1, 0, 1],
      [0, 1, 5.0, 0, 1],
      [0, 0, 3.3, 0, 1],
    ];
    const observed = [1, 0, 0, 1, 1, 1];
    expect([...separatingIndicators(x, observed)].sort()).toEqual([0, 3]);
    expect([...separatingIndicators(x, [1, 0, 1, 0, 1, 0])]).toEqual([]);
  });

  it('converges where a rare indicator would have separated the model, and leaves the estimate unchanged when nothing separates', () => {
    const rnd = mulberry32(20261201);
    const n = 400;
    const x: number[][] = [];
    const group: string[] = [];
    const y: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const age = rnd() * 2 - 1;
      const rare = i % 50 === 0 ? 1 : 0; // 8 patients, all observed below
      const g = rnd() < 1 / (1 + Math.exp(-age)) ? 'B' : 'A';
      x.push([age, rare]);
      group.push(g);
      const seen = rare === 1 || rnd() < 0.75;
      y.push(seen ? 1 + (g === 'B' ? 0.5 : 0) + age + (rnd() - 0.5) : null);
    }
    const a = iptwObservedAnalysis({ x, group, y, groups: ['A', 'B'] });
    expect(a.converged).toBe(true);
    expect(a.differences[0].adjusted.difference).toBeGreaterThan(0.2);
    expect(a.differences[0].adjusted.difference).toBeLessThan(0.8);
    // Without the rare indicator the model and the estimate are the same: it only carried "observed".
    const b = iptwObservedAnalysis({ x: x.map((r) => [r[0]]), group, y, groups: ['A', 'B'] });
    expect(a.observedProbability.filter((_, i) => y[i] !== null && x[i][1] === 0).length).toBeGreaterThan(0);
    expect(Math.abs(a.differences[0].adjusted.difference - b.differences[0].adjusted.difference)).toBeLessThan(0.05);
  });
});
