// For the upgrade-data test (backup.testing.ts's makeLegacyDataDir runs it):
//   node tools/run-ts.js tools/backup/legacy-data-dir.cli.ts '{"dir": ..., "source": <pg client config>, "through": <migration>}'
// writes an earlier release's DATA_DIR (a PGlite cluster in the directory itself, migrated through
// the migration named, holding the source database's rows) and prints that release's tables as JSON.
// A command of its own because PGlite loads its WebAssembly with a dynamic import, which jest's
// sandbox allows only under --experimental-vm-modules, a flag under which every test file's modules
// stay in memory until its worker exits.
import { PGlite } from '@electric-sql/pglite';
import { Client, ClientConfig } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { MIGRATIONS } from '@vfr/migrations';
import { CatalogTable, readCatalog, SEEDED_BY_MIGRATIONS } from './backup.catalog';
import { TEXT_SETTINGS } from './backup.format';

export interface LegacyDataDirJob {
  dir: string;
  /** The database whose rows the earlier release's registry holds. */
  source: ClientConfig;
  /** The last migration that release had run (its class name). */
  through: string;
}

async function makeLegacyDataDir({ dir, source, through }: LegacyDataDirJob): Promise<CatalogTable[]> {
  const last = MIGRATIONS.findIndex((m) => m.name === through);
  if (last < 0) throw new Error(`no migration is named ${through}`);
  const pglite = await PGlite.create({ dataDir: dir });
  try {
    await pglite.exec(
      `CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"))`,
    );
    const runner = {
      query: async (sql: string, params?: unknown[]) => (params?.length ? (await pglite.query(sql, params)).rows : (await pglite.exec(sql)).at(-1)?.rows),
    };
    for (const Migration of MIGRATIONS.slice(0, last + 1)) {
      const m = new (Migration as unknown as new () => { name: string; up(q: unknown): Promise<void> })();
      await m.up(runner);
      await pglite.query(`INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)`, [Number(m.name.slice(-13)), m.name]);
    }

    for (const [name, value] of Object.entries(TEXT_SETTINGS)) await pglite.query('SELECT set_config($1, $2, false)', [name, value]);
    await pglite.query(`SELECT set_config('vfr.analysis_deferred', 'on', false)`);
    const legacy = await readCatalog({ query: async (sql, params) => (await pglite.query<never>(sql, params)).rows });
    const client = new Client(source);
    await client.connect();
    try {
      for (const [name, value] of Object.entries(TEXT_SETTINGS)) await client.query('SELECT set_config($1, $2, false)', [name, value]);
      for (const t of legacy.tables) {
        if (SEEDED_BY_MIGRATIONS.includes(t.name)) await pglite.query(`DELETE FROM "${t.name}"`);
        const columns = t.columns.map((c) => `"${c}"`).join(', ');
        const chunks: Buffer[] = [];
        for await (const chunk of client.query(copyTo(`COPY (SELECT ${columns} FROM "${t.name}") TO STDOUT`)) as AsyncIterable<Buffer>) chunks.push(chunk);
        await pglite.query(`COPY "${t.name}" (${columns}) FROM '/dev/blob'`, [], { blob: new Blob([Buffer.concat(chunks)]) });
      }
      const { rows } = await client.query<{ v: string }>(`SELECT last_value::text AS v FROM audit_event_id_seq`);
      await pglite.query(`SELECT setval('audit_event_id_seq', $1::bigint)`, [rows[0].v]);
    } finally {
      await client.end();
    }
    return legacy.tables;
  } finally {
    await pglite.close();
  }
}

makeLegacyDataDir(JSON.parse(process.argv[2]) as LegacyDataDirJob).then(
  (tables) => process.stdout.write(JSON.stringify(tables)),
  (e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
  },
);
