// npm run bench -- [--patients N] [--runs N] [--warmup N] [--budget-seconds S] [--import-rows N] [--out file] [--skip-browser] [--base-floors]
//   [--sections analytics,similar,page,write,dashboard,import,export] [--keep-writes]
// Times the figures whose targets docs/performance.md lists, against a seeded registry: the API runs in this
// process (so its SQL statements can be counted) on a free loopback port, every operation goes
// through HTTP as a client sends it, and each analytics figure is also timed as plain SQL.
import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { openDatabase, OpenDatabase } from '@vfr/api-database';
import { seedDemoRegistry } from '@vfr/seed';
import { createApp, REGISTRY_SCHEMA } from '@vfr/api-app';
import { firstScreen, gzippedJavaScript, snapshotDashboard } from './dashboard';
import { ANALYSIS_TABLE_FLOORS, BASE_TABLE_FLOORS } from './floors';
import { ApiClient } from './http-client';
import { buildImportFile, importFile, streamExport } from './import-export';
import { machine } from './machine';
import { ANALYTICS, COHORTS, CREATE_VISIT, PATIENTS_PAGE } from './operations';
import { BENCH_USERS, ensureBenchUsers, registrySize, rowsOf, seedServerDatabase, Sql } from './registry-setup';
import { printTable, ResultRow, writeJson } from './report';
import { benchSimilarPatients } from './similar-patients';
import { timeIt, Timing } from './timing';
import { cliArgsOrExit } from '../cli-args';

const URL_ = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const ALL_SECTIONS = ['analytics', 'similar', 'page', 'write', 'dashboard', 'import', 'export'];
const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: `npm run bench -- [--patients N] [--runs R] [--warmup W] [--budget-seconds S] [--import-rows N] [--sections ${ALL_SECTIONS.join(',')}] [--out file] [--base-floors] [--skip-browser] [--keep-writes]`,
  numbers: {
    patients: { default: URL_ ? 100_000 : 5_000 },
    runs: { default: 15 },
    // Warm-up runs bring the API to its steady state (its hot paths JIT-compiled, the database's
    // cache warm), as a server is after its first minute of traffic; they are not counted.
    warmup: { default: 10, min: 0 },
    'budget-seconds': { default: 30, fraction: true },
    'import-rows': { default: 100_000 },
  },
  strings: ['out', 'sections'],
  flags: ['base-floors', 'skip-browser', 'keep-writes'],
});
const flag = (name: 'base-floors' | 'skip-browser' | 'keep-writes') => ARGS.flags[name];
const OUT = path.resolve(ARGS.strings.out ?? path.join(__dirname, 'results', 'bench-results.json'));
const PATIENTS = ARGS.numbers.patients;
const RUNS = ARGS.numbers.runs;
const WARMUP = ARGS.numbers.warmup;
const BUDGET_MS = ARGS.numbers['budget-seconds'] * 1000;
const IMPORT_ROWS = ARGS.numbers['import-rows'];
const SECTIONS = new Set(ARGS.strings.sections?.split(',') ?? ALL_SECTIONS);
for (const name of SECTIONS) if (!ALL_SECTIONS.includes(name)) throw new Error(`--sections takes ${ALL_SECTIONS.join(',')}; got ${name}`);

const TARGET = { comparisonMs: 150, ratio: 1.3, pageMs: 20, writeMs: 15, importMs: 20_000, firstScreenMs: 1500, jsKb: 400, exportRssGrowthMb: 256 };

