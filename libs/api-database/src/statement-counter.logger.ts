import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { sqlLogFromEnv } from './settings';

/**
 * Counts the SQL statements the application sends, so tests can prove that a page of patients
 * costs a fixed number of statements whatever its size. Errors go to stderr; queries are not
 * printed unless SQL_LOG=1.
 */
export class StatementCounterLogger extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];
  private readonly echo = sqlLogFromEnv();

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.count++;
    if (this.statements.length < 1000) this.statements.push(query);
    if (this.echo) super.logQuery(query, parameters, queryRunner);
  }

  // A slow statement is reported by its text alone: its parameters may hold thousands of ids, or
  // values that do not belong in a log.
  override logQuerySlow(time: number, query: string): void {
    process.stderr.write(`[db query-slow] ${time} ms: ${query.replace(/\s+/g, ' ').slice(0, 300)}\n`);
  }

  protected writeLog(level: LogLevel, logMessage: LogMessage | string | number | (LogMessage | string | number)[]): void {
    const messages = this.prepareLogMessages(logMessage, { highlightSql: false });
    for (const message of messages) {
      if (level === 'query' && !this.echo) continue;
      if (level === 'error' || level === 'warn' || this.echo) {
        process.stderr.write(`[db ${message.type ?? level}] ${String(message.message)}\n`);
      }
    }
  }
}
