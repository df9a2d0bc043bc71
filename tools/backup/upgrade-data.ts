import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataDirLock, EmbeddedPostgres, Schema } from '@vfr/api-database';
import { BackupError, BackupHeader } from './backup.format';
import { restoreBackup } from './backup.restore';
import { pgliteSource } from './backup.source';
import { writeBackup } from './backup.writer';

/** What this release keeps in DATA_DIR; everything else there belongs to an earlier release. */
const CURRENT_ENTRIES = /^(postgres|postgres\.log|registry\.lock.*|postgres\.upgrade-\d+|postgres\.initdb-\d+)$/;

export type UpgradeResult = { upgraded: false; reason: string } | { upgraded: true; header: BackupHeader; legacyEntries: string[] };

/**
 * Converts the registry of an earlier release, whose embedded database was PGlite (PostgreSQL in
 * WebAssembly) keeping its cluster in DATA_DIR itself, into this release's embedded PostgreSQL
 * cluster in DATA_DIR/postgres:
 *
 * 1. the earlier release's files are copied to a temporary directory and opened there with PGlite
 *    (opening a cluster writes to it; the originals are never opened, so they stay as they were);
 * 2. a backup of that copy is written with the backup writer (one snapshot, checksums);
 * 3. it is restored with the restore path into a new cluster in DATA_DIR/postgres.upgrade-<pid>
 *    (its own migrations, every row checked, then the newer migrations);
 * 4. that cluster is renamed to DATA_DIR/postgres: until then a start of the registry still
 *    refuses the directory, so an interrupted upgrade never looks like a new, empty registry.
 */
export async function upgradeDataDir(dataDir: string, schema: Schema, log: (line: string) => void = () => undefined): Promise<UpgradeResult> {
  dataDir = path.resolve(dataDir);
  if (EmbeddedPostgres.holdsCluster(dataDir)) {
    return { upgraded: false, reason: `${dataDir} already holds this release's database (${path.join(dataDir, 'postgres')}): there is nothing to upgrade.` };
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `${dataDir} holds no registry of an earlier release (there is no PG_VERSION file in it): set DATA_DIR to the directory the earlier release used.`,
    );
  }
  const lock = DataDirLock.acquire(dataDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-upgrade-'));
  const staging = path.join(dataDir, `postgres.upgrade-${process.pid}`);
  try {
    const legacyEntries = fs
      .readdirSync(dataDir)
      .filter((e) => !CURRENT_ENTRIES.test(e))
      .sort();
    const copy = path.join(work, 'legacy');
    fs.mkdirSync(copy);
    for (const entry of legacyEntries) fs.cpSync(path.join(dataDir, entry), path.join(copy, entry), { recursive: true });
    log(`Reading the earlier release's database (a copy of ${dataDir}) ...`);

    const file = path.join(work, 'registry.vfrbackup');
    const { PGlite } = await import('@electric-sql/pglite');
    let pglite;
    try {
      pglite = await PGlite.create({ dataDir: copy });
    } catch (e) {
      throw new BackupError(
        `The earlier release's database in ${dataDir} cannot be opened (${e instanceof Error ? e.message : String(e)}): nothing was converted.`,
      );
    }
    try {
      await writeBackup(pgliteSource(pglite), file);
    } finally {
      await pglite.close();
    }

    fs.rmSync(staging, { recursive: true, force: true });
    const { header } = await restoreBackup(file, { replicaUrls: [], dataDir: staging, poolSize: 2 }, schema, log);
    fs.renameSync(path.join(staging, 'postgres'), path.join(dataDir, 'postgres'));
    const stagingLog = path.join(staging, 'postgres.log');
    if (fs.existsSync(stagingLog)) fs.appendFileSync(path.join(dataDir, 'postgres.log'), fs.readFileSync(stagingLog));
    return { upgraded: true, header, legacyEntries };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
    lock.release();
  }
}
