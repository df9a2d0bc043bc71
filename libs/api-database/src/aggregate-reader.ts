import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueryTimeoutError } from '@vfr/domain';
import { aggregateTimeoutFromEnv } from './database.config';
import { discardConnection, isStatementTimeout, QueryTimeouts, queryTimeouts, withinDeadline } from './query-timeout';
import { noteServedFromStandby } from './served-from';
import { Lease, StandbyLostError, Standbys } from './standbys';

const logger = new Logger('AggregateReader');

/**
 * What an aggregate reads, and so which places it waits for. A `scan` reads the cohort's patients
 * (analysis_patient and the source tables): a tenth of a second to seconds of a core. A `cells`
 * read sums the maintained cells (analysis_cell), a few hundred to a few thousand rows found by
 * index: milliseconds, whatever the registry's size. Each kind has places of its own, so that
 * the overview's figures kept as cells are not answered only after the scans queued before them
 * (docs/performance.md, the first screen).
 */
export type AggregateKind = 'scan' | 'cells';

/** At most `limit` at once; the rest wait, in order. */
class Places {
  active = 0;
  readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    // The place is handed over by release(), so `active` stays counted for the waiter.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}

/**
 * The one door for whole-cohort aggregates (dashboards, analytics, follow-up completeness).
 *
 * At most `concurrency` of them run at once; the rest wait here, in order. An aggregate keeps a
 * core (and PostgreSQL's parallel workers) busy for a tenth of a second or more, so ten dashboards
 * opened together would otherwise take every core and leave coordinators' writes, which need
 * little CPU, waiting behind them. Where hot standbys are configured, aggregates run on a healthy,
 * fresh one (Standbys, docs/scaling.md) and on the primary when none is; a standby lost during
 * the query (down, hung, or its query cancelled by recovery) has the query run again elsewhere.
 * Aggregates never need to see a write of the same request; every other read stays on the primary.
 *
 * Reads of the maintained cells (`cells`, see AggregateKind) have as many places again of their
 * own: they take milliseconds, so they neither wait behind the scans nor hold the cores from them.
 *
 * Every aggregate runs under the server's statement timeout and a client deadline (see
 * QueryTimeouts): a place here is never held by an answer that will not come.
 */
export class AggregateReader {
  private readonly places: Record<AggregateKind, Places>;

  constructor(
    private readonly dataSource: DataSource,
    readonly concurrency: number,
    readonly timeouts: QueryTimeouts = queryTimeouts(aggregateTimeoutFromEnv()),
    private readonly standbys?: Standbys,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`aggregate concurrency must be a positive integer, got ${concurrency}`);
    this.places = { scan: new Places(concurrency), cells: new Places(concurrency) };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller, as with DataSource.query
  async query<T = any>(sql: string, params: unknown[] = [], kind: AggregateKind = 'scan'): Promise<T[]> {
    const places = this.places[kind];
    await places.acquire();
    try {
      // Each standby at most once, then the primary.
      for (let tries = 0; tries < (this.standbys?.size ?? 0); tries++) {
        const lease = await this.standbys!.lease();
        if (!lease) break;
        try {
          const rows = await this.onStandby<T>(lease, sql, params);
          noteServedFromStandby(lease.asOf);
          return rows;
        } catch (e) {
          if (!(e instanceof StandbyLostError)) throw e;
          logger.warn(`an aggregate was run again elsewhere: ${e.message}`);
        }
      }
      return await this.timed<T>(sql, params);
    } finally {
      places.release();
    }
  }

