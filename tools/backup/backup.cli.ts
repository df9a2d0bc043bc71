// npm run backup -- [--out file]
// Writes the registry (DATABASE_URL, or the embedded database under DATA_DIR, also while the
// registry runs) to one file, by default backups/registry-<timestamp>.vfrbackup. See
// docs/operations.md.
import { databaseConfigFromEnv } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { readCliArgs } from '../cli-args';
import { backupRegistry, defaultBackupFile, describeCounts, describeTarget, fail, fileSize } from './backup.commands';

async function main(): Promise<void> {
  const args = readCliArgs(process.argv.slice(2), { usage: 'npm run backup -- [--out file]', strings: ['out'] });
  const file = args.strings.out ?? defaultBackupFile();
  const config = databaseConfigFromEnv();
  const started = Date.now();
  const header = await backupRegistry(config, REGISTRY_SCHEMA, file);
  console.log(
    `Backed up ${describeTarget(config)} to ${file}: ${describeCounts(header)} (${header.tables.length} tables, ${fileSize(file)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch(fail('The backup'));
