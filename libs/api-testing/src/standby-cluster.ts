import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { embeddedBinaries, postgresServerUser } from '@vfr/api-database';
import { freePort } from './free-port';

// A real primary with streaming hot standbys on this machine, for the tests of routing, lag and
// failover: PostgreSQL 15 from the embedded package's binaries, each standby made by
// pg_basebackup (PostgreSQL's client tools, e.g. Debian's postgresql-client), over loopback TCP.

interface NodeProcess {
  name: string;
  dir: string;
  port: number;
  child?: ChildProcess;
}

/** pg_basebackup from the PATH, or where Debian's packages put it. */
function pgBasebackup(): string {
  const candidates = ['pg_basebackup', ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin/pg_basebackup`)];
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore' });
      return c;
    } catch {
      // next
    }
  }
  throw new Error('pg_basebackup was not found: install PostgreSQL 15 client tools (Debian: postgresql-client-15) to run the standby tests');
}

export class StandbyCluster {
  private constructor(
    private readonly root: string,
    readonly primary: NodeProcess,
    readonly standbys: NodeProcess[],
  ) {}

  static async start(standbyCount = 2): Promise<StandbyCluster> {
    const bin = embeddedBinaries();
    const user = postgresServerUser();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-standbys-'));
    if (user) fs.chownSync(root, user.uid, user.gid);
    const run = (file: string, args: string[]) => execFileSync(file, args, { stdio: 'pipe', ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } });
    const primary: NodeProcess = { name: 'primary', dir: path.join(root, 'primary'), port: await freePort() };
    run(bin.initdb, ['-D', primary.dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions']);
    const cluster = new StandbyCluster(root, primary, []);
    await cluster.launch(primary);
    const basebackup = pgBasebackup();
    for (let i = 1; i <= standbyCount; i++) {
      const node: NodeProcess = { name: `standby ${i}`, dir: path.join(root, `standby${i}`), port: await freePort() };
      run(basebackup, ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', node.dir, '-R', '-X', 'stream', '-c', 'fast']);
      cluster.standbys.push(node);
      await cluster.launch(node);
    }
    return cluster;
  }

  private async launch(node: NodeProcess): Promise<void> {
    const user = postgresServerUser();
    const log = fs.openSync(path.join(this.root, `${node.name.replace(' ', '')}.log`), 'a');
    node.child = spawn(
      embeddedBinaries().postgres,
      [
        '-D',
        node.dir,
        ...['port=' + node.port, 'listen_addresses=127.0.0.1', `unix_socket_directories=${node.dir}`, 'max_connections=60', 'hot_standby_feedback=on'].flatMap(
          (s) => ['-c', s],
        ),
      ],
      { stdio: ['ignore', log, log], ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
    fs.closeSync(log);
    node.child.once('error', () => undefined);
    const deadline = Date.now() + 30000;
    for (;;) {
      const c = new Client(this.urlOf(node));
      try {
        await c.connect();
        await c.query('SELECT 1');
        await c.end();
        return;
      } catch (e) {
        await c.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`${node.name} did not start: ${(e as Error).message}`, { cause: e });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  urlOf(node: NodeProcess, database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${node.port}/${database}`;
  }

  /** Runs SQL on a node and returns its rows. */
  async sql<T = Record<string, unknown>>(node: NodeProcess, text: string, database = 'postgres'): Promise<T[]> {
    const c = new Client(this.urlOf(node, database));
    await c.connect();
    try {
      return (await c.query(text)).rows as T[];
    } finally {
      await c.end();
    }
  }

  /** Stops a node at once (SIGKILL): a standby that crashed or lost its machine. */
  kill(node: NodeProcess): void {
    node.child?.kill('SIGKILL');
    node.child = undefined;
  }

  /** Starts a killed node again. */
  async restart(node: NodeProcess): Promise<void> {
    fs.rmSync(path.join(node.dir, 'postmaster.pid'), { force: true });
    await this.launch(node);
  }

  /** Freezes a node (SIGSTOP): it keeps its connections open and answers nothing, like a hung machine. */
  freeze(node: NodeProcess): void {
    // The postmaster and its backends: every process of the node's data directory.
    for (const pid of this.pidsOf(node)) process.kill(pid, 'SIGSTOP');
  }

  thaw(node: NodeProcess): void {
    for (const pid of this.pidsOf(node)) process.kill(pid, 'SIGCONT');
  }

  private pidsOf(node: NodeProcess): number[] {
    const main = node.child?.pid;
    if (!main) return [];
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(main)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    return [main, ...children];
  }

  async stop(): Promise<void> {
    for (const node of [...this.standbys, this.primary]) {
      if (!node.child) continue;
      this.thaw(node);
      const exited = new Promise((r) => node.child!.once('exit', r));
      node.child.kill('SIGINT');
      // The wait must not keep a test's process alive once the node has exited.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000).unref())]);
      node.child?.kill('SIGKILL');
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
