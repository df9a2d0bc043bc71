import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { postgresServerUser } from '@vfr/api-database';
import { freePort } from './free-port';

// pg_auto_failover on this machine, for the failover test and `npm run scale`: a monitor and two
// or more data nodes, each run by its own `pg_autoctl` (Debian: postgresql-15-auto-failover and
// pg-auto-failover-cli), on loopback ports, trusting local connections, without TLS. The first
// node becomes the primary, the others its standbys, synchronous (pg_auto_failover's default:
// `ANY 1` of them acknowledges each commit).

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** pg_autoctl, or undefined when not installed. */
export function pgAutoctlBinary(): string | undefined {
  for (const candidate of ['/usr/bin/pg_autoctl', `${PG_BIN}/pg_autoctl`]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

// The monitor checks each node every second and calls one unhealthy after 3 s without an answer,
// instead of 5 s and 20 s: the test waits less; nothing else changes. primary_demote_timeout
// (30 s, how long the monitor waits for a lost primary to have demoted itself) is left as it is.
const MONITOR_SETTINGS: Record<string, string> = {
  'pgautofailover.health_check_period': '1000',
  'pgautofailover.health_check_timeout': '1000',
  'pgautofailover.health_check_max_retries': '1',
  'pgautofailover.health_check_retry_delay': '500',
  'pgautofailover.node_considered_unhealthy_timeout': '3000',
};

export interface AutoFailoverNode {
  name: string;
  port: number;
  child?: ChildProcess;
}

export interface AutoFailoverOptions {
  /** The registry's database, made on the primary (default registry). */
  database?: string;
  /** Data nodes: a primary and nodes - 1 standbys (default 2). */
  nodes?: number;
  /**
   * The formation's number_sync_standbys (pg_auto_failover's default 0). With two standbys, 1
   * keeps commits synchronous while one of them is down; 0 lets the primary go asynchronous.
   */
  numberSyncStandbys?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AutoFailoverCluster {
  readonly nodes: AutoFailoverNode[] = [];
  private monitor?: AutoFailoverNode;

  private constructor(private readonly root: string) {}

  static async start(options: AutoFailoverOptions = {}): Promise<AutoFailoverCluster> {
    const { database = 'registry', nodes = 2 } = options;
    if (nodes < 2) throw new Error('pg_auto_failover: a primary needs at least one standby here');
    const binary = pgAutoctlBinary();
    if (!binary) throw new Error('pg_autoctl is not installed (Debian: apt-get install postgresql-15-auto-failover pg-auto-failover-cli)');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-autofailover-'));
    const user = postgresServerUser();
    if (user) fs.chownSync(root, user.uid, user.gid);
    const cluster = new AutoFailoverCluster(root);
    try {
      cluster.monitor = { name: 'monitor', port: await freePort() };
      cluster.autoctl(cluster.monitor, [
        'create',
        'monitor',
        '--pgport',
        String(cluster.monitor.port),
        '--auth',
        'trust',
        '--no-ssl',
        '--run',
        '--listen',
        '127.0.0.1',
      ]);
      await cluster.until('the monitor', async () => (await cluster.sql(cluster.monitor!, 'SELECT 1', 'pg_auto_failover')).length === 1);
      for (const [name, value] of Object.entries(MONITOR_SETTINGS))
        await cluster.sql(cluster.monitor, `ALTER SYSTEM SET ${name} = '${value}'`, 'pg_auto_failover');
      await cluster.sql(cluster.monitor, 'SELECT pg_reload_conf()', 'pg_auto_failover');
      const monitorUrl = cluster.monitorUrl;
      for (let i = 1; i <= nodes; i++) {
        const name = `node${i}`;
        const node: AutoFailoverNode = { name, port: await freePort() };
        cluster.nodes.push(node);
        const args = ['create', 'postgres', '--pgport', String(node.port), '--name', name, '--dbname', database, '--monitor', monitorUrl];
        cluster.autoctl(node, [...args, '--auth', 'trust', '--no-ssl', '--run', '--listen', '127.0.0.1']);
        if (name === 'node1') await cluster.until('node1 alone', async () => (await cluster.states()).node1 === 'single');
      }
      // The standbys join at once. pg_basebackup waits for a checkpoint on the primary: one as
      // soon as they are registered rather than in minutes.
      const standbys = cluster.nodes.slice(1);
      await cluster.until('the standbys registered', async () => {
        const s = await cluster.states();
        return standbys.every((n) => s[n.name] !== undefined);
      });
      await sleep(1000);
      await cluster.sql(cluster.nodes[0], 'CHECKPOINT');
      // Settled: every node in the state the monitor wants it in (a change of settings passes
      // through apply_settings).
      const settled = () =>
        cluster.until('a primary and its secondaries', async () => {
          const h = await cluster.health();
          const is = (name: string, state: string) => h[name]?.reported === state && h[name].goal === state;
          return is('node1', 'primary') && standbys.every((n) => is(n.name, 'secondary'));
        });
      await settled();
      if (options.numberSyncStandbys !== undefined) {
        await cluster.sql(cluster.monitor, `SELECT pgautofailover.set_formation_number_sync_standbys('default', $1)`, 'pg_auto_failover', [
          options.numberSyncStandbys,
        ]);
        await settled();
      }
      return cluster;
    } catch (e) {
      await cluster.stop();
      throw e;
    }
  }

  /** Runs a pg_autoctl command that stays (`--run`, `run`) for a node, in a process group of its own. */
  private autoctl(node: AutoFailoverNode, args: string[]): void {
    const user = postgresServerUser();
    const dir = path.join(this.root, node.name);
    const log = fs.openSync(path.join(this.root, `${node.name}.log`), 'a');
    const env = {
      ...process.env,
      PATH: `${PG_BIN}:${process.env.PATH}`,
      PG_CONFIG: `${PG_BIN}/pg_config`,
      // pg_autoctl keeps its configuration and state under the XDG directories: the test's own.
      XDG_CONFIG_HOME: path.join(this.root, 'config'),
      XDG_DATA_HOME: path.join(this.root, 'data'),
      XDG_RUNTIME_DIR: path.join(this.root, 'run'),
      LC_ALL: 'C',
    };
    node.child = spawn(pgAutoctlBinary()!, [...args, '--pgdata', dir, '--hostname', '127.0.0.1'], {
      stdio: ['ignore', log, log],
      detached: true,
      cwd: this.root,
      env,
      ...(user ?? {}),
    });
    fs.closeSync(log);
    node.child.once('error', () => undefined);
  }

  async until(what: string, ok: () => Promise<boolean>, ms = 120000): Promise<void> {
    const deadline = Date.now() + ms;
    let last: unknown;
    for (;;) {
      try {
        if (await ok()) return;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline)
        throw new Error(`pg_auto_failover: ${what} not reached in ${ms} ms (${last instanceof Error ? last.message : 'no error'}); logs in ${this.root}`);
      await sleep(250);
    }
  }

  /** Each data node's state as the monitor last heard it. */
  async states(): Promise<Record<string, string>> {
    const rows = await this.sql<{ nodename: string; reportedstate: string }>(
      this.monitor!,
      'SELECT nodename, reportedstate::text FROM pgautofailover.node',
      'pg_auto_failover',
    );
    return Object.fromEntries(rows.map((r) => [r.nodename, r.reportedstate]));
  }

  /** Each data node as the monitor sees it: its reported and goal states, and whether its last health check passed. */
  async health(): Promise<Record<string, { reported: string; goal: string; healthy: boolean }>> {
    const rows = await this.sql<{ nodename: string; reported: string; goal: string; health: number }>(
      this.monitor!,
      'SELECT nodename, reportedstate::text AS reported, goalstate::text AS goal, health FROM pgautofailover.node',
      'pg_auto_failover',
    );
    return Object.fromEntries(rows.map((r) => [r.nodename, { reported: r.reported, goal: r.goal, healthy: r.health === 1 }]));
  }

  /** The node the monitor names as the primary (pgautofailover.get_primary), if any now. */
  async primary(): Promise<AutoFailoverNode | undefined> {
    try {
      const [r] = await this.sql<{ name: string }>(this.monitor!, 'SELECT primary_name AS name FROM pgautofailover.get_primary()', 'pg_auto_failover');
      return this.nodes.find((n) => n.name === r?.name);
    } catch {
      return undefined; // no writable node during a failover
    }
  }

  /** The monitor's URL, as the nodes (and whatever follows the primary) reach it. */
  get monitorUrl(): string {
    return `postgres://autoctl_node@127.0.0.1:${this.monitor!.port}/pg_auto_failover?sslmode=disable`;
  }

  /** The formation's URL, as `pg_autoctl show uri` prints it: every node, the writable one wanted. */
  uri(database = 'registry'): string {
    return `postgres://postgres@${this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}/${database}?target_session_attrs=read-write`;
  }

  urlOf(node: AutoFailoverNode, database = 'registry'): string {
    return `postgres://postgres@127.0.0.1:${node.port}/${database}`;
  }

  async sql<T = Record<string, unknown>>(node: AutoFailoverNode, text: string, database = 'registry', params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.urlOf(node, database), connectionTimeoutMillis: 3000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  /** The node whose server takes writes now, if any answers. */
  async writable(): Promise<AutoFailoverNode | undefined> {
    for (const node of this.nodes) {
      if (!node.child) continue;
      try {
        const [r] = await this.sql<{ ro: string }>(node, `SELECT current_setting('transaction_read_only') AS ro`);
        if (r.ro === 'off') return node;
      } catch {
        // down or starting
      }
    }
    return undefined;
  }

  /** The machine lost: the node's pg_autoctl and its PostgreSQL, killed at once (SIGKILL). */
  kill(node: AutoFailoverNode): void {
    if (node.child?.pid) process.kill(-node.child.pid, 'SIGKILL');
    node.child = undefined;
  }

  /** Starts a killed node's pg_autoctl again (the machine back): it rejoins as a standby. */
  restart(node: AutoFailoverNode): void {
    if (node.child) throw new Error(`${node.name} is running`);
    this.autoctl(node, ['run', '--pgport', String(node.port)]);
  }

  /** Stops the data nodes (at once), then the monitor, and removes their directories. */
  async stop(): Promise<void> {
    const end = async (node: AutoFailoverNode) => {
      const child = node.child;
      if (!child?.pid) return;
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
        // The wait must not keep a test's process alive once the node has exited.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15000).unref())]);
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      node.child = undefined;
    };
    await Promise.all(this.nodes.map(end));
    if (this.monitor) await end(this.monitor);
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
