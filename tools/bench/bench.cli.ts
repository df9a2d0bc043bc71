// npm run bench -- [--patients N | --sizes N,N,...] [--runs N] [--warmup N] [--budget-seconds S] [--import-rows N] [--out file] [--skip-browser]
//   [--base-floors] [--sections analytics,similar,page,list,write,dashboard,import,export] [--figures name,name] [--cohorts 1,2,3] [--keep-writes] [--list-rounds N] [--list-seconds S]
// Times the figures whose targets docs/performance.md lists, against a seeded registry: the API runs in this
// process (so its SQL statements can be counted) on a free loopback port, every operation goes
// through HTTP as a client sends it, and each analytics figure is also timed as plain SQL: its
// floor (the best statement for the same answer) and the very statements the API sent for it.
// With --sizes, each size is a database of its own on DATABASE_URL's server (<name>_<N>, seeded
// when empty, reused when not), measured in turn, and the figures' growth with the registry printed.
import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { AggregateReader, compactAnalysisCells, openDatabase, OpenDatabase, preparedStatementsFromEnv } from '@vfr/api-database';
import { seedDemoRegistry } from '@vfr/seed';
import { createApp, REGISTRY_SCHEMA } from '@vfr/api-app';
import { firstScreen, gzippedJavaScript, profileFirstScreen, returningScreen, snapshotDashboard } from './dashboard';
import { ANALYSIS_TABLE_FLOORS, BASE_TABLE_FLOORS } from './floors';
import { ApiClient } from './http-client';
import { buildImportFile, importFile, streamExport } from './import-export';
import { machine } from './machine';
import { patientListSection } from './patient-list';
import { ANALYTICS, COHORTS, CREATE_VISIT, PATIENTS_PAGE } from './operations';
import { BENCH_USERS, ensureBenchUsers, registrySize, rowsOf, seedServerDatabase, Sql } from './registry-setup';
import { interleavedSizes, printInterleaved } from './interleaved-sizes';
import { GrowthRow, printGrowth, printTable, ResultRow, writeJson } from './report';
import { benchSimilarPatients } from './similar-patients';
import { timeInterleaved, timeIt } from './timing';
import { cliArgsOrExit } from '../cli-args';

