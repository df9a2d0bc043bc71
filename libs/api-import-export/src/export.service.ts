import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { cohortSql, readCohortFilter } from '@vfr/api-analytics';
import { Actor, SqlParams } from '@vfr/api-core';
import { discardConnection, isStatementTimeout, QUERY_TIMEOUTS, QueryTimeouts, withinDeadline } from '@vfr/api-database';
import { AuditAction, CohortFilter, cohortFilterSchema, QueryTimeoutError, SCHEDULED_TIME_POINTS, validate } from '@vfr/domain';
import { csvWriter, numberColumns } from './csv-cells';
import { ImportKind } from './import-kinds';
import { recordsSql } from './records-export';

export type ExportFormat = 'long' | 'wide';

const logger = new Logger('ExportService');

const EXPORT_TOO_LONG = 'The export took too long: the database did not answer in time. Try a narrower cohort or again later';

export const MEASURES = ['nrs_rest', 'nrs_activity', 'odi', 'rmdq', 'eq5d_index'] as const;

// Ages above 89 are shown as 90+, like everywhere a de-identified reader looks.
const AGE = `CASE WHEN c.age > 89 THEN '90+' ELSE c.age::text END`;

/** The columns of each format, for the header and the data dictionary. */
export function exportColumns(format: ExportFormat): string[] {
  const patient = ['registry_number', 'site', 'sex', 'age_at_index', 'first_treatment', 'treatment_received', 'baseline_nrs', 'max_genant_grade', 'fracture_age_days'];
  if (format === 'long') {
    return [...patient, 'time_point', 'visit_day', 'status', ...MEASURES, 'analgesic_level', 'opioid_use', 'back_to_usual_activities'];
  }
  return [...patient, ...SCHEDULED_TIME_POINTS.flatMap((tp) => [`status_${tp.toLowerCase()}`, `visit_day_${tp.toLowerCase()}`, ...MEASURES.map((m) => `${m}_${tp.toLowerCase()}`)])];
}

