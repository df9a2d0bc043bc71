import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { PoolClient } from 'pg';
import { openDatabase } from '@vfr/api-database';
import { openTestDatabase, TestDatabase } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { BackupHeader, MAGIC } from './backup.format';
import { readBackup } from './backup.reader';
import { restoreBackup } from './backup.restore';
import { digests, emptyDataDir, runCommand, scratchDatabase, tableNames } from './backup.testing';
import { pgSource } from './backup.source';
import { writeBackup } from './backup.writer';

/** The file's content, decompressed: the magic line, the header and the data after it. */
function unpack(file: string): { header: BackupHeader; data: Buffer } {
  const all = zlib.gunzipSync(fs.readFileSync(file));
  const first = all.indexOf(10);
  const second = all.indexOf(10, first + 1);
  return { header: JSON.parse(all.subarray(first + 1, second).toString('utf8')), data: all.subarray(second + 1) };
}

function pack(file: string, header: BackupHeader, data: Buffer): void {
  fs.writeFileSync(file, zlib.gzipSync(Buffer.concat([Buffer.from(`${MAGIC} 1\n${JSON.stringify(header)}\n`), data])));
}

/** Where a table's data starts in the data after the header. */
function offsetOf(header: BackupHeader, table: string): number {
  let offset = 0;
  for (const t of header.tables) {
    if (t.name === table) return offset;
    offset += t.bytes;
  }
  throw new Error(`no table ${table}`);
}

