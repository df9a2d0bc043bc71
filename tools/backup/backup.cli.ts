// npm run backup -- [--out file]
// Writes the registry (DATABASE_URL, or the embedded database under DATA_DIR, also while the
// registry runs) to one file, by default backups/registry-<timestamp>.vfrbackup. See
// docs/operations.md.
import { databaseConfigFromEnv } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '../../apps/api/src/schema';
import { backupRegistry, defaultBackupFile, describeCounts, describeTarget, fail, fileSize, onlyOptions, option } from './backup.commands';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  onlyOptions(argv, ['out'], 'npm run backup -- [--out file]');
  const file = option(argv, 'out') ?? defaultBackupFile();
  const config = databaseConfigFromEnv();
  const started = Date.now();
  const header = await backupRegistry(config, REGISTRY_SCHEMA, file);
  console.log(
    `Backed up ${describeTarget(config)} to ${file}: ${describeCounts(header)} (${header.tables.length} tables, ${fileSize(file)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch(fail('The backup'));
