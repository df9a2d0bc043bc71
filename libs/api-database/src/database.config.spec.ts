import * as os from 'node:os';
import {
  aggregateConcurrencyFromEnv,
  statsThreadsFromEnv,
  aggregateTimeoutFromEnv,
  databaseConfigFromEnv,
  jwtSecretFromEnv,
  portFromEnv,
  smallCellThresholdFromEnv,
  sessionMaxHoursFromEnv,
  testTokenTtlSecondsFromEnv,
  tokenTtlMinutesFromEnv,
} from './database.config';
import { registryConfigFromEnv } from './settings';
import { StartupError } from './startup-error';

// One rule per variable, each checked here with the values a person is likely to get wrong: empty,
// a word, a fraction, out of range. Every refusal is a StartupError: a sentence naming the
// variable, its rule and its default.

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(StartupError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

const WRONG_NUMBERS = ['', ' ', 'abc', '11.5', '1e3', '-3', '0x10', '12 cells', 'NaN', 'Infinity'];

describe('SMALL_CELL_THRESHOLD', () => {
  it('is 11 when unset, and any whole number from 5 to 100', () => {
    expect(smallCellThresholdFromEnv({})).toBe(11);
    expect(smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: '5' })).toBe(5);
    expect(smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: ' 20 ' })).toBe(20);
    expect(smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: '100' })).toBe(100);
  });

  it('stops the start rather than turning suppression off: empty, not a number, below 5', () => {
    for (const v of [...WRONG_NUMBERS, '0', '1', '4', '101'])
      expect(refusal(() => smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: v }))).toMatch(/^SMALL_CELL_THRESHOLD must be a whole number from 5 to 100/);
    expect(refusal(() => smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: 'abc' }))).toBe(
      'SMALL_CELL_THRESHOLD must be a whole number from 5 to 100 (the smallest count shown to researchers and department heads), not "abc": correct it, or unset it for the default (11).',
    );
    expect(refusal(() => smallCellThresholdFromEnv({ SMALL_CELL_THRESHOLD: '' }))).toMatch(/, not empty: correct it/);
  });
});

describe('JWT_SECRET', () => {
  const long = 'k'.repeat(32);
  it('is optional outside production (a random secret per process)', () => {
    expect(jwtSecretFromEnv({})).toBeUndefined();
    expect(jwtSecretFromEnv({ JWT_SECRET: '' })).toBeUndefined();
    expect(jwtSecretFromEnv({ JWT_SECRET: 'short' })).toBe('short');
  });

  it('is required in production, with at least 32 characters, and never repeated in the message', () => {
    expect(jwtSecretFromEnv({ NODE_ENV: 'production', JWT_SECRET: long })).toBe(long);
    expect(refusal(() => jwtSecretFromEnv({ NODE_ENV: 'production' }))).toMatch(
      /^JWT_SECRET must be set when NODE_ENV=production: set it to a random text of at least 32 characters/,
    );
    expect(refusal(() => jwtSecretFromEnv({ NODE_ENV: 'production', JWT_SECRET: '' }))).toMatch(/^JWT_SECRET must be set/);
    const short = refusal(() => jwtSecretFromEnv({ NODE_ENV: 'production', JWT_SECRET: 'hunter2-hunter2-hunter2-hunter2' }));
    expect(short).toMatch(/^JWT_SECRET has 31 characters, too few to be safe when NODE_ENV=production: set it to a random text of at least 32 characters/);
    expect(short).not.toContain('hunter2');
  });
});

describe('TOKEN_TTL_MINUTES', () => {
  it('is 60 when unset, and a whole number of minutes from 1 to 1440', () => {
    expect(tokenTtlMinutesFromEnv({})).toBe(60);
    expect(tokenTtlMinutesFromEnv({ TOKEN_TTL_MINUTES: '1' })).toBe(1);
    expect(tokenTtlMinutesFromEnv({ TOKEN_TTL_MINUTES: '1440' })).toBe(1440);
    for (const v of [...WRONG_NUMBERS, '0', '1441', '100000'])
      expect(refusal(() => tokenTtlMinutesFromEnv({ TOKEN_TTL_MINUTES: v }))).toMatch(
        /^TOKEN_TTL_MINUTES must be a whole number from 1 to 1440 \(minutes; 1440 is a day\), not .*: correct it, or unset it for the default \(60\)\.$/,
      );
  });
});

describe('SESSION_MAX_HOURS and TEST_TOKEN_TTL_SECONDS', () => {
  it('is 12 hours when unset, and a whole number of hours from 1 to 168', () => {
    expect(sessionMaxHoursFromEnv({})).toBe(12);
    expect(sessionMaxHoursFromEnv({ SESSION_MAX_HOURS: '168' })).toBe(168);
    for (const v of [...WRONG_NUMBERS, '0', '169'])
      expect(refusal(() => sessionMaxHoursFromEnv({ SESSION_MAX_HOURS: v }))).toMatch(
        /^SESSION_MAX_HOURS must be a whole number from 1 to 168 .*default \(12\)\.$/,
      );
  });

  it('takes a test-only idle limit in seconds, never in production', () => {
    expect(testTokenTtlSecondsFromEnv({})).toBeNull();
    expect(testTokenTtlSecondsFromEnv({ TEST_TOKEN_TTL_SECONDS: '20' })).toBe(20);
    expect(refusal(() => testTokenTtlSecondsFromEnv({ TEST_TOKEN_TTL_SECONDS: '2' }))).toMatch(/^TEST_TOKEN_TTL_SECONDS must be a whole number from 5 to 3600/);
    expect(refusal(() => testTokenTtlSecondsFromEnv({ NODE_ENV: 'production', TEST_TOKEN_TTL_SECONDS: '20' }))).toMatch(/for tests only/);
  });
});

