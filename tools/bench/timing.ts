// Latency figures: warm-up runs are discarded (plans cached, pages in memory), then N timed runs.

export interface Timing {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the p95 of 15 runs is the 15th value, never an interpolation below a real run.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summarize(samples: number[]): Timing {
  return {
    runs: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

export interface TimingOptions {
  warmup: number;
  runs: number;
  /** Slow operations stop after this much measuring time, with at least minRuns runs. */
  budgetMs?: number;
  minRuns?: number;
}

export async function timeIt(fn: (run: number) => Promise<unknown>, options: TimingOptions): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  const began = Date.now();
  for (let i = 0; i < options.runs; i++) {
    if (options.budgetMs && i >= (options.minRuns ?? 5) && Date.now() - began > options.budgetMs) break;
    const started = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarize(samples);
}

/** One of the operations timed side by side: its run, and its own warm-up runs (before any timed run). */
export interface Interleaved {
  run: (run: number) => Promise<unknown>;
  warmup: number;
}

/**
 * Several operations timed in turn within each round (A, B, C, A, B, C, ...), so that a change in
 * the machine's load falls on all of them alike: their ratio compares runs made in the same
 * moments, not a block of one against a later block of the other. The budget bounds the whole.
 */
export async function timeInterleaved(ops: Interleaved[], options: Omit<TimingOptions, 'warmup'>): Promise<Timing[]> {
  for (const op of ops) for (let i = 0; i < op.warmup; i++) await op.run(-1 - i);
  const samples: number[][] = ops.map(() => []);
  const began = Date.now();
  for (let i = 0; i < options.runs; i++) {
    if (options.budgetMs && i >= (options.minRuns ?? 5) && Date.now() - began > options.budgetMs) break;
    for (let k = 0; k < ops.length; k++) {
      const started = process.hrtime.bigint();
      await ops[k].run(i);
      samples[k].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return samples.map(summarize);
}
