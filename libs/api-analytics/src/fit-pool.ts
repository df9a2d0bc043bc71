import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { QueryTimeoutError } from '@vfr/domain';
import { aggregateTimeoutFromEnv, statsThreadsFromEnv } from '@vfr/api-database';

/** The module of the adjusted comparison's fits (adjusted.fits.ts), which the threads load as they start. */
export const ADJUSTED_FITS = require.resolve('./adjusted.fits');

const FROM_SOURCE = __filename.endsWith('.ts');

/**
 * Worker threads for the model fits (STATS_THREADS). A propensity model over a whole registry
 * takes a noticeable fraction of a second of pure computation; run in the request's own thread
 * it would hold up every other request of the process meanwhile (a coordinator's save, the
 * other figures of the same page). On a worker thread only the caller waits. A fit gets the
 * aggregates' time limit (AGGREGATE_TIMEOUT_MS): past it, queued or running, it is given up
 * (the thread running it is ended) and the caller gets QUERY_TIMEOUT. STATS_THREADS=0 fits in
 * the request's thread.
 */
@Injectable()
export class FitPool implements OnModuleInit, OnModuleDestroy {
  private readonly threads = statsThreadsFromEnv();
  private readonly timeoutMs = aggregateTimeoutFromEnv();
  private pool: Piscina | null = null;

  onModuleInit(): void {
    // Built, the threads start with the process. From the TypeScript sources (tests, tools) they
    // start at the first fit instead: compiling the fits on a thread for every test application
    // would cost each a second of CPU, and most never fit a model.
    if (this.threads > 0 && !FROM_SOURCE) this.workers();
  }

  /** Runs `name`, an export of the module `file` (require.resolve's answer), on a worker thread; `inline` is the same function, for STATS_THREADS=0. */
  async run<I, O>(file: string, name: string, input: I, inline: (input: I) => O, timeoutMs = this.timeoutMs): Promise<O> {
    if (this.threads === 0) return inline(input);
    try {
      return (await this.workers().run(input, { filename: file, name, signal: AbortSignal.timeout(timeoutMs) })) as O;
    } catch (e) {
      if ((e as Error)?.name === 'AbortError' || (e as Error)?.name === 'TimeoutError') throw new QueryTimeoutError(undefined, { cause: e });
      throw e;
    }
  }

  private workers(): Piscina {
    if (!this.pool) {
      this.pool = new Piscina({
        maxThreads: this.threads,
        minThreads: this.threads,
        // The threads start with the process and load the fits at once, so that a request's
        // time limit is spent on its fit, not on starting a thread.
        filename: ADJUSTED_FITS,
        name: 'fitAdjusted',
        // Run from the TypeScript sources (tests, tools), the threads compile them as the process does.
        ...(FROM_SOURCE ? { execArgv: ['--require', require.resolve('@swc-node/register')], env: { ...process.env, SWC_NODE_PROJECT: tsconfig() } } : {}),
      });
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}

/** The workspace's tsconfig.json, whose path aliases the threads' compiler resolves, as tools/run-ts.js does. */
function tsconfig(): string {
  return path.resolve(__dirname, '../../../tsconfig.json');
}
