import { Client, ClientConfig } from 'pg';

// A database that moves between machines (an HA manager such as pg_auto_failover promotes a
// standby when the primary is lost) is written, in libpq's syntax, as one URL with several hosts:
//
//   postgres://user@db1:5432,db2:5432/registry?target_session_attrs=read-write
//
// which is what `pg_autoctl show uri` prints. libpq tries the hosts in turn and keeps the first
// session that accepts writes. node-postgres takes one host only, so this module does the same
// for it: DATABASE_URL may name several hosts, and each new connection of the pool goes to the
// one that is writable now. After a failover the pool's connections to the lost primary fail,
// the next ones find the promoted standby, and the API carries on without a restart, a DNS change
// or a proxy (docs/scaling.md, "Failover"). A URL with one host is left to node-postgres as it is.

/** Which session a multi-host URL asks for (libpq's target_session_attrs, the values that suit writes). */
export type TargetSessionAttrs = 'read-write' | 'primary' | 'any';

export interface HostPort {
  host: string;
  port: number;
}

export interface MultiHostUrl {
  hosts: HostPort[];
  target: TargetSessionAttrs;
  /** The URL once per host, without target_session_attrs: what node-postgres is given. */
  hostUrls: string[];
}

/** A URL split around its host list: head is scheme, `//` and user info with its `@`. */
function split(url: string): { head: string; hosts: string; tail: string } | undefined {
  const m = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!m) return undefined;
  const at = m[2].lastIndexOf('@');
  return { head: m[1] + m[2].slice(0, at + 1), hosts: m[2].slice(at + 1), tail: m[3] };
}

// Stands for the host list while a multi-host URL is edited with the WHATWG URL class, which
// refuses a list of hosts.
const PLACEHOLDER = 'several-hosts.invalid';

/** True when the URL names more than one host. */
export function isMultiHostUrl(url: string): boolean {
  return split(url)?.hosts.includes(',') ?? false;
}

/**
 * Applies an edit written for one-host URLs (new URL(...): the user, the password, the query) to
 * a URL with any number of hosts, keeping its host list as it was.
 */
export function editUrl(url: string, edit: (oneHost: string) => string): string {
  const parts = split(url);
  if (!parts || !parts.hosts.includes(',')) return edit(url);
  const edited = split(edit(parts.head + PLACEHOLDER + parts.tail));
  if (!edited) throw new Error('the edited URL is no longer a postgres:// URL');
  return edited.head + parts.hosts + edited.tail;
}

/**
 * The hosts of a multi-host URL (undefined for one host). A host without a port gets 5432, as in
 * libpq. Throws an Error whose message says what is wrong (checkDatabaseUrl words it for the user).
 */
export function parseMultiHostUrl(url: string): MultiHostUrl | undefined {
  const parts = split(url);
  if (!parts || !parts.hosts.includes(',')) return undefined;
  const listed = parts.hosts.split(',').map((item): HostPort & { text: string } => {
    const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(item.trim());
    const port = m?.[2] === undefined ? 5432 : Number(m[2]);
    if (!m || port < 1 || port > 65535) throw new Error(`"${item}" is not a host or host:port (ports from 1 to 65535)`);
    // node-postgres connects to an IPv6 address without its brackets.
    return { host: decodeURIComponent(m[1]).replace(/^\[(.*)\]$/, '$1'), port, text: m[1] };
  });
  let query: URLSearchParams;
  try {
    query = new URL(parts.head + PLACEHOLDER + parts.tail).searchParams;
  } catch {
    throw new Error('the rest of it is not a valid URL (percent-encode special characters in the password, e.g. @ as %40)');
  }
  const target = query.get('target_session_attrs') ?? 'any';
  if (target !== 'read-write' && target !== 'primary' && target !== 'any') {
    throw new Error(
      `target_session_attrs=${target} does not suit the registry's writes: use read-write (or primary, or leave it out to take the first host that answers)`,
    );
  }
  const hosts = listed.map(({ host, port }) => ({ host, port }));
  const hostUrls = listed.map(({ text, port }) =>
    editUrl(parts.head + text + ':' + port + parts.tail, (one) => {
      const u = new URL(one);
      u.searchParams.delete('target_session_attrs');
      return u.toString();
    }),
  );
  return { hosts, target, hostUrls };
}

/**
 * For DataSourceOptions: a one-host URL as it is; a multi-host URL as its first host, plus a pg
 * Client class for the pool (TypeORM hands `extra` to node-postgres' Pool, which builds its
 * connections with `Client`) that connects to the writable host instead.
 */
