import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { CatalogTable, copyOutStatement, MIGRATIONS_TABLE, readCatalog } from './backup.catalog';
import { BackupError, BackupHeader, BackupTable, countLines, FORMAT_VERSION, headerLines, quoteIdent, TEXT_SETTINGS, TRAILER } from './backup.format';
import { BackupSource } from './backup.source';

export interface WriteOptions {
  /** Called once the snapshot is taken, before any table is read (tests write meanwhile). */
  onSnapshot?: () => Promise<void>;
}

/**
 * Writes a backup of `source` to `file`: everything is read in one REPEATABLE READ READ ONLY
 * transaction, so the file holds one state of the registry even while others write. The file is
 * written beside its final name and renamed into place once complete: a failed backup leaves
 * nothing behind, and never a half-written file under the final name.
 */
export async function writeBackup(source: BackupSource, file: string, options: WriteOptions = {}): Promise<BackupHeader> {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another file with --out, or move that one away.`);
  // A backup holds patients' identifiers and the users' password hashes: readable by its owner only.
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial-${process.pid}`;
  await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const [name, value] of Object.entries(TEXT_SETTINGS)) await source.query('SELECT set_config($1, $2, true)', [name, value]);
    if (source.kind !== 'pglite') await source.query(`SELECT set_config('statement_timeout', '0', true)`);
    // The first query of the transaction takes its snapshot: everything below reads that state.
    const [{ version, hasMigrations }] = await source.query<{ version: string; hasMigrations: boolean }>(
      `SELECT current_setting('server_version') AS version, to_regclass($1) IS NOT NULL AS "hasMigrations"`,
      [`public.${MIGRATIONS_TABLE}`],
    );
    if (!hasMigrations) throw new BackupError('The database holds no registry (it has no migrations table): there is nothing to back up.');
    const migrations = (
      await source.query<{ timestamp: string; name: string }>(`SELECT "timestamp"::text AS timestamp, name FROM public.${MIGRATIONS_TABLE} ORDER BY id`)
    ).map((m) => ({ timestamp: Number(m.timestamp), name: m.name }));
    const catalog = await readCatalog(source);
    await options.onSnapshot?.();
    // Sequences stand outside transactions: a value read now is at least what the snapshot's rows
    // used, which is all a restore needs.
    const sequences = [];
    for (const name of catalog.sequences) {
      const [s] = await source.query<{ lastValue: string; isCalled: boolean }>(
        `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM public.${quoteIdent(name)}`,
      );
      sequences.push({ name, lastValue: s.lastValue, isCalled: s.isCalled });
    }

    // First reading: counts, lengths and checksums for the header.
    const tables = await digestTables(source, catalog.tables);
    const header: BackupHeader = {
      format: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: { kind: source.kind, version },
      migrations,
      textSettings: TEXT_SETTINGS,
      tables,
      sequences,
    };

    // Second reading, in the same snapshot and the same order: the data itself.
    async function* content(): AsyncGenerator<Buffer> {
      yield headerLines(header);
      for (const [i, t] of catalog.tables.entries()) {
        const hash = crypto.createHash('sha256');
        for await (const chunk of source.copyOut(copyOutStatement(t.name, t.columns, t.orderBy))) {
          hash.update(chunk);
          yield chunk;
        }
        if (hash.digest('hex') !== tables[i].sha256) {
          throw new BackupError(`Table ${t.name} read differently twice in one snapshot; no backup was written. Please report this.`);
        }
      }
      yield Buffer.from(TRAILER);
    }
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(Readable.from(content()), zlib.createGzip({ level: 6 }), out);
      const fd = fs.openSync(partial, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(partial, file);
    } catch (e) {
      fs.rmSync(partial, { force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC')
        throw new BackupError(
          `The disk holding ${path.dirname(path.resolve(file))} is full: no backup was written. Free some space, or write it elsewhere with --out.`,
        );
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
        throw new BackupError(`${file} cannot be written (${code}): write the backup elsewhere with --out.`);
      throw e;
    }
    return header;
  } finally {
    await source.query('ROLLBACK').catch(() => undefined);
  }
}

/**
 * Row count, length and SHA-256 of each table's COPY text (rows sorted by primary key), as the
 * header records them. Run with TEXT_SETTINGS in force.
 */
export async function digestTables(source: BackupSource, catalog: CatalogTable[]): Promise<BackupTable[]> {
  const tables: BackupTable[] = [];
  for (const t of catalog) {
    const hash = crypto.createHash('sha256');
    let rows = 0;
    let bytes = 0;
    for await (const chunk of source.copyOut(copyOutStatement(t.name, t.columns, t.orderBy))) {
      hash.update(chunk);
      rows += countLines(chunk);
      bytes += chunk.length;
    }
    tables.push({ name: t.name, columns: t.columns, rows, bytes, sha256: hash.digest('hex') });
  }
  return tables;
}
