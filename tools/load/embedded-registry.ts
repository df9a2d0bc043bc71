// A throw-away embedded registry for load and fault runs: a temporary DATA_DIR seeded by the seed
// command (`npm run seed -- --patients N`, with DATA_DIR set and no DATABASE_URL), and SQL on it
// through @vfr/api-database: on the server of the API that holds it (the socket its lock names),
// or, when no process holds it, on an embedded server started for the check.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dataDirOwner, openDatabase } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { Sql } from '../bench/registry-setup';

const ROOT = path.resolve(__dirname, '../..');

/** An empty directory under the system's temporary directory, reachable by the server's user. */
export function makeDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vfr-${label}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** The environment of a command that must use the embedded database in dataDir. */
export function embeddedEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  delete env.DATABASE_REPLICA_URLS;
  return env;
}

/** `npm run seed -- --patients N` on the embedded database in dataDir (initdb, migrations, seed). */
export function seedEmbedded(dataDir: string, patients: number): { seconds: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), 'tools/seed/seed.cli.ts', '--patients', String(patients)], {
    cwd: ROOT,
    env: embeddedEnv(dataDir),
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`seeding the embedded registry in ${dataDir} failed (exit code ${r.status})`);
  return { seconds: (Date.now() - started) / 1000 };
}

export interface RegistrySql extends Sql {
  /** Whether this goes through the server of a running API (true) or one started for the check. */
  shared: boolean;
  close(): Promise<void>;
}

/**
 * SQL on the registry in dataDir: while an API holds it, on that API's own server; otherwise the
 * embedded server is started here (holding DATA_DIR's lock until close).
 */
export async function openRegistry(dataDir: string): Promise<RegistrySql> {
  const shared = Boolean(dataDirOwner(dataDir)?.socketDir);
  const db = await openDatabase({ dataDir, replicaUrls: [], poolSize: 2 }, REGISTRY_SCHEMA, { shareRunning: true });
  return {
    shared,
    query: (text: string, values?: unknown[]) => db.dataSource.query(text, values),
    close: () => db.close(),
  };
}

/** Removes a throw-away DATA_DIR (its server must have stopped). */
export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
