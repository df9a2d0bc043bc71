import * as os from 'node:os';
import * as path from 'node:path';
import { Eq5dValueSet } from '@vfr/domain';
import { StartupError } from './startup-error';

// The readers of the registry's settings, each with its rule (settings.ts lists every variable and
// documents it). main.ts checks them all before anything starts (registryConfigFromEnv); the parts
// of the API that need one read it through the same function, so that a value that breaks its
// rule can never be taken silently (an empty SMALL_CELL_THRESHOLD used to become 0 and turn
// suppression off).

/** Where the registry's data lives, read once from the environment. */
export interface DatabaseConfig {
  /** A PostgreSQL server; when absent the embedded database under dataDir is used. */
  url?: string;
  /**
   * The same database signed in as the schema's owner, for the migrations (and tools that
   * migrate); url is then the API's restricted role. Unset: url runs the migrations too.
   */
  migrationUrl?: string;
  /** Hot standbys that take the whole-cohort aggregates (DATABASE_REPLICA_URLS; see the README). */
  replicaUrls: string[];
  /** REPLICA_MAX_LAG_SECONDS (default 5). */
  replicaMaxLagSeconds?: number;
  dataDir: string;
  poolSize: number;
  /** DB_PREPARED_STATEMENTS: the reads of every request as named prepared statements (default on). */
  preparedStatements?: boolean;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const poolSize = wholeNumber('DB_POOL_SIZE', env.DB_POOL_SIZE, {
    min: 1,
    max: 100,
    meaning: 'connections in the pool',
    fallback: env.DATABASE_URL ? 20 : 4,
    fallbackText: '4 embedded, 20 with DATABASE_URL',
  });
  return {
    url: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    replicaMaxLagSeconds: replicaMaxLagSecondsFromEnv(env),
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    poolSize,
    preparedStatements: preparedStatementsFromEnv(env),
  };
}

/**
 * DB_PREPARED_STATEMENTS: `on` names the reads every request makes, so PostgreSQL plans them once
 * per connection (prepared-reads.ts); `off` for a pooler in transaction mode that does not keep
 * prepared statements (PgBouncer before 1.21), which would otherwise turn them off at its first refusal.
 */
export function preparedStatementsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.DB_PREPARED_STATEMENTS;
  if (raw === undefined || raw === '') return true;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new StartupError(
    `DB_PREPARED_STATEMENTS must be on or off (whether the reads of every request are prepared once per connection), not "${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}": correct it, or unset it for the default (on).`,
  );
}

/**
 * How far behind the primary a hot standby may be and still serve aggregates
 * (REPLICA_MAX_LAG_SECONDS): a standby further behind is skipped for another or the primary.
 */
export function replicaMaxLagSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('REPLICA_MAX_LAG_SECONDS', env.REPLICA_MAX_LAG_SECONDS, {
    min: 0,
    max: 3600,
    meaning: 'seconds a standby may be behind the primary',
    fallback: 5,
    fallbackText: '5',
  });
}

/**
 * How many whole-cohort aggregates run at once (AGGREGATE_CONCURRENCY): by default one per core,
 * at least two.
 */
export function aggregateConcurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('AGGREGATE_CONCURRENCY', env.AGGREGATE_CONCURRENCY, {
    min: 1,
    max: 256,
    meaning: 'dashboard and analytics queries run at once',
    fallback: Math.max(2, os.availableParallelism()),
    fallbackText: 'one per core, at least 2',
  });
}

/**
 * Worker threads for the model fits (STATS_THREADS): by default one fewer than the cores (the
 * request thread keeps one), at least one, at most four. 0 fits in the request's own thread.
 */
export function statsThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('STATS_THREADS', env.STATS_THREADS, {
    min: 0,
    max: 64,
    meaning: 'worker threads for the model fits',
    fallback: Math.min(4, Math.max(1, os.availableParallelism() - 1)),
    fallbackText: 'one fewer than the cores, from 1 to 4',
  });
}

/**
 * How long a whole-cohort aggregate, or one read of an export, may run (AGGREGATE_TIMEOUT_MS):
 * by default 30 s. Past it the figure is refused with a clear error rather than keeping a place
 * (and a connection) for an answer nobody is waiting for any more.
 */
export function aggregateTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('AGGREGATE_TIMEOUT_MS', env.AGGREGATE_TIMEOUT_MS, { min: 100, max: 3_600_000, meaning: 'milliseconds', fallback: 30_000 });
}

/** The HTTP port (PORT): 0 asks the system for a free one (tests). */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('PORT', env.PORT, { min: 0, max: 65535, meaning: '0 for any free port', fallback: 3000, range: 'from 1 to 65535' });
}

