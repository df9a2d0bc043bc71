import { parse } from 'csv-parse/sync';
import { FieldIssue, ValidationError } from '@vfr/domain';
import { fromTextCell } from './csv-cells';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** More columns than any import has (the widest has 20), and few enough to check at once. */
export const MAX_IMPORT_COLUMNS = 500;
/** The header's problems reported one by one; the rest are counted in a last sentence. */
export const MAX_HEADER_PROBLEMS = 100;

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
  // A header too wide is refused from the first line, before the rest of the file is parsed.
  const tooWide = (columns: number) =>
    ValidationError.single(
      'file',
      'maxColumns',
      `the header has ${columns} columns, more than the ${MAX_IMPORT_COLUMNS} an import reads: keep only this import's columns (${[...expected.required, ...expected.optional].join(', ')}); download the template`,
    );
  const width = columnsOf(firstLine);
  if (width > MAX_IMPORT_COLUMNS) throw tooWide(width);
  let records: string[][];
  try {
    records = parse(text, { delimiter: ',', relax_column_count: false, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw ValidationError.single(
      'file',
      'format',
      `the file is not well-formed CSV${line ? ` near line ${line}` : ''}: ${(e as Error).message.replace(/^Invalid Record Length: /, '').slice(0, 160)}`,
    );
  }
  if (records.length === 0) throw ValidationError.single('file', 'required', 'the file is empty');
  const header = records[0].map((h) => h.trim().toLowerCase());
  if (header.length > MAX_IMPORT_COLUMNS) throw tooWide(header.length);
  // Sets, not searches of the header for each of its columns: checking a header takes as long
  // as reading it.
  const present = new Set(header);
  const missing = expected.required.filter((c) => !present.has(c));
  if (missing.length === expected.required.length) {
    throw ValidationError.single('file', 'header', `the first row must be the header (${expected.required.join(', ')}, ...): download the template`);
  }
  const issues: FieldIssue[] = missing.map((c) => ({ field: c, rule: 'required', message: `column ${c} is missing from the header` }));
  const unknown: FieldIssue[] = [];
  const repeated: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.has(h)) unknown.push({ field: h, rule: 'unknown', message: `column ${h} is not a column of this import` });
    if (seen.has(h)) repeated.push({ field: h, rule: 'unique', message: `column ${h} appears twice` });
    seen.add(h);
  }
  issues.push(...unknown, ...repeated);
  if (issues.length > MAX_HEADER_PROBLEMS) {
    const more = issues.length - MAX_HEADER_PROBLEMS;
    issues.splice(MAX_HEADER_PROBLEMS, more, { field: 'file', rule: 'header', message: `and ${more} more problems with the header: download the template` });
  }
  if (issues.length) throw new ValidationError(issues);
  // A cell the export neutralised against spreadsheet formulas comes back as it was stored.
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, fromTextCell(r[i] ?? '')])));
  return { header, rows };
}

/** The number of cells of one CSV line: its commas outside quotes, plus one. */
function columnsOf(line: string): number {
  let columns = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34)
      quoted = !quoted; // "
    else if (c === 44 && !quoted) columns++; // ,
  }
  return columns;
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
