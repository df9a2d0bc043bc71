// npm run seed -- --patients N [--sites K] [--seed S]
// Fills the registry (DATABASE_URL, or the embedded database under DATA_DIR) with a synthetic,
// deterministic registry. It refuses a database that already holds patients.
import { hash } from '@node-rs/argon2';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';
import { Role } from '@vfr/domain';
import { DEMO_PASSWORD, insertRegistry, Random } from '@vfr/seed';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { cliArgsOrExit } from '../cli-args';

const ARGS = cliArgsOrExit(process.argv.slice(2), {
  usage: 'npm run seed -- [--patients N] [--sites K] [--seed S]',
  numbers: { patients: { default: 1000 }, sites: { default: 5 }, seed: { default: 1 } },
});

async function main(): Promise<void> {
  const { patients, sites: siteCount, seed } = ARGS.numbers;
  // The owner migrates: DATABASE_MIGRATION_URL when the API's DATABASE_URL is the restricted role.
  const config = databaseConfigFromEnv();
  const db = await openDatabase({ ...config, url: config.migrationUrl ?? config.url }, REGISTRY_SCHEMA);
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const [{ n }] = await db.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM patient');
    if (n > 0) throw new Error(`the database already holds ${n} patients; seed an empty one`);
    const rnd = new Random(seed);
    const sites = Array.from({ length: siteCount }, (_, i) => ({
      id: rnd.uuid(),
      code: `SITE${String(i + 1).padStart(2, '0')}`,
      name: `Synthetic site ${i + 1}`,
    }));
    const [{ users }] = await db.dataSource.query<{ users: number }[]>('SELECT count(*)::int AS users FROM app_user');
    const passwordHash = await hash(DEMO_PASSWORD);
    const accounts =
      users > 0
        ? []
        : [
            { id: rnd.uuid(), email: 'admin@demo.registry', display_name: 'Ada Admin', role: Role.ADMIN, site_id: null, password_hash: passwordHash },
            {
              id: rnd.uuid(),
              email: 'researcher@demo.registry',
              display_name: 'Rita Researcher',
              role: Role.RESEARCHER,
              site_id: null,
              password_hash: passwordHash,
            },
          ];
    const started = Date.now();
    await insertRegistry(db.dataSource, { sites, users: accounts, patients, seed, copy: true });
    const counts = await db.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM assessment)::int AS assessments,
              (SELECT count(*) FROM treatment)::int AS treatments, (SELECT count(*) FROM complication)::int AS complications`,
    );
    await db.dataSource.query('ANALYZE');
    console.log(`Seeded ${JSON.stringify(counts[0])} across ${siteCount} sites in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`Seeding failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
