import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from '@vfr/api-database';
import { withSettingsTable } from './readme-settings';

describe("the README's configuration table", () => {
  it('is what the settings render', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    if (withSettingsTable(readme) !== readme) throw new Error("README.md's configuration table is stale: run `npm run docs:config` and commit it");
  });

  it('documents every variable the code reads', () => {
    // Every process.env.X outside tests, tools and the settings' readers must be a documented setting.
    const documented = new Set(SETTINGS.flatMap((s) => s.names));
    const root = join(__dirname, '..', '..');
    const out = execFileSync(
      'git',
      ['grep', '-h', '-o', '-E', 'process\\.env\\.[A-Z_]+|env\\.[A-Z_]{3,}', '--', 'apps/api/src', 'libs', ':!*.spec.ts', ':!libs/api-testing'],
      { cwd: root, encoding: 'utf8' },
    );
    const read = new Set(
      out
        .split('\n')
        .filter(Boolean)
        .map((m) => m.replace(/^(process\.)?env\./, '')),
    );
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
