import { cellKey, cellKeyNoise, KEY_MODULUS, MAX_NOISE, noiseMoments, perturbCount } from './cell-key';
import { mulberry32, randomInt } from './random';

describe('cell-key perturbation', () => {
  it('has an unbiased table that never makes a count negative or moves it by more than 3', () => {
    for (let n = 0; n < 20; n++) {
      expect(noiseMoments(n).mean).toBeCloseTo(0, 12);
      for (let k = 0; k < KEY_MODULUS; k += 997) {
        const v = perturbCount(n, k);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v - n)).toBeLessThanOrEqual(MAX_NOISE);
      }
    }
    expect(perturbCount(0, 12345)).toBe(0); // an empty cell stays empty
    expect(noiseMoments(50).variance).toBeCloseTo(1.4, 12);
  });

  it('follows the table: uniform cell keys give each noise value with its probability', () => {
    const counts = new Map<number, number>();
    const steps = 200_000;
    for (let i = 0; i < steps; i++) {
      const noise = cellKeyNoise(40, Math.floor((i / steps) * KEY_MODULUS));
      counts.set(noise, (counts.get(noise) ?? 0) + 1);
    }
    expect((counts.get(0) ?? 0) / steps).toBeCloseTo(0.4, 3);
    expect((counts.get(3) ?? 0) / steps).toBeCloseTo(0.02, 3);
    expect((counts.get(-1) ?? 0) / steps).toBeCloseTo(0.2, 3);
  });

  it('gives a set of records the same figure however often and however it is asked', () => {
    const keys = [17, 99_001, 523_111, 1_000_000, 4];
    const a = perturbCount(
      keys.length,
      keys.reduce((s, k) => s + k, 0),
    );
    const b = perturbCount(
      keys.length,
      [...keys].reverse().reduce((s, k) => s + k, 0),
    );
    expect(a).toBe(b);
    expect(cellKey(-1)).toBe(KEY_MODULUS - 1);
  });

  // A simulation with a known truth: a registry of random record keys, and the differencing attack
  // that defeats per-query suppression (count of "age >= a" minus count of "age >= a + 1" gives
  // the single-year cell exactly). With perturbed counts the difference recovers the hidden cell
  // exactly only as often as the two independent noises happen to cancel.
  it('defeats differencing: two overlapping counts rarely reveal the small cell between them', () => {
    const random = mulberry32(20261201);
    let exact = 0;
    let trials = 0;
    let sumError = 0;
    for (let t = 0; t < 2000; t++) {
      const big = 40 + randomInt(random, 200);
      const small = 1 + randomInt(random, 10); // the hidden cell, under the threshold of 11
      const keys = Array.from({ length: big + small }, () => randomInt(random, KEY_MODULUS));
      const all = keys.reduce((s, k) => s + k, 0);
      const rest = keys.slice(small).reduce((s, k) => s + k, 0);
      const recovered = perturbCount(big + small, all) - perturbCount(big, rest);
      if (recovered === small) exact++;
      sumError += recovered - small;
      trials++;
    }
    // P(noise1 = noise2) for the table from 3 on: sum of p_i^2 = 0.2632.
    expect(exact / trials).toBeGreaterThan(0.22);
    expect(exact / trials).toBeLessThan(0.31);
    // Unbiased: the attack's error averages to 0, so perturbation does not distort totals.
    expect(Math.abs(sumError / trials)).toBeLessThan(0.1);
  });
});
