// A registry backup is one gzip file holding, in order:
//
//   VFR-BACKUP 1\n                    the magic line and the format version
//   {header as JSON}\n                 one line: see BackupHeader
//   <table data>                       per table of header.tables, in that order, exactly
//                                      `bytes` bytes of PostgreSQL's COPY text format
//   END\n                              so that a file cut at a gzip member boundary is noticed
//
// The header is written first (the writer reads every table twice in one snapshot: once for the
// counts and checksums, once for the data), so a reader knows each section's length and SHA-256
// before it reads it and can check the whole file before it writes anything.

export const MAGIC = 'VFR-BACKUP';
export const FORMAT_VERSION = 1;
export const TRAILER = 'END\n';
export const FILE_EXTENSION = '.vfrbackup';

/**
 * Settings that decide how COPY renders values as text. The same on every connection that writes
 * or checks a backup, so that a table renders to the same bytes on the embedded server, on any
 * PostgreSQL server whatever its own defaults, and in PGlite.
 */
export const TEXT_SETTINGS: Record<string, string> = {
  TimeZone: 'UTC',
  DateStyle: 'ISO, YMD',
  IntervalStyle: 'postgres',
  extra_float_digits: '1',
  bytea_output: 'hex',
  client_encoding: 'UTF8',
};

export interface BackupTable {
  name: string;
  /** The columns saved, in the order of the data. */
  columns: string[];
  rows: number;
  /** Length of the table's COPY text in the file. */
  bytes: number;
  /** SHA-256 (hex) of that text; rows are sorted by primary key, so equal tables hash equal. */
  sha256: string;
}

export interface BackupSequence {
  name: string;
  /** As text: a bigint may pass 2^53. */
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: number;
  createdAt: string;
  /** What the backup was made from, for people reading the header. */
  source: { kind: 'server' | 'embedded' | 'pglite'; version: string };
  /** The migrations applied to the source, oldest first: the schema the data belongs to. */
  migrations: { timestamp: number; name: string }[];
  textSettings: Record<string, string>;
  /** Every table of the public schema but `migrations`, parents before children. */
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A refusal whose message is a sentence for the person running the command. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function headerLines(header: BackupHeader): Buffer {
  return Buffer.from(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`, 'utf8');
}

/** Checks what a header line says; a sentence when it is not a header this release can read. */
export function parseHeader(magicLine: string, json: string, file: string): BackupHeader {
  const m = /^VFR-BACKUP (\d+)$/.exec(magicLine);
  if (!m) throw new BackupError(`${file} is not a registry backup (it does not start as one).`);
  if (Number(m[1]) > FORMAT_VERSION) {
    throw new BackupError(
      `${file} was written in backup format ${m[1]}, by a newer release than this one (format ${FORMAT_VERSION}): restore it with that release or a newer one.`,
    );
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(json) as BackupHeader;
  } catch {
    throw new BackupError(`The header of ${file} is damaged: the file cannot be restored.`);
  }
  const valid =
    header &&
    Array.isArray(header.migrations) &&
    Array.isArray(header.tables) &&
    Array.isArray(header.sequences) &&
    header.tables.every(
      (t) => typeof t.name === 'string' && Array.isArray(t.columns) && Number.isSafeInteger(t.bytes) && t.bytes >= 0 && /^[0-9a-f]{64}$/.test(t.sha256),
    );
  if (!valid) throw new BackupError(`The header of ${file} is damaged: the file cannot be restored.`);
  return header;
}

/** Counts rows in COPY text: one line per row (newlines inside values are escaped as \n). */
export function countLines(chunk: Buffer): number {
  let n = 0;
  let i = chunk.indexOf(10);
  while (i !== -1) {
    n++;
    i = chunk.indexOf(10, i + 1);
  }
  return n;
}
