import * as fs from 'node:fs';
import * as path from 'node:path';
import { openDatabase } from '@vfr/api-database';
import { openTestDatabase, TestDatabase } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { MIGRATIONS } from '@vfr/migrations';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { CatalogTable } from './backup.catalog';
import { digests, Digests, emptyDataDir, makeLegacyDataDir, runCommand, treeHash } from './backup.testing';

// An earlier release's DATA_DIR is made here, not committed: PGlite's cluster in the directory
// itself, migrated to the schema of the last release that ran on PGlite (through AddRecordKeys),
// holding the rows of a seeded registry.
describe('npm run upgrade-data', () => {
  let source: TestDatabase;
  let expected: Digests;
  let legacyTables: CatalogTable[];
  const dataDir = emptyDataDir('vfr-legacy-');
  let legacyFiles: string;

  beforeAll(async () => {
    source = await openTestDatabase('embedded');
    await seedDemoRegistry(source.dataSource, { patients: 120, seed: 9 });
    await source.dataSource.query(
      `UPDATE patient_identifier SET family_name = E'Ünïcode \\\\ back\\tslash\\nnew' WHERE patient_id = (SELECT min(patient_id::text)::uuid FROM patient_identifier)`,
    );
    legacyTables = await makeLegacyDataDir(dataDir, source.dataSource, 'AddRecordKeys1795600200000');
    // What that release held: its tables and columns (the newer ones are the newer migrations' to
    // fill, and their own tests say how). The analysis rows are recomputed from the rows, so they
    // are left out here and checked by the analysis table's own test.
    legacyTables = legacyTables.filter((t) => t.name !== 'analysis_patient');
    expected = await digests(source.dataSource, legacyTables);
    legacyFiles = treeHash(dataDir);
  }, 180000);

  afterAll(async () => {
    await source?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is what a start of this release asks for on such a DATA_DIR', async () => {
    await expect(openDatabase({ replicaUrls: [], dataDir, poolSize: 2 }, REGISTRY_SCHEMA)).rejects.toThrow(/npm run upgrade-data/);
  });

  it('converts it into the embedded PostgreSQL cluster with every row, runs the newer migrations, and leaves the old files as they were', async () => {
    const r = await runCommand('upgrade-data', [], { DATA_DIR: dataDir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const newest = new (MIGRATIONS[MIGRATIONS.length - 1] as new () => { name: string })().name;
    expect(r.stdout).toMatch(new RegExp(`Applied the migrations newer than the backup: (\\w+, )*${newest}\\.`));
    expect(r.stdout).toMatch(/Converted the registry in .*: 3 sites, 8 users, 120 patients/);
    expect(r.stdout).toMatch(/The earlier release's files are still in .*, unchanged \(PG_VERSION, base, global/);
    expect(r.stdout).toMatch(/Remove them once you are satisfied/);

    // The old files were copied, never opened where they are.
    const now = fs.readdirSync(dataDir).filter((e) => !['postgres', 'postgres.log'].includes(e));
    const tmp = emptyDataDir('vfr-legacy-check-');
    try {
      for (const e of now) fs.cpSync(path.join(dataDir, e), path.join(tmp, e), { recursive: true });
      expect(treeHash(tmp)).toBe(legacyFiles);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }

    const db = await openDatabase({ replicaUrls: [], dataDir, poolSize: 2 }, REGISTRY_SCHEMA);
    try {
      // The newest migration made the converted registry's record keys from a secret of its own (the
      // earlier release had none); given the source's secret they are the source's keys.
      const [{ secret }] = await source.dataSource.query(`SELECT secret FROM disclosure_secret`);
      await db.dataSource.query(`UPDATE disclosure_secret SET secret = $1`, [secret]);
      await db.dataSource.query(`UPDATE analysis_patient SET record_key = record_key(patient_id)`);
      // Every row as it was.
      expect(await digests(db.dataSource, legacyTables)).toEqual(expected);
      const applied = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
      expect(applied.map((m: { name: string }) => m.name)).toEqual(MIGRATIONS.map((m) => new (m as new () => { name: string })().name));
      expect(await db.dataSource.showMigrations()).toBe(false);
    } finally {
      await db.close();
    }
  }, 180000);

  it('says there is nothing to do when run again', async () => {
    const r = await runCommand('upgrade-data', [], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/already holds this release's database .*: there is nothing to upgrade\./);
  }, 60000);

  it('refuses a DATA_DIR that holds no earlier registry', async () => {
    const empty = emptyDataDir();
    try {
      const r = await runCommand('upgrade-data', [], { DATA_DIR: empty });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/holds no registry of an earlier release \(there is no PG_VERSION file in it\)/);
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  }, 60000);
});
