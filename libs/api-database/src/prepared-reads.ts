import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError, ReplicationMode } from 'typeorm';

/**
 * The reads every request makes (the sign-in check, a page of patients) as named prepared
 * statements: PostgreSQL parses and plans each once per connection instead of once per request,
 * which was 0.76 ms of the page's 1.9 ms of database time (docs/performance.md). The name is a
 * hash of the text, so one name always means one statement, on any connection that holds it.
 *
 * A prepared statement lives in the server connection. Behind a pooler that hands a client's
 * next transaction to another server connection without carrying its statements along
 * (PgBouncer before 1.21 in transaction mode, or with `max_prepared_statements = 0`), a named
 * statement is missing there, or already there from another client. The first such refusal
 * turns naming off for this process, with a warning, and the read runs again unnamed: a read
 * outside a transaction changes nothing, so running it again is safe. `DB_PREPARED_STATEMENTS=off`
 * never names one (docs/scaling.md).
 */
export class PreparedReads {
  private named: boolean;

  constructor(
    private readonly dataSource: DataSource,
    enabled: boolean,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
  ) {
    this.named = enabled;
  }

  /** Whether reads are still named (off when configured so, or after a pooler refused one). */
  get naming(): boolean {
    return this.named;
  }

  /**
   * One read-only statement outside any transaction, on the primary ('master') or where TypeORM
   * sends reads ('slave': a standby when standbys are configured), with its rows; logged and its
   * errors given as TypeORM gives them (QueryFailedError), and slow ones reported, as runner.query would.
   */
  async query<T = Record<string, unknown>>(sql: string, values: unknown[], mode: ReplicationMode = 'master'): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner(mode);
    try {
      if (!this.named) return (await runner.query(sql, values)) as T[];
      const client = (await runner.connect()) as PoolClient;
      const logger = this.dataSource.logger;
      logger.logQuery(sql, values, runner);
      const name = statementName(sql);
      try {
        const began = Date.now();
        const { rows } = await client.query<T & object>({ name, text: sql, values });
        // Slow reads reported as runner.query reports them (maxQueryExecutionTime).
        const took = Date.now() - began;
        const slow = this.dataSource.options.maxQueryExecutionTime;
        if (slow && took > slow) logger.logQuerySlow(took, sql, values, runner);
        return rows;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === MISSING || code === DUPLICATE) {
          // Reads in flight at the same moment may meet it too: one warning.
          if (this.named)
            this.warn(
              `[db] the database connection refused a named prepared statement (${code}): a pooler in transaction mode that does not keep them (PgBouncer before 1.21); reads run unnamed from now on. Set DB_PREPARED_STATEMENTS=off to say so.`,
            );
          this.named = false;
          return (await runner.query(sql, values)) as T[];
        }
        if (code === CHANGED_RESULT) {
          // A migration changed a table under the statement this connection holds: forget it there.
          await forget(client, name);
          return (await runner.query(sql, values)) as T[];
        }
        logger.logQueryError(error as Error, sql, values, runner);
        throw new QueryFailedError(sql, values, error as Error);
      }
    } finally {
      await runner.release();
    }
  }
}

/** invalid_sql_statement_name: the statement is not on this server connection. */
const MISSING = '26000';
/** duplicate_prepared_statement: another client prepared it on this server connection. */
const DUPLICATE = '42P05';
/** feature_not_supported, as "cached plan must not change result type". */
const CHANGED_RESULT = '0A000';

const NAMES = new Map<string, string>();

/** A statement's name: a hash of its text (PostgreSQL names are at most 63 bytes), kept for the few texts in use. */
export function statementName(sql: string): string {
  let name = NAMES.get(sql);
  if (!name) {
    name = `vfr_${createHash('sha1').update(sql).digest('hex')}`;
    if (NAMES.size >= 500) NAMES.delete(NAMES.keys().next().value!);
    NAMES.set(sql, name);
  }
  return name;
}

/** Drops a named statement from a connection, and from node-postgres's note of what it has prepared. */
async function forget(client: PoolClient, name: string): Promise<void> {
  await client.query(`DEALLOCATE ${name}`);
  const connection = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection;
  if (connection?.parsedStatements) delete connection.parsedStatements[name];
}
