/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit-state generator, fast and good enough
 * for bootstrap resampling, and seedable so that an analysis can be reproduced exactly,
 * which Math.random cannot do.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n) from a generator returning [0, 1). */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