describe('DB_POOL_SIZE', () => {
  it('is 4 embedded and 20 with a server when unset, and a whole number from 1 to 100', () => {
    expect(databaseConfigFromEnv({}).poolSize).toBe(4);
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://u@h/db' }).poolSize).toBe(20);
    expect(databaseConfigFromEnv({ DB_POOL_SIZE: '100' }).poolSize).toBe(100);
    for (const v of [...WRONG_NUMBERS, '0', '101'])
      expect(refusal(() => databaseConfigFromEnv({ DB_POOL_SIZE: v }))).toMatch(
        /^DB_POOL_SIZE must be a whole number from 1 to 100 \(connections in the pool\), not .*default \(4 embedded, 20 with DATABASE_URL\)\.$/,
      );
  });
});

describe('DB_PREPARED_STATEMENTS', () => {
  it('is on when unset, on or off when set, and refuses anything else by name', () => {
    expect(databaseConfigFromEnv({}).preparedStatements).toBe(true);
    expect(databaseConfigFromEnv({ DB_PREPARED_STATEMENTS: 'on' }).preparedStatements).toBe(true);
    expect(databaseConfigFromEnv({ DB_PREPARED_STATEMENTS: 'off' }).preparedStatements).toBe(false);
    for (const v of ['0', 'false', 'OFF', ' off'])
      expect(refusal(() => databaseConfigFromEnv({ DB_PREPARED_STATEMENTS: v }))).toMatch(
        /^DB_PREPARED_STATEMENTS must be on or off \(.*\), not ".*": correct it, or unset it for the default \(on\)\.$/,
      );
  });
});

describe('AGGREGATE_CONCURRENCY and AGGREGATE_TIMEOUT_MS', () => {
  it('take whole numbers in range, or their defaults', () => {
    expect(aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: '1' })).toBe(1);
    expect(aggregateTimeoutFromEnv({ AGGREGATE_TIMEOUT_MS: '100' })).toBe(100);
    for (const v of [...WRONG_NUMBERS, '0', '257'])
      expect(refusal(() => aggregateConcurrencyFromEnv({ AGGREGATE_CONCURRENCY: v }))).toMatch(
        /^AGGREGATE_CONCURRENCY must be a whole number from 1 to 256 .*default \(one per core, at least 2\)\.$/,
      );
    for (const v of [...WRONG_NUMBERS, '0', '99', '3600001'])
      expect(refusal(() => aggregateTimeoutFromEnv({ AGGREGATE_TIMEOUT_MS: v }))).toMatch(
        /^AGGREGATE_TIMEOUT_MS must be a whole number from 100 to 3600000 \(milliseconds\).*default \(30000\)\.$/,
      );
  });
});

describe('STATS_THREADS', () => {
  it('takes 0 (fits in the request thread) to 64, by default one fewer than the cores from 1 to 4', () => {
    expect(statsThreadsFromEnv({ STATS_THREADS: '0' })).toBe(0);
    expect(statsThreadsFromEnv({ STATS_THREADS: '3' })).toBe(3);
    expect(statsThreadsFromEnv({})).toBe(Math.min(4, Math.max(1, os.availableParallelism() - 1)));
    for (const v of [...WRONG_NUMBERS, '65'])
      expect(refusal(() => statsThreadsFromEnv({ STATS_THREADS: v }))).toMatch(
        /^STATS_THREADS must be a whole number from 0 to 64 \(worker threads for the model fits\).*default \(one fewer than the cores, from 1 to 4\)\.$/,
      );
  });
});

describe('PORT', () => {
  it('is 3000 when unset, 0 for any free port, at most 65535', () => {
    expect(portFromEnv({})).toBe(3000);
    expect(portFromEnv({ PORT: '0' })).toBe(0);
    expect(portFromEnv({ PORT: '8080' })).toBe(8080);
    for (const v of [...WRONG_NUMBERS, '65536'])
      expect(refusal(() => portFromEnv({ PORT: v }))).toMatch(
        /^PORT must be a whole number from 1 to 65535 \(0 for any free port\), not .*default \(3000\)\.$/,
      );
  });
});

describe('the whole configuration', () => {
  it('is read at once, with every default', () => {
    expect(registryConfigFromEnv({ PORT: '0', SMALL_CELL_THRESHOLD: '10' })).toMatchObject({
      port: 0,
      smallCellThreshold: 10,
      tokenTtlMinutes: 60,
      sessionMaxHours: 12,
      testTokenTtlSeconds: null,
      aggregateTimeoutMs: 30_000,
      jwtSecret: undefined,
      database: { poolSize: 4, replicaUrls: [] },
    });
  });

  it('names every variable to fix in one message, not one per attempt', () => {
    const message = refusal(() =>
      registryConfigFromEnv({ NODE_ENV: 'production', SMALL_CELL_THRESHOLD: 'abc', TOKEN_TTL_MINUTES: '0', DB_POOL_SIZE: '', PORT: 'http' }),
    );
    const sentences = message.split(/(?<=\.) (?=[A-Z_]+ )/);
    expect(sentences.map((s) => s.split(' ')[0])).toEqual(['PORT', 'DB_POOL_SIZE', 'JWT_SECRET', 'TOKEN_TTL_MINUTES', 'SMALL_CELL_THRESHOLD']);
  });
});
