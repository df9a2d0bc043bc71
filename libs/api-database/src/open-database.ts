import { types as pgTypes } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { DatabaseConfig } from './database.config';
import { EmbeddedPostgres } from './embedded-postgres';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCounterLogger } from './statement-counter.logger';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the
// server's time zone. int8 counts become numbers (registry counts fit in 2^53).
pgTypes.setTypeParser(1082, (v: string) => v);
pgTypes.setTypeParser(20, (v: string) => Number(v));

export interface Schema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export interface OpenDatabase {
  dataSource: DataSource;
  statements: StatementCounterLogger;
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

/** Options shared by every connection: migrations only, never synchronize. */
export function dataSourceOptions(
  connection: Partial<DataSourceOptions> & Record<string, unknown>,
  schema: Schema,
  poolSize: number,
  logger: StatementCounterLogger,
): DataSourceOptions {
  return {
    type: 'postgres',
    ...connection,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger,
    logging: ['error', 'warn'],
    maxQueryExecutionTime: 2000,
    extra: {
      max: poolSize,
      // A dead database must surface as an error quickly, not as a hung request.
      connectionTimeoutMillis: 5000,
      statement_timeout: 60000,
      application_name: 'vfr-api',
    },
  } as DataSourceOptions;
}

function credentials(url: string): { url: string } {
  return { url };
}

/**
 * Opens the registry's database: the server named by config.url, or the embedded PostgreSQL
 * under config.dataDir. The one definition used by the API, the migration CLI, tools and tests.
 */
export async function openDatabase(
  config: DatabaseConfig,
  schema: Schema,
  options: { loadDataDir?: Blob; inMemory?: boolean } = {},
): Promise<OpenDatabase> {
  const statements = new StatementCounterLogger();
  let embedded: EmbeddedPostgres | undefined;
  let connection: Record<string, unknown>;
  if (config.url) {
    connection =
      config.replicaUrls.length > 0
        ? { replication: { master: credentials(config.url), slaves: config.replicaUrls.map(credentials) } }
        : { url: config.url };
  } else {
    embedded = await EmbeddedPostgres.start({
      dataDir: options.inMemory || options.loadDataDir ? undefined : config.dataDir,
      loadDataDir: options.loadDataDir,
      maxConnections: config.poolSize,
    });
    connection = { ...embedded.connectionOptions() };
  }
  const dataSource = new DataSource(dataSourceOptions(connection, schema, config.poolSize, statements));
  try {
    await dataSource.initialize();
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return {
    dataSource,
    statements,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
