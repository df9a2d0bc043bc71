import { exportColumnMeaning, exportColumnType, type ImportFormat, type RecordExport, recordExportColumnList, Role } from '@vfr/domain';
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
  return dictionaryCsv(rows);
}

/** The data dictionary of a research export of records (complications, treatments) as the role receives it. */
export function recordsDictionary(file: RecordExport, role: Role): string {
  return dictionaryCsv(recordExportColumnList(file).map(([name]) => [name, exportColumnType(name, role, file), exportColumnMeaning(name, role, file)]));
}

function dictionaryCsv(rows: string[][]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['column,type,meaning', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
}

/** The column guide of an import: what holds for every cell, then each column (served as JSON to the dashboard). */
export function importFormatOf(kind: ImportKind): ImportFormat {
  return {
    kind,
    notes: [
      'UTF-8, comma-separated, first row the header. Empty cells are empty values. Columns may come in any order; optional ones may be left out.',
      'A text cell that begins with =, +, -, @, a tab or a carriage return (after any apostrophes) is exported with one apostrophe in front, so that a spreadsheet shows it as text instead of running it as a formula, and imported without that apostrophe; numbers are written as they are.',
    ],
    columns: KINDS[kind].columns.map(({ name, label, required, description, example }) => ({ name, label, required, description, example })),
  };
}

/** The same guide as Markdown (served next to the template, for reading outside the dashboard). */
export function importFormat(kind: ImportKind): string {
  const format = importFormatOf(kind);
  const lines = [`# CSV import: ${kind}`, ''];
  for (const note of format.notes) lines.push(note, '');
  lines.push('| column | required | meaning | example |', '|---|---|---|---|');
  for (const c of format.columns) lines.push(`| ${c.name} | ${c.required ? 'yes' : 'no'} | ${c.description} | ${c.example} |`);
  return lines.join('\n') + '\n';
}
