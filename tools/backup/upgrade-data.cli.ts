// npm run upgrade-data
// Converts the registry of an earlier release (embedded database in WebAssembly, kept in DATA_DIR
// itself) into this release's embedded PostgreSQL in DATA_DIR/postgres. The earlier files stay as
// they were. See docs/operations.md.
import * as path from 'node:path';
import { databaseConfigFromEnv } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { readCliArgs } from '../cli-args';
import { describeCounts, fail } from './backup.commands';
import { BackupError } from './backup.format';
import { upgradeDataDir } from './upgrade-data';

async function main(): Promise<void> {
  readCliArgs(process.argv.slice(2), { usage: 'npm run upgrade-data (DATA_DIR names the directory, default ./.data)' });
  const config = databaseConfigFromEnv();
  if (config.url) throw new BackupError('upgrade-data converts the embedded database in DATA_DIR: unset DATABASE_URL and run it again.');
  const started = Date.now();
  const result = await upgradeDataDir(config.dataDir, REGISTRY_SCHEMA, (line) => console.log(line));
  if (!result.upgraded) {
    console.log(result.reason);
    return;
  }
  console.log(
    [
      `Converted the registry in ${config.dataDir}: ${describeCounts(result.header)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      `The registry now runs from ${path.join(config.dataDir, 'postgres')}: start it with \`npm start\` as before.`,
      `The earlier release's files are still in ${config.dataDir}, unchanged (${result.legacyEntries.join(', ')}).`,
      `Remove them once you are satisfied with the converted registry; everything but postgres/, postgres.log and registry.lock may go.`,
    ].join('\n'),
  );
}

main().catch(fail('The upgrade'));
