import { hash } from '@node-rs/argon2';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Role } from '@vfr/domain';
import { BENCH_PASSWORD } from './http-client';

/** Anything that answers SQL: a pg Pool (its answer holds the rows) or a TypeORM DataSource (its answer is the rows). */
export interface Sql {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** The rows of either answer, typed as the columns the caller's SELECT names. */
export function rowsOf<Row>(answer: unknown): Row[] {
  return (Array.isArray(answer) ? answer : (answer as { rows: Row[] }).rows) as Row[];
}

export const BENCH_USERS = {
  researcher: 'researcher@demo.registry',
  head: 'head.bench@demo.registry',
  coordinator: 'coordinator.bench@demo.registry',
  admin: 'admin.bench@demo.registry',
} as const;

export interface RegistrySize {
  patients: number;
  assessments: number;
  sites: number;
}

export async function registrySize(db: Sql): Promise<RegistrySize> {
  const [r] = rowsOf<RegistrySize>(
    await db.query(
      `SELECT (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM assessment)::int AS assessments, (SELECT count(*) FROM site)::int AS sites`,
    ),
  );
  return { patients: Number(r.patients), assessments: Number(r.assessments), sites: Number(r.sites) };
}

/** Seeds a server database with the synthetic registry through the seed command (it refuses a non-empty one). */
export function seedServerDatabase(url: string, patients: number): void {
  const root = path.resolve(__dirname, '../..');
  console.log(`Seeding ${patients} patients into the database (this takes a while)...`);
  const r = spawnSync(process.execPath, [path.join(root, 'tools/run-ts.js'), 'tools/seed/seed.cli.ts', '--patients', String(patients)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`seeding failed with exit code ${r.status}`);
}

/**
 * The synthetic seed creates only an admin and a researcher; the bench also signs in as a
 * department head and a coordinator of the first site. Created once, with the demo password.
 */
export async function ensureBenchUsers(db: Sql): Promise<{ siteId: string; siteCode: string }> {
  const [site] = rowsOf<{ id: string; code: string }>(await db.query(`SELECT id, code FROM site ORDER BY code LIMIT 1`));
  if (!site) throw new Error('the database holds no site: seed it first');
  const passwordHash = await hash(BENCH_PASSWORD);
  const users: [string, Role, string | null][] = [
    [BENCH_USERS.researcher, Role.RESEARCHER, null],
    [BENCH_USERS.admin, Role.ADMIN, null],
    [BENCH_USERS.head, Role.DEPARTMENT_HEAD, site.id],
    [BENCH_USERS.coordinator, Role.COORDINATOR, site.id],
  ];
  for (const [email, role, siteId] of users) {
    await db.query(`INSERT INTO app_user (email, display_name, role, site_id, password_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`, [
      email,
      `Bench ${role.toLowerCase()}`,
      role,
      siteId,
      passwordHash,
    ]);
  }
  return { siteId: site.id, siteCode: site.code };
}
