import { parse } from 'csv-parse/sync';
import { ValidationError } from '@vfr/domain';
import { fromTextCell } from './csv-cells';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface CsvTable {
  header: string[];
  /** Data rows as header -> raw text; row numbers count the header as row 1, as a spreadsheet does. */
  rows: Record<string, string>[];
}

/**
 * Decodes and parses an uploaded CSV file, refusing with a sentence whatever a spreadsheet user
 * is likely to send by mistake: another encoding, semicolons or tabs, a missing or wrong header.
 */
export function readCsv(body: Buffer, expected: { required: string[]; optional: string[] }): CsvTable {
  if (body.length === 0) throw ValidationError.single('file', 'required', 'the file is empty');
  if (body.length > MAX_IMPORT_BYTES) throw ValidationError.single('file', 'maxSize', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw ValidationError.single('file', 'encoding', 'the file is not UTF-8 text: save it as "CSV UTF-8" and try again');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const known = new Set([...expected.required, ...expected.optional]);
  if (!firstLine.includes(',') && /[;\t|]/.test(firstLine) && expected.required.length > 1) {
    const used = firstLine.includes(';') ? 'semicolons' : firstLine.includes('\t') ? 'tabs' : 'bars';
    throw ValidationError.single('file', 'delimiter', `the columns are separated by ${used}: separate them with commas`);
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: ',', relax_column_count: false, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw ValidationError.single('file', 'format', `the file is not well-formed CSV${line ? ` near line ${line}` : ''}: ${(e as Error).message.replace(/^Invalid Record Length: /, '').slice(0, 160)}`);
  }
  if (records.length === 0) throw ValidationError.single('file', 'required', 'the file is empty');
  const header = records[0].map((h) => h.trim().toLowerCase());
  const missing = expected.required.filter((c) => !header.includes(c));
  if (missing.length === expected.required.length) {
    throw ValidationError.single('file', 'header', `the first row must be the header (${expected.required.join(', ')}, ...): download the template`);
  }
  const issues = [
    ...missing.map((c) => ({ field: c, rule: 'required', message: `column ${c} is missing from the header` })),
    ...header.filter((h) => !known.has(h)).map((h) => ({ field: h, rule: 'unknown', message: `column ${h} is not a column of this import` })),
    ...header.filter((h, i) => header.indexOf(h) !== i).map((h) => ({ field: h, rule: 'unique', message: `column ${h} appears twice` })),
  ];
  if (issues.length) throw new ValidationError(issues);
  // A cell the export neutralised against spreadsheet formulas comes back as it was stored.
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, fromTextCell(r[i] ?? '')])));
  return { header, rows };
}

// Cell values: empty is null; numbers and booleans are parsed strictly so that "12a" or "maybe"
// reach validation as text and are reported, not silently changed.
export function cellNumber(v: string | undefined): number | string | null {
  if (v === undefined || v.trim() === '') return null;
  return /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
}

export function cellBoolean(v: string | undefined): boolean | string | null {
  if (v === undefined || v.trim() === '') return null;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return v;
}

export function cellText(v: string | undefined): string | null {
  return v === undefined || v.trim() === '' ? null : v.trim();
}

export function cellEnum(v: string | undefined): string | null {
  const t = cellText(v);
  return t === null ? null : t.toUpperCase();
}
