import { hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, passwordProblem, Role, todayIso } from '@vfr/domain';
import { zxcvbnEstimator } from '@vfr/domain/password-strength';
import { compactAnalysisCells, deferAnalysis, refreshAnalysis } from '@vfr/api-database';
import { bulkInsert, copyText } from './bulk-insert';
import { restoreAfterBulkLoad, setAsideForBulkLoad } from './bulk-load';
import { Random } from './random';
import { BatchSpec, copyBatch, CopyBatch, generateBatch, REGISTRY_TABLES } from './registry-batch';
import { SiteRef } from './synthetic-registry';
import { seedQuestionnaires } from './questionnaires.seed';

// Seeded directly (demo data, not chosen by a person); it passes the password rule all the same.
export const DEMO_PASSWORD = 'demo-registry-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  site: string | null;
}

const DEMO_SITES = [
  { code: 'NORTH', name: 'North General Hospital' },
  { code: 'CENTRAL', name: 'Central University Hospital' },
  { code: 'SOUTH', name: 'South Spine Centre' },
];

// Patients per analysis refresh statement: its array parameter and its plan stay modest.
const REFRESH_SLICE = 20_000;
// Patients per generated batch. Each batch draws from a seed of its own (the registry's and the
// batch's offset), so changing this changes the rows a registry seed gives.
const BATCH = 5000;

export async function isRegistryEmpty(dataSource: DataSource): Promise<boolean> {
  // A bigint, which pg hands over as a string.
  const [{ n }] = await dataSource.query<{ n: string }[]>('SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM app_user) AS n');
  return Number(n) === 0;
}

/** Sites, one user per role (a coordinator and a department head per site), and patients. */
export async function seedDemoRegistry(dataSource: DataSource, options: { patients: number; seed?: number }): Promise<DemoLogin[]> {
  const rnd = new Random(options.seed ?? 1);
  const passwordHash = await hash(DEMO_PASSWORD);
  const sites: (SiteRef & { name: string })[] = DEMO_SITES.map((s) => ({ ...s, id: rnd.uuid() }));
  const users: { email: string; display_name: string; role: Role; site_id: string | null }[] = [
    { email: 'admin@demo.registry', display_name: 'Ada Admin', role: Role.ADMIN, site_id: null },
    { email: 'researcher@demo.registry', display_name: 'Rita Researcher', role: Role.RESEARCHER, site_id: null },
    ...sites.flatMap((s) => [
      { email: `coordinator.${s.code.toLowerCase()}@demo.registry`, display_name: `Coordinator ${s.name}`, role: Role.COORDINATOR, site_id: s.id },
      { email: `head.${s.code.toLowerCase()}@demo.registry`, display_name: `Head of department ${s.name}`, role: Role.DEPARTMENT_HEAD, site_id: s.id },
    ]),
  ];
  await insertRegistry(dataSource, {
    sites,
    users: users.map((u) => ({ id: rnd.uuid(), ...u, password_hash: passwordHash })),
    patients: options.patients,
    seed: options.seed ?? 1,
  });
  return users.map((u) => ({ email: u.email, role: u.role, site: sites.find((s) => s.id === u.site_id)?.code ?? null }));
}

/**
 * Writes sites, users and a synthetic registry in one transaction, with one audit event: a start
 * killed at any point leaves either the whole registry or an empty one, which the next start
 * seeds again.
 */
