import { Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';

const logger = new Logger('Standbys');
const ignore = () => undefined;

/** One hot standby as the registry last saw it. */
export interface StandbyState {
  /** "standby 1", ...: the order of DATABASE_REPLICA_URLS (a URL may hold a password, so it is never shown). */
  name: string;
  /** Reachable, in recovery, and answering its checks. */
  healthy: boolean;
  /** How far its data is behind the primary's, in seconds (0 when it has replayed everything); null when unknown. */
  lagSeconds: number | null;
  /** When it was last checked. */
  checkedAt: Date | null;
  /** Why it is not used, in words (unreachable, not in recovery, behind by ...). */
  problem: string | null;
  /** Aggregates it has served since the start. */
  served: number;
}

export interface StandbyOptions {
  /** A standby further behind than this is not used (REPLICA_MAX_LAG_SECONDS). */
  maxLagSeconds: number;
  /** How often each standby's health and lag are measured. */
  checkEveryMs?: number;
  /** A connection that is not made within this is a standby down. */
  connectTimeoutMs?: number;
  /** Connections per standby. */
  poolSize?: number;
}

/** Where an aggregate ran: a standby, with the time its data is as of, or the primary. */
export interface Lease {
  client: PoolClient;
  standby: string;
  asOf: Date;
  /** Rejects when the standby is found down while the query runs (the caller retries elsewhere). */
  lost: Promise<never>;
  done(error?: Error): void;
}

/** A standby was lost during a query: the caller runs the query elsewhere. */
export class StandbyLostError extends Error {}

interface Node {
  state: StandbyState;
  pool: Pool;
  /** Queries running on it, each with the way to give it up. */
  running: Set<(e: Error) => void>;
}

/**
 * The hot standbys that take whole-cohort aggregates (DATABASE_REPLICA_URLS), used only while
 * they are reachable and fresh (docs/scaling.md):
 *
 * - every standby is checked every couple of seconds: reachable, still in recovery, and how far
 *   behind the primary it is, measured against the primary's WAL position just read (a standby
 *   that has replayed it is 0 s behind; one that has not is as far behind as its last replayed
 *   transaction is old, which overstates an idle primary's lag rather than hiding a stalled one);
 * - a standby down, not yet checked, or more than `maxLagSeconds` behind is not picked; pick()
 *   then returns null and the caller uses the primary;
 * - a standby found down while queries run on it has them given up at once (StandbyLostError),
 *   so that a hung standby holds no caller until its timeout;
 * - pools connect lazily: a standby down at start delays nothing.
 */
export class Standbys {
  private readonly nodes: Node[];
  private timer?: NodeJS.Timeout;
  private next = 0;
  private readonly checkEveryMs: number;

  constructor(
    urls: string[],
    /** The primary's current WAL position (pg_current_wal_lsn() as text). */
    private readonly primaryLsn: () => Promise<string>,
    private readonly options: StandbyOptions,
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 2000;
    const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
    this.nodes = urls.map((url, i) => {
      const pool = new Pool({
        connectionString: url,
        max: options.poolSize ?? 4,
        connectionTimeoutMillis: connectTimeoutMs,
        application_name: 'vfr-api-standby',
      });
      // An idle connection that breaks (the standby restarted) is dropped by the pool; the
      // error must not stop the process.
      pool.on('error', () => undefined);
      // Nor may a connection's error at any other moment: a lost standby's backends send their
      // last message ("terminating connection due to unexpected postmaster exit") whenever they
      // notice, also to a connection that is being closed after a failure and has no other
      // listener left. Queries on it still fail, and the pool drops it.
      pool.on('connect', (client) => client.on('error', ignore));
      return {
        pool,
        running: new Set(),
        state: { name: `standby ${i + 1}`, healthy: false, lagSeconds: null, checkedAt: null, problem: 'not checked yet', served: 0 },
      };
    });
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Each standby's last known state, for /health/standbys. */
  states(): StandbyState[] {
    return this.nodes.map((n) => ({ ...n.state }));
  }

  /** Checks every standby now, then every checkEveryMs until close(). */
  async start(): Promise<void> {
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.checkEveryMs);
    this.timer.unref();
  }

  async checkAll(): Promise<void> {
    let lsn: string;
    try {
      lsn = await this.primaryLsn();
    } catch {
      // Without the primary's position no lag can be measured: nothing is fresh for sure.
      for (const n of this.nodes) this.markDown(n, 'the primary did not give its position to measure lag against');
      return;
    }
    await Promise.all(this.nodes.map((n) => this.check(n, lsn)));
  }

  private async check(n: Node, primaryLsn: string): Promise<void> {
    const deadline = this.options.connectTimeoutMs ?? 2000;
    let client: PoolClient | undefined;
    let givenUp = false;
    try {
      const work = (async () => {
        const connected = await n.pool.connect();
        if (givenUp) {
          // Connected after the check was given up: back to the pool, not leaked.
          connected.release();
          throw new Error('connected too late');
        }
        client = connected;
        const { rows } = await client.query<{ recovery: boolean; caught_up: boolean | null; behind: number | null }>(
          `SELECT pg_is_in_recovery() AS recovery,
                  pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS caught_up,
                  extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS behind`,
          [primaryLsn],
        );
        return rows[0];
      })();
      const row = await Promise.race([
        work,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${deadline} ms`)), deadline).unref()),
      ]);
      client?.release();
      n.state.checkedAt = new Date();
      if (!row.recovery) return this.markDown(n, 'not in recovery: it is a primary now, not a standby of this one');
      const lag = row.caught_up ? 0 : Math.max(0, row.behind ?? Infinity);
      n.state.lagSeconds = Number.isFinite(lag) ? lag : null;
      if (!(lag <= this.options.maxLagSeconds)) {
        n.state.healthy = false;
        n.state.problem = `${Number.isFinite(lag) ? `${lag.toFixed(1)} s` : 'an unknown time'} behind the primary, more than REPLICA_MAX_LAG_SECONDS (${this.options.maxLagSeconds} s)`;
        return;
      }
      if (!n.state.healthy) logger.log(`${n.state.name} is in use (${lag.toFixed(1)} s behind)`);
      n.state.healthy = true;
      n.state.problem = null;
    } catch (e) {
      givenUp = true;
      // A connection that did not answer is broken: the pool must not hand it out again.
      client?.release(e instanceof Error ? e : true);
      n.state.checkedAt = new Date();
      this.markDown(n, `unreachable: ${(e as Error).message}`);
    }
  }

  private markDown(n: Node, problem: string): void {
    if (n.state.healthy) logger.warn(`${n.state.name} is not used: ${problem}`);
    n.state.healthy = false;
    n.state.problem = problem;
    // Queries running on it are given up now rather than at their timeout.
    for (const giveUp of [...n.running]) giveUp(new StandbyLostError(`${n.state.name} was lost: ${problem}`));
  }

  /** A connection on a healthy, fresh standby (round robin), or null: use the primary. */
  async lease(): Promise<Lease | null> {
    const fresh = this.nodes.filter((n) => n.state.healthy && this.recentlyChecked(n));
    for (let tries = 0; tries < fresh.length; tries++) {
      const n = fresh[this.next++ % fresh.length];
      let client: PoolClient;
      try {
        client = await n.pool.connect();
      } catch (e) {
        this.markDown(n, `unreachable: ${(e as Error).message}`);
        continue;
      }
      let giveUp!: (e: Error) => void;
      const lost = new Promise<never>((_, reject) => (giveUp = reject));
      lost.catch(() => undefined);
      // The standby dropping the connection while it is leased: the query is lost (and an event
      // with no listener would stop the process).
      const onError = (e: Error) => giveUp(new StandbyLostError(`${n.state.name} dropped the connection: ${e.message}`));
      client.on('error', onError);
      n.running.add(giveUp);
      n.state.served++;
      const asOf = new Date(Date.now() - (n.state.lagSeconds ?? 0) * 1000);
      return {
        client,
        standby: n.state.name,
        asOf,
        lost,
        done: (error?: Error) => {
          n.running.delete(giveUp);
          client.removeListener('error', onError);
          if (error) this.markDown(n, error.message);
          client.release(error ?? undefined);
        },
      };
    }
    return null;
  }

  /** A standby whose last check is older than three intervals may have stopped answering. */
  private recentlyChecked(n: Node): boolean {
    return n.state.checkedAt !== null && Date.now() - n.state.checkedAt.getTime() <= 3 * this.checkEveryMs + (this.options.connectTimeoutMs ?? 2000);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.nodes.map((n) => n.pool.end().catch(() => undefined)));
  }
}
