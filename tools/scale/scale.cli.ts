// npm run scale -- [--seconds 40] [--writers 8] [--readers 4] [--patients 300] [--out file]
// The registry beyond one machine, on this one: a primary and two streaming hot standbys
// (PostgreSQL 15), PgBouncer in transaction mode in front of the primary, and two API processes
// sharing them (DATABASE_URL through PgBouncer, DATABASE_REPLICA_URLS to the standbys, one
// JWT_SECRET). Coordinators write and department heads read through both processes while a
// standby is killed and started again and the other is held behind (its replay paused). Probes
// meanwhile sign in, read a record at once through the other process after writing it, and ask for
// aggregates. Afterwards every acknowledged write must be in the primary exactly once; no sign-in,
// no read after a write and no aggregate may have failed. docs/scaling.md reports the figures.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { openDatabase } from '@vfr/api-database';
import { StandbyCluster, startPgBouncer } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { ApiClient } from '../bench/http-client';
import { BENCH_USERS, ensureBenchUsers, rowsOf } from '../bench/registry-setup';
import { machine } from '../bench/machine';
import { ApiProcess, buildIfStale, startApi } from '../load/api-process';
import { latencySummary, runLoad, verifyWrites, visitTargets } from '../load/load-run';
import { cliArgsOrExit } from '../cli-args';

const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: 'npm run scale -- [--seconds S] [--writers W] [--readers R] [--patients N] [--out file]',
  numbers: { seconds: { default: 40 }, writers: { default: 8 }, readers: { default: 4 }, patients: { default: 300 } },
  strings: ['out'],
  flags: [],
});

const MAX_LAG_SECONDS = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ProbeResult {
  ok: number;
  failed: number;
  errors: string[];
}
const probe = (): ProbeResult => ({ ok: 0, failed: 0, errors: [] });
function failed(p: ProbeResult, e: unknown): void {
  p.failed++;
  if (p.errors.length < 5) p.errors.push(e instanceof Error ? e.message : String(e));
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await res.json()) as { data?: Record<string, { id?: string } | null>; errors?: { message: string }[]; extensions?: { asOf?: string } };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body;
}

