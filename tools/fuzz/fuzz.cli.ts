// npm run fuzz -- [--inputs N] [--seed S] [--patients N] [--out file]
// Starts the API on a fresh registry (a new database on the server in DATABASE_URL or
// TEST_DATABASE_URL, dropped afterwards; else an embedded one), fuzzes every mutation and every
// query that takes arguments, then checks the database for any invalid row.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ADMIN, COORD_NORTH, RESEARCHER, startTestApp } from '@vfr/api-testing';
import { runFuzz } from './fuzz-run';
import { createdSince, databaseNow, idPool, invariantViolations } from './invariants';

const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
  return v;
}
const outIndex = argv.indexOf('--out');
const OUT = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(__dirname, 'results', 'fuzz-results.json'));

async function main(): Promise<void> {
  const inputs = option('inputs', 20_000);
  const seed = option('seed', Date.now() % 1_000_000_007);
  const server = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (server) process.env.TEST_DATABASE_URL = server;
  const t = await startTestApp(server ? 'postgres' : 'embedded', { patients: option('patients', 300) });
  let failed = false;
  try {
    const since = await databaseNow(t.db.dataSource);
    const tokens = { admin: await t.login(ADMIN), coordinator: await t.login(COORD_NORTH), researcher: await t.login(RESEARCHER) };
    const started = Date.now();
    console.log(`Fuzzing ${t.url} (${server ? 'PostgreSQL server' : 'embedded database'}), seed ${seed}, ${inputs} inputs...`);
    const report = await runFuzz(t.url, tokens, await idPool(t.db.dataSource), { inputs, seed, progress: (n) => process.stdout.write(`\r  ${n} inputs`) });
    const seconds = (Date.now() - started) / 1000;
    const health = await fetch(`${t.url}/health`).then((r) => r.status, () => 0);
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
    await t.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`Fuzzing failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