interface Harness {
  db: OpenDatabase;
  floorDb: Sql;
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** The API in this process on the server database (seeded first if empty) or a fresh embedded one. */
async function startHarness(): Promise<Harness> {
  if (URL_) {
    const pool = new Pool({ connectionString: URL_, max: 2 });
    const [{ exists }] = rowsOf<{ exists: boolean }>(await pool.query(`SELECT to_regclass('public.patient') IS NOT NULL AS exists`));
    const existing = exists ? (await registrySize(pool)).patients : 0;
    if (existing === 0) seedServerDatabase(URL_, PATIENTS);
    else if (Math.abs(existing - PATIENTS) > PATIENTS * 0.05)
      console.warn(`Note: the database holds ${existing} patients (asked for ${PATIENTS}); benchmarking it as it is.`);
    const db = await openDatabase({ url: URL_, replicaUrls: [], dataDir: '', poolSize: 20 }, REGISTRY_SCHEMA);
    await db.dataSource.runMigrations({ transaction: 'each' });
    await ensureBenchUsers(pool);
    const { app, baseUrl } = await listen(db);
    return {
      db,
      floorDb: pool,
      app,
      baseUrl,
      async close() {
        await app.close();
        await db.close();
        await pool.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-bench-'));
  console.log(`No DATABASE_URL or TEST_DATABASE_URL: an embedded database with ${PATIENTS} patients (floors share its one connection queue).`);
  const db = await openDatabase({ replicaUrls: [], dataDir, poolSize: 4 }, REGISTRY_SCHEMA);
  await db.dataSource.runMigrations({ transaction: 'each' });
  await seedDemoRegistry(db.dataSource, { patients: PATIENTS });
  await db.dataSource.query('ANALYZE');
  await ensureBenchUsers(db.dataSource);
  const { app, baseUrl } = await listen(db);
  return {
    db,
    floorDb: db.dataSource,
    app,
    baseUrl,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Served from a private copy (see snapshotDashboard).
const DASHBOARD_COPY = snapshotDashboard();

async function listen(db: OpenDatabase): Promise<{ app: INestApplication; baseUrl: string }> {
  process.env.JWT_SECRET ??= `bench-${process.pid}-${Date.now()}`;
  const app = await createApp(db, { logger: false, closeDatabaseOnShutdown: false, dashboardDir: DASHBOARD_COPY });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}` };
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
  await db.query('VACUUM (FULL, ANALYZE) analysis_patient');
  console.log(`Removed the ${removed} visits this run wrote (--keep-writes keeps them) and compacted analysis_patient.`);
}

async function main(): Promise<void> {
  const h = await startHarness();
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  const [{ started }] = rowsOf<{ started: Date }>(await h.floorDb.query(`SELECT now() AS started`));
  try {
    const size = await registrySize(h.floorDb);
    const host = await machine(h.floorDb);
    console.log(`Registry: ${size.patients} patients, ${size.assessments} assessments, ${size.sites} sites. API at ${h.baseUrl}`);
    console.log(`Machine: ${host.cpus} cores (${host.cpuModel}), ${host.memoryGb} GB, ${host.postgres}, Node ${host.node}\n`);
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
      // Analytics: the GraphQL query, then its floor on the same database with the same cache state.
      for (const cohort of COHORTS) {
        for (const op of ANALYTICS) {
          const t = await timeIt(() => api.gql(op.query, { f: cohort.filter }, researcher), opts);
          const floor = FLOORS[op.name](cohort.filter);
          // Floors on the base tables take seconds: one warm-up and a shorter budget keep the run bounded.
          const f = await timeIt(() => h.floorDb.query(floor.sql, floor.values), {
            ...opts,
            warmup: Math.min(1, WARMUP),
            budgetMs: Math.min(BUDGET_MS, 15_000),
          });
          const ratio = t.median / f.median;
          const met = op.compared ? t.median < TARGET.comparisonMs && ratio <= TARGET.ratio : null;
          rows.push({
            operation: `${op.name} [${cohort.name}]`,
            medianMs: round(t.median),
            p95Ms: round(t.p95),
            runs: t.runs,
            floorMs: round(f.median),
            ratio: Math.round(ratio * 100) / 100,
            target: op.compared ? `< ${TARGET.comparisonMs} ms, <= ${TARGET.ratio}x floor` : '(none set)',
            met,
          });
          process.stdout.write(`  ${op.name} [${cohort.name}]: ${t.median.toFixed(0)} ms (floor ${f.median.toFixed(0)} ms)\n`);
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
        const screen: Timing = await firstScreen(h.baseUrl, head, { warmup: 1, runs: 5 });
        rows.push({
          operation: 'first screen in Chromium (department head overview)',
          medianMs: round(screen.median),
          p95Ms: round(screen.p95),
          runs: screen.runs,
          target: `< ${TARGET.firstScreenMs} ms`,
          met: screen.median < TARGET.firstScreenMs,
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

    console.log('');
    printTable(rows);
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
    if (!flag('keep-writes')) await removeWritesOfThisRun(h.floorDb, started);
    await h.close();
    fs.rmSync(DASHBOARD_COPY, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`Bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
