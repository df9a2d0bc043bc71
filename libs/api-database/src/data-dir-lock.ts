import * as fs from 'node:fs';
import * as path from 'node:path';
import { processIsRunning } from './process-alive';
import { StartupError } from './startup-error';

/** What the lock file says about the process that holds a data directory. */
export interface DataDirOwner {
  pid: number;
  command: string;
  startedAt: string;
  /** Where the embedded server of that process listens, for tools that share it (backup). */
  socketDir?: string;
}

const LOCK_FILE = 'registry.lock';

const isAlive = processIsRunning;

function commandLine(): string {
  return process.argv
    .slice(1)
    .map((a) => path.relative(process.cwd(), a) || a)
    .join(' ')
    .slice(0, 200);
}

function readOwner(file: string): DataDirOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
}

/** The live process that holds `dataDir`, if any (a lock left by a dead process is ignored). */
export function dataDirOwner(dataDir: string): DataDirOwner | undefined {
  let owner: DataDirOwner;
  try {
    owner = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as DataDirOwner;
  } catch {
    return undefined;
  }
  return Number.isInteger(owner.pid) && isAlive(owner.pid) ? owner : undefined;
}

export function describeOwner(owner: DataDirOwner): string {
  return `process ${owner.pid} (${owner.command}, started ${owner.startedAt})`;
}

/**
 * One process per data directory: two PostgreSQL servers (or a server and a seed) writing the
 * same files corrupt them. The lock is a file created exclusively; a lock whose process has died
 * (killed, machine restarted) is taken over. PostgreSQL's own postmaster.pid guards the cluster
 * as a second line.
 */
export class DataDirLock {
  private constructor(
    readonly dataDir: string,
    private readonly file: string,
    /** The process that held the directory before and died without releasing it (killed). */
    readonly previousOwner?: DataDirOwner,
  ) {}

  static acquire(dataDir: string): DataDirLock {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.X_OK);
    } catch (e) {
      const reason =
        (e as NodeJS.ErrnoException).code === 'EROFS'
          ? 'it is on a read-only file system'
          : (e as NodeJS.ErrnoException).code === 'ENOSPC'
            ? 'the disk is full'
            : 'permission denied';
      throw new StartupError(`DATA_DIR (${dataDir}) cannot be written: ${reason}. Make it writable, or set DATA_DIR to a directory you can write.`);
    }
    const file = path.join(dataDir, LOCK_FILE);
    const me: DataDirOwner = { pid: process.pid, command: commandLine(), startedAt: new Date().toISOString() };
    let previous: DataDirOwner | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      let fd: number;
      try {
        fd = fs.openSync(file, 'wx', 0o644);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC') {
          throw new StartupError(`DATA_DIR (${dataDir}) cannot be written (${code}): make it writable, or set DATA_DIR to a directory you can write.`);
        }
        if (code !== 'EEXIST') throw e;
        const owner = dataDirOwner(dataDir);
        if (owner) {
          throw new StartupError(
            `The registry's data in ${dataDir} is already in use by ${describeOwner(owner)}. Stop that process first, or set DATA_DIR to another directory.`,
          );
        }
        // A lock left by a process that is gone: take it over (rename is atomic, so of two
        // processes doing this at once only one removes the stale file).
        const moved = `${file}.stale-${process.pid}`;
        try {
          fs.renameSync(file, moved);
        } catch {
          continue; // another process took it over first; try again
        }
        // Between reading the stale lock and moving it, another process may have taken it over
        // and written its own: that one is put back.
        const taken = readOwner(moved);
        if (taken && isAlive(taken.pid)) {
          fs.renameSync(moved, file);
          throw new StartupError(
            `The registry's data in ${dataDir} is already in use by ${describeOwner(taken)}. Stop that process first, or set DATA_DIR to another directory.`,
          );
        }
        previous = taken ?? previous;
        fs.rmSync(moved, { force: true });
        continue;
      }
      try {
        fs.writeSync(fd, JSON.stringify(me));
        fs.fsyncSync(fd);
      } catch (e) {
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC')
          throw new StartupError(`The disk holding DATA_DIR (${dataDir}) is full: free some space and start again.`);
        throw e;
      }
      fs.closeSync(fd);
      return new DataDirLock(dataDir, file, previous);
    }
    throw new StartupError(
      `Could not take the lock on ${dataDir} (${file}): another process keeps changing it. Stop other registry processes and start again.`,
    );
  }

  /** Records where this process's embedded server listens. */
  describe(extra: Partial<DataDirOwner>): void {
    const me = { ...(JSON.parse(fs.readFileSync(this.file, 'utf8')) as DataDirOwner), ...extra };
    const tmp = `${this.file}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(me));
    fs.renameSync(tmp, this.file);
  }

  release(): void {
    try {
      const owner = JSON.parse(fs.readFileSync(this.file, 'utf8')) as DataDirOwner;
      if (owner.pid === process.pid) fs.rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}
