import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { OpenDatabase, openDatabase, registryConfigFromEnv, StartupError } from '@vfr/api-database';
import { bootstrapAdmin, DEMO_PASSWORD, isRegistryEmpty, seedDemoRegistry } from '@vfr/seed';

let db: OpenDatabase | undefined;

async function main(): Promise<void> {
  const logger = new Logger('Registry');
  // Every setting checked before anything starts, and before the API's modules are even loaded
  // (some read their setting as they load): one sentence for each variable to fix.
  const settings = registryConfigFromEnv();
  const config = settings.database;
  const port = settings.port;
  const { createApp } = await import('./app.factory');
  const { REGISTRY_SCHEMA } = await import('./schema');
  logger.log(config.url ? 'Using the PostgreSQL server in DATABASE_URL' : `Using the embedded PostgreSQL in ${config.dataDir}`);
  db = await openDatabase(config, REGISTRY_SCHEMA);
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
  try {
    await app.listen(port, process.env.HOST ?? '0.0.0.0');
  } catch (e) {
    await app.close().catch(() => undefined);
    db = undefined; // closed with the app
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${port} is already in use by another program: stop it, or set PORT to a free port.`);
    if (code === 'EACCES') throw new StartupError(`Port ${port} needs administrator rights: set PORT to a number above 1023.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StartupError(`HOST (${process.env.HOST}) is not an address of this machine: correct it, or leave it unset.`);
    throw e;
  }
  const url = `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
  const lines = [``, `Vertebral Fracture Outcomes Registry is running at ${url}`, `  GraphQL: ${url}/graphql   health: ${url}/health`];
  if (logins) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}" for all):`);
    for (const l of logins) lines.push(`    ${l.role.padEnd(16)} ${l.email}${l.site ? `  (site ${l.site})` : ''}`);
  } else if (!config.url) {
    lines.push(`  Demo logins: admin@demo.registry, researcher@demo.registry, coordinator.north@demo.registry, head.north@demo.registry (password "${DEMO_PASSWORD}")`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch(async (e) => {
  // A sentence for what the person starting the registry can fix; anything else with its cause.
  const message = e instanceof StartupError ? e.message : e instanceof Error ? `${e.message}${e.cause ? ` (${String(e.cause)})` : ''}` : JSON.stringify(e);
  console.error(`Could not start the registry: ${message}`);
  await db?.close().catch(() => undefined);
  process.exit(1);
});
