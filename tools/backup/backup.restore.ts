import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, MigrationInterface, QueryRunner } from 'typeorm';
import { DatabaseConfig, EmbeddedPostgres, openDatabase, Schema } from '@vfr/api-database';
import { MIGRATIONS_TABLE, Queryable, readCatalog, SEEDED_BY_MIGRATIONS } from './backup.catalog';
import { BackupError, BackupHeader, quoteIdent, TEXT_SETTINGS } from './backup.format';
import { pgSource } from './backup.source';
import { digestTables } from './backup.writer';
import { readBackup } from './backup.reader';

export interface RestoreResult {
  header: BackupHeader;
  /** Migrations newer than the backup, applied after its data. */
  newerMigrations: string[];
}

/** A schema's migration: a class TypeORM constructs without arguments, or a file path. */
type SchemaMigration = (new () => MigrationInterface) | string;

function migrationName(migration: SchemaMigration): string {
  if (typeof migration === 'string') return migration;
  const instance = new migration();
  return instance.name || migration.name;
}

function queryable(client: PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return (await client.query(sql, params)).rows as T[];
    },
  };
}

/** What is wrong with restoring into this database, or undefined when it is empty. */
async function refusal(db: Queryable, header: BackupHeader): Promise<string | undefined> {
  const [{ migrated }] = await db.query<{ migrated: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS migrated`, [`public.${MIGRATIONS_TABLE}`]);
  if (migrated) {
    const applied = await db.query<{ name: string }>(`SELECT name FROM public.${MIGRATIONS_TABLE} ORDER BY id`);
    const ahead = applied.map((m) => m.name).filter((n) => !header.migrations.some((m) => m.name === n));
    if (ahead.length > 0) {
      return `The target database was migrated past the backup (it has ${ahead.join(', ')}, which the backup's registry did not): restore into a new, empty database or an empty DATA_DIR.`;
    }
  }
  const catalog = await readCatalog(db);
  const filled: string[] = [];
  for (const t of catalog.tables) {
    if (SEEDED_BY_MIGRATIONS.includes(t.name)) continue;
    const [{ n }] = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${quoteIdent(t.name)}`);
    if (Number(n) > 0) filled.push(`${t.name}: ${n}`);
  }
  if (filled.length > 0) {
    return `The target database already holds data (${filled.join(', ')} rows): restore into an empty database, a new one made with createdb or an empty DATA_DIR.`;
  }
  return undefined;
}

/**
 * Restores a backup into the database of `config` (a server, or the embedded database in
 * DATA_DIR, which must not be in use), which must be empty:
 *
 * 1. the whole file is read and checked first (lengths, checksums, gzip): a damaged or cut file
 *    is refused before anything is written;
 * 2. in ONE transaction: the migrations the backup lists, and only those (so a backup made by an
 *    earlier release goes into the schema it was made with), every table by COPY in the backup's
 *    order (parents first: foreign keys and triggers stay on), the sequences, and a check that
 *    every table now renders to the bytes the header's checksum names; then commit;
 * 3. the migrations newer than the backup, as at any start.
 *
 * Anything wrong in 1 or 2 rolls everything back and is thrown as a sentence; an embedded
 * cluster this command created for the restore is removed again.
 */
export async function restoreBackup(
  file: string,
  config: DatabaseConfig,
  schema: Schema,
  log: (line: string) => void = () => undefined,
): Promise<RestoreResult> {
  const header = await readBackup(file);
  log(`Checked ${file}: ${header.tables.length} tables, made ${header.createdAt} from ${header.source.kind} PostgreSQL ${header.source.version}.`);

  // TypeORM types the list as Function | string; the functions in it are migration classes.
  const all = schema.migrations as SchemaMigration[];
  const known = new Map(all.map((m) => [migrationName(m), m]));
  const unknown = header.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} was made by a newer release: its registry has migrations this release does not know (${unknown.join(', ')}). Restore it with that release or a newer one.`,
    );
  }
  const backupMigrations = all.filter((m) => header.migrations.some((b) => b.name === migrationName(m)));

  const embeddedCluster = config.url ? undefined : path.join(path.resolve(config.dataDir), 'postgres');
  const clusterExisted = config.url ? true : EmbeddedPostgres.holdsCluster(config.dataDir) || fs.existsSync(embeddedCluster!);
  let committed = false;
  let db;
  try {
    db = await openDatabase(config, schema);
    const before = await refusal(db.dataSource, header);
    if (before) throw new BackupError(`${before} Nothing was written.`);

    // A DataSource on the same database whose migrations are the backup's.
    const options = db.dataSource.options;
    const restoring = new DataSource({
      ...options,
      migrations: backupMigrations,
      extra: { ...(options.extra as Record<string, unknown> | undefined), max: 1, statement_timeout: 0 },
    });
    await restoring.initialize();
    let runner: QueryRunner | undefined;
    try {
      runner = restoring.createQueryRunner('master');
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      const executor = new MigrationExecutor(restoring, runner);
      executor.transaction = 'none'; // inside this transaction: rolled back with the data
      const applied = await executor.executePendingMigrations();
      if (applied.length > 0) log(`Applied the backup's migrations: ${applied.map((m) => m.name).join(', ')}.`);

      const catalog = await readCatalog(queryable(client));
      for (const t of header.tables) {
        const target = catalog.tables.find((c) => c.name === t.name);
        const missing = target ? t.columns.filter((c) => !target.columns.includes(c)) : [];
        if (!target || missing.length > 0) {
          throw new BackupError(
            `The backup's table ${t.name}${missing.length ? ` (columns ${missing.join(', ')})` : ''} does not exist after its own migrations: the file does not match this release's migrations. Nothing was written.`,
          );
        }
      }
      // Nobody else writes meanwhile, and the target is still empty.
      if (catalog.tables.length > 0) await client.query(`LOCK TABLE ${catalog.tables.map((t) => `public.${quoteIdent(t.name)}`).join(', ')} IN EXCLUSIVE MODE`);
      const during = await refusal(queryable(client), header);
      if (during) throw new BackupError(`${during} Nothing was written.`);

      // analysis_patient is derived from the source tables (its triggers keep it). It is restored
      // as data, not recomputed: it belongs to the same snapshot as the rows it is derived from,
      // so the figures come back exactly as the registry showed them, its checksum is verified
      // like every table's, and a large registry restores in the time of a COPY instead of a full
      // recomputation (minutes for 100,000 patients). Its triggers therefore wait for this
      // transaction (the bulk loaders' switch); a migration newer than the backup that changes
      // the table recomputes it itself, as on any registry.
      await client.query(`SELECT set_config('vfr.analysis_deferred', 'on', true)`);
      // COPY reads and renders values under the settings the backup was written with.
      for (const [name, value] of Object.entries(TEXT_SETTINGS)) await client.query('SELECT set_config($1, $2, true)', [name, value]);
      for (const name of SEEDED_BY_MIGRATIONS) {
        if (catalog.tables.some((t) => t.name === name) && header.tables.some((t) => t.name === name))
          await client.query(`DELETE FROM public.${quoteIdent(name)}`);
      }
      await readBackup(file, async (table, data) => {
        const columns = table.columns.map(quoteIdent).join(', ');
        await pipeline(Readable.from(data), client.query(copyFrom(`COPY public.${quoteIdent(table.name)} (${columns}) FROM STDIN`)));
      });
      for (const s of header.sequences) {
        if (!catalog.sequences.includes(s.name)) continue;
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${quoteIdent(s.name)}`, s.lastValue, s.isCalled]);
      }
      const restored = await digestTables(
        pgSource(client, 'server'),
        header.tables.map((t) => ({ ...catalog.tables.find((c) => c.name === t.name)!, columns: t.columns })),
      );
      for (const [i, t] of header.tables.entries()) {
        const got = restored[i];
        if (got.sha256 !== t.sha256 || got.rows !== t.rows) {
          throw new BackupError(`Table ${t.name} did not come back as it was saved (${got.rows} rows of ${t.rows}, or different values): nothing was written.`);
        }
      }
      await runner.commitTransaction();
      committed = true;
    } catch (e) {
      if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (e instanceof BackupError) throw e;
      throw new BackupError(`The restore failed and was rolled back, nothing was written. PostgreSQL said: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await runner?.release();
      await restoring.destroy();
    }
    const newer = await db.dataSource.runMigrations({ transaction: 'each' });
    if (newer.length > 0) log(`Applied the migrations newer than the backup: ${newer.map((m) => m.name).join(', ')}.`);
    return { header, newerMigrations: newer.map((m) => m.name) };
  } finally {
    await db?.close();
    // An embedded cluster made only for this restore is removed again when the restore failed, so
    // that the next start does not take an empty cluster for a new registry and seed it.
    if (!committed && !clusterExisted && embeddedCluster) fs.rmSync(embeddedCluster, { recursive: true, force: true });
  }
}
