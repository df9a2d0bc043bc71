import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { BackupError, BackupHeader, BackupTable, countLines, parseHeader, TRAILER } from './backup.format';

const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** Pulls bytes from a stream: whole lines, or exactly n bytes as they arrive. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, next.value]) : next.value;
    return true;
  }

  /** The next line without its newline, or undefined at the end of the data. */
  async line(max: number): Promise<string | undefined> {
    for (;;) {
      const i = this.buffered.indexOf(10);
      if (i >= 0) {
        const text = this.buffered.subarray(0, i).toString('utf8');
        this.buffered = this.buffered.subarray(i + 1);
        return text;
      }
      if (this.buffered.length > max || !(await this.fill())) return undefined;
    }
  }

  /** Exactly n bytes, in pieces; fewer when the data ends first. */
  async *bytes(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buffered.length === 0 && !(await this.fill())) return;
      const piece = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  async atEnd(): Promise<boolean> {
    while (this.buffered.length === 0) if (!(await this.fill())) return true;
    return false;
  }
}

/** zlib's complaints about a damaged or cut file, as a sentence. */
function explainReadError(e: unknown, file: string): Error {
  if (e instanceof BackupError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new BackupError(`There is no file ${file}.`);
  if (err.code === 'EACCES' || err.code === 'EISDIR') return new BackupError(`${file} cannot be read (${err.code}).`);
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
    return new BackupError(`${file} is incomplete (it ends early, as a copy that was cut off would): it cannot be restored.`);
  }
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return new BackupError(`${file} is damaged (${err.message}): it cannot be restored.`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Reads a backup from start to end and checks it: the header, each table's length, row count and
 * SHA-256 against the header, the trailer, and the gzip checksum. Each table's data is handed to
 * `onTable` as it is read (a restore sends it to COPY); without one, the data is only checked.
 * Any fault is thrown as a BackupError: a caller that wrote nothing yet writes nothing.
 */
export async function readBackup(file: string, onTable?: (table: BackupTable, data: AsyncIterable<Buffer>) => Promise<void>): Promise<BackupHeader> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw explainReadError(e, file);
  }
  const magic = Buffer.alloc(2);
  const got = fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  if (got < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) throw new BackupError(`${file} is not a registry backup (it is not a gzip file).`);

  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const iterator = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const reader = new ByteReader(iterator);
  try {
    const magicLine = await reader.line(64);
    const json = magicLine === undefined ? undefined : await reader.line(MAX_HEADER_BYTES);
    if (magicLine === undefined || json === undefined) throw new BackupError(`${file} is not a registry backup (it does not start as one).`);
    const header = parseHeader(magicLine, json, file);
    for (const table of header.tables) {
      const hash = crypto.createHash('sha256');
      let rows = 0;
      let bytes = 0;
      async function* data(): AsyncGenerator<Buffer> {
        for await (const piece of reader.bytes(table.bytes)) {
          hash.update(piece);
          rows += countLines(piece);
          bytes += piece.length;
          yield piece;
        }
      }
      if (onTable) await onTable(table, data());
      else for await (const piece of data()) void piece;
      if (bytes !== table.bytes) throw new BackupError(`${file} is incomplete (it ends inside table ${table.name}): it cannot be restored.`);
      if (hash.digest('hex') !== table.sha256 || rows !== table.rows) {
        throw new BackupError(
          `The data of table ${table.name} in ${file} is damaged (its checksum differs from the one in the header): the file cannot be restored.`,
        );
      }
    }
    const trailer = [];
    for await (const piece of reader.bytes(TRAILER.length)) trailer.push(piece);
    const end = Buffer.concat(trailer).toString('utf8');
    if (end.length < TRAILER.length) throw new BackupError(`${file} is incomplete (it ends before its last line): it cannot be restored.`);
    if (end !== TRAILER || !(await reader.atEnd())) throw new BackupError(`${file} is damaged (unexpected data after the last table): it cannot be restored.`);
    return header;
  } catch (e) {
    throw explainReadError(e, file);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}
