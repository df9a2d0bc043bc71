import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AuditAction, passwordProblem, Role, todayIso } from '@vfr/domain';
import { zxcvbnEstimator } from '@vfr/domain/password-strength';
import { compactAnalysisCells, deferAnalysis, refreshAnalysis } from '@vfr/api-database';
import { bulkInsert, copyRows } from './bulk-insert';
import { Random } from './random';
import { generateRegistry, SiteRef, SyntheticRegistry } from './synthetic-registry';
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

/** Table order respects foreign keys. */
// Patients per analysis refresh statement: its array parameter and its plan stay modest.
const REFRESH_SLICE = 20_000;
const TABLES: (keyof SyntheticRegistry)[] = ['patient', 'patient_identifier', 'fracture', 'treatment', 'treated_level', 'assessment', 'complication', 'death'];

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
    batch?: number;
    /**
     * COPY rather than multi-row INSERTs for the registry's rows: several times faster for a large
     * registry (npm run seed). The demo registry of a first start keeps INSERTs, which the fault
     * runs watch for.
     */
    copy?: boolean;
  },
): Promise<void> {
  const batch = input.batch ?? 5000;
  await dataSource.transaction(async (manager) => {
    await bulkInsert(
      manager,
      'site',
      input.sites.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    );
    await bulkInsert(manager, 'app_user', input.users);
    await deferAnalysis(manager);
    const ids: string[] = [];
    for (let offset = 0; offset < input.patients; offset += batch) {
      const registry = generateRegistry({
        patients: Math.min(batch, input.patients - offset),
        sites: input.sites,
        seed: input.seed * 1_000_003 + offset,
        today: todayIso(),
        offset,
      });
      const insert = input.copy ? copyRows : bulkInsert;
      for (const table of TABLES) await insert(manager, table, registry[table]);
      for (const p of registry.patient) ids.push(p.id as string);
    }
    // The analysis rows after every source row is in, in slices, each a set-based statement over
    // its patients (refreshAnalysis, which first refreshes the planner's statistics for a large
    // slice, as it always has: a small registry is refreshed exactly as a restored one is, which
    // the backup round trip compares).
    for (let start = 0; start < ids.length; start += REFRESH_SLICE) await refreshAnalysis(manager, ids.slice(start, start + REFRESH_SLICE));
    await seedQuestionnaires(manager, todayIso());
    // The visits answered through a link count in follow-up completeness as such: their patients'
    // analysis rows keep it (cells_answered), written with the analysis deferred, so refreshed here.
    const answered = await manager.query<{ id: string }[]>(`SELECT DISTINCT patient_id AS id FROM questionnaire_invitation WHERE assessment_id IS NOT NULL`);
    for (let start = 0; start < answered.length; start += REFRESH_SLICE)
      await refreshAnalysis(
        manager,
        answered.slice(start, start + REFRESH_SLICE).map((r) => r.id),
      );
    // Each slice appended its cells (analysis_cell); the overview reads them as one row per cell.
    await compactAnalysisCells(manager);
    await manager.query(`INSERT INTO audit_event (entity_type, entity_id, action, after, reason) VALUES ('Registry', 'synthetic', $1, $2, $3)`, [
      AuditAction.IMPORT,
      JSON.stringify({ patients: input.patients, sites: input.sites.length, seed: input.seed }),
      'synthetic registry generated',
    ]);
  });
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