  /**
   * One aggregate on a standby. A failure of the standby (connection lost, no answer, the standby
   * found down meanwhile, the query cancelled by a conflict with recovery) is a StandbyLostError,
   * and the caller runs the query elsewhere; the query's own failures (a statement timeout, an
   * error in the SQL) are the caller's as on the primary.
   */
  private async onStandby<T>(lease: Lease, sql: string, params: unknown[]): Promise<T[]> {
    const c = lease.client;
    const work = (async () => {
      await c.query(`BEGIN; ${this.settings()}`);
      try {
        const result = await c.query(sql, params);
        await c.query('COMMIT');
        return result.rows as T[];
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    })();
    try {
      const rows = await Promise.race([withinDeadline(work, this.timeouts.deadlineMs), lease.lost]);
      lease.done();
      return rows;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (e instanceof StandbyLostError) {
        lease.done(e);
        throw e;
      }
      if (isStatementTimeout(e)) {
        lease.done();
        throw new QueryTimeoutError(undefined, { cause: e });
      }
      if (e instanceof QueryTimeoutError) {
        // No answer before the deadline: the query is given up here as on the primary; the
        // connection is broken off and the standby checked again before its next use.
        lease.done(new Error(`no answer within ${this.timeouts.deadlineMs} ms`));
        throw e;
      }
      // Canceled by a conflict with recovery (40001 on a standby): another node can answer.
      if (code === '40001') {
        lease.done();
        throw new StandbyLostError(`${lease.standby} cancelled the query (a conflict with recovery)`);
      }
      // An error with no SQLSTATE, or of class 08 (connection) or 57P (shutdown): the standby failed.
      if (code === undefined || code.startsWith('08') || code.startsWith('57P')) {
        const lost = new StandbyLostError(`${lease.standby} failed: ${(e as Error).message}`);
        lease.done(lost);
        throw lost;
      }
      lease.done();
      throw e;
    }
  }

  /** Scans running and waiting now (for tests and diagnostics). */
  get load(): { active: number; waiting: number } {
    return this.places.scan.load;
  }

  /** Reads of the maintained cells running and waiting now. */
  get cellsLoad(): { active: number; waiting: number } {
    return this.places.cells.load;
  }

  /**
   * What every aggregate's transaction sets for itself (SET LOCAL ends with it, so nothing
   * outlives the query, and PgBouncer's transaction mode is fine): the statement timeout, and no
   * just-in-time compilation. These statements cost a few hundred milliseconds to a second of
   * plain execution, which is where PostgreSQL's JIT spends its own compiling without earning it
   * back: at 100,000 patients it doubled the complication rates' and the funnel plot's
   * statements and changed none for the better (docs/performance.md).
   */
  private settings(): string {
    return `SET LOCAL statement_timeout = ${this.timeouts.statementMs}; SET LOCAL jit = off`;
  }

  private async timed<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    // How far the query got: what its connection is fit for when the deadline passes.
    const progress = { stage: 'connecting' as 'connecting' | 'running' | 'done', givenUp: false };
    const work = (async () => {
      await runner.connect();
      if (progress.givenUp) {
        // The deadline passed while the pool found a connection: it has run nothing, so it is fine.
        await runner.release();
        throw new QueryTimeoutError();
      }
      progress.stage = 'running';
      // SET LOCAL ends with the transaction: the timeout cannot outlive this query.
      await runner.query(`BEGIN; ${this.settings()}`);
      let rows: T[];
      try {
        // The driver's rows are untyped; the caller names their type, as with DataSource.query.
        rows = (await runner.query(sql, params)) as T[];
      } catch (e) {
        // The caller is told what failed, not that the rollback failed too (as it does when the
        // connection was lost); a connection that cannot roll back is discarded below.
        await runner.query('ROLLBACK').then(
          () => (progress.stage = 'done'),
          () => undefined,
        );
        throw e;
      }
      await runner.query('COMMIT');
      progress.stage = 'done';
      return rows;
    })();
    try {
      return await withinDeadline(work, this.timeouts.deadlineMs);
    } catch (e) {
      if (e instanceof QueryTimeoutError) {
        logger.warn(
          progress.stage === 'connecting'
            ? `an aggregate found no free connection within ${this.timeouts.deadlineMs} ms and was given up`
            : `an aggregate had no answer within ${this.timeouts.deadlineMs} ms: given up, its connection closed rather than reused`,
        );
      } else if (isStatementTimeout(e)) {
        logger.warn(`an aggregate ran for longer than ${this.timeouts.statementMs} ms (AGGREGATE_TIMEOUT_MS) and was stopped`);
        throw new QueryTimeoutError(undefined, { cause: e });
      }
      throw e;
    } finally {
      if (progress.stage === 'done') void runner.release();
      else if (progress.stage === 'connecting') progress.givenUp = true;
      else discardConnection(runner, new Error('an aggregate connection left in an unknown state'));
    }
  }
}
