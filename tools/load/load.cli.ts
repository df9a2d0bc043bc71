// npm run load -- [--seconds 60] [--writers 50] [--readers 10] [--in-place] [--out file]
// 50 coordinators' visit writes and 10 department heads' dashboard reads at once against the
// built API on loopback, for a fixed time; afterwards every acknowledged write must be in the
// database exactly once. Runs on a throwaway copy of the registry in DATABASE_URL (or
// TEST_DATABASE_URL) unless --in-place.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Pool } from 'pg';
import { ApiClient } from '../bench/http-client';
import { BENCH_USERS, ensureBenchUsers, registrySize, rowsOf } from '../bench/registry-setup';
import { machine } from '../bench/machine';
import { buildIfStale, startApi } from './api-process';
import { latencySummary, runLoad, verifyWrites, visitTargets } from './load-run';
import { copyDatabase } from './scratch-database';

const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const outIndex = argv.indexOf('--out');
const OUT = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(__dirname, 'results', 'load-results.json'));

async function main(): Promise<void> {
  const sourceUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!sourceUrl) throw new Error('set DATABASE_URL (or TEST_DATABASE_URL) to a seeded registry on a PostgreSQL server: the check afterwards reads it with SQL');
  const seconds = option('seconds', 60);
  const writers = option('writers', 50);
  const readers = option('readers', 10);
  const scratch = argv.includes('--in-place') ? null : await copyDatabase(sourceUrl, 'load');
  const url = scratch?.url ?? sourceUrl;
  const pool = new Pool({ connectionString: url, max: 2 });
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  let failed = true;
  try {
    const size = await registrySize(pool);
    if (!size.patients) throw new Error('the database holds no patients: npm run seed -- --patients N first');
    await ensureBenchUsers(pool);
    buildIfStale();
    api = await startApi({ databaseUrl: url });
    const client = new ApiClient(api.url);
    const writerToken = await client.login(BENCH_USERS.coordinator);
    const readerToken = await client.login(BENCH_USERS.head);
    const targets = await visitTargets(pool, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf(await pool.query('SELECT now() AS now'));
    console.log(`Load: ${writers} writers and ${readers} readers for ${seconds} s against ${api.url} (${size.patients} patients${scratch ? ', on a copy of the registry' : ''})`);
    const result = await runLoad({ url: api.url, writerToken, readerToken, targets, writers, readers, seconds });
    const check = await verifyWrites(pool, new Date(now), result.writes);
    const writeErrors = result.writes.filter((w) => w.error);
    const readErrors = result.reads.filter((r) => r.error);
    const summary = {
      measuredAt: new Date().toISOString(),
      machine: await machine(pool),
      registry: size,
      writers, readers, seconds: result.seconds,
      writes: { ...latencySummary(result.writes.filter((w) => !w.error).map((w) => w.ms)), perSecond: Math.round((check.acknowledged / result.seconds) * 10) / 10, errors: writeErrors.length, sampleErrors: [...new Set(writeErrors.map((w) => w.error))].slice(0, 5) },
      reads: { ...latencySummary(result.reads.filter((r) => !r.error).map((r) => r.ms)), perSecond: Math.round(((result.reads.length - readErrors.length) / result.seconds) * 10) / 10, errors: readErrors.length, sampleErrors: [...new Set(readErrors.map((r) => r.error))].slice(0, 5) },
      check: { ...check, missing: check.missing.length, duplicated: check.duplicated.length },
    };
    console.log(`\nWrites: ${check.acknowledged} acknowledged (${summary.writes.perSecond}/s), ${writeErrors.length} errors; latency p50 ${summary.writes.p50} ms, p95 ${summary.writes.p95} ms, p99 ${summary.writes.p99} ms, max ${summary.writes.max} ms`);
    console.log(`Reads:  ${result.reads.length - readErrors.length} answered (${summary.reads.perSecond}/s), ${readErrors.length} errors; latency p50 ${summary.reads.p50} ms, p95 ${summary.reads.p95} ms, p99 ${summary.reads.p99} ms, max ${summary.reads.max} ms`);
    for (const e of [...summary.writes.sampleErrors, ...summary.reads.sampleErrors]) console.log(`  error: ${e}`);
    console.log(`Afterwards: ${check.foundOnce} of ${check.acknowledged} acknowledged writes found exactly once; missing ${check.missing.length}, duplicated ${check.duplicated.length}, unexpected ${check.unexpected}, without audit event ${check.unaudited}`);
    failed = writeErrors.length + readErrors.length > 0 || check.foundOnce !== check.acknowledged || check.duplicated.length > 0 || check.unexpected > 0 || check.unaudited > 0;
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify(summary, null, 2) + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await api?.stop();
    await pool.end();
    await scratch?.drop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`Load run failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
