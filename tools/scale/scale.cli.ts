// npm run scale -- [--seconds 40] [--writers 8] [--readers 4] [--patients 300] [--out file]
// The registry beyond one machine, on this one: pg_auto_failover's monitor and three PostgreSQL 15
// nodes (a primary and two synchronous hot standbys), PgBouncer in transaction mode in front of the
// primary, kept there by the primary follower, and two API processes sharing them (DATABASE_URL
// through PgBouncer, DATABASE_REPLICA_URLS naming every node, one JWT_SECRET). Coordinators write
// and department heads read through both processes while a standby is lost and comes back, the
// other is held behind (its replay paused), and then the primary is lost (its pg_autoctl and
// PostgreSQL killed). Probes meanwhile sign in, read a record at once through the other process
// after writing it, and ask for aggregates. Afterwards every acknowledged write must be on the new
// primary exactly once and audited; nothing may have failed except while the primary was down,
// and then only until the same two processes wrote again. docs/scaling.md reports the figures.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { openDatabase, PgBouncerFollower } from '@vfr/api-database';
import { AutoFailoverCluster, AutoFailoverNode, startPgBouncer } from '@vfr/api-testing';
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
/** How long the lost standby may take to be a healthy secondary again, and the failover to take writes. */
const REJOIN_WITHIN_MS = 120_000;
const FAILOVER_WITHIN_MS = 120_000;
/** How long the run waits, after the failover, for the new primary to commit synchronously again (reported, not required). */
const SYNC_AGAIN_WITHIN_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One probe request: which process, when, and how it ended. */
interface ProbeEvent {
  api: number;
  start: number;
  end: number;
  error: string | null;
  fromStandby?: boolean;
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

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const round1 = (ms: number) => Math.round(ms / 100) / 10;

async function main(): Promise<void> {
  const { seconds, writers, readers, patients } = ARGS.numbers;
  const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', 'scale-results.json'));
  const loadAverageAtStart = Math.round(os.loadavg()[0] * 100) / 100;
  buildIfStale();
  console.log('Starting pg_auto_failover: a monitor, a primary and two synchronous standbys (PostgreSQL 15)...');
  const setupBegan = Date.now();
  // number_sync_standbys = 1: a commit waits for one of the two standbys, and keeps waiting for
  // one while the other is down (with 0, pg_auto_failover may let the primary go asynchronous).
  const cluster = await AutoFailoverCluster.start({ nodes: 3, numberSyncStandbys: 1 });
  const clusterSeconds = round1(Date.now() - setupBegan);
  const [node1, node2, node3] = cluster.nodes;
  const apis: ApiProcess[] = [];
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>> | undefined;
  let follower: PgBouncerFollower | undefined;
  let db: Pool | undefined;
  let ok = false;
  try {
    const setup = await openDatabase({ url: cluster.urlOf(node1), replicaUrls: [], dataDir: '', poolSize: 2 }, REGISTRY_SCHEMA);
    await setup.dataSource.runMigrations({ transaction: 'each' });
    await seedDemoRegistry(setup.dataSource, { patients });
    await ensureBenchUsers(setup.dataSource);
    await setup.close();
    const databaseSeconds = round1(Date.now() - setupBegan) - clusterSeconds;
    db = new Pool({ connectionString: cluster.urlOf(node1), max: 2 });
    db.on('error', () => undefined); // its node is killed later

    bouncer = await startPgBouncer({ url: cluster.urlOf(node1) }, { poolSize: 10, logins: [{ username: 'postgres' }] });
    follower = new PgBouncerFollower({
      monitorUrl: cluster.monitorUrl,
      databasesFile: bouncer.databasesFile,
      databases: { registry: 'dbname=registry' },
      adminUrl: bouncer.adminUrl,
      pollMs: 1000,
      log: (line) => console.log(`  ${line}`),
    });
    await follower.start();
    const env = {
      DATABASE_URL: bouncer.url({ username: 'postgres' }),
      // Migrations take session locks: they go to the primary directly, wherever it is.
      DATABASE_MIGRATION_URL: cluster.uri(),
      // Every node: the one that is not in recovery (the primary, or a promoted standby) is never used as a standby.
      DATABASE_REPLICA_URLS: cluster.nodes.map((n) => cluster.urlOf(n)).join(','),
      REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      JWT_SECRET: 'scale-run-only-secret-shared-by-both-processes-0123456789',
      DB_POOL_SIZE: '8',
      // DATABASE_URL is PgBouncer 1.18 in transaction mode, which keeps no prepared statement (docs/scaling.md).
      DB_PREPARED_STATEMENTS: 'off',
    };
    const started = await Promise.allSettled([0, 1].map(() => startApi({ databaseUrl: env.DATABASE_URL, env })));
    for (const r of started) if (r.status === 'fulfilled') apis.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const setupSeconds = { cluster: clusterSeconds, migrationsAndSeed: Math.round(databaseSeconds * 10) / 10, total: round1(Date.now() - setupBegan) };
    console.log(
      `PgBouncer on ${bouncer.port} (transaction mode); API processes at ${apis.map((a) => a.url).join(' and ')}; set up in ${setupSeconds.total} s (the formation ${setupSeconds.cluster} s, migrations and seed ${setupSeconds.migrationsAndSeed} s)`,
    );
    const syncAtStart = await synchronous(cluster, node1);

    const client = new ApiClient(apis[0].url);
    const coordinator = await client.login(BENCH_USERS.coordinator);
    const head = await client.login(BENCH_USERS.head);
    const targets = await visitTargets(db, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
    const [{ site_id: siteId }] = rowsOf<{ site_id: string }>(await db.query(`SELECT site_id FROM app_user WHERE email = $1`, [BENCH_USERS.coordinator]));
    await db.end();
    db = undefined;

    // The faults, at fixed points of the run, then the primary's loss once both standbys are back.
    const fault: { error: string | null } = { error: null };
    const events: { at: number; event: string; standbys?: unknown; nodes?: unknown }[] = [];
    const times: {
      standbyDown?: number;
      standbyBack?: number;
      killed?: number;
      promoted?: number;
      switched?: number;
      resumed?: number[];
      synchronousAgain?: number;
    } = {};
    let syncAfterFailover: Awaited<ReturnType<typeof synchronous>> | undefined;
    let promotedNode: AutoFailoverNode | undefined;
    const began = Date.now();
    const since = () => Date.now() - began;
    const at = (fraction: number) => sleep(Math.max(0, began + fraction * seconds * 1000 - Date.now()));
    const event = async (what: string) => {
      const standbys = await fetch(`${apis[0].url}/health/standbys`, { signal: AbortSignal.timeout(5000) })
        .then(async (r) => ((await r.json()) as { standbys: unknown }).standbys)
        .catch((e: unknown) => message(e));
      events.push({ at: round1(since()), event: what, standbys, nodes: await cluster.health().catch(() => null) });
      console.log(`  ${(since() / 1000).toFixed(1)} s: ${what}`);
    };
    const loadDone = new AbortController();
    const signIns: ProbeEvent[] = [];
    const fresh: ProbeEvent[] = [];
    const aggregates: ProbeEvent[] = [];
    const writesResumed = () => [0, 1].every((api) => fresh.some((p) => p.api === api && !p.error && times.killed !== undefined && p.start > times.killed));
    const faults = (async () => {
      await at(0.15);
      cluster.kill(node2);
      times.standbyDown = since();
      await event('standby node2 lost (its pg_autoctl and PostgreSQL killed)');
      await at(0.35);
      await cluster.sql(node3, 'SELECT pg_wal_replay_pause()');
      await event('standby node3 held behind (replay paused)');
      await at(0.5);
      const restartedAt = Date.now();
      cluster.restart(node2);
      await event('standby node2 started again');
      await at(0.65);
      await cluster.sql(node3, 'SELECT pg_wal_replay_resume()');
      await event('standby node3 replaying again');
      // The primary is lost only once both standbys are healthy secondaries again.
      await cluster.until(
        'node2 a healthy secondary again',
        async () => {
          const h = await cluster.health();
          return (
            Date.now() - restartedAt > 3000 &&
            [node2, node3].every((n) => h[n.name]?.healthy && h[n.name].reported === 'secondary' && h[n.name].goal === 'secondary')
          );
        },
        REJOIN_WITHIN_MS,
      );
      times.standbyBack = since();
      await event('both standbys healthy secondaries');
      await at(0.8);
      cluster.kill(node1);
      times.killed = since();
      await event('primary node1 lost (its pg_autoctl and PostgreSQL killed)');
      await cluster.until(
        'a standby promoted',
        async () => {
          const w = await cluster.writable();
          promotedNode = w;
          return w !== undefined && w !== node1;
        },
        FAILOVER_WITHIN_MS,
      );
      times.promoted = since();
      await event(`${promotedNode!.name} promoted (takes writes)`);
      await cluster.until('PgBouncer moved', () => Promise.resolve(follower!.current?.name === promotedNode!.name), FAILOVER_WITHIN_MS);
      // When the follower moved it: the monitor may name the new primary before it takes writes.
      times.switched = follower.switches[follower.switches.length - 1].at.getTime() - began;
      await cluster.until('writes through both API processes', () => Promise.resolve(writesResumed()), FAILOVER_WITHIN_MS);
      times.resumed = [0, 1].map((api) => fresh.find((p) => p.api === api && !p.error && p.start > times.killed!)!.end);
      await event('writes acknowledged again through both API processes');
      // Load on the new primary for a while, at least until it commits synchronously again
      // (pg_auto_failover promotes to wait_primary, asynchronous, until a standby has caught up).
      const loadOn = sleep(Math.max(5000, 0.2 * seconds * 1000));
      await cluster
        .until(
          'the new primary synchronous again',
          async () => (await synchronous(cluster, promotedNode!)).synchronousStandbyNames !== '',
          SYNC_AGAIN_WITHIN_MS,
        )
        .then(() => (times.synchronousAgain = since()))
        .catch(() => undefined);
      syncAfterFailover = await synchronous(cluster, promotedNode!);
      await loadOn;
    })()
      .catch((e: unknown) => {
        // A fault that could not be made fails the run, after the load and the clean-up.
        fault.error = message(e);
      })
      .finally(() => loadDone.abort());

    // Probes, through alternating processes, each request recorded with its time.
    const running = () => !loadDone.signal.aborted;
    const record = async (list: ProbeEvent[], api: number, work: () => Promise<boolean | void>) => {
      const start = since();
      try {
        const fromStandby = await work();
        list.push({ api, start, end: since(), error: null, ...(fromStandby === undefined ? {} : { fromStandby }) });
      } catch (e) {
        list.push({ api, start, end: since(), error: message(e) });
      }
    };
    const probes = [
      (async () => {
        for (let i = 0; running(); i++) {
          await record(signIns, i % 2, async () => void (await new ApiClient(apis[i % 2].url).login(i % 3 ? BENCH_USERS.head : BENCH_USERS.coordinator)));
          await sleep(200);
        }
      })(),
      (async () => {
        for (let i = 0; running(); i++) {
          await record(fresh, i % 2, async () => {
            const created = await gql(
              apis[i % 2].url,
              'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
              { i: { siteId, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN' } },
              coordinator,
            );
            const id = created.data?.createPatient?.id;
            if (!id) throw new Error('createPatient gave no id');
            const read = await gql(apis[(i + 1) % 2].url, 'query($id: ID!) { patient(id: $id) { id } }', { id }, coordinator);
            if (read.data?.patient?.id !== id) throw new Error(`stale: patient ${id} written through one process was not found through the other`);
          });
          await sleep(300);
        }
      })(),
      (async () => {
        for (let i = 0; running(); i++) {
          await record(aggregates, i % 2, async () =>
            Boolean((await gql(apis[i % 2].url, '{ complicationRates { group category n } }', {}, head)).extensions?.asOf),
          );
          await sleep(250);
        }
      })(),
    ];

    const half = (n: number, i: number) => Math.floor(n / 2) + (i === 0 ? n % 2 : 0);
    const loadBegan = since();
    const loads = await Promise.all(
      apis.map((api, i) =>
        runLoad({
          url: api.url,
          writerToken: coordinator,
          readerToken: head,
          targets,
          writers: half(writers, i),
          readers: half(readers, i),
          seconds: 3600,
          signal: loadDone.signal,
          firstSerial: i * 500_000,
        }),
      ),
    );
    await Promise.all([...probes, faults]);
    const loadSeconds = round1(since() - loadBegan);

    // Which failures fell in the primary's outage: requests through a process that started
    // before that process wrote again after the kill. Any other failure fails the run.
    const killed = times.killed ?? Infinity;
    const resumed = times.resumed ?? [Infinity, Infinity];
    const inOutage = (api: number, start: number, end: number) => end >= killed && start < resumed[api];
    const split = <T extends { start: number; end: number; api: number; error: string | null }>(list: T[]) => {
      const outage = list.filter((p) => p.error && inOutage(p.api, p.start, p.end));
      const other = list.filter((p) => p.error && !inOutage(p.api, p.start, p.end));
      return {
        ok: list.filter((p) => !p.error).length,
        failedWhilePrimaryDown: outage.length,
        // Of those, how many ended after PgBouncer had been moved to the promoted node.
        failedAfterPgBouncerMoved: outage.filter((p) => p.end > (times.switched ?? Infinity)).length,
        failed: other.length,
        errors: [...new Set(other.map((p) => p.error!))].slice(0, 5),
        outageErrors: [...new Set(outage.map((p) => p.error!))].slice(0, 3),
      };
    };
    const loadWrites = loads.flatMap((l, api) =>
      l.writes.map((w) => ({ w, api, start: loadBegan + w.startedAt, end: loadBegan + w.startedAt + w.ms, error: w.error })),
    );
    const loadReads = loads.flatMap((l, api) =>
      l.reads.map((r) => ({ api, start: loadBegan + r.startedAt, end: loadBegan + r.startedAt + r.ms, error: r.error })),
    );
    const writeOutcome = split(loadWrites);
    const readOutcome = split(loadReads);
    const signInOutcome = split(signIns);
    const freshOutcome = split(fresh);
    const aggregateOutcome = split(aggregates);
    // A sign-in that overlaps both the standby's absence and the primary's outage counts with the outage.
    const standbyDown = (p: ProbeEvent) =>
      times.standbyDown !== undefined && p.end >= times.standbyDown && p.start < (times.standbyBack ?? Infinity) && !inOutage(p.api, p.start, p.end);
    const signInsWhileStandbyDown = signIns.filter(standbyDown);
    const firstAfterKill = (list: { start: number; end: number; error: string | null }[]) =>
      list.filter((p) => !p.error && p.start > killed).reduce<number | undefined>((a, p) => (a === undefined || p.end < a ? p.end : a), undefined);
    // The first write acknowledged after the kill through each process, of all writes (the load's and the probes').
    const firstWrites = [0, 1].map((api) => firstAfterKill([...loadWrites, ...fresh].filter((w) => w.api === api)));

    const writes = loads.flatMap((l) => l.writes);
    const primary = promotedNode ?? (await cluster.writable());
    if (!primary) throw new Error('no node takes writes at the end of the run');
    db = new Pool({ connectionString: cluster.urlOf(primary), max: 2 });
    const check = await verifyWrites(db, new Date(now), writes);
    const [probeRows] = rowsOf<{ n: number }>(await db.query(`SELECT count(*)::int AS n FROM patient WHERE created_at >= $1 AND site_id = $2`, [now, siteId]));
    // Both processes must have lived through it all: none restarted, none crashed.
    const exited = apis
      .map((api, i) => ({ api: i, code: api.child.exitCode, signal: api.child.signalCode }))
      .filter((e) => e.code !== null || e.signal !== null);
    type StandbyView = { name: string; served: number; healthy: boolean; problem: string | null };
    const finalStandbys = await Promise.all(
      apis.map(async (api) =>
        fetch(`${api.url}/health/standbys`, { signal: AbortSignal.timeout(5000) })
          .then(async (r) => ((await r.json()) as { standbys: StandbyView[] }).standbys)
          .catch((): StandbyView[] => []),
      ),
    );
    const nodeIndex = (n: AutoFailoverNode) => cluster.nodes.indexOf(n);
    // The promoted node must not be taken for a standby: /health/standbys says why it is not used.
    const promotedAsStandby = finalStandbys.map((list) => list[nodeIndex(primary)]);
    const summary = {
      measuredAt: new Date().toISOString(),
      machine: { ...(await machine(db)), loadAverageAtStart },
      setup:
        'pg_auto_failover 2.0: monitor + 3 nodes (PostgreSQL 15; a primary and 2 synchronous standbys, number_sync_standbys 1), PgBouncer (transaction mode, 10 server connections) kept on the primary by the primary follower, 2 API processes',
      setupSeconds,
      patients,
      seconds,
      loadSeconds,
      writers,
      readers,
      maxLagSeconds: MAX_LAG_SECONDS,
      synchronousReplication: { atStart: syncAtStart, afterFailover: syncAfterFailover ?? null },
      failover: {
        primaryKilledAtSecond: round1(killed),
        promoted: promotedNode?.name ?? null,
        standbyWritableAfterSeconds: times.promoted !== undefined ? round1(times.promoted - killed) : null,
        pgbouncerMovedAfterSeconds: times.switched !== undefined ? round1(times.switched - killed) : null,
        writesResumedAfterSeconds: firstWrites.map((t) => (t === undefined ? null : round1(t - killed))),
        signInsResumedAfterSeconds: firstAfterKill(signIns) !== undefined ? round1(firstAfterKill(signIns)! - killed) : null,
        synchronousAgainAfterSeconds: times.synchronousAgain !== undefined ? round1(times.synchronousAgain - killed) : null,
        aggregatesResumedAfterSeconds: firstAfterKill(aggregates) !== undefined ? round1(firstAfterKill(aggregates)! - killed) : null,
        followerSwitches: follower.switches.map((s) => ({ atSecond: round1(s.at.getTime() - began), from: s.from?.name ?? null, to: s.to.name })),
        promotedNodeAsStandby: promotedAsStandby,
      },
      writes: {
        ...latencySummary(loadWrites.filter((w) => !w.error).map((w) => w.w.ms)),
        acknowledged: check.acknowledged,
        failed: writeOutcome.failed,
        failedWhilePrimaryDown: writeOutcome.failedWhilePrimaryDown,
        failedAfterPgBouncerMoved: writeOutcome.failedAfterPgBouncerMoved,
        sampleErrors: writeOutcome.errors,
        sampleOutageErrors: writeOutcome.outageErrors,
      },
      reads: { ...latencySummary(loadReads.filter((r) => !r.error).map((r) => r.end - r.start)), ...readOutcome },
      check: { ...check, missing: check.missing.length, duplicated: check.duplicated.length },
      signIns: {
        ...signInOutcome,
        whileStandbyDown: signInsWhileStandbyDown.length,
        failedWhileStandbyDown: signInsWhileStandbyDown.filter((p) => p.error).length,
      },
      freshReads: { ...freshOutcome, patientsCreated: probeRows.n },
      aggregates: { ...aggregateOutcome, fromStandby: aggregates.filter((p) => p.fromStandby).length },
      aggregatesServedByStandby: finalStandbys.flat().reduce((a, s) => a + s.served, 0),
      apiProcessesExited: exited,
      events,
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(summary, null, 2)}\n`);
    const f = summary.failover;
    console.log(
      `\nWrites: ${check.acknowledged} acknowledged, ${check.foundOnce} found once, ${check.missing.length} missing, ${check.duplicated.length} duplicated, ${check.unaudited} unaudited, ${check.unexpected} unexpected; ${writeOutcome.failed} failed, ${writeOutcome.failedWhilePrimaryDown} failed while the primary was down (${check.failedButStored} of them stored nevertheless) (p50 ${summary.writes.p50} ms, p95 ${summary.writes.p95} ms)`,
    );
    console.log(
      `Dashboard reads: ${readOutcome.ok} answered, ${readOutcome.failed} failed, ${readOutcome.failedWhilePrimaryDown} failed while the primary was down`,
    );
    console.log(
      `Sign-ins: ${signInOutcome.ok} passed, ${signInOutcome.failed} failed, ${signInOutcome.failedWhilePrimaryDown} failed while the primary was down; ${summary.signIns.whileStandbyDown} while a standby was down, ${summary.signIns.failedWhileStandbyDown} of them failed`,
    );
    console.log(
      `Reads right after a write, through the other process: ${freshOutcome.ok} passed, ${freshOutcome.failed} failed, ${freshOutcome.failedWhilePrimaryDown} failed while the primary was down`,
    );
    console.log(
      `Aggregates: ${aggregateOutcome.ok} answered (${summary.aggregates.fromStandby} from a standby), ${aggregateOutcome.failed} failed, ${aggregateOutcome.failedWhilePrimaryDown} failed while the primary was down; standbys served ${summary.aggregatesServedByStandby} in all`,
    );
    console.log(
      `Failover: ${f.promoted} writable ${f.standbyWritableAfterSeconds} s after the kill, PgBouncer moved after ${f.pgbouncerMovedAfterSeconds} s, writes again after ${f.writesResumedAfterSeconds?.join(' and ')} s, sign-ins after ${f.signInsResumedAfterSeconds} s, aggregates after ${f.aggregatesResumedAfterSeconds} s; commits synchronous again after ${f.synchronousAgainAfterSeconds} s`,
    );
    for (const p of [writeOutcome, readOutcome, signInOutcome, freshOutcome, aggregateOutcome]) for (const e of p.errors) console.log(`  error: ${e}`);
    if (fault.error) console.log(`A fault could not be made: ${fault.error}`);
    for (const e of exited) console.log(`API process ${e.api + 1} exited (${e.code ?? e.signal}) during the run`);
    const notTakenForStandby = promotedAsStandby.every((s) => s && !s.healthy && /not in recovery/.test(s.problem ?? ''));
    if (!notTakenForStandby) console.log(`The promoted node as a standby: ${JSON.stringify(promotedAsStandby)}`);
    ok =
      fault.error === null &&
      exited.length === 0 &&
      promotedNode !== undefined &&
      check.acknowledged > 0 &&
      check.missing.length === 0 &&
      check.duplicated.length === 0 &&
      check.unaudited === 0 &&
      check.unexpected === 0 &&
      writeOutcome.failed === 0 &&
      readOutcome.failed === 0 &&
      signInOutcome.failed === 0 &&
      summary.signIns.failedWhileStandbyDown === 0 &&
      summary.signIns.whileStandbyDown > 0 &&
      freshOutcome.failed === 0 &&
      aggregateOutcome.failed === 0 &&
      signInOutcome.ok > 0 &&
      freshOutcome.ok > 0 &&
      summary.aggregatesServedByStandby > 0 &&
      notTakenForStandby;
    console.log(ok ? `\n${check.acknowledged} writes, 0 lost, failover included: passed (${OUT})` : `\nFAILED (${OUT})`);
  } finally {
    if (!ok) for (const api of apis) console.log(`\nThe log of ${api.url}, last lines:\n${api.log.join('').split('\n').slice(-25).join('\n')}`);
    await Promise.all(apis.map((api) => api.stop().catch(() => undefined)));
    await follower?.stop().catch(() => undefined);
    await bouncer?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await cluster.stop();
  }
  process.exit(ok ? 0 : 1);
}

/** What makes commits synchronous on a node, and how its standbys are attached. */
async function synchronous(cluster: AutoFailoverCluster, node: AutoFailoverNode) {
  const [settings] = await cluster.sql<{ names: string; commit: string }>(
    node,
    `SELECT current_setting('synchronous_standby_names') AS names, current_setting('synchronous_commit') AS commit`,
  );
  const standbys = await cluster.sql<{ name: string; state: string }>(
    node,
    'SELECT application_name AS name, sync_state AS state FROM pg_stat_replication ORDER BY 1',
  );
  return { synchronousStandbyNames: settings.names, synchronousCommit: settings.commit, replication: standbys };
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
