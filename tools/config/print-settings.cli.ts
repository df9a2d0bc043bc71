// npm run docs:config: writes the README's configuration table from the settings' definitions
// (libs/api-database/src/settings.ts). tools/config/settings-doc.spec.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSettingsTable } from './readme-settings';

const README = join(__dirname, '..', '..', 'README.md');
writeFileSync(README, withSettingsTable(readFileSync(README, 'utf8')));
console.log("Wrote the README's configuration table");