const URL_ = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const ALL_SECTIONS = ['analytics', 'similar', 'page', 'list', 'write', 'dashboard', 'import', 'export'];
const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: `npm run bench -- [--patients N | --sizes N,N,...] [--runs R] [--warmup W] [--budget-seconds S] [--import-rows N] [--sections ${ALL_SECTIONS.join(',')}] [--figures name,name] [--cohorts 1,2,3] [--out file] [--base-floors] [--skip-browser] [--keep-writes] [--list-rounds N] [--list-seconds S] [--screen-profile file.cpuprofile]`,
  numbers: {
    patients: { default: URL_ ? 100_000 : 5_000 },
    runs: { default: 15 },
    // Warm-up runs bring the API to its steady state (its hot paths JIT-compiled, the database's
    // cache warm), as a server is after its first minute of traffic; they are not counted.
    warmup: { default: 10, min: 0 },
    'budget-seconds': { default: 30, fraction: true },
    'import-rows': { default: 100_000 },
    // The patient list beside PostGraphile: interleaved rounds of this many seconds at 10 connections.
    'list-rounds': { default: 5 },
    'list-seconds': { default: 5, fraction: true },
  },
  strings: ['out', 'sections', 'sizes', 'figures', 'cohorts', 'screen-profile'],
  flags: ['base-floors', 'skip-browser', 'keep-writes'],
});
const flag = (name: 'base-floors' | 'skip-browser' | 'keep-writes') => ARGS.flags[name];
const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', 'bench-results.json'));
const PATIENTS = ARGS.numbers.patients;
const RUNS = ARGS.numbers.runs;
const WARMUP = ARGS.numbers.warmup;
const BUDGET_MS = ARGS.numbers['budget-seconds'] * 1000;
const IMPORT_ROWS = ARGS.numbers['import-rows'];
const SIZES = ARGS.strings.sizes?.split(',').map((v) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes takes whole numbers of patients separated by commas; got ${v}`);
  return n;
});
if (SIZES && !URL_) throw new Error('--sizes needs DATABASE_URL: each size is a database of its own on that server');
// Across sizes only the analytics are compared, unless told otherwise.
const SECTIONS = new Set(ARGS.strings.sections?.split(',') ?? (SIZES ? ['analytics'] : ALL_SECTIONS));
for (const name of SECTIONS) if (!ALL_SECTIONS.includes(name)) throw new Error(`--sections takes ${ALL_SECTIONS.join(',')}; got ${name}`);
// The analytics figures timed (all unless told): a run across sizes may time the overview's only.
const FIGURES = ARGS.strings.figures?.split(',') ?? ANALYTICS.map((op) => op.name);
for (const name of FIGURES)
  if (!ANALYTICS.some((op) => op.name === name)) throw new Error(`--figures takes ${ANALYTICS.map((op) => op.name).join(',')}; got ${name}`);
// And the cohorts (all unless told, by their number in COHORTS from 1: the whole registry is 1).
const BENCH_COHORTS =
  ARGS.strings.cohorts?.split(',').map((v) => {
    const c = COHORTS[Number(v) - 1];
    if (!c) throw new Error(`--cohorts takes numbers from 1 to ${COHORTS.length} (${COHORTS.map((x, i) => `${i + 1} ${x.name}`).join(', ')}); got ${v}`);
    return c;
  }) ?? COHORTS;

// The overview's figures read maintained counts: the same time at every registry size.
const OVERVIEW_FIGURES = ['outcomeTrajectory', 'responderRates', 'complicationRates', 'funnelPlot', 'cohortSize'];
const TARGET = {
  overviewMs: 50,
  overviewGrowth: 1.2,
  comparisonMs: 150,
  ratio: 1.3,
  pageMs: 20,
  writeMs: 15,
  importMs: 20_000,
  firstScreenMs: 1000,
  jsKb: 400,
  exportRssGrowthMb: 256,
};

interface Harness {
  /** The server database measured, or '' for the embedded one. */
  url: string;
  db: OpenDatabase;
  /** The bench's own SQL (setup, the API's own statements), with the server's settings as the API has them. */
  floorDb: Sql;
  /**
   * The floors' connection: just-in-time compilation off. A floor is the best statement for its
   * answer, and compiling one costs more than it saves on these sizes (the survival floor spent
   * 3.6 s of 3.8 s compiling at 100,000 patients).
   */
  bestDb: Sql;
  app: INestApplication;
  baseUrl: string;
  /** The aggregate statements the API sends while recording is on. */
  recorder: StatementRecorder;
  /** The seed's wall time and the machine's load around it, when this run seeded the database. */
  seeded?: { seconds: number; loadBefore: number; loadAfter: number };
  close(): Promise<void>;
}

/** The database of one size beside DATABASE_URL's: the same server, the name with _<patients>. */
function urlForSize(url: string, patients: number): { url: string; name: string } {
  const u = new URL(url);
  const name = `${decodeURIComponent(u.pathname.slice(1)) || 'vfr_bench'}_${patients}`;
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const pool = new Pool({ connectionString: admin.toString(), max: 1 });
  try {
    const found = rowsOf(await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
    if (!found) {
      await pool.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created the database ${name}.`);
    }
  } finally {
    await pool.end();
  }
}