async function main(): Promise<void> {
  const { seconds, writers, readers, patients } = ARGS.numbers;
  const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', 'scale-results.json'));
  const loadAverageAtStart = Math.round(os.loadavg()[0] * 100) / 100;
  buildIfStale();
  console.log('Starting a primary and two streaming standbys (PostgreSQL 15, pg_basebackup)...');
  const cluster = await StandbyCluster.start(2);
  const apis: ApiProcess[] = [];
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>> | undefined;
  let db: Pool | undefined;
  let ok = false;
  try {
    const primaryUrl = cluster.urlOf(cluster.primary);
    const setup = await openDatabase({ url: primaryUrl, replicaUrls: [], dataDir: '', poolSize: 2 }, REGISTRY_SCHEMA);
    await setup.dataSource.runMigrations({ transaction: 'each' });
    await seedDemoRegistry(setup.dataSource, { patients });
    await ensureBenchUsers(setup.dataSource);
    await setup.close();
    db = new Pool({ connectionString: primaryUrl, max: 2 });

    bouncer = await startPgBouncer({ url: primaryUrl }, { poolSize: 10, logins: [{ username: 'postgres' }] });
    const env = {
      DATABASE_URL: bouncer.url({ username: 'postgres' }),
      // Migrations take session locks: they go to the primary directly.
      DATABASE_MIGRATION_URL: primaryUrl,
      DATABASE_REPLICA_URLS: cluster.standbys.map((s) => cluster.urlOf(s)).join(','),
      REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      JWT_SECRET: 'scale-run-only-secret-shared-by-both-processes-0123456789',
      DB_POOL_SIZE: '8',
    };
    for (let i = 0; i < 2; i++) apis.push(await startApi({ databaseUrl: env.DATABASE_URL, env }));
    console.log(`PgBouncer on ${bouncer.port} (transaction mode); API processes at ${apis.map((a) => a.url).join(' and ')}`);

    const client = new ApiClient(apis[0].url);
    const coordinator = await client.login(BENCH_USERS.coordinator);
    const head = await client.login(BENCH_USERS.head);
    const targets = await visitTargets(db, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
    const [{ site_id: siteId }] = rowsOf<{ site_id: string }>(await db.query(`SELECT site_id FROM app_user WHERE email = $1`, [BENCH_USERS.coordinator]));

    // The faults, at fixed points of the run.
    const fault: { error: string | null } = { error: null };
    const standbyStates: { at: number; event: string; states: unknown }[] = [];
    const began = Date.now();
    const at = (fraction: number) => sleep(Math.max(0, began + fraction * seconds * 1000 - Date.now()));
    const snapshot = async (event: string) => {
      const res = await fetch(`${apis[0].url}/health/standbys`);
      standbyStates.push({ at: Math.round((Date.now() - began) / 100) / 10, event, states: ((await res.json()) as { standbys: unknown }).standbys });
      console.log(`  ${((Date.now() - began) / 1000).toFixed(1)} s: ${event}`);
    };
    const faults = (async () => {
      await at(0.2);
      cluster.kill(cluster.standbys[0]);
      await snapshot('standby 1 killed');
      await at(0.4);
      await cluster.sql(cluster.standbys[1], 'SELECT pg_wal_replay_pause()');
      await snapshot('standby 2 held behind (replay paused)');
      await at(0.6);
      await cluster.restart(cluster.standbys[0]);
      await snapshot('standby 1 started again');
      await at(0.8);
      await cluster.sql(cluster.standbys[1], 'SELECT pg_wal_replay_resume()');
      await snapshot('standby 2 replaying again');
    })().catch((e: unknown) => {
      // A fault that could not be made fails the run, after the load and the clean-up.
      fault.error = e instanceof Error ? e.message : String(e);
    });

    // Probes, through alternating processes.
    const signIns = probe();
    const freshReads = probe();
    const aggregates = { ...probe(), fromStandby: 0 };
    const running = () => Date.now() < began + seconds * 1000;
    const probes = [
      (async () => {
        for (let i = 0; running(); i++) {
          try {
            await new ApiClient(apis[i % 2].url).login(i % 3 ? BENCH_USERS.head : BENCH_USERS.coordinator);
            signIns.ok++;
          } catch (e) {
            failed(signIns, e);
          }
          await sleep(200);
        }
      })(),
      (async () => {
        for (let i = 0; running(); i++) {
          try {
            const created = await gql(
              apis[i % 2].url,
              'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
              { i: { siteId, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN' } },
              coordinator,
            );
            const id = created.data?.createPatient?.id;
            if (!id) throw new Error('createPatient gave no id');
            const read = await gql(apis[(i + 1) % 2].url, 'query($id: ID!) { patient(id: $id) { id } }', { id }, coordinator);
            if (read.data?.patient?.id !== id) throw new Error(`patient ${id} written through one process was not found through the other`);
            freshReads.ok++;
          } catch (e) {
            failed(freshReads, e);
          }
          await sleep(300);
        }
      })(),
      (async () => {
        for (let i = 0; running(); i++) {
          try {
            const r = await gql(apis[i % 2].url, '{ complicationRates { group category n } }', {}, head);
            aggregates.ok++;
            if (r.extensions?.asOf) aggregates.fromStandby++;
          } catch (e) {
            failed(aggregates, e);
          }
          await sleep(250);
        }
      })(),
    ];

    const half = (n: number, i: number) => Math.floor(n / 2) + (i === 0 ? n % 2 : 0);
    const loads = await Promise.all(
      apis.map((api, i) =>
        runLoad({
          url: api.url,
          writerToken: coordinator,
          readerToken: head,
          targets,
          writers: half(writers, i),
          readers: half(readers, i),
          seconds,
          firstSerial: i * 500_000,
        }),
      ),
    );
    await Promise.all([...probes, faults]);
    const writes = loads.flatMap((l) => l.writes);
    const reads = loads.flatMap((l) => l.reads);
    const check = await verifyWrites(db, new Date(now), writes);
    const served = (await (await fetch(`${apis[0].url}/health/standbys`)).json()) as { standbys: { name: string; served: number }[] };
    const served2 = (await (await fetch(`${apis[1].url}/health/standbys`)).json()) as { standbys: { name: string; served: number }[] };
    const writeErrors = writes.filter((w) => w.error);
    const readErrors = reads.filter((r) => r.error);
    const summary = {
      measuredAt: new Date().toISOString(),
      machine: { ...(await machine(db)), loadAverageAtStart },
      setup: 'primary + 2 streaming standbys (PostgreSQL 15), PgBouncer (transaction mode, 10 server connections), 2 API processes',
      patients,
      seconds,
      writers,
      readers,
      maxLagSeconds: MAX_LAG_SECONDS,
      writes: {
        ...latencySummary(writes.filter((w) => !w.error).map((w) => w.ms)),
        acknowledged: check.acknowledged,
        errors: writeErrors.length,
        sampleErrors: [...new Set(writeErrors.map((w) => w.error))].slice(0, 5),
      },
      reads: {
        ...latencySummary(reads.filter((r) => !r.error).map((r) => r.ms)),
        errors: readErrors.length,
        sampleErrors: [...new Set(readErrors.map((r) => r.error))].slice(0, 5),
      },
      check: { ...check, missing: check.missing.length, duplicated: check.duplicated.length },
      signIns,
      freshReads,
      aggregates,
      aggregatesServedByStandby: [...served.standbys, ...served2.standbys].reduce((a, s) => a + s.served, 0),
      faults: standbyStates,
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `\nWrites: ${check.acknowledged} acknowledged, ${check.foundOnce} found once, ${check.missing.length} missing, ${check.duplicated.length} duplicated, ${writeErrors.length} errors (p50 ${summary.writes.p50} ms, p95 ${summary.writes.p95} ms)`,
    );
    console.log(`Dashboard reads: ${reads.length - readErrors.length} answered, ${readErrors.length} errors (p50 ${summary.reads.p50} ms)`);
    console.log(`Sign-ins: ${signIns.ok} passed, ${signIns.failed} failed`);
    console.log(`Reads right after a write, through the other process: ${freshReads.ok} passed, ${freshReads.failed} failed`);
    console.log(
      `Aggregates: ${aggregates.ok} answered (${aggregates.fromStandby} from a standby), ${aggregates.failed} failed; standbys served ${summary.aggregatesServedByStandby} in all`,
    );
    for (const p of [signIns, freshReads, aggregates]) for (const e of p.errors) console.log(`  error: ${e}`);
    if (fault.error) console.log(`A fault could not be made: ${fault.error}`);
    ok =
      fault.error === null &&
      check.acknowledged > 0 &&
      check.missing.length === 0 &&
      check.duplicated.length === 0 &&
      writeErrors.length === 0 &&
      readErrors.length === 0 &&
      signIns.failed === 0 &&
      freshReads.failed === 0 &&
      aggregates.failed === 0 &&
      signIns.ok > 0 &&
      freshReads.ok > 0 &&
      summary.aggregatesServedByStandby > 0;
    console.log(ok ? `\n${summary.writes.acknowledged} writes, 0 lost: passed (${OUT})` : `\nFAILED (${OUT})`);
  } finally {
    if (!ok) for (const api of apis) console.log(`\nThe log of ${api.url}, last lines:\n${api.log.join('').split('\n').slice(-25).join('\n')}`);
    for (const api of apis) await api.stop();
    await bouncer?.stop();
    await db?.end();
    await cluster.stop();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
