import * as os from 'node:os';
import * as path from 'node:path';

/** Where the registry's data lives, read once from the environment. */
export interface DatabaseConfig {
  /** A PostgreSQL server; when absent the embedded database under dataDir is used. */
  url?: string;
  /**
   * The same database signed in as the schema's owner, for the migrations (and tools that
   * migrate); url is then the API's restricted role. Unset: url runs the migrations too.
   */
  migrationUrl?: string;
  /** Hot standbys for reads (DESIGN.md section 8). */
  replicaUrls: string[];
  dataDir: string;
  poolSize: number;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const poolSize = Number(env.DB_POOL_SIZE ?? (env.DATABASE_URL ? 20 : 4));
  return {
    url: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    poolSize: Number.isFinite(poolSize) && poolSize > 0 ? poolSize : 4,
  };
}

/**
 * How many whole-cohort aggregates run at once (AGGREGATE_CONCURRENCY): by default one per core,
 * at least two.
 */
export function aggregateConcurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.AGGREGATE_CONCURRENCY);
  if (env.AGGREGATE_CONCURRENCY && (!Number.isInteger(configured) || configured < 1)) {
    throw new Error(`AGGREGATE_CONCURRENCY must be a positive whole number, got ${env.AGGREGATE_CONCURRENCY}`);
  }
  return env.AGGREGATE_CONCURRENCY ? configured : Math.max(2, os.availableParallelism());
}

/**
 * How long a whole-cohort aggregate, or one read of an export, may run (AGGREGATE_TIMEOUT_MS):
 * by default 30 s. Past it the figure is refused with a clear error rather than keeping a place
 * (and a connection) for an answer nobody is waiting for any more.
 */
export function aggregateTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.AGGREGATE_TIMEOUT_MS);
  if (env.AGGREGATE_TIMEOUT_MS && (!Number.isInteger(configured) || configured < 1)) {
    throw new Error(`AGGREGATE_TIMEOUT_MS must be a positive whole number of milliseconds, got ${env.AGGREGATE_TIMEOUT_MS}`);
  }
  return env.AGGREGATE_TIMEOUT_MS ? configured : 30_000;
}