/** The API in this process on the server database (seeded first if empty) or a fresh embedded one. */
async function startHarness(url: string, patients: number): Promise<Harness> {
  if (url) {
    const pool = new Pool({ connectionString: url, max: 2 });
    const [{ exists }] = rowsOf<{ exists: boolean }>(await pool.query(`SELECT to_regclass('public.patient') IS NOT NULL AS exists`));
    const existing = exists ? (await registrySize(pool)).patients : 0;
    let seeded: Harness['seeded'];
    if (existing === 0) {
      const loadBefore = os.loadavg()[0];
      const began = Date.now();
      seedServerDatabase(url, patients);
      seeded = { seconds: (Date.now() - began) / 1000, loadBefore, loadAfter: os.loadavg()[0] };
      console.log(
        `Seeded ${patients} patients in ${seeded.seconds.toFixed(0)} s (load average ${seeded.loadBefore.toFixed(1)} -> ${seeded.loadAfter.toFixed(1)}).`,
      );
    } else if (Math.abs(existing - patients) > patients * 0.05)
      console.warn(`Note: the database holds ${existing} patients (asked for ${patients}); benchmarking it as it is.`);
    // DB_PREPARED_STATEMENTS=off measures the API as it runs behind PgBouncer before 1.21 (and
    // POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE=0 PostGraphile likewise).
    const db = await openDatabase({ url, replicaUrls: [], dataDir: '', poolSize: 20, preparedStatements: preparedStatementsFromEnv() }, REGISTRY_SCHEMA);
    await db.dataSource.runMigrations({ transaction: 'each' });
    await ensureBenchUsers(pool);
    const { app, baseUrl, recorder } = await listen(db);
    const best = new Pool({ connectionString: url, max: 1, options: '-c jit=off' });
    return {
      url,
      db,
      floorDb: pool,
      bestDb: best,
      app,
      baseUrl,
      recorder,
      seeded,
      async close() {
        await app.close();
        await db.close();
        await pool.end();
        await best.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-bench-'));
  console.log(`No DATABASE_URL or TEST_DATABASE_URL: an embedded database with ${patients} patients (floors share its one connection queue).`);
  const db = await openDatabase({ replicaUrls: [], dataDir, poolSize: 4 }, REGISTRY_SCHEMA);
  await db.dataSource.runMigrations({ transaction: 'each' });
  await seedDemoRegistry(db.dataSource, { patients });
  await db.dataSource.query('ANALYZE');
  await ensureBenchUsers(db.dataSource);
  const { app, baseUrl, recorder } = await listen(db);
  return {
    url: '',
    db,
    floorDb: db.dataSource,
    bestDb: db.dataSource,
    app,
    baseUrl,
    recorder,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Served from a private copy (see snapshotDashboard); without the dashboard section, from an empty
// directory, so that the other sections run without a dashboard build.
const DASHBOARD_COPY = SECTIONS.has('dashboard') ? snapshotDashboard() : fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-bench-no-dashboard-'));

/**
 * Notes the statements (and their parameters) the API sends through its aggregate door while
 * `on`, so that the bench can run exactly those again with pg: the API's time over theirs is
 * what the API adds to its own SQL.
 */
class StatementRecorder {
  on = false;
  readonly statements: { sql: string; params: unknown[] }[] = [];

  constructor(reader: AggregateReader) {
    const query = reader.query.bind(reader);
    reader.query = (sql: string, params: unknown[] = []) => {
      if (this.on) this.statements.push({ sql, params });
      return query(sql, params);
    };
  }

  async during(work: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }[]> {
    this.statements.length = 0;
    this.on = true;
    try {
      await work();
    } finally {
      this.on = false;
    }
    return this.statements.splice(0);
  }
}

async function listen(db: OpenDatabase): Promise<{ app: INestApplication; baseUrl: string; recorder: StatementRecorder }> {
  process.env.JWT_SECRET ??= `bench-${process.pid}-${Date.now()}`;
  const app = await createApp(db, { logger: false, closeDatabaseOnShutdown: false, dashboardDir: DASHBOARD_COPY });
  const recorder = new StatementRecorder(app.get(AggregateReader));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, recorder };
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The visit writes and the import add unscheduled visits; left in place, every run would measure a
 * larger registry than the last, and the analysis table would carry the dead rows of the import's
 * refresh. They are deleted (the triggers refresh the patients) and the table compacted, so each
 * run starts from the registry as seeded. The audit trail keeps its events.
 */
async function removeWritesOfThisRun(db: Sql, since: Date): Promise<void> {
  const removed = rowsOf(await db.query(`DELETE FROM assessment WHERE time_point = 'UNSCHEDULED' AND created_at >= $1 RETURNING 1`, [since])).length;
  await db.query('VACUUM (ANALYZE) assessment');
  // The deletion's refresh appended rows of differences to the maintained cells: summed back into
  // one row per cell, as the seed left them, before the table is rewritten.
  await compactAnalysisCells(db);
  await db.query('VACUUM (FULL, ANALYZE) analysis_patient');
  await db.query('VACUUM (FULL, ANALYZE) analysis_cell');
  console.log(`Removed the ${removed} visits this run wrote (--keep-writes keeps them) and compacted analysis_patient and analysis_cell.`);
}

interface Measured {
  rows: ResultRow[];
  details: Record<string, unknown>;
  host: Awaited<ReturnType<typeof machine>>;
  size: Awaited<ReturnType<typeof registrySize>>;
  /** The 1-minute load average when the sections ended (the start's is in host). */
  loadAfter: number;
}

/** Every section asked for, on one registry. */
async function measure(h: Harness): Promise<Measured> {
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  if (h.seeded) details.seeded = h.seeded;
  const [{ started }] = rowsOf<{ started: Date }>(await h.floorDb.query(`SELECT now() AS started`));
  try {
    const size = await registrySize(h.floorDb);
    const host = await machine(h.floorDb);
    console.log(`Registry: ${size.patients} patients, ${size.assessments} assessments, ${size.sites} sites. API at ${h.baseUrl}`);
    console.log(`Machine: ${host.cpus} cores (${host.cpuModel}), ${host.memoryGb} GB, ${host.postgres}, Node ${host.node}; load average ${host.loadAverage}\n`);
    // The API reads the maintained analysis table when the database has it, so its floor must too.
    const [{ analysis }] = rowsOf<{ analysis: boolean }>(await h.floorDb.query(`SELECT to_regclass('public.analysis_patient') IS NOT NULL AS analysis`));
    const useBase = flag('base-floors') || !analysis;
    const FLOORS = useBase ? BASE_TABLE_FLOORS : ANALYSIS_TABLE_FLOORS;
    const floorsOver = useBase ? 'base tables' : 'analysis_patient';
    details.floors = floorsOver;
    console.log(`SQL floors over ${floorsOver}\n`);
    const api = new ApiClient(h.baseUrl);
    const researcher = await api.login(BENCH_USERS.researcher);
    const head = await api.login(BENCH_USERS.head);
    const coordinator = await api.login(BENCH_USERS.coordinator);
    const admin = await api.login(BENCH_USERS.admin);
    const opts = { warmup: WARMUP, runs: RUNS, budgetMs: BUDGET_MS, minRuns: 5 };
    // A section that fails is reported as a failed row; the others still run and are written.
    const section = async (key: string, name: string, body: () => Promise<void>) => {
      if (!SECTIONS.has(key)) return;
      try {
        await body();
      } catch (e) {
        console.error(`  ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
        rows.push({
          operation: name,
          medianMs: null,
          p95Ms: null,
          target: '(did not run to the end)',
          met: false,
          note: `failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160)}`,
        });
      }
    };

    await section('similar', 'patients like this one', async () => void rows.push(...(await benchSimilarPatients(api, coordinator, h.floorDb, opts))));

    await section('analytics', 'analytics', async () => {
      // Analytics: the GraphQL query beside its floor and its own statements, on the same database.
      for (const cohort of BENCH_COHORTS) {
        for (const op of ANALYTICS.filter((o) => FIGURES.includes(o.name))) {
          const floor = FLOORS[op.name](cohort.filter);
          // The API's own statements for this answer, to run again alone: what the API adds to its SQL.
          const own = await h.recorder.during(() => api.gql(op.query, { f: cohort.filter }, researcher));
          // The three in turn in every round (interleaved), so that the machine's load falls on
          // each alike. Floors on the base tables take seconds: one warm-up for them and the
          // statements; the budget bounds the three together as it bounded each before.
          const [t, f, o] = await timeInterleaved(
            [
              { run: () => api.gql(op.query, { f: cohort.filter }, researcher), warmup: WARMUP },
              { run: () => h.bestDb.query(floor.sql, floor.values), warmup: Math.min(1, WARMUP) },
              {
                run: async () => {
                  for (const st of own) await h.floorDb.query(st.sql, st.params);
                },
                warmup: Math.min(1, WARMUP),
              },
            ],
            { runs: RUNS, minRuns: 5, budgetMs: BUDGET_MS + 2 * Math.min(BUDGET_MS, 15_000) },
          );
          const ratio = t.median / f.median;
          const met = op.compared ? t.median < TARGET.comparisonMs && ratio <= TARGET.ratio : null;
          rows.push({
            operation: `${op.name} [${cohort.name}]`,
            medianMs: round(t.median),
            p95Ms: round(t.p95),
            runs: t.runs,
            floorMs: round(f.median),
            ratio: Math.round(ratio * 100) / 100,
            apiSqlMs: round(o.median),
            apiSqlRatio: Math.round((t.median / o.median) * 100) / 100,
            target: op.compared ? `< ${TARGET.comparisonMs} ms, <= ${TARGET.ratio}x floor` : '(none set)',
            met,
          });
          process.stdout.write(
            `  ${op.name} [${cohort.name}]: ${t.median.toFixed(0)} ms (floor ${f.median.toFixed(0)} ms, its own ${own.length} statement(s) ${o.median.toFixed(0)} ms)\n`,
          );
        }
      }
    });

    await section('page', 'patients page', async () => {
      // A page of 50 patients, and the statements it costs at two page sizes.
      const statementsFor = async (first: number, token: string) => {
        h.db.statements.reset();
        await api.gql(PATIENTS_PAGE, { first }, token);
        return h.db.statements.count;
      };
      const page = await timeIt(() => api.gql(PATIENTS_PAGE, { first: 50 }, researcher), { warmup: WARMUP, runs: Math.max(RUNS, 15) });
      const statements = {
        first10: await statementsFor(10, researcher),
        first50: await statementsFor(50, researcher),
        coordinatorFirst50: await statementsFor(50, coordinator),
      };
      details.patientsPageStatements = statements;
      rows.push({
        operation: 'patients page of 50',
        medianMs: round(page.median),
        p95Ms: round(page.p95),
        runs: page.runs,
        target: `< ${TARGET.pageMs} ms, fixed statements`,
        met: page.median < TARGET.pageMs && statements.first10 === statements.first50,
        note: `${statements.first50} SQL statements at 50, ${statements.first10} at 10`,
      });
    });

    await section('list', 'patient list beside PostGraphile', async () => {
      if (!h.url) throw new Error('the PostGraphile peer needs DATABASE_URL');
      const list = await patientListSection({
        url: h.url,
        db: h.db,
        floorDb: h.floorDb,
        api,
        token: coordinator,
        warmup: WARMUP,
        runs: RUNS,
        rounds: ARGS.numbers['list-rounds'],
        roundSeconds: ARGS.numbers['list-seconds'],
        connections: 10,
      });
      rows.push(...list.rows);
      details.patientList = list.details;
    });

    await section('write', 'visit write', async () => {
      // A follow-up visit written by a coordinator, each run for another patient of the site.
      const visits = rowsOf<{ patient_id: string; treatment_id: string; visit_date: string }>(
        await h.floorDb.query(
          `SELECT p.id AS patient_id, i.id AS treatment_id, least(current_date, i.start_date + 1)::text AS visit_date
           FROM patient p JOIN app_user u ON u.email = $1 AND u.site_id = p.site_id
           JOIN LATERAL (SELECT t.id, t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) i ON true
           WHERE p.withdrawn_at IS NULL ORDER BY random() LIMIT $2`,
          [BENCH_USERS.coordinator, WARMUP + Math.max(RUNS, 15)],
        ),
      );
      let v = 0;
      const write = await timeIt(
        () => {
          const target = visits[v++ % visits.length];
          return api.gql(
            CREATE_VISIT,
            {
              i: {
                patientId: target.patient_id,
                treatmentId: target.treatment_id,
                timePoint: 'UNSCHEDULED',
                visitDate: target.visit_date,
                status: 'DONE',
                nrsRest: 3,
                nrsActivity: 4,
              },
            },
            coordinator,
          );
        },
        { warmup: WARMUP, runs: Math.max(RUNS, 15) },
      );
      rows.push({
        operation: 'write a follow-up visit',
        medianMs: round(write.median),
        p95Ms: round(write.p95),
        runs: write.runs,
        target: `< ${TARGET.writeMs} ms`,
        met: write.median < TARGET.writeMs,
      });
    });

    await section('dashboard', 'dashboard', async () => {
      // The dashboard.
      const js = gzippedJavaScript(DASHBOARD_COPY);
      details.dashboardJs = js;
      rows.push({
        operation: 'dashboard JavaScript (gzip -9)',
        medianMs: null,
        p95Ms: null,
        target: `< ${TARGET.jsKb} KB`,
        met: js.gzipBytes / 1024 < TARGET.jsKb,
        note: `${(js.gzipBytes / 1024).toFixed(1)} KB in ${js.files} files, ${(js.rawBytes / 1024).toFixed(0)} KB raw`,
      });
      if (!flag('skip-browser')) {
        const screen = await firstScreen(h.baseUrl, head, { warmup: 1, runs: 5 });
        details.firstScreenRequests = screen.requests;
        console.log(
          `  first screen (median run, ${screen.median} ms; every chart drawn at ${screen.wholePage.median} ms, median; last chart answered at ${screen.lastChartMs} ms), requests by when sent:`,
        );
        for (const r of screen.requests) console.log(`    ${String(r.sentMs).padStart(5)} -> ${String(r.answeredMs).padStart(5)} ms  ${r.what}`);
        rows.push({
          operation: `first screen in Chromium (department head overview, ${screen.viewport.width}x${screen.viewport.height} window)`,
          medianMs: round(screen.median),
          p95Ms: round(screen.p95),
          runs: screen.runs,
          target: `< ${TARGET.firstScreenMs} ms`,
          met: screen.median < TARGET.firstScreenMs,
        });
        // Where the page's main thread spent the first screen (one more run, profiled).
        const profiled = await profileFirstScreen(h.baseUrl, head, ARGS.strings['screen-profile']);
        details.firstScreenProfile = profiled;
        const share = (ms: number) => `${ms.toFixed(0)} ms`;
        console.log(`  first screen profiled (${profiled.firstScreenMs} ms, Chromium's sampling profiler on the page's main thread), by what ran:`);
        for (const w of profiled.byWhat) console.log(`    ${share(w.ms).padStart(8)}  ${w.what}`);
        console.log('  functions with the most time of their own:');
        for (const f of profiled.functions) console.log(`    ${share(f.ms).padStart(8)}  ${f.what}`);
        // The charts below the first screen, drawn after it: what the first screen was before.
        rows.push({
          operation: 'the whole overview in Chromium (every chart drawn, below the first screen too)',
          medianMs: round(screen.wholePage.median),
          p95Ms: round(screen.wholePage.p95),
          runs: screen.wholePage.runs,
          target: '(none set)',
          met: null,
        });
        // A returning visit, the browser's caches warm (two visits fill them): beside the target,
        // which is for a first visit.
        const returning = await returningScreen(h.baseUrl, head, { warmup: 2, runs: 5 });
        rows.push({
          operation: 'first screen of a returning visit (the same browser profile: its cache and compiled code kept)',
          medianMs: round(returning.median),
          p95Ms: round(returning.p95),
          runs: returning.runs,
          target: '(none set)',
          met: null,
        });
      }
    });

    await section('import', 'CSV import', async () => {
      // CSV import of many assessments in one transaction (an admin: every site).
      const file = await buildImportFile(h.floorDb, IMPORT_ROWS, Date.now() % 2 ** 31);
      const imported = await importFile(h.baseUrl, admin, file.csv);
      details.import = imported;
      rows.push({
        operation: `CSV import of ${imported.rows} assessments`,
        medianMs: round(imported.ms),
        p95Ms: null,
        runs: 1,
        target: `< ${TARGET.importMs / 1000} s`,
        met: imported.ms < TARGET.importMs,
        note: `${imported.created} created, ${imported.unchanged} unchanged, ${(imported.bytes / 2 ** 20).toFixed(1)} MB`,
      });
    });

    await section('export', 'export', async () => {
      // The whole registry's visits as one long CSV, streamed; the server is this process.
      const exported = await streamExport(h.baseUrl, researcher, 'format=long');
      details.export = exported;
      const growth = exported.rssPeakMb - exported.rssBeforeMb;
      rows.push({
        operation: `export ${exported.rows} rows (long CSV)`,
        medianMs: round(exported.ms),
        p95Ms: null,
        runs: 1,
        target: `RSS growth < ${TARGET.exportRssGrowthMb} MB`,
        met: growth < TARGET.exportRssGrowthMb,
        note: `${(exported.bytes / 2 ** 20).toFixed(0)} MB, RSS ${exported.rssBeforeMb.toFixed(0)} -> peak ${exported.rssPeakMb.toFixed(0)} MB`,
      });
    });

    const loadAfter = Math.round(os.loadavg()[0] * 100) / 100;
    details.loadAverageAfter = loadAfter;
    console.log(`\nLoad average ${host.loadAverage} at the start, ${loadAfter} at the end.\n`);
    printTable(rows);
    return { rows, details, host, size, loadAfter };
  } finally {
    if (!flag('keep-writes')) await removeWritesOfThisRun(h.floorDb, started);
  }
}

async function main(): Promise<void> {
  try {
    if (!SIZES) {
      const h = await startHarness(URL_, PATIENTS);
      try {
        const { rows, details, host, size } = await measure(h);
        // The committed results are a whole run's: a run of some sections writes only where told to.
        if (ARGS.strings.out === undefined && SECTIONS.size < ALL_SECTIONS.length)
          console.log('Some sections only: results not written (give --out to keep them).');
        else
          writeJson(OUT, {
            measuredAt: new Date().toISOString(),
            machine: host,
            registry: size,
            runs: RUNS,
            warmup: WARMUP,
            budgetSeconds: BUDGET_MS / 1000,
            targets: TARGET,
            results: rows,
            details,
          });
      } finally {
        await h.close();
      }
      return;
    }
    // One database per size, measured in turn (never at once: they would share the cores). Each
    // size's API stays up for the interleaved rounds of the overview at the end.
    const bySize: (Measured & { patients: number })[] = [];
    const open: { patients: number; h: Harness }[] = [];
    let interleaved: Awaited<ReturnType<typeof interleavedSizes>> | undefined;
    try {
      for (const patients of SIZES) {
        const { url, name } = urlForSize(URL_, patients);
        console.log(`\n=== ${patients} patients (database ${name}) ===`);
        await ensureDatabase(URL_, name);
        const h = await startHarness(url, patients);
        open.push({ patients, h });
        bySize.push({ patients, ...(await measure(h)) });
      }
      if (SECTIONS.has('analytics')) {
        const sized = await Promise.all(
          open.map(async ({ patients, h }) => {
            const api = new ApiClient(h.baseUrl);
            return { patients, api, token: await api.login(BENCH_USERS.researcher) };
          }),
        );
        const overview = ANALYTICS.filter((op) => OVERVIEW_FIGURES.includes(op.name) && FIGURES.includes(op.name));
        interleaved = await interleavedSizes(sized, overview, { warmup: WARMUP, rounds: Math.max(RUNS, 15) });
        printInterleaved(interleaved, TARGET.overviewMs, TARGET.overviewGrowth);
      }
    } finally {
      for (const { h } of open) await h.close();
    }
    const growth: GrowthRow[] = bySize[0].rows.map((r) => ({
      operation: r.operation,
      bySize: bySize.map((m) => {
        const same = m.rows.find((x) => x.operation === r.operation);
        return { patients: m.patients, medianMs: same?.medianMs ?? null, floorMs: same?.floorMs ?? null, apiSqlMs: same?.apiSqlMs ?? null };
      }),
    }));
    printGrowth(growth);
    console.log(`Load average at the start and end of each size: ${bySize.map((m) => `${m.patients}: ${m.host.loadAverage} -> ${m.loadAfter}`).join('; ')}`);
    writeJson(ARGS.strings.out ? OUT : path.join(__dirname, 'results', `bench-sizes-${SIZES.join('-')}.json`), {
      measuredAt: new Date().toISOString(),
      runs: RUNS,
      warmup: WARMUP,
      budgetSeconds: BUDGET_MS / 1000,
      targets: TARGET,
      sizes: bySize.map((m) => ({ patients: m.patients, machine: m.host, registry: m.size, results: m.rows, details: m.details })),
      growth,
      interleaved,
    });
  } finally {
    if (DASHBOARD_COPY) fs.rmSync(DASHBOARD_COPY, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`Bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