export async function insertRegistry(
  dataSource: DataSource,
  input: {
    sites: (SiteRef & { name: string })[];
    users: Record<string, unknown>[];
    patients: number;
    seed: number;
    /** Patients per generated batch (default 5,000). Each batch has a seed of its own: another size gives other rows. */
    batch?: number;
    /**
     * A bulk load rather than multi-row INSERTs for the registry's rows (npm run seed): COPY into
     * the source tables with their secondary indexes and foreign keys set aside, built and checked
     * once at the end, then the analysis rows refreshed in slices. The demo registry of a first
     * start keeps INSERTs, which the fault runs watch for.
     */
    copy?: boolean;
    /**
     * Generates a batch for COPY (default: in this thread). npm run seed hands the batches to worker
     * threads, so that generating the next batches overlaps with the database writing this one.
     */
    produce?: (spec: BatchSpec) => Promise<CopyBatch>;
    /** Batches asked of `produce` ahead of the one being written. */
    ahead?: number;
    /** Seconds spent per phase, added to as the seed goes (npm run seed prints them). */
    timings?: Record<string, number>;
    /** Told the server process id of the transaction's connection (npm run seed reads its CPU time). */
    onBackend?: (pid: number) => void;
  },
): Promise<void> {
  const timings = input.timings ?? {};
  const timed = async <T>(phase: string, work: () => Promise<T> | T): Promise<T> => {
    const began = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] = (timings[phase] ?? 0) + (performance.now() - began) / 1000;
    }
  };
  const today = todayIso();
  // The batches' sizes decide their seeds: the same registry seed gives the same rows only with the same batches.
  const specs: BatchSpec[] = [];
  const batch = input.batch ?? BATCH;
  for (let offset = 0; offset < input.patients; offset += batch)
    specs.push({ patients: Math.min(batch, input.patients - offset), sites: input.sites, seed: input.seed, today, offset });
  await dataSource.transaction(async (manager) => {
    await bulkInsert(
      manager,
      'site',
      input.sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    );
    await bulkInsert(manager, 'app_user', input.users);
    await deferAnalysis(manager);
    if (input.onBackend) {
      const [{ pid }]: { pid: number }[] = await manager.query(`SELECT pg_backend_pid() AS pid`);
      input.onBackend(pid);
    }
    const ids: string[] = [];
    if (input.copy) {
      const setAside = await setAsideForBulkLoad(manager, REGISTRY_TABLES);
      const produce = input.produce ?? ((spec: BatchSpec) => Promise.resolve(copyBatch(spec)));
      const ahead = Math.max(1, input.ahead ?? 1);
      const pending: Promise<CopyBatch>[] = [];
      let next = 0;
      while (next < specs.length && pending.length < ahead) pending.push(produce(specs[next++]));
      while (pending.length > 0) {
        const generated = await timed('waiting for generated rows', () => pending.shift()!);
        if (next < specs.length) pending.push(produce(specs[next++]));
        for (const { table, text } of generated.tables) await timed(`COPY ${table}`, () => copyText(manager, table, text));
        ids.push(...generated.patientIds);
      }
      // Sorting beats growing an index row by row, and a set-based check beats one lookup per row.
      await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      await timed('indexes and foreign keys', () => restoreAfterBulkLoad(manager, setAside));
      // The analysis rows after every source row is in, under statistics of the tables as they now
      // are, taken once: refreshAnalysis would take them again before each slice of 1,000 or more.
      await timed('ANALYZE before the refresh', () => manager.query(`ANALYZE ${REGISTRY_TABLES.join(', ')}`));
      for (let start = 0; start < ids.length; start += REFRESH_SLICE)
        await timed('analysis refresh', () => refreshAnalysisAsAnalyzed(manager, ids.slice(start, start + REFRESH_SLICE)));
    } else {
      for (const spec of specs) {
        const registry = await timed('generate', () => generateBatch(spec));
        for (const table of REGISTRY_TABLES) await timed(`write ${table}`, () => bulkInsert(manager, table, registry[table]));
        for (const p of registry.patient) ids.push(p.id as string);
      }
      // The analysis rows after every source row is in, in slices, each a set-based statement over
      // its patients (refreshAnalysis, which first refreshes the planner's statistics for a large
      // slice, as it always has: a small registry is refreshed exactly as a restored one is, which
      // the backup round trip compares).
      for (let start = 0; start < ids.length; start += REFRESH_SLICE)
        await timed('analysis refresh', () => refreshAnalysis(manager, ids.slice(start, start + REFRESH_SLICE)));
    }
    await timed('questionnaires', () => seedQuestionnaires(manager, today));
    // The visits answered through a link count in follow-up completeness as such: their patients'
    // analysis rows keep it (cells_answered), written with the analysis deferred, so refreshed here.
    const answered = await manager.query<{ id: string }[]>(`SELECT DISTINCT patient_id AS id FROM questionnaire_invitation WHERE assessment_id IS NOT NULL`);
    for (let start = 0; start < answered.length; start += REFRESH_SLICE)
      await timed('analysis refresh', () =>
        refreshAnalysis(
          manager,
          answered.slice(start, start + REFRESH_SLICE).map((r) => r.id),
        ),
      );
    // Each slice appended its cells (analysis_cell); the overview reads them as one row per cell.
    await timed('cells compaction', () => compactAnalysisCells(manager));
    await manager.query(`INSERT INTO audit_event (entity_type, entity_id, action, after, reason) VALUES ('Registry', 'synthetic', $1, $2, $3)`, [
      AuditAction.IMPORT,
      JSON.stringify({ patients: input.patients, sites: input.sites.length, seed: input.seed }),
      'synthetic registry generated',
    ]);
  });
  // The slices appended their cells and the compaction above folded them into one row per cell,
  // leaving some four dead rows for each live one; every overview figure reads this table, and
  // read through the dead rows its figures took several times as long. Outside the transaction,
  // as VACUUM must be; a small table, so the lock is brief.
  await timed('cells compaction', () => dataSource.query('VACUUM (FULL, ANALYZE) analysis_cell'));
}

/**
 * analysis_refresh of these patients with the maintained cells' triggers on (as refreshAnalysis
 * runs it), without refreshAnalysis's ANALYZE before each slice: the bulk load took the
 * statistics once after its last row, and nothing changes the source tables after that.
 */
async function refreshAnalysisAsAnalyzed(manager: EntityManager, ids: string[]): Promise<void> {
  const [{ was }]: { was: string }[] = await manager.query(
    `SELECT coalesce(current_setting('vfr.analysis_deferred', true), '') AS was, set_config('vfr.analysis_deferred', 'off', true)`,
  );
  await manager.query(`SELECT analysis_refresh($1::uuid[])`, [ids]);
  await manager.query(`SELECT set_config('vfr.analysis_deferred', $1, true)`, [was]);
}

/**
 * A server database starts with no users: ADMIN_EMAIL and ADMIN_PASSWORD create the first admin
 * (once, on an empty user table), who then creates sites and users through the API.
 */
export async function bootstrapAdmin(dataSource: DataSource, email: string, password: string): Promise<boolean> {
  const [{ n }] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM app_user');
  if (n > 0) return false;
  // The password rule (libs/domain) applies as it does to every password a person chooses.
  const problem = passwordProblem('ADMIN_PASSWORD', password, { email }, zxcvbnEstimator);
  if (problem) throw new Error(problem);
  const passwordHash = await hash(password);
  await dataSource.transaction(async (manager) => {
    const [user] = await manager.query<{ id: string }[]>(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Administrator', 'ADMIN', $2) RETURNING id`,
      [email.trim().toLowerCase(), passwordHash],
    );
    await manager.query(
      `INSERT INTO audit_event (entity_type, entity_id, action, after, reason) VALUES ('User', $1, 'CREATE', $2, 'first admin from ADMIN_EMAIL')`,
      [user.id, JSON.stringify({ email: email.trim().toLowerCase(), role: 'ADMIN' })],
    );
  });
  return true;
}
