// npm run migration:run, and the one-shot migrate service of docker/compose.yaml
// (node dist/server/apps/api/src/migrate.cli.js): applies pending migrations. It ships with the
// server because a deployment migrates with it; writing new migrations is tools/migration.cli.ts.
import 'reflect-metadata';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';

async function main(): Promise<void> {
  // The owner migrates: DATABASE_MIGRATION_URL when the API's DATABASE_URL is the restricted role.
  const config = databaseConfigFromEnv();
  // The app's library is loaded after the database settings are read, as main.ts loads it: some
  // of its modules read settings as they load, so a bad database setting is reported first.
  const { REGISTRY_SCHEMA } = await import('@vfr/api-app');
  const db = await openDatabase({ ...config, url: config.migrationUrl ?? config.url }, REGISTRY_SCHEMA);
  try {
    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations');
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