/**
 * A cohort's follow-up data as tidy CSV, de-identified (registry numbers, days from the index
 * treatment, ages 90+), streamed from a database cursor so that a million rows need no more
 * memory than a thousand.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUERY_TIMEOUTS) private readonly timeouts: QueryTimeouts,
  ) {}

  /** The export's cohort, held to the same rules as every other cohort query of this reader. */
  parseCohort(actor: Actor, json: string | undefined): CohortFilter {
    if (!json) return {};
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return validate(cohortFilterSchema, 'not json');
    }
    return readCohortFilter(actor, value);
  }

  sql(format: ExportFormat, filter: CohortFilter, actor: Actor): { text: string; values: unknown[] } {
    const params = new SqlParams();
    const cohort = cohortSql(filter, actor, params);
    const patient = `c.registry_number, s.code AS site, c.sex, ${AGE} AS age_at_index, c.first_kind AS first_treatment, c.received_kind AS treatment_received,
      c.baseline_nrs, c.max_genant AS max_genant_grade, c.fracture_age_days`;
    if (format === 'long') {
      return {
        text: `SELECT ${patient}, a.time_point::text AS time_point, (a.visit_date - c.index_date) AS visit_day, a.status::text AS status,
                 ${MEASURES.map((m) => `a.${m}`).join(', ')}, a.analgesic_level::text AS analgesic_level, a.opioid_use, a.back_to_usual_activities
               FROM (${cohort}) c JOIN site s ON s.id = c.site_id
               JOIN assessment a ON a.treatment_id = c.index_treatment_id AND a.withdrawn_at IS NULL
               ORDER BY c.registry_number, a.time_point, a.visit_date`,
        values: params.values,
      };
    }
    const perPoint = SCHEDULED_TIME_POINTS.flatMap((tp) => {
      const when = `FILTER (WHERE a.time_point = ${params.add(tp)})`;
      const n = tp.toLowerCase();
      return [`max(a.status::text) ${when} AS status_${n}`, `max(a.visit_date - c.index_date) ${when} AS visit_day_${n}`, ...MEASURES.map((m) => `max(a.${m}) ${when} AS ${m}_${n}`)];
    });
    return {
      text: `SELECT ${patient}, ${perPoint.join(', ')}
             FROM (${cohort}) c JOIN site s ON s.id = c.site_id
             LEFT JOIN assessment a ON a.treatment_id = c.index_treatment_id AND a.withdrawn_at IS NULL AND a.time_point <> 'UNSCHEDULED'
             GROUP BY c.registry_number, s.code, c.sex, c.age, c.first_kind, c.received_kind, c.baseline_nrs, c.max_genant, c.fracture_age_days
             ORDER BY c.registry_number`,
      values: params.values,
    };
  }

  /** The cohort's follow-up data, long or wide, audited. */
  async stream(actor: Actor, format: ExportFormat, filter: CohortFilter): Promise<Readable> {
    const { text, values } = this.sql(format, filter, actor);
    await this.audit(actor, `assessments-${format}`, { format, cohort: filter });
    return this.csv(text, values, exportColumns(format));
  }

  /** A site's records of one kind in the import format, audited. */
  async records(actor: Actor, kind: ImportKind): Promise<Readable> {
    const { text, values, columns } = recordsSql(kind, actor);
    await this.audit(actor, `records-${kind}`, { kind });
    return this.csv(text, values, columns);
  }

  private async audit(actor: Actor, what: string, details: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_event (actor_id, actor_email, site_id, entity_type, entity_id, action, after) VALUES ($1, $2, $3, 'Export', $4, $5, $6)`,
      [actor.userId, actor.email, actor.siteId, what, AuditAction.EXPORT, JSON.stringify(details)],
    );
  }

  /**
   * Streams a query as CSV from a cursor. Each read of the cursor runs under the statement
   * timeout; an export that moves no row for the deadline (the database does not answer, or the
   * client stopped reading) fails with a QueryTimeoutError, so the response is cut short, never
   * ended as if complete. A finished export hands its connection back to the pool; any other end
   * closes it, since a cursor may still be running on it.
   */
  private async csv(text: string, values: unknown[], columns: string[]): Promise<Readable> {
    const { statementMs, deadlineMs } = this.timeouts;
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      // For the session, and reset before the connection goes back, rather than SET LOCAL: that
      // needs a transaction open for the whole download, during which the embedded engine serves
      // no other connection.
      await withinDeadline(runner.query(`SET statement_timeout = ${statementMs}`), deadlineMs, EXPORT_TOO_LONG);
    } catch (e) {
      discardConnection(runner, e as Error);
      throw e;
    }
    const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const rows = client.query(new QueryStream(text, values, { batchSize: 1000 }));
    // Text cells neutralised against spreadsheet formulas; number columns, as the result's row
    // description types them, written as they are.
    let numbers: Set<string> | undefined;
    const csv = csvWriter(columns, (column) => (numbers ??= numberColumns(rows._result.fields)).has(column));
    let finished = false;
    const finish = (complete: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      if (!complete) return discardConnection(runner, new Error('the export ended before its last row'));
      withinDeadline(runner.query('RESET statement_timeout'), deadlineMs).then(
        () => runner.release(),
        (e: Error) => discardConnection(runner, e),
      );
    };
    const idle = setTimeout(() => {
      const why = rows.isPaused() ? 'its client stopped reading' : 'the database did not answer';
      logger.warn(`an export moved no row for ${deadlineMs} ms (${why}): cut short, its connection closed`);
      csv.destroy(new QueryTimeoutError(EXPORT_TOO_LONG));
      finish(false);
    }, deadlineMs);
    rows.on('data', () => idle.refresh());
    rows.on('end', () => finish(true));
    rows.on('error', (e) => {
      finish(false);
      if (!isStatementTimeout(e)) return void csv.destroy(e);
      logger.warn(`a read of an export ran for longer than ${statementMs} ms (AGGREGATE_TIMEOUT_MS) and was stopped`);
      csv.destroy(new QueryTimeoutError(EXPORT_TOO_LONG, { cause: e }));
    });
    // The client went away, or the export failed: the cursor may still be running.
    csv.on('close', () => finish(false));
    return rows.pipe(csv);
  }
}
