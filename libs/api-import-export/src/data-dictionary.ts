import { exportColumnMeaning, exportColumnType, Role } from '@vfr/domain';
import { ExportFormat, exportColumnOf, exportColumns } from './export.service';
import { ImportKind, KINDS } from './import-kinds';

/**
 * The data dictionary of an export format as the role receives it (the field-access table's
 * types and meanings, libs/domain/src/field-access.ts): one row per column (name, type, meaning), as CSV.
 */
export function dataDictionary(format: ExportFormat, role: Role): string {
  const rows = exportColumns(format).map((name) => {
    const { column, timePoint } = exportColumnOf(name);
    const meaning = exportColumnMeaning(column, role);
    return [name, exportColumnType(column, role), timePoint ? `${meaning}, at ${timePoint}` : meaning];
  });
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['column,type,meaning', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
}

/** The documented column format of an import, as Markdown (served next to the template). */
export function importFormat(kind: ImportKind): string {
  const lines = [
    `# CSV import: ${kind}`,
    '',
    'UTF-8, comma-separated, first row the header. Empty cells are empty values.',
    '',
    'A text cell that begins with =, +, -, @, a tab or a carriage return (after any apostrophes) is exported with one apostrophe in front, so that a spreadsheet shows it as text instead of running it as a formula, and imported without that apostrophe; numbers are written as they are.',
    '',
    '| column | required | meaning | example |',
    '|---|---|---|---|',
  ];
  for (const c of KINDS[kind].columns) lines.push(`| ${c.name} | ${c.required ? 'yes' : 'no'} | ${c.description} | ${c.example} |`);
  return lines.join('\n') + '\n';
}