export function connectionForUrl(url: string): { url: string; extra?: { Client: typeof Client } } {
  const multi = parseMultiHostUrl(url);
  if (!multi) return { url };
  return { url: multi.hostUrls[0], extra: { Client: writableHostClient(multi) } };
}

/** Whether a session is what target_session_attrs asks for: the check libpq makes. */
async function isTarget(client: Client, target: TargetSessionAttrs): Promise<boolean> {
  if (target === 'any') return true;
  if (target === 'primary') return !(await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0].r;
  return (await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only')).rows[0].transaction_read_only === 'off';
}

/**
 * A pg Client class, shared by one pool, whose connect() goes to the writable host of `multi`.
 *
 * A pg Client connects once, so the search is made with short-lived probe connections, last known
 * primary first; the pool's client then connects to the host found, and checks its own session
 * too (a promotion may come between). While the pool holds connections that were checked on the
 * last known primary and none has failed since, new ones go straight there without a probe: the
 * probes cost a connection each only after a failure or an idle spell.
 */
export function writableHostClient(multi: MultiHostUrl): typeof Client {
  let primary = 0;
  /** Connections checked on hosts[primary] and still open: proof that it is still the primary. */
  const checked = new Set<Client>();
  const where = (i: number) => `${multi.hosts[i].host}:${multi.hosts[i].port}`;

  /** Each host in turn, the last known primary first: the index of the first in the target state. */
  async function find(config: ClientConfig, timeoutMs: number): Promise<number> {
    const order = [primary, ...multi.hosts.map((_, i) => i).filter((i) => i !== primary)];
    const problems: string[] = [];
    let lastError: Error | undefined;
    for (const i of order) {
      const probe = new Client({ ...config, connectionString: multi.hostUrls[i], connectionTimeoutMillis: timeoutMs, application_name: 'vfr-api probe' });
      probe.on('error', () => undefined); // a probe that dies is only a failed probe
      try {
        await probe.connect();
        if (await isTarget(probe, multi.target)) {
          primary = i;
          return i;
        }
        problems.push(`${where(i)} is read-only`);
      } catch (e) {
        lastError = e as Error;
        problems.push(`${where(i)}: ${(e as Error).message}`);
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    // No host answered (down, a wrong password, no such database): the last error as it is, so
    // that startup-error.ts can explain it; otherwise what each host said.
    if (lastError && problems.every((p) => !p.endsWith('read-only'))) throw lastError;
    throw new Error(
      `no ${multi.target === 'any' ? 'reachable' : 'writable'} server among ${multi.hosts.map((_, i) => where(i)).join(', ')} (${problems.join('; ')})`,
    );
  }

  return class WritableHostClient extends Client {
    private readonly config: ClientConfig;

    constructor(config: ClientConfig & { Client?: unknown }) {
      const { Client: _ignored, ...rest } = config;
      super(rest);
      this.config = rest;
    }

    override connect(): Promise<Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: Client) => void)): void;
    override connect(callback?: ((err: Error) => void) | ((err: null, c: Client) => void)): Promise<Client> | void {
      const done = this.connectToTarget().then(() => this as Client);
      if (!callback) return done;
      // pg-pool connects with a callback, (error) or (null, client).
      const cb = callback as (err: Error | null, c?: Client) => void;
      done.then(
        (c) => cb(null, c),
        (e: Error) => cb(e),
      );
    }

    private async connectToTarget(): Promise<void> {
      const total = this.config.connectionTimeoutMillis || 10000;
      // Each probe may take its share of the pool's connection timeout, so that one host that
      // hangs leaves time for the others.
      const i = checked.size > 0 ? primary : await find(this.config, Math.max(1000, Math.floor(total / multi.hosts.length)));
      const self = this as unknown as { host: string; port: number; connectionParameters: { host: string; port: number } };
      self.host = self.connectionParameters.host = multi.hosts[i].host;
      self.port = self.connectionParameters.port = multi.hosts[i].port;
      try {
        await super.connect();
      } catch (e) {
        checked.clear();
        throw e;
      }
      if (!(await isTarget(this, multi.target))) {
        checked.clear(); // the next connection searches again
        await this.end().catch(() => undefined);
        throw new Error(`${where(i)} is no longer writable (a failover is under way): the next connection looks for the new primary`);
      }
      checked.add(this);
      // A connection that ends (the pool's idle timeout, or the server lost) no longer proves
      // anything; one that fails casts doubt on the host, so the next connection searches.
      this.once('end', () => checked.delete(this));
      this.on('error', () => checked.clear());
    }
  };
}