/**
 * The idle limit (TOKEN_TTL_MINUTES): how long each token lasts, so how long a session survives
 * without activity (every request and every refresh brings a fresh token); at most a day.
 */
export function tokenTtlMinutesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('TOKEN_TTL_MINUTES', env.TOKEN_TTL_MINUTES, { min: 1, max: 1440, meaning: 'minutes; 1440 is a day', fallback: 60 });
}

/** The absolute limit (SESSION_MAX_HOURS): no session outlives it, however active; at most a week. */
export function sessionMaxHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, { min: 1, max: 168, meaning: 'hours from the sign-in; 168 is a week', fallback: 12 });
}

/**
 * TEST_TOKEN_TTL_SECONDS: an idle limit of seconds for the end-to-end tests (which cannot wait an
 * hour to see a session expire); it replaces TOKEN_TTL_MINUTES and is refused in production.
 */
export function testTokenTtlSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  if (env.TEST_TOKEN_TTL_SECONDS === undefined || env.TEST_TOKEN_TTL_SECONDS === '') return null;
  if (env.NODE_ENV === 'production') throw new StartupError('TEST_TOKEN_TTL_SECONDS is for tests only: unset it when NODE_ENV=production.');
  return wholeNumber('TEST_TOKEN_TTL_SECONDS', env.TEST_TOKEN_TTL_SECONDS, { min: 5, max: 3600, meaning: 'seconds, for tests only', fallback: 60 });
}

/**
 * The smallest count shown to researchers and department heads (SMALL_CELL_THRESHOLD). At least
 * 5: below that, suppression would show groups of two or three patients.
 */
export function smallCellThresholdFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber('SMALL_CELL_THRESHOLD', env.SMALL_CELL_THRESHOLD, {
    min: 5,
    max: 100,
    meaning: 'the smallest count shown to researchers and department heads',
    fallback: 11,
  });
}

/**
 * The EQ-5D-5L value set the registry values health states with (EQ5D_VALUE_SET): ENGLAND (the
 * default), GERMANY or US. Each visit stores the set its index was computed with, so that a
 * change of setting leaves the stored indexes recomputable and never mixes sets silently.
 */
export function eq5dValueSetFromEnv(env: NodeJS.ProcessEnv = process.env): Eq5dValueSet {
  const raw = env.EQ5D_VALUE_SET;
  if (raw === undefined) return Eq5dValueSet.ENGLAND;
  const value = raw.trim().toUpperCase();
  if ((Object.values(Eq5dValueSet) as string[]).includes(value)) return value as Eq5dValueSet;
  throw new StartupError(
    `EQ5D_VALUE_SET must be one of ${Object.values(Eq5dValueSet).join(', ')} (the EQ-5D-5L value set), ${raw.trim() === '' ? 'not empty' : `not "${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}"`}: correct it, or unset it for the default (ENGLAND).`,
  );
}

export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * The secret that signs tokens (JWT_SECRET). Required in production, and long enough not to be
 * guessed; elsewhere, unset means a random secret for this process. Messages never repeat it.
 */
export function jwtSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const secret = env.JWT_SECRET || undefined;
  if (env.NODE_ENV !== 'production') return secret;
  const advice = `set it to a random text of at least ${MIN_JWT_SECRET_LENGTH} characters, e.g. the output of "openssl rand -hex 32"`;
  if (!secret) throw new StartupError(`JWT_SECRET must be set when NODE_ENV=production: ${advice}.`);
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    throw new StartupError(`JWT_SECRET has ${secret.length} characters, too few to be safe when NODE_ENV=production: ${advice}.`);
  }
  return secret;
}

/**
 * A whole number within its range, or the default when the variable is unset. Anything else (empty,
 * a fraction, "1e3", a word) stops the start with a sentence naming the variable and its rule.
 */
export function wholeNumber(
  name: string,
  raw: string | undefined,
  rule: { min: number; max: number; meaning: string; fallback: number; fallbackText?: string; range?: string },
): number {
  if (raw === undefined) return rule.fallback;
  const value = raw.trim();
  if (/^\d{1,9}$/.test(value) && Number(value) >= rule.min && Number(value) <= rule.max) return Number(value);
  const got = value === '' ? 'not empty' : `not "${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}"`;
  throw new StartupError(
    `${name} must be a whole number ${rule.range ?? `from ${rule.min} to ${rule.max}`} (${rule.meaning}), ${got}: correct it, or unset it for the default (${rule.fallbackText ?? rule.fallback}).`,
  );
}
