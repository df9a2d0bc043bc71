import * as fs from 'node:fs';
import * as path from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { DatabaseConfig } from './database.config';
import { DataDirLock, dataDirOwner } from './data-dir-lock';
import { EmbeddedPostgres } from './embedded-postgres';
import { PreparedReads } from './prepared-reads';
import { checkDatabaseUrl, explainConnectionError, StartupError } from './startup-error';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCounterLogger } from './statement-counter.logger';
import { Standbys } from './standbys';
import { connectionForUrl, editUrl } from './writable-host';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the
// server's time zone. int8 counts become numbers (registry counts fit in 2^53).
pgTypes.setTypeParser(1082, (v: string) => v);
pgTypes.setTypeParser(20, (v: string) => Number(v));

export interface Schema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the classes, as TypeORM's DataSourceOptions types them
  entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the classes, as TypeORM's DataSourceOptions types them
  migrations: MixedList<Function | string>;
}

export interface OpenDatabase {
  dataSource: DataSource;
  statements: StatementCounterLogger;
  /** The reads every request makes, as prepared statements (DB_PREPARED_STATEMENTS). */
  reads: PreparedReads;
  embedded?: EmbeddedPostgres;
  /** The hot standbys of DATABASE_REPLICA_URLS, for the aggregate reader (none: undefined). */
  standbys?: Standbys;
  close(): Promise<void>;
  /**
   * A second pool on the same database signed in as another role (the API's restricted role,
   * docs/access-control.md). Its close() closes that pool only; it shares the standbys.
   */
  connectAs?(login: { username: string; password?: string }, poolSize?: number): Promise<OpenDatabase>;
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
      // No statement_timeout here: node-postgres would send it as a startup parameter, which
      // PgBouncer refuses, and a session setting would not survive its transaction pooling. The
      // API's login role carries the default instead (STATEMENT_TIMEOUT in api-role.ts); whole-
      // cohort reads set their own per transaction (SET LOCAL). docs/scaling.md.
      application_name: 'vfr-api',
      // A DATABASE_URL with several hosts brings the Client that finds the writable one.
      ...(connection.extra as Record<string, unknown> | undefined),
    },
  } as DataSourceOptions;
}

export interface OpenOptions {
  /**
   * For tools that may run beside the registry (backup): when another process holds DATA_DIR,
   * connect to its embedded server instead of refusing.
   */
  shareRunning?: boolean;
}

/**
 * Opens the registry's database: the server named by config.url, or the embedded PostgreSQL
 * under config.dataDir (started here, and stopped by close). The one definition used by the API,
 * the migration CLI, tools and tests.
 */
export async function openDatabase(config: DatabaseConfig, schema: Schema, options: OpenOptions = {}): Promise<OpenDatabase> {
  const statements = new StatementCounterLogger();
  let embedded: EmbeddedPostgres | undefined;
  let lock: DataDirLock | undefined;
  let connection: Record<string, unknown>;
  if (config.url) {
    checkDatabaseUrl(config.url);
    for (const replica of config.replicaUrls) checkDatabaseUrl(replica);
    // Every read and write of the DataSource goes to the primary: sign-in, session checks, lists
    // and reads after a write must see the latest data. Only the aggregate reader uses the
    // standbys, through Standbys, which checks that each is reachable and fresh.
    connection = connectionForUrl(config.url);
  } else {
    const owner = options.shareRunning ? dataDirOwner(config.dataDir) : undefined;
    if (owner?.socketDir) {
      connection = { host: owner.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
    } else {
      if (isLegacyDataDir(config.dataDir)) throw legacyDataDirError(config.dataDir);
      lock = DataDirLock.acquire(config.dataDir);
      try {
        embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir });
        lock.describe({ socketDir: embedded.socketDir });
        // A killed registry leaves its server's socket directory; its server has stopped by now.
        EmbeddedPostgres.removeSocketDir(lock.previousOwner?.socketDir);
      } catch (e) {
        lock.release();
        throw e;
      }
      connection = { ...embedded.connectionOptions() };
    }
  }
  const dataSource = new DataSource(dataSourceOptions(connection, schema, config.poolSize, statements));
  try {
    await dataSource.initialize();
  } catch (e) {
    await embedded?.stop();
    lock?.release();
    throw explainConnectionError(e, config.url);
  }
  const base = connection;
  let standbys: Standbys | undefined;
  if (config.url && config.replicaUrls.length > 0) {
    standbys = new Standbys(config.replicaUrls, async () => (await dataSource.query<{ lsn: string }[]>(`SELECT pg_current_wal_lsn()::text AS lsn`))[0].lsn, {
      maxLagSeconds: config.replicaMaxLagSeconds ?? 5,
    });
    // The first check has a short deadline per standby: one that is down or hung delays the
    // start by at most that, and is used once it answers.
    await standbys.start();
  }
  return {
    dataSource,
    statements,
    reads: new PreparedReads(dataSource, config.preparedStatements ?? true),
    embedded,
    standbys,
    async close() {
      await standbys?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      lock?.release();
    },
    async connectAs(login, poolSize = config.poolSize) {
      const as: Record<string, unknown> = config.url ? connectionForUrl(withLogin(config.url, login)) : { ...base, ...login };
      const other = new StatementCounterLogger();
      const ds = new DataSource(dataSourceOptions(as, schema, poolSize, other));
      try {
        await ds.initialize();
      } catch (e) {
        throw explainConnectionError(e, config.url ? withLogin(config.url, { username: login.username }) : undefined);
      }
      return {
        dataSource: ds,
        statements: other,
        reads: new PreparedReads(ds, config.preparedStatements ?? true),
        embedded,
        standbys,
        async close() {
          if (ds.isInitialized) await ds.destroy();
        },
      };
    },
  };
}

/** The same server (or servers) and database, another role. */
function withLogin(url: string, login: { username: string; password?: string }): string {
  return editUrl(url, (one) => {
    const u = new URL(one);
    u.username = encodeURIComponent(login.username);
    u.password = login.password ? encodeURIComponent(login.password) : '';
    return u.toString();
  });
}

/** Releases before this one kept the embedded database (PostgreSQL in WebAssembly) in DATA_DIR itself. */
function isLegacyDataDir(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !EmbeddedPostgres.holdsCluster(dataDir);
}

function legacyDataDirError(dataDir: string): StartupError {
  return new StartupError(
    `${dataDir} holds a registry made by an earlier release (its embedded database ran in WebAssembly). Convert it once with \`npm run upgrade-data\` (nothing in it is changed; the converted copy goes to ${path.join(dataDir, 'postgres')}), then start again.`,
  );
}
