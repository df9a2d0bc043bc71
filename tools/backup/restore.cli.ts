// npm run restore -- <file>
// Restores a backup into an empty database: the server in DATABASE_URL, or the embedded database
// under DATA_DIR (not while a registry runs on it). See docs/operations.md.
import { databaseConfigFromEnv } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '../../apps/api/src/schema';
import { describeCounts, describeTarget, fail } from './backup.commands';
import { BackupError } from './backup.format';
import { restoreBackup } from './backup.restore';

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (files.length !== 1) throw new BackupError('Name the backup to restore: npm run restore -- backups/registry-<timestamp>.vfrbackup');
  const config = databaseConfigFromEnv();
  const started = Date.now();
  const { header } = await restoreBackup(files[0], config, REGISTRY_SCHEMA, (line) => console.log(line));
  console.log(`Restored ${files[0]} into ${describeTarget(config)}: ${describeCounts(header)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch(fail('The restore'));
