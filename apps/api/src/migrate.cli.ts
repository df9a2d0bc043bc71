// npm run migration:run, and the one-shot migrate service of docker/compose.yaml
// (node dist/server/apps/api/src/migrate.cli.js): applies pending migrations. It ships with the
// server because a deployment migrates with it; writing new migrations is tools/migration.cli.ts.
import 'reflect-metadata';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';

async function main(): Promise<void> {
  // The owner migrates: DATABASE_MIGRATION_URL when the API's DATABASE_URL is the restricted role.
  const config = databaseConfigFromEnv();
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
