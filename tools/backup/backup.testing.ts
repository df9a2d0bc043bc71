// Helpers for the backup tests: per-table digests of a database, the commands run as a user runs
// them, scratch databases on the test server, and an earlier release's DATA_DIR.
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { CatalogTable, readCatalog } from './backup.catalog';
import { TEXT_SETTINGS } from './backup.format';
import { pgSource } from './backup.source';
import { digestTables } from './backup.writer';
import type { LegacyDataDirJob } from './legacy-data-dir.cli';

const ROOT = path.resolve(__dirname, '../..');

export type Digests = Record<string, { rows: number; sha256: string }>;

/**
 * Rows and SHA-256 of every table (as a backup would render them), in one snapshot. With `only`,
 * just those tables and, of each, the columns it names: what an earlier release's schema held.
 */
export async function digests(dataSource: DataSource, only?: CatalogTable[]): Promise<Digests> {
  const runner = dataSource.createQueryRunner('master');
  try {
    const client = (await runner.connect()) as PoolClient;
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      for (const [name, value] of Object.entries(TEXT_SETTINGS)) await client.query('SELECT set_config($1, $2, true)', [name, value]);
      const source = pgSource(client, 'server');
      let catalog = (await readCatalog(source)).tables;
      if (only) {
        catalog = catalog.flatMap((t) => {
          const kept = only.find((o) => o.name === t.name);
          return kept ? [{ ...t, columns: t.columns.filter((c) => kept.columns.includes(c)) }] : [];
        });
      }
      const tables = await digestTables(source, catalog);
      return Object.fromEntries(tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]));
    } finally {
      await client.query('ROLLBACK');
    }
  } finally {
    await runner.release();
  }
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run <backup|restore|upgrade-data>` as a user would, in a child process. */
export function runCommand(command: 'backup' | 'restore' | 'upgrade-data', args: string[], env: Record<string, string | undefined>): Promise<CommandResult> {
  const script = { backup: 'backup.cli.ts', restore: 'restore.cli.ts', 'upgrade-data': 'upgrade-data.cli.ts' }[command];
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATA_DIR;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), path.join(ROOT, 'tools/backup', script), ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** An empty directory the embedded server (another user when the tests run as root) can reach. */
export function emptyDataDir(prefix = 'vfr-backup-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the TEST_DATABASE_URL server. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `vfr_backup_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Names of the tables of a database's public schema (no tables: a database nothing was written to). */
export async function tableNames(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ relname: string }>(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND relkind = 'r' ORDER BY 1`,
    );
    return rows.map((r) => r.relname);
  } finally {
    await c.end();
  }
}

/** SHA-256 over the names and contents of every file under a directory. */
export function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      hash.update(path.relative(dir, p));
      if (e.isDirectory()) walk(p);
      else hash.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/**
 * Writes the DATA_DIR of an earlier release: a PGlite cluster in the directory itself, migrated
 * through the migration named (run on PGlite as TypeORM would run them) and holding the rows of
 * `source`, copied table by table with COPY; returns that release's tables and columns. PGlite
 * runs in a child process (legacy-data-dir.cli.ts says why).
 */
export async function makeLegacyDataDir(dir: string, source: DataSource, through: string): Promise<CatalogTable[]> {
  const o = source.options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string };
  const job: LegacyDataDirJob = {
    dir,
    source: o.url ? { connectionString: o.url } : { host: o.host, port: o.port, user: o.username, password: o.password, database: o.database },
    through,
  };
  const r = await new Promise<CommandResult>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), path.join(ROOT, 'tools/backup/legacy-data-dir.cli.ts'), JSON.stringify(job)], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  if (r.code !== 0) throw new Error(`writing the earlier release's DATA_DIR failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CatalogTable[];
}
