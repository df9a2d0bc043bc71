import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, Migration } from 'typeorm';
import { DatabaseConfig, EMBEDDED_API_LOGIN, ensureApiLogin, openDatabase, OpenDatabase } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { MIGRATIONS } from '@vfr/migrations';

export type TestTarget = 'embedded' | 'postgres';

/** The embedded database always; the PostgreSQL server as well when TEST_DATABASE_URL is set. */
export function testTargets(): TestTarget[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

function migrationsHash(): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * initdb and the migrations take seconds; copying a migrated cluster takes a tenth of one: the
 * first test file builds the cluster for the current migrations (in a directory beside its final
 * place, renamed into it when complete) and every test file starts the embedded server on a copy.
 */
async function migratedTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `vfr-test-cluster-${migrationsHash()}`);
  if (!fs.existsSync(path.join(dir, 'postgres', 'PG_VERSION'))) {
    const build = `${dir}.build-${process.pid}`;
    fs.rmSync(build, { recursive: true, force: true });
    const db = await openDatabase(embeddedConfig(build), REGISTRY_SCHEMA);
    try {
      await db.dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await db.close();
    }
    try {
      fs.renameSync(build, dir);
    } catch {
      fs.rmSync(build, { recursive: true, force: true }); // another worker finished first
    }
  }
  return dir;
}

function embeddedConfig(dataDir: string): DatabaseConfig {
  return { replicaUrls: [], dataDir, poolSize: 4 };
}

export interface TestDatabase extends OpenDatabase {
  target: TestTarget;
}

/**
 * A fresh, migrated, empty registry database for one test file. With `migrated: false` the
 * database has no migration applied yet (a migration's test then runs them up to the one before
 * it with migrateThrough, inserts the rows it must handle, and runs the rest).
 */
export async function openTestDatabase(target: TestTarget, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (target === 'embedded' && !migrated) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-test-'));
    const db = await openDatabase(embeddedConfig(dataDir), REGISTRY_SCHEMA);
    const close = db.close.bind(db);
    return Object.assign(db, {
      target,
      async close() {
        await close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    });
  }
  if (target === 'embedded') {
    const template = await migratedTemplate();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-test-'));
    fs.cpSync(path.join(template, 'postgres'), path.join(dataDir, 'postgres'), { recursive: true });
    const db = await openDatabase(embeddedConfig(dataDir), REGISTRY_SCHEMA);
    const close = db.close.bind(db);
    return Object.assign(db, {
      target,
      async close() {
        await close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    });
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `vfr_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), replicaUrls: [], dataDir: '', poolSize: 8 }, REGISTRY_SCHEMA);
  if (migrated) await db.dataSource.runMigrations({ transaction: 'each' });
  const close = db.close.bind(db);
  return Object.assign(db, {
    target,
    async close() {
      await close();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  });
}

/** The LOGIN role the app under test uses on a PostgreSQL server (a member of registry_api, made once per server). */
export const SERVER_API_LOGIN = { username: 'vfr_test_api', password: 'vfr-test-api-password' };

/**
 * A pool signed in as the API's restricted role (docs/access-control.md), on the same database:
 * the app under test serves through it, as a deployment does, while the test itself keeps the
 * owner's connection (db.dataSource) to set up and inspect.
 */
export async function openApiConnection(db: TestDatabase): Promise<OpenDatabase> {
  return db.connectAs!(await ensureTestApiLogin(db));
}

/** The API's restricted LOGIN role on this database's server, made if it is missing. */
export async function ensureTestApiLogin(db: TestDatabase): Promise<{ username: string; password?: string }> {
  const login = db.target === 'embedded' ? { username: EMBEDDED_API_LOGIN } : SERVER_API_LOGIN;
  await ensureApiLogin(db.dataSource, login.username, 'password' in login ? login.password : undefined);
  return login;
}

/**
 * Runs the migrations not yet applied, in order, up to and including the one named (its class
 * name, e.g. 'AddDeathAndDataIssues1795605000000'), or all of them; returns those it ran.
 */
export async function migrateThrough(db: TestDatabase, name?: string): Promise<Migration[]> {
  const last = name === undefined ? MIGRATIONS.length - 1 : MIGRATIONS.findIndex((m) => m.name === name);
  if (last < 0) throw new Error(`no migration is named ${name}`);
  const ds = new DataSource({ ...db.dataSource.options, migrations: MIGRATIONS.slice(0, last + 1), poolSize: 1 } as never);
  await ds.initialize();
  try {
    return await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** The class name of the migration just before the one named: what a migration's test migrates to first. */
export function migrationBefore(name: string): string {
  const i = MIGRATIONS.findIndex((m) => m.name === name);
  if (i < 1) throw new Error(`no migration precedes ${name}`);
  return MIGRATIONS[i - 1].name;
}
