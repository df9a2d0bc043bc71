// npm run fuzz -- [--inputs N] [--seed S] [--patients N] [--out file]
// Starts the API on a fresh registry (a new database on the server in DATABASE_URL or
// TEST_DATABASE_URL, dropped afterwards; else an embedded one), fuzzes every mutation and every
// query that takes arguments, then checks the database for any invalid row.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import { Client } from 'pg';
import { openDatabase, OpenDatabase } from '@vfr/api-database';
import { DEMO_PASSWORD, seedDemoRegistry } from '@vfr/seed';
import { REGISTRY_SCHEMA, createApp } from '@vfr/api-app';
import { ApiClient } from '../bench/http-client';
import { runFuzz } from './fuzz-run';
import { createdSince, databaseNow, idPool, invariantViolations } from './invariants';
import { cliArgsOrExit } from '../cli-args';

const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: 'npm run fuzz -- [--inputs N] [--seed S] [--patients N] [--out file]',
  numbers: { inputs: { default: 20_000 }, seed: { default: Date.now() % 1_000_000_007 }, patients: { default: 300 } },
  strings: ['out'],
});
const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', 'fuzz-results.json'));

/** A new database on the server (dropped by close) or a new embedded one in a temporary directory. */
async function freshDatabase(server: string | undefined): Promise<{ db: OpenDatabase; close(): Promise<void> }> {
  if (!server) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-fuzz-'));
    const db = await openDatabase({ replicaUrls: [], dataDir, poolSize: 4 }, REGISTRY_SCHEMA);
    return {
      db,
      async close() {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `vfr_fuzz_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: server });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), replicaUrls: [], dataDir: '', poolSize: 10 }, REGISTRY_SCHEMA);
  return {
    db,
    async close() {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function main(): Promise<void> {
  const { inputs, seed } = ARGS.numbers;
  const server = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const fresh = await freshDatabase(server);
  await fresh.db.dataSource.runMigrations({ transaction: 'each' });
  await seedDemoRegistry(fresh.db.dataSource, { patients: ARGS.numbers.patients, seed: seed % 1000 });
  process.env.JWT_SECRET ??= crypto.randomBytes(24).toString('hex');
  const app = await createApp(fresh.db, { logger: false, closeDatabaseOnShutdown: false });
  await app.listen(0, '127.0.0.1');
  const t = { url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, db: fresh.db };
  let failed: boolean;
  try {
    const since = await databaseNow(t.db.dataSource);
    const client = new ApiClient(t.url);
    const login = (email: string) => client.login(email, DEMO_PASSWORD);
    const tokens = {
      admin: await login('admin@demo.registry'),
      coordinator: await login('coordinator.north@demo.registry'),
      researcher: await login('researcher@demo.registry'),
    };
    const started = Date.now();
    console.log(`Fuzzing ${t.url} (${server ? 'PostgreSQL server' : 'embedded database'}), seed ${seed}, ${inputs} inputs...`);
    const report = await runFuzz(t.url, tokens, await idPool(t.db.dataSource), { inputs, seed, progress: (n) => process.stdout.write(`\r  ${n} inputs`) });
    const seconds = (Date.now() - started) / 1000;
    const health = await fetch(`${t.url}/health`).then(
      (r) => r.status,
      () => 0,
    );
    const violations = await invariantViolations(t.db.dataSource, since);
    const created = await createdSince(t.db.dataSource, since);
    console.log(`\n\nInputs tried: ${report.inputs} in ${seconds.toFixed(0)} s over ${Object.keys(report.byOperation).length} operations and request shapes`);
    console.log(`Accepted (no error): ${report.accepted}; HTTP statuses: ${JSON.stringify(report.statuses)}`);
    console.log(`Rows the accepted inputs wrote: ${JSON.stringify(created)}`);
    console.log(`Health afterwards: ${health}`);
    console.log(`Findings (bare 5xx, unexpected errors, dropped connections): ${report.findings.length}`);
    for (const f of report.findings.slice(0, 20)) console.log(`  ${f.kind} ${f.operation} HTTP ${f.status}: ${f.detail.slice(0, 300)}`);
    console.log(`Invalid rows: ${violations.length ? violations.join('; ') : 'none'}`);
    failed = report.findings.length > 0 || violations.length > 0 || health !== 200;
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify({ measuredAt: new Date().toISOString(), seed, seconds, health, created, violations, ...report }, null, 2) + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await app.close();
    await fresh.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`Fuzzing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
