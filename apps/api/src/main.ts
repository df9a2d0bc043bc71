import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  API_ROLE,
  describeRole,
  EMBEDDED_API_LOGIN,
  ensureApiLogin,
  isRestricted,
  OpenDatabase,
  openDatabase,
  registryConfigFromEnv,
  sessionStatementTimeout,
  STATEMENT_TIMEOUT,
  StartupError,
} from '@vfr/api-database';
import { bootstrapAdmin, DEMO_PASSWORD, isRegistryEmpty, seedDemoRegistry } from '@vfr/seed';

let db: OpenDatabase | undefined;

async function main(): Promise<void> {
  const logger = new Logger('Registry');
  // Every setting checked before anything starts, and before the API's modules are even loaded
  // (some read their setting as they load): one sentence for each variable to fix.
  const settings = registryConfigFromEnv();
  const config = settings.database;
  const port = settings.port;
  const { createApp, REGISTRY_SCHEMA } = await import('@vfr/api-app');
  logger.log(config.url ? 'Using the PostgreSQL server in DATABASE_URL' : `Using the embedded PostgreSQL in ${config.dataDir}`);
  const migrated = (applied: { name: string }[]) => applied.length && logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);

  let logins: Awaited<ReturnType<typeof seedDemoRegistry>> | null = null;
  if (config.url) {
    // The owner migrates (DATABASE_MIGRATION_URL, or DATABASE_URL itself when that is the owner);
    // the API serves as DATABASE_URL's role, which should be the restricted one.
    if (config.migrationUrl) {
      const owner = await openDatabase({ ...config, url: config.migrationUrl, replicaUrls: [], poolSize: 1 }, REGISTRY_SCHEMA).catch((e: unknown) => {
        throw e instanceof StartupError ? new StartupError(e.message.replace(/DATABASE_URL/g, 'DATABASE_MIGRATION_URL')) : e;
      });
      try {
        migrated(await owner.dataSource.runMigrations({ transaction: 'each' }));
      } finally {
        await owner.close();
      }
    }
    db = await openDatabase(config, REGISTRY_SCHEMA);
    if (!config.migrationUrl) {
      const before = await describeRole(db.dataSource);
      if (before.auditTable && isRestricted(before)) {
        if (await pendingMigrations(db)) {
          throw new StartupError(
            `The database needs migrating and DATABASE_URL's role (${before.role}) may not change the schema: set DATABASE_MIGRATION_URL to the owner's URL.`,
          );
        }
      } else {
        migrated(
          await db.dataSource.runMigrations({ transaction: 'each' }).catch((e: { code?: string }) => {
            if (e?.code !== '42501') throw e;
            throw new StartupError(
              `DATABASE_URL's role (${before.role}) may not create the registry's tables: set DATABASE_MIGRATION_URL to the URL of the role that owns the database.`,
            );
          }),
        );
      }
    }
    const role = await describeRole(db.dataSource);
    if (!isRestricted(role)) {
      const why = role.superuser
        ? 'is a superuser'
        : role.owner
          ? "owns the registry's tables"
          : role.createRole
            ? 'may create roles'
            : 'may change audit events';
      const sentence = `DATABASE_URL's role (${role.role}) ${why}, so the API could rewrite the audit trail: connect the API as a member of ${API_ROLE} and give the owner's URL as DATABASE_MIGRATION_URL (docs/access-control.md).`;
      if (settings.production) throw new StartupError(sentence);
      logger.warn(sentence);
    }
    // The default timeout is the role's own setting (no startup parameter: PgBouncer refuses it).
    if ((await sessionStatementTimeout(db.dataSource)) === '0') {
      logger.warn(
        `DATABASE_URL's role (${role.role}) has no statement timeout, so a runaway query would keep its connection: give it one with ALTER ROLE ${role.role} SET statement_timeout = '${STATEMENT_TIMEOUT}' (docs/scaling.md).`,
      );
    }
  } else {
    // The embedded server: migrated and seeded as its superuser, served as a restricted role.
    const owner = await openDatabase(config, REGISTRY_SCHEMA);
    db = owner;
    migrated(await owner.dataSource.runMigrations({ transaction: 'each' }));
    if (await isRegistryEmpty(owner.dataSource)) {
      const patients = settings.demoPatients;
      logger.log(`Empty database: seeding a demo registry of ${patients} patients`);
      logins = await seedDemoRegistry(owner.dataSource, { patients });
    }
    await ensureApiLogin(owner.dataSource, EMBEDDED_API_LOGIN);
    const api = await owner.connectAs!({ username: EMBEDDED_API_LOGIN });
    db = {
      ...api,
      close: async () => {
        await api.close();
        await owner.close();
      },
    };
  }

  const admin = settings.adminAccount;
  if (admin && (await bootstrapAdmin(db.dataSource, admin.email, admin.password))) {
    logger.log(`Created the first admin, ${admin.email}`);
  }

  const app = await createApp(db);
  try {
    await app.listen(port, settings.host);
  } catch (e) {
    await app.close().catch(() => undefined);
    db = undefined; // closed with the app
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${port} is already in use by another program: stop it, or set PORT to a free port.`);
    if (code === 'EACCES') throw new StartupError(`Port ${port} needs administrator rights: set PORT to a number above 1023.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new StartupError(`HOST (${settings.host}) is not an address of this machine: correct it, or leave it unset.`);
    throw e;
  }
  const url = `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
  const lines = [``, `Vertebral Fracture Outcomes Registry is running at ${url}`, `  GraphQL: ${url}/graphql   health: ${url}/health`];
  if (logins) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}" for all):`);
    for (const l of logins) lines.push(`    ${l.role.padEnd(16)} ${l.email}${l.site ? `  (site ${l.site})` : ''}`);
  } else if (!config.url) {
    lines.push(
      `  Demo logins: admin@demo.registry, researcher@demo.registry, coordinator.north@demo.registry, head.north@demo.registry (password "${DEMO_PASSWORD}")`,
    );
  }
  console.log(lines.join('\n') + '\n');
}

/** Whether migrations are pending, read without changing anything (the restricted role may not). */
async function pendingMigrations(open: OpenDatabase): Promise<boolean> {
  try {
    const done = new Set((await open.dataSource.query<{ name: string }[]>(`SELECT name FROM migrations`)).map((r) => r.name));
    return open.dataSource.migrations.some((m) => !done.has(m.name ?? m.constructor.name));
  } catch {
    return true; // no migrations table yet: a new database
  }
}

/** An error's cause in words: an Error or a plain value as String() writes it, an object as JSON rather than [object Object]. */
function causeText(cause: unknown): string {
  return typeof cause === 'object' && cause !== null && !(cause instanceof Error) ? JSON.stringify(cause) : String(cause);
}

main().catch(async (e) => {
  // A sentence for what the person starting the registry can fix; anything else with its cause.
  const message = e instanceof StartupError ? e.message : e instanceof Error ? `${e.message}${e.cause ? ` (${causeText(e.cause)})` : ''}` : JSON.stringify(e);
  console.error(`Could not start the registry: ${message}`);
  await db?.close().catch(() => undefined);
  process.exit(1);
});
