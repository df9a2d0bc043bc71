import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

// PgBouncer in front of a pg_auto_failover formation (docs/scaling.md, "PgBouncer that follows the
// primary"). pg_auto_failover promotes a standby when the primary is lost but does not touch
// PgBouncer, whose [databases] entry names one host. This follower keeps that entry on the
// writable node: it asks the monitor which node is the primary (pgautofailover.get_primary) at
// once when the monitor announces a state change (LISTEN state) and every pollMs besides, and
// when the answer changes it rewrites the file PgBouncer's ini includes for its [databases]
// section and tells PgBouncer to RELOAD. PgBouncer keeps its clients' connections across the
// reload and closes its server connections to the old host as they are released, so the API
// behind it carries on with one DATABASE_URL and no restart.

/** The node the monitor names as writable. */
export interface PrimaryNode {
  name: string;
  host: string;
  port: number;
}

export interface PgBouncerFollowerOptions {
  /** The monitor, as the nodes reach it: postgres://autoctl_node@monitor:5432/pg_auto_failover. */
  monitorUrl: string;
  formation?: string;
  group?: number;
  /** The file PgBouncer's ini includes (`%include`) for its [databases] section: written whole, atomically. */
  databasesFile: string;
  /** Each database clients ask PgBouncer for, with its settings but the host and port (e.g. registry: "dbname=registry"). */
  databases: Record<string, string>;
  /** PgBouncer's admin console, as one of its admin_users: postgres://admin@127.0.0.1:6432/pgbouncer. */
  adminUrl: string;
  /** How often to ask the monitor besides its notifications (default 1000 ms). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface PrimarySwitch {
  at: Date;
  from: PrimaryNode | null;
  to: PrimaryNode;
}

export class PgBouncerFollower {
  /** The primary PgBouncer was last pointed at (after a successful RELOAD). */
  current: PrimaryNode | null = null;
  readonly switches: PrimarySwitch[] = [];
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private again = false;
  private stopped = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: PgBouncerFollowerOptions) {
    this.log = options.log ?? ((line) => console.log(line));
    for (const [name, settings] of Object.entries(options.databases)) {
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}": letters, digits and _ only`);
      if (/\b(host|port)\s*=/.test(settings)) throw new Error(`database ${name}: leave host and port out of its settings, the follower sets them`);
      if (/[\r\n]/.test(settings)) throw new Error(`database ${name}: its settings must be one line`);
    }
  }

  /** Points PgBouncer at the monitor's primary now (fails if that cannot be done), then keeps it there until stop(). */
  async start(): Promise<void> {
    await this.check(true);
    if (!this.current) throw new Error('the monitor names no primary now: start the follower once the formation has one');
    this.timer = setInterval(() => void this.check(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** One check at a time; a notification during a check asks for one more. */
  private check(failLoudly = false): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      try {
        do {
          this.again = false;
          await this.follow();
        } while (this.again && !this.stopped);
      } catch (e) {
        if (failLoudly) throw e;
        // The monitor or PgBouncer unreachable: the next poll tries again.
        this.log(`primary follower: ${(e as Error).message}`);
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  private async follow(): Promise<void> {
    const monitor = await this.monitor();
    let primary: PrimaryNode;
    try {
      const { rows } = await monitor.query<{ name: string; host: string; port: number }>(
        'SELECT primary_name AS name, primary_host AS host, primary_port AS port FROM pgautofailover.get_primary($1, $2)',
        [this.options.formation ?? 'default', this.options.group ?? 0],
      );
      if (!rows[0]?.host) return;
      primary = { name: rows[0].name, host: rows[0].host, port: Number(rows[0].port) };
    } catch (e) {
      // During a failover no node is writable ("has no writable node right now"): PgBouncer is
      // left as it is until the monitor names the new primary.
      if (/writable node/i.test((e as Error).message)) return;
      throw e;
    }
    if (this.current && this.current.host === primary.host && this.current.port === primary.port) return;
    this.write(primary);
    await this.reload();
    this.switches.push({ at: new Date(), from: this.current, to: primary });
    this.log(`primary follower: PgBouncer now sends ${Object.keys(this.options.databases).join(', ')} to ${primary.name} (${primary.host}:${primary.port})`);
    this.current = primary;
  }

  /** The connection that listens to the monitor, opened again after it was lost. */
  private async monitor(): Promise<Client> {
    if (this.listener) return this.listener;
    const client = new Client({
      connectionString: this.options.monitorUrl,
      connectionTimeoutMillis: 3000,
      query_timeout: 5000,
      application_name: 'pgbouncer-follower',
    });
    const lost = () => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => void this.check());
    await client.connect();
    await client.query('LISTEN state');
    this.listener = client;
    return client;
  }

  private write(primary: PrimaryNode): void {
    const lines = [
      '; Written by the primary follower from the pg_auto_failover monitor: edits are overwritten.',
      '[databases]',
      ...Object.entries(this.options.databases).map(([name, settings]) => `${name} = host=${primary.host} port=${primary.port} ${settings}`.trim()),
    ];
    const file = this.options.databasesFile;
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}`);
    fs.writeFileSync(temporary, `${lines.join('\n')}\n`, { mode: 0o644 });
    fs.renameSync(temporary, file); // PgBouncer never reads half a file
  }

  private async reload(): Promise<void> {
    const admin = new Client({ connectionString: this.options.adminUrl, connectionTimeoutMillis: 3000, query_timeout: 5000 });
    admin.on('error', () => undefined);
    try {
      await admin.connect();
      // The console takes simple queries only.
      await admin.query('RELOAD');
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
}
