import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';
import { bootstrapAdmin, DEMO_PASSWORD, isRegistryEmpty, seedDemoRegistry } from '@vfr/seed';
import { createApp } from './app.factory';
import { REGISTRY_SCHEMA } from './schema';

async function main(): Promise<void> {
  const logger = new Logger('Registry');
  const config = databaseConfigFromEnv();
  logger.log(config.url ? 'Using the PostgreSQL server in DATABASE_URL' : `Using the embedded PostgreSQL in ${config.dataDir}`);
  const db = await openDatabase(config, REGISTRY_SCHEMA);
  const applied = await db.dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);

  let logins: Awaited<ReturnType<typeof seedDemoRegistry>> | null = null;
  if (!config.url && (await isRegistryEmpty(db.dataSource))) {
    const patients = Number(process.env.DEMO_PATIENTS ?? 300);
    logger.log(`Empty database: seeding a demo registry of ${patients} patients`);
    logins = await seedDemoRegistry(db.dataSource, { patients });
  }

  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD && (await bootstrapAdmin(db.dataSource, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD))) {
    logger.log(`Created the first admin, ${process.env.ADMIN_EMAIL}`);
  }

  const app = await createApp(db);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  const url = `http://localhost:${port}`;
  const lines = [``, `Vertebral Fracture Outcomes Registry is running at ${url}`, `  GraphQL: ${url}/graphql   health: ${url}/health`];
  if (logins) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}" for all):`);
    for (const l of logins) lines.push(`    ${l.role.padEnd(16)} ${l.email}${l.site ? `  (site ${l.site})` : ''}`);
  } else if (!config.url) {
    lines.push(`  Demo logins: admin@demo.registry, researcher@demo.registry, coordinator.north@demo.registry, head.north@demo.registry (password "${DEMO_PASSWORD}")`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(`Could not start the registry: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