describe('restore refuses, and writes nothing', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-refusals-'));
  const good = path.join(work, 'good.vfrbackup');
  let source: TestDatabase;

  beforeAll(async () => {
    source = await openTestDatabase('embedded');
    await seedDemoRegistry(source.dataSource, { patients: 60, seed: 3 });
    const runner = source.dataSource.createQueryRunner();
    try {
      await writeBackup(pgSource((await runner.connect()) as PoolClient, 'embedded'), good);
    } finally {
      await runner.release();
    }
  }, 120000);

  afterAll(async () => {
    await source?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /**
   * Restores into a new DATA_DIR, which must be refused with `sentence` and left without a
   * cluster; through the command (exit code 1, the sentence alone on stderr) or, quicker, the
   * function the command calls.
   */
  async function refusedIntoEmptyDataDir(file: string, sentence: RegExp, via: 'command' | 'function' = 'function'): Promise<void> {
    const dataDir = emptyDataDir();
    try {
      if (via === 'command') {
        const r = await runCommand('restore', [file], { DATA_DIR: dataDir });
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toMatch(sentence);
        expect(r.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack
      } else {
        await expect(restoreBackup(file, { replicaUrls: [], dataDir, poolSize: 2 }, REGISTRY_SCHEMA)).rejects.toThrow(sentence);
      }
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('restores a sound file (the reference for the refusals below)', async () => {
    await expect(readBackup(good)).resolves.toMatchObject({ format: 1 });
  });

  it('refuses a database that already holds a registry, and leaves it as it was', async () => {
    const target = emptyDataDir();
    try {
      expect((await runCommand('restore', [good], { DATA_DIR: target })).code).toBe(0);
      const db = await openDatabase({ replicaUrls: [], dataDir: target, poolSize: 2 }, REGISTRY_SCHEMA);
      await db.dataSource.query(`UPDATE site SET name = name || ' (edited after the restore)'`);
      const before = await digests(db.dataSource);
      await db.close();
      const r = await runCommand('restore', [good], { DATA_DIR: target });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^The target database already holds data \(.*patient: 60.*\): restore into an empty database.* Nothing was written\.$/);
      const again = await openDatabase({ replicaUrls: [], dataDir: target, poolSize: 2 }, REGISTRY_SCHEMA);
      try {
        expect(await digests(again.dataSource)).toEqual(before);
      } finally {
        await again.close();
      }
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  }, 120000);

  it('refuses an embedded database a registry is running on', async () => {
    const before = await digests(source.dataSource);
    const r = await runCommand('restore', [good], { DATA_DIR: path.dirname(source.embedded!.clusterDir) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/is already in use by process \d+/);
    expect(await digests(source.dataSource)).toEqual(before);
  }, 60000);

  it('refuses a file with a flipped byte', async () => {
    const bytes = fs.readFileSync(good);
    const i = Math.floor(bytes.length / 2);
    bytes[i] ^= 0x20;
    const file = path.join(work, 'flipped.vfrbackup');
    fs.writeFileSync(file, bytes);
    await refusedIntoEmptyDataDir(file, /is damaged .*cannot be restored\.$|is incomplete|checksum differs/, 'command');
    if (process.env.TEST_DATABASE_URL) {
      const server = await scratchDatabase();
      try {
        await expect(restoreBackup(file, { url: server.url, replicaUrls: [], dataDir: '', poolSize: 2 }, REGISTRY_SCHEMA)).rejects.toThrow(
          /damaged|incomplete/,
        );
        expect(await tableNames(server.url)).toEqual([]);
      } finally {
        await server.drop();
      }
    }
  }, 60000);

  it('refuses a file cut short', async () => {
    const file = path.join(work, 'cut.vfrbackup');
    fs.writeFileSync(file, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size * 0.6)));
    await refusedIntoEmptyDataDir(file, /is incomplete \(it ends early, as a copy that was cut off would\): it cannot be restored\.$/);
  }, 60000);

  it('refuses a file whose data was changed and compressed again (gzip sound, checksum not)', async () => {
    const { header, data } = unpack(good);
    const at = offsetOf(header, 'assessment') + 100;
    data[at] = data[at] === 0x31 ? 0x32 : 0x31;
    const file = path.join(work, 'edited.vfrbackup');
    pack(file, header, data);
    await refusedIntoEmptyDataDir(
      file,
      /^The data of table assessment in .* is damaged \(its checksum differs from the one in the header\): the file cannot be restored\.$/,
    );
  }, 60000);

  it('refuses a file of another kind', async () => {
    const file = path.join(work, 'notes.vfrbackup');
    fs.writeFileSync(file, 'just some text\n');
    await refusedIntoEmptyDataDir(file, /is not a registry backup \(it is not a gzip file\)\.$/);
  }, 60000);

  it('rolls back the migrations and the rows already copied when PostgreSQL refuses a row', async () => {
    // A patient born in 1800 breaks a CHECK; the header is made to agree, so only the database
    // can refuse it, after the migrations ran and the sites, users and earlier tables were copied.
    const { header, data } = unpack(good);
    const table = header.tables.find((t) => t.name === 'patient')!;
    const start = offsetOf(header, 'patient');
    const end = start + table.bytes;
    const text = data.subarray(start, start + table.bytes).toString('utf8');
    const row = text.split('\n')[0].split('\t');
    const column = table.columns.indexOf('birth_year');
    const broken = text.replace(text.split('\n')[0], [...row.slice(0, column), '1800', ...row.slice(column + 1)].join('\t'));
    const replaced = Buffer.from(broken, 'utf8');
    table.bytes = replaced.length;
    table.sha256 = crypto.createHash('sha256').update(replaced).digest('hex');
    const file = path.join(work, 'refused-row.vfrbackup');
    pack(file, header, Buffer.concat([data.subarray(0, start), replaced, data.subarray(end)]));

    await refusedIntoEmptyDataDir(
      file,
      /^The restore failed and was rolled back, nothing was written\. PostgreSQL said: .*ck_patient__birth_year__range/,
      'command',
    );
    if (process.env.TEST_DATABASE_URL) {
      const server = await scratchDatabase();
      try {
        await expect(restoreBackup(file, { url: server.url, replicaUrls: [], dataDir: '', poolSize: 2 }, REGISTRY_SCHEMA)).rejects.toThrow(
          /rolled back, nothing was written/,
        );
        expect(await tableNames(server.url)).toEqual([]); // not even the migrations
      } finally {
        await server.drop();
      }
    }
  }, 120000);

  it('refuses to restore a backup whose migrations this release does not know', async () => {
    const { header, data } = unpack(good);
    header.migrations.push({ timestamp: 1999999999999, name: 'AddSomethingFromTheFuture1999999999999' });
    const file = path.join(work, 'future.vfrbackup');
    pack(file, header, data);
    await refusedIntoEmptyDataDir(
      file,
      /was made by a newer release: .*AddSomethingFromTheFuture1999999999999.*Restore it with that release or a newer one\.$/,
    );
  }, 60000);

  it("refuses an empty database migrated past an earlier release's backup", async () => {
    // The same rows, as if saved before the last migration (the restore stops before its data).
    const { header, data } = unpack(good);
    const last = header.migrations.pop()!.name;
    const file = path.join(work, 'earlier.vfrbackup');
    pack(file, header, data);
    const dataDir = emptyDataDir();
    try {
      const db = await openDatabase({ replicaUrls: [], dataDir, poolSize: 2 }, REGISTRY_SCHEMA);
      await db.dataSource.runMigrations({ transaction: 'each' });
      await db.close();
      await expect(restoreBackup(file, { replicaUrls: [], dataDir, poolSize: 2 }, REGISTRY_SCHEMA)).rejects.toThrow(
        new RegExp(
          `^The target database was migrated past the backup \\(it has ${last}, which the backup's registry did not\\): restore into a new, empty database or an empty DATA_DIR\\. Nothing was written\\.$`,
        ),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60000);

  it('refuses a backup file that already exists instead of overwriting it', async () => {
    const r = await runCommand('backup', ['--out', good], { DATA_DIR: path.dirname(source.embedded!.clusterDir) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/already exists: choose another file with --out/);
    await expect(readBackup(good)).resolves.toMatchObject({ format: 1 });
  }, 60000);
});
