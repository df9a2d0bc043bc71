import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PoolClient } from 'pg';
import { DatabaseConfig, EmbeddedPostgres, openDatabase, redactUrl, Schema, StartupError } from '@vfr/api-database';
import { BackupError, BackupHeader, FILE_EXTENSION } from './backup.format';
import { pgSource } from './backup.source';
import { WriteOptions, writeBackup } from './backup.writer';
import { CliError } from '../cli-args';

/** The default file of `npm run backup`: backups/registry-<UTC timestamp>.vfrbackup. */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return path.join('backups', `registry-${stamp}${FILE_EXTENSION}`);
}

/**
 * Backs up the registry of `config`: a server, or the embedded database in DATA_DIR, shared with
 * the registry when it runs (through the server it started) and started here otherwise.
 */
export async function backupRegistry(config: DatabaseConfig, schema: Schema, file: string, options: WriteOptions = {}): Promise<BackupHeader> {
  // Not a new, empty cluster made just to find nothing in it (an earlier release's DATA_DIR is
  // left to openDatabase, which says how to convert it).
  if (!config.url && !EmbeddedPostgres.holdsCluster(config.dataDir) && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `There is no embedded database in ${config.dataDir}: nothing to back up. Set DATA_DIR to the registry's data directory, or DATABASE_URL to its server.`,
    );
  }
  const db = await openDatabase({ ...config, replicaUrls: [], poolSize: 1 }, schema, { shareRunning: true });
  try {
    const runner = db.dataSource.createQueryRunner('master');
    try {
      const client = (await runner.connect()) as PoolClient;
      return await writeBackup(pgSource(client, config.url ? 'server' : 'embedded'), file, options);
    } finally {
      await runner.release();
    }
  } finally {
    await db.close();
  }
}

const NAMES: [table: string, one: string, many: string][] = [
  ['site', 'site', 'sites'],
  ['app_user', 'user', 'users'],
  ['patient', 'patient', 'patients'],
  ['treatment', 'treatment', 'treatments'],
  ['assessment', 'visit', 'visits'],
  ['complication', 'complication', 'complications'],
  ['audit_event', 'audit event', 'audit events'],
];

/** "3 sites, 300 patients, ..." from a header's counts. */
export function describeCounts(header: BackupHeader): string {
  return NAMES.flatMap(([table, one, many]) => {
    const t = header.tables.find((x) => x.name === table);
    return t ? [`${t.rows.toLocaleString('en-US')} ${t.rows === 1 ? one : many}`] : [];
  }).join(', ');
}

export function describeTarget(config: DatabaseConfig): string {
  return config.url ? `the PostgreSQL server in DATABASE_URL (${redactUrl(config.url)})` : `the embedded database in ${config.dataDir}`;
}

export function fileSize(file: string): string {
  const bytes = fs.statSync(file).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Prints a refusal as its sentence alone, anything else with its cause, and exits 1. */
export function fail(what: string): (e: unknown) => never {
  return (e: unknown) => {
    if (e instanceof BackupError || e instanceof StartupError || e instanceof CliError) console.error(e.message);
    else console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  };
}
