import { QueryTimeoutError } from '@vfr/domain';
import { mulberry32 } from '@vfr/stats';
import { AdjustedFitInput, fitAdjusted } from './adjusted.fits';
import { ADJUSTED_FITS as FITS, FitPool } from './fit-pool';

/** A registry's worth of patients: 12 covariates, three groups, confounded. */
function input(n: number): AdjustedFitInput {
  const u = mulberry32(11);
  const x: number[][] = [];
  const group: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: 12 }, (_, j) => (j < 3 ? 10 * u() : u() < 0.2 ? 1 : 0));
    const ev = Math.exp(-0.5 + 0.1 * row[0] + 0.5 * row[4]);
    const ek = Math.exp(-1 + 0.1 * row[1] - 0.4 * row[5]);
    const r = u() * (1 + ev + ek);
    x.push(row);
    group.push(r < 1 ? 'CONSERVATIVE' : r < 1 + ev ? 'VERTEBROPLASTY' : 'KYPHOPLASTY');
    y.push(5 + 0.2 * row[0] + u());
  }
  const rk = x.map(() => Math.floor(u() * 1e6));
  return {
    rows: { x, group, y, rk },
    population: { x, group, y: y.map((v, i) => (i % 7 === 0 ? null : v)), rk },
    groups: ['CONSERVATIVE', 'KYPHOPLASTY', 'VERTEBROPLASTY'],
    binary: Array.from({ length: 12 }, (_, j) => j >= 3),
    trimming: 'NONE',
    disclosure: { suppress: true, perturb: false, threshold: 11 },
  };
}

/** A pool made while the environment holds `env` (FitPool reads its settings when made). */
function poolWith(env: Record<string, string>): FitPool {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return new FitPool();
  } finally {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

/** Event-loop turns (a 5 ms timer) while `work` runs. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  const timer = setInterval(() => turns++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return turns;
}

describe('model fits on worker threads', () => {
  const data = input(8000);

  it('gives exactly the fit of the request thread, and leaves that thread free meanwhile', async () => {
    const pool = poolWith({ STATS_THREADS: '1' });
    try {
      const inline = fitAdjusted(data);
      let onWorker: unknown;
      const workerTurns = await turnsDuring(async () => (onWorker = await pool.run(FITS, 'fitAdjusted', data, fitAdjusted)));
      expect(onWorker).toEqual(inline);
      // The same fit in the request's thread (STATS_THREADS=0) lets no timer run until it ends.
      const inlinePool = poolWith({ STATS_THREADS: '0' });
      const inlineTurns = await turnsDuring(async () => inlinePool.run(FITS, 'fitAdjusted', data, fitAdjusted));
      expect(inlineTurns).toBe(0);
      expect(workerTurns).toBeGreaterThan(3);
    } finally {
      await pool.onModuleDestroy();
    }
  }, 120_000);

  it('gives up a fit past its time limit with QUERY_TIMEOUT, ending its thread, and fits again afterwards', async () => {
    const pool = poolWith({ STATS_THREADS: '1' });
    const small = input(300);
    try {
      // The thread started (compiling its modules) within the default limit.
      await expect(pool.run(FITS, 'fitAdjusted', small, fitAdjusted)).resolves.toEqual(fitAdjusted(small));
      await expect(pool.run(FITS, 'fitAdjusted', data, fitAdjusted, 20)).rejects.toBeInstanceOf(QueryTimeoutError);
      await expect(pool.run(FITS, 'fitAdjusted', small, fitAdjusted)).resolves.toEqual(fitAdjusted(small));
    } finally {
      await pool.onModuleDestroy();
    }
  }, 120_000);
});
