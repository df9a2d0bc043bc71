// npm run restore -- <file>
// Restores a backup into an empty database: the server in DATABASE_URL, or the embedded database
// under DATA_DIR (not while a registry runs on it). See docs/operations.md.
import { databaseConfigFromEnv } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { readCliArgs } from '../cli-args';
import { describeCounts, describeTarget, fail } from './backup.commands';
import { BackupError } from './backup.format';
import { restoreBackup } from './backup.restore';

async function main(): Promise<void> {
  // There is no --force: restore writes into an empty database only (see docs/operations.md).
  const args = readCliArgs(process.argv.slice(2), { usage: 'npm run restore -- <file> (into an empty database)', positionals: 1 });
  if (args.positionals.length !== 1) throw new BackupError('Name the one backup to restore: npm run restore -- backups/registry-<timestamp>.vfrbackup');
  const [file] = args.positionals;
  const config = databaseConfigFromEnv();
  const started = Date.now();
  const { header } = await restoreBackup(file, config, REGISTRY_SCHEMA, (line) => console.log(line));
  console.log(`Restored ${file} into ${describeTarget(config)}: ${describeCounts(header)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch(fail('The restore'));
