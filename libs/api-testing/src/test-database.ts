import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig, openDatabase, OpenDatabase } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '../../../apps/api/src/schema';

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
 * Creating an embedded database takes seconds, loading a migrated image half a second: the first
 * test worker builds the image for the current migrations and every test file loads a copy.
 */
async function migratedTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `vfr-test-template-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const db = await openDatabase(embeddedConfig(), REGISTRY_SCHEMA, { inMemory: true });
    try {
      await db.dataSource.runMigrations({ transaction: 'each' });
      await db.dataSource.destroy();
      const image = await db.embedded!.db.dumpDataDir('gzip');
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await image.arrayBuffer()));
      fs.renameSync(tmp, file);
    } finally {
      await db.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

function embeddedConfig(): DatabaseConfig {
  return { replicaUrls: [], dataDir: '', poolSize: 4 };
}

export interface TestDatabase extends OpenDatabase {
  target: TestTarget;
}

/** A fresh, migrated, empty registry database for one test file. */
export async function openTestDatabase(target: TestTarget): Promise<TestDatabase> {
  if (target === 'embedded') {
    const db = await openDatabase(embeddedConfig(), REGISTRY_SCHEMA, { loadDataDir: await migratedTemplate() });
    return Object.assign(db, { target });
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
  await db.dataSource.runMigrations({ transaction: 'each' });
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
