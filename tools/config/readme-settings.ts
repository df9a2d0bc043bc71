import { renderSettingsTable } from '@vfr/api-database';

// The README's configuration table lies between these two markers and is written from the
// settings' definitions (libs/api-database/src/settings.ts).
export const BEGIN = '<!-- settings table: written by `npm run docs:config` from libs/api-database/src/settings.ts -->';
export const END = '<!-- end of settings table -->';

/** The README with its settings table replaced by the one the definitions render. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the settings table's markers (${BEGIN} ... ${END})`);
  return `${readme.slice(0, start + BEGIN.length)}\n${renderSettingsTable()}\n${readme.slice(end)}`;
}
