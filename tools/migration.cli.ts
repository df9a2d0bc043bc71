// npm run migration:generate -- <Name>   writes migrations/<timestamp>-<Name>.ts from the
//                                        difference between the entities and the database
// (Applying pending migrations is apps/api/src/migrate.cli.ts: it ships with the server.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { databaseConfigFromEnv, openDatabase } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'generate' || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: migration.cli.ts generate <PascalCaseVerbNoun> (to apply migrations: npm run migration:run)');
  }
  // The owner migrates: DATABASE_MIGRATION_URL when the API's DATABASE_URL is the restricted role.
  const config = databaseConfigFromEnv();
  const db = await openDatabase({ ...config, url: config.migrationUrl ?? config.url }, REGISTRY_SCHEMA);
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The entities and the migrations agree: nothing to generate');
      return;
    }
    const timestamp = Date.now();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const file = path.join(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}; add it to migrations/index.ts`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
