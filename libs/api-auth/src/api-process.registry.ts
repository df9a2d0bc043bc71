import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { DataSource } from 'typeorm';
import { processIsRunning, StartupError } from '@vfr/api-database';
import { TokenService } from './token.service';

/** How often a process records that it is alive. */
export const HEARTBEAT_MS = 10_000;
/** A process not heard of for this long counts as gone (it stopped without deregistering). */
export const LIVE_FOR_MS = 30_000;

/**
 * When this operating-system process started, the same for every app it runs: with the host and
 * the pid, it tells a process restarted with the same pid (pid 1 in a container) from the one
 * before it.
 */
const PROCESS_STARTED_AT = Math.round(Date.now() - process.uptime() * 1000);

/** Another API process registered on the database, as the rule sees it. */
export interface OtherProcess {
  host: string;
  pid: number;
  randomSecret: boolean;
  secondsAgo: number;
}

/** The row of api_process the registration reads. */
interface ProcessRow {
  id: string;
  host: string;
  pid: number;
  process_started_at: number;
  random_secret: boolean;
  seconds_ago: number;
}

const describe = (p: OtherProcess) => `pid ${p.pid} on ${p.host}, last seen ${Math.round(p.secondsAgo)} s ago`;
const GONE = `(a process that stopped without closing counts as gone ${LIVE_FOR_MS / 1000} s after it was last seen)`;

/**
 * Why a process may not serve beside the other live API processes of its database, or null.
 * Tokens are signed with JWT_SECRET; without it a process makes a random secret of its own, and
 * a token it signs is refused by every other process (and theirs by it): behind a load balancer,
 * users would be signed out at random. So a process without JWT_SECRET must be alone.
 */
export function secretConflict(self: { randomSecret: boolean }, others: OtherProcess[]): string | null {
  if (self.randomSecret && others.length > 0) {
    return (
      `JWT_SECRET is not set, and another API process serves this database (${describe(others[0])}): tokens signed with this process's ` +
      `random secret would be refused there, and its tokens here. Set the same JWT_SECRET on every API process (e.g. the output of ` +
      `"openssl rand -hex 32") ${GONE}.`
    );
  }
  const alone = others.find((p) => p.randomSecret);
  if (alone) {
    return (
      `Another API process serves this database without JWT_SECRET (${describe(alone)}), signing with a random secret of its own ` +
      `whose tokens this process would refuse: set the same JWT_SECRET on it and on this one, and restart it ${GONE}.`
    );
  }
  return null;
}

/** A database that refuses writes (read-only, full, out of resources): the start goes on, unregistered. */
const CANNOT_SAVE = new Set(['25006', '53000', '53100', '53200', '58030']);
const codeOf = (e: unknown) => (e as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (e as { code?: string })?.code;

/**
 * Each API process registers in api_process when it starts, records every HEARTBEAT_MS that it
 * is alive, and deregisters when it stops; the registration applies secretConflict to the other
 * live processes, under an advisory lock so that two processes starting together take turns.
 * Times are the database's clock.
 */
@Injectable()
export class ApiProcessRegistry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ApiProcessRegistry.name);
  private readonly id = randomUUID();
  private readonly host = os.hostname();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('api_process'), 0)`);
        const rows = await manager.query<ProcessRow[]>(
          `SELECT id, host, pid, round(extract(epoch FROM process_started_at) * 1000)::float8 AS process_started_at, random_secret,
                  extract(epoch FROM clock_timestamp() - last_seen)::float8 AS seconds_ago
             FROM api_process WHERE last_seen > clock_timestamp() - $1 * interval '1 millisecond'`,
          [LIVE_FOR_MS],
        );
        const live = rows.filter((r) => !this.gone(r));
        const conflict = secretConflict(
          this.tokens,
          live.map((r) => ({ host: r.host, pid: r.pid, randomSecret: r.random_secret, secondsAgo: r.seconds_ago })),
        );
        if (conflict) throw new StartupError(conflict);
        await manager.query(`DELETE FROM api_process WHERE NOT (id = ANY($1::uuid[]))`, [live.map((r) => r.id)]);
        await this.record(manager.query.bind(manager));
      });
    } catch (e) {
      if (!CANNOT_SAVE.has(codeOf(e) ?? '')) throw e;
      this.logger.warn(`The database refuses writes, so this API process could not register itself (it will when it can): ${(e as Error).message}`);
    }
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dataSource.query(`DELETE FROM api_process WHERE id = $1`, [this.id]).catch(() => undefined);
  }

  /** A row left by a process of this host that no longer runs (or that a new process with the same pid replaced). */
  private gone(row: ProcessRow): boolean {
    if (row.host !== this.host) return false;
    if (row.pid === process.pid) return row.process_started_at !== PROCESS_STARTED_AT;
    return !processIsRunning(row.pid);
  }

  private record(query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<unknown> {
    return query(
      `INSERT INTO api_process (id, host, pid, process_started_at, random_secret, started_at, last_seen)
       VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000), $5, clock_timestamp(), clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET last_seen = clock_timestamp()`,
      [this.id, this.host, process.pid, PROCESS_STARTED_AT, this.tokens.randomSecret],
    );
  }

  /** Records that this process is alive (again registered, should its row have been removed meanwhile). */
  private async beat(): Promise<void> {
    try {
      await this.record((sql, params) => this.dataSource.query(sql, params));
      this.failing = false;
    } catch (e) {
      if (!this.failing) this.logger.warn(`Could not record that this API process is alive: ${(e as Error).message}`);
      this.failing = true;
    }
  }
}
