import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { TestDatabase } from './test-database';
import { freePort } from './free-port';

/** PgBouncer's binary (Debian's package installs it in /usr/sbin), or undefined when not installed. */
export function pgbouncerBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface PgBouncer {
  port: number;
  /** The file the ini includes for its [databases] section (what a follower of the primary rewrites). */
  databasesFile: string;
  /** The admin console (SHOW, RELOAD), signed in as its admin user. */
  adminUrl: string;
  /** The test's database through PgBouncer, signed in as this login (what DATABASE_URL would say). */
  url(login: { username: string; password?: string }): string;
  /** Rows of a command of PgBouncer's admin console (SHOW POOLS, SHOW SERVERS...). */
  admin<T = Record<string, unknown>>(command: string): Promise<T[]>;
  /** PgBouncer's log so far. */
  log(): string;
  /** Stops the process and removes its directory. */
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** Server connections per database and user (default_pool_size). */
  poolSize: number;
  /** The roles that may sign in through it; PgBouncer signs in to the server with these passwords. */
  logins: { username: string; password?: string }[];
}

/** The name clients give as the database; PgBouncer maps it to the test's database. */
const DATABASE = 'registry';
const ADMIN = 'bouncer_admin';

/**
 * A PgBouncer of its own in front of the test's database, in transaction mode, as a deployment
 * would put one in front of the API: a free loopback port, a generated ini in a temporary
 * directory, and no options that would hide a client's mistake (no ignore_startup_parameters).
 */
export async function startPgBouncer(db: TestDatabase | { url: string }, options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error('pgbouncer is not installed (Debian: apt-get install pgbouncer)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-pgbouncer-'));
  const port = await freePort();
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const users = [...options.logins, { username: ADMIN, password: '' }].map((l) => `${quoted(l.username)} ${quoted(l.password ?? '')}`).join('\n');
  fs.writeFileSync(path.join(dir, 'users.txt'), `${users}\n`, { mode: 0o600 });
  // PgBouncer refuses to run as root; as root it runs as the user the embedded server runs as.
  const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
  // The [databases] section in a file of its own, as a follower of the primary keeps it.
  const databasesFile = path.join(dir, 'databases.ini');
  fs.writeFileSync(databasesFile, `[databases]\n${DATABASE} = ${serverOf(db)}\n`);
  const ini = [
    `%include ${databasesFile}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize}`,
    'max_client_conn = 200',
    // Clients waiting longer than this for a server connection are refused: a request that holds
    // one connection while it waits for another would show here as an error, not as a hang.
    'query_wait_timeout = 30',
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    `admin_users = ${ADMIN}`,
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    ...(asUser ? [`user = ${asUser}`] : []),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), `${ini}\n`);
  if (asUser) {
    const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }).trim());
    for (const f of ['', 'users.txt', 'pgbouncer.ini', 'databases.ini']) fs.chownSync(path.join(dir, f), uid, gid);
  }
  const child = spawn(binary, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = () => {
    try {
      return fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    await ended(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(child, port, () => stderr || log());
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port,
    databasesFile,
    adminUrl: `postgres://${ADMIN}@127.0.0.1:${port}/pgbouncer`,
    url: (login) => {
      const u = new URL(`postgres://127.0.0.1:${port}/${DATABASE}`);
      u.username = encodeURIComponent(login.username);
      if (login.password) u.password = encodeURIComponent(login.password);
      return u.toString();
    },
    async admin<T>(command: string) {
      const c = new Client({ host: '127.0.0.1', port, user: ADMIN, database: 'pgbouncer' });
      await c.connect();
      try {
        // The console answers simple queries only: no parameters.
        return (await c.query(command)).rows as T[];
      } finally {
        await c.end();
      }
    },
    log,
    stop,
  };
}

/** PgBouncer's line for the test's database: the embedded server's socket, or the server in TEST_DATABASE_URL. */
function serverOf(db: TestDatabase | { url: string }): string {
  if ('url' in db) {
    const u = new URL(db.url);
    return `host=${u.hostname} port=${u.port || 5432} dbname=${decodeURIComponent(u.pathname.slice(1))}`;
  }
  if (db.embedded) return `host=${db.embedded.socketDir} port=${db.embedded.port} dbname=${db.embedded.database}`;
  const url = new URL((db.dataSource.options as { url: string }).url);
  return `host=${url.hostname} port=${url.port || 5432} dbname=${decodeURIComponent(url.pathname.slice(1))}`;
}

/** Waits until PgBouncer accepts connections on its port, or fails with what it said. */
async function listening(child: ChildProcess, port: number, said: () => string): Promise<void> {
  const deadline = Date.now() + 10000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`pgbouncer exited at its start: ${said()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on port ${port} within 10 s: ${said()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ends the process (SIGTERM: an immediate shutdown), by force if it has not within 5 s. */
async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exit;
  clearTimeout(timer);
}
