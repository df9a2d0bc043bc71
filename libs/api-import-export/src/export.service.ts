import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import QueryStream from 'pg-query-stream';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { cohortSql, readCohortFilter } from '@vfr/api-analytics';
import { Actor, SqlParams } from '@vfr/api-core';
import { discardConnection, isStatementTimeout, QUERY_TIMEOUTS, QueryTimeouts, withinDeadline } from '@vfr/api-database';
import {
  AssessmentExportColumn,
  AuditAction,
  cohortExportColumnList,
  DEFINED_EXPORT_COLUMNS,
  CohortFilter,
  cohortFilterSchema,
  ExportColumn,
  FieldRule,
  ForbiddenError,
  QueryTimeoutError,
  RecordExport,
  recordExportColumnList,
  Role,
  SCHEDULED_TIME_POINTS,
  validate,
} from '@vfr/domain';
import { csvWriter, listCellSql, numberColumns } from './csv-cells';
import { ImportKind } from './import-kinds';
import { recordsSql } from './records-export';
import { CALL_LIST_COLUMNS } from './worklist-export';

export type ExportFormat = 'long' | 'wide';

const logger = new Logger('ExportService');

const EXPORT_TOO_LONG = 'The export took too long: the database did not answer in time. Try a narrower cohort or again later';

export const MEASURES = ['nrs_rest', 'nrs_activity', 'odi', 'rmdq', 'eq5d_index'] as const;
// The patient columns include those defined with the patient's fields (DEFINED_EXPORT_COLUMNS).
const ALL_COLUMNS = cohortExportColumnList();
const COLUMNS = ALL_COLUMNS.map(([name]) => name);
const PATIENT_COLUMNS = ALL_COLUMNS.filter(([, c]) => c.level === 'patient').map(([name]) => name);
const VISIT_COLUMNS = ALL_COLUMNS.filter(([, c]) => c.level === 'visit').map(([name]) => name);
const PER_TIME_POINT: string[] = ALL_COLUMNS.filter(([, c]) => c.level === 'visit' && c.wide).map(([name]) => name);
const COLUMN_DEFS = new Map<string, ExportColumn>(ALL_COLUMNS);

/**
 * The stored value behind each column (c: the cohort row, s: its site, a: a visit). What a role
 * receives of it is the field-access table's (libs/domain/src/field-access.ts), applied by `select`.
 */
const SOURCE: Record<AssessmentExportColumn, string> = {
  registry_number: 'c.registry_number',
  site: 's.code',
  sex: 'c.sex',
  age_at_index: 'c.age',
  first_treatment: 'c.first_kind',
  treatment_received: 'c.received_kind',
  crossover_day: 'c.crossover_day',
  death_day: 'c.death_on',
  follow_up_end_day: 'c.follow_up_end_day',
  baseline_nrs: 'c.baseline_nrs',
  max_genant_grade: 'c.max_genant',
  fracture_age_days: 'c.fracture_age_days',
  time_point: 'a.time_point::text',
  status: 'a.status::text',
  visit_day: 'a.visit_date',
  nrs_rest: 'a.nrs_rest',
  nrs_activity: 'a.nrs_activity',
  odi: 'a.odi',
  rmdq: 'a.rmdq',
  eq5d_index: 'a.eq5d_index',
  analgesic_level: 'a.analgesic_level::text',
  opioid_use: 'a.opioid_use',
  back_to_usual_activities: 'a.back_to_usual_activities',
  // Items as the import reads them: semicolon lists, an unanswered ODI section empty, RMDQ yes/no as 1/0.
  odi_source: 'a.odi_source::text',
  odi_items: `array_to_string(a.odi_items, ';', '')`,
  rmdq_source: 'a.rmdq_source::text',
  rmdq_items: `translate(array_to_string(a.rmdq_items, ';'), 'tf', '10')`,
  eq5d_levels: `array_to_string(a.eq5d_levels, ';')`,
  eq5d_vas: 'a.eq5d_vas',
  eq5d_source: 'a.eq5d_source::text',
  eq5d_value_set: 'a.eq5d_value_set::text',
  imaging_done: 'a.imaging_done',
  index_discharge_destination: '(SELECT it.discharge_destination::text FROM treatment it WHERE it.id = c.index_treatment_id)',
  index_readmitted_30_days: '(SELECT it.readmitted_within_30_days FROM treatment it WHERE it.id = c.index_treatment_id)',
  index_readmitted_90_days: '(SELECT it.readmitted_within_90_days FROM treatment it WHERE it.id = c.index_treatment_id)',
  index_kyphotic_angle_after: '(SELECT it.kyphotic_angle_after FROM treatment it WHERE it.id = c.index_treatment_id)',
  anterior_height_percent: 'a.anterior_height_percent',
  middle_height_percent: 'a.middle_height_percent',
  posterior_height_percent: 'a.posterior_height_percent',
  kyphotic_angle: 'a.kyphotic_angle',
};

/** The stored value behind a column: the table above, or the patient's column (p) of a defined field. */
function sourceOf(column: string): string {
  const defined = DEFINED_EXPORT_COLUMNS[column];
  if (defined) return defined.list ? listCellSql(`p.${defined.source}`) : `p.${defined.source}`;
  return SOURCE[column as AssessmentExportColumn];
}

/** A column's SQL for a role: the stored value transformed by the role's rule. */
function select(column: string, role: Role): string {
  return ruled(sourceOf(column), COLUMN_DEFS.get(column)!.access[role]);
}

/** A stored value as a rule gives it (c: the cohort row, whose index_date is day 0). */
function ruled(source: string, rule: FieldRule): string {
  switch (rule) {
    case 'full':
    case 'age': // the cohort row already holds the age at the index treatment
      return source;
    case 'ageBand':
      return `CASE WHEN ${source} > 89 THEN '90+' ELSE ${source}::text END`;
    case 'dayOffset':
      return `(${source} - c.index_date)`;
    case 'present':
      return `(${source} IS NOT NULL)`;
    case 'withheld':
      return 'NULL';
    case 'none':
      throw new ForbiddenError('Your role is not given the cohort export');
  }
}

/** The columns of each format, for the header and the data dictionary. */
export function exportColumns(format: ExportFormat): string[] {
  if (format === 'long') return [...PATIENT_COLUMNS, ...VISIT_COLUMNS];
  return [...PATIENT_COLUMNS, ...SCHEDULED_TIME_POINTS.flatMap((tp) => PER_TIME_POINT.map((c) => `${c}_${tp.toLowerCase()}`))];
}

/** The table's column behind a column of either format (wide columns end in their time point). */
export function exportColumnOf(name: string): { column: string; timePoint: string | null } {
  if (COLUMNS.includes(name)) return { column: name, timePoint: null };
  const tp = SCHEDULED_TIME_POINTS.find((t) => name.endsWith(`_${t.toLowerCase()}`))!;
  return { column: name.slice(0, -(tp.length + 1)), timePoint: tp };
}

/**
 * A cohort's follow-up data as tidy CSV, each column as the field-access table gives it to the
 * caller's role (for researchers: registry numbers, days from the index treatment, ages 90+), streamed from a database cursor so that a million rows need no more
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
    const patient = PATIENT_COLUMNS.map((c) => `${select(c, actor.role)} AS ${c}`).join(', ');
    const cohort = cohortSql(filter, actor, params);
    if (format === 'long') {
      return {
        text: `SELECT ${patient}, ${VISIT_COLUMNS.map((c) => `${select(c, actor.role)} AS ${c}`).join(', ')}
               FROM (${cohort}) c JOIN site s ON s.id = c.site_id JOIN patient p ON p.id = c.patient_id
               JOIN assessment a ON a.treatment_id = c.index_treatment_id AND a.withdrawn_at IS NULL
               ORDER BY c.registry_number, a.time_point, a.visit_date`,
        values: params.values,
      };
    }
    const perPoint = SCHEDULED_TIME_POINTS.flatMap((tp) => {
      const when = `FILTER (WHERE a.time_point = ${params.add(tp)})`;
      const n = tp.toLowerCase();
      // max() picks a time point's value (one visit each); PostgreSQL has no max() of booleans.
      return PER_TIME_POINT.map((c) => `${COLUMN_DEFS.get(c)!.type === 'true | false' ? 'bool_or' : 'max'}(${select(c, actor.role)}) ${when} AS ${c}_${n}`);
    });
    return {
      text: `SELECT ${patient}, ${perPoint.join(', ')}
             FROM (${cohort}) c JOIN site s ON s.id = c.site_id JOIN patient p ON p.id = c.patient_id
             LEFT JOIN assessment a ON a.treatment_id = c.index_treatment_id AND a.withdrawn_at IS NULL AND a.time_point <> 'UNSCHEDULED'
             GROUP BY ${PATIENT_COLUMNS.map((_, i) => i + 1).join(', ')}
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

  /**
   * A cohort's complications or treatments, one row per record in force, each column as the
   * field-access table gives it to the caller's role (RECORD_EXPORTS: days from the index
   * treatment, no free text), audited like every export.
   */
  async cohortRecords(actor: Actor, file: RecordExport, filter: CohortFilter): Promise<Readable> {
    const { text, values, columns } = this.recordsSql(file, filter, actor);
    await this.audit(actor, file, { cohort: filter });
    return this.csv(text, values, columns);
  }

  recordsSql(file: RecordExport, filter: CohortFilter, actor: Actor): { text: string; values: unknown[]; columns: string[] } {
    const params = new SqlParams();
    const list = recordExportColumnList(file);
    const selected = list.map(([name, c]) => `${ruled(c.source, c.access[actor.role])} AS ${name}`).join(', ');
    // Complications of kind DEATH are the deaths recorded before the death record existed, all
    // withdrawn; a death is the cohort export's death_day.
    const records =
      file === 'complications'
        ? `JOIN complication x ON x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH' ORDER BY c.registry_number, x.occurred_on, x.id`
        : `JOIN treatment x ON x.patient_id = c.patient_id AND x.withdrawn_at IS NULL ORDER BY c.registry_number, x.start_date, x.id`;
    return { text: `SELECT ${selected} FROM (${cohortSql(filter, actor, params)}) c ${records}`, values: params.values, columns: list.map(([name]) => name) };
  }

  /** A site's records of one kind in the import format, audited. */
  async records(actor: Actor, kind: ImportKind): Promise<Readable> {
    const { text, values, columns } = recordsSql(kind, actor);
    await this.audit(actor, `records-${kind}`, { kind });
    return this.csv(text, values, columns);
  }

  /**
   * The worklist as a call list (its rows already as the reader may see them), audited like every
   * export. Written from memory: a site's worklist is a few thousand rows at most (CALL_LIST_LIMIT).
   */
  async callList(actor: Actor, rows: Record<string, unknown>[], details: Record<string, unknown>): Promise<Readable> {
    await this.audit(actor, 'worklist', { ...details, rows: rows.length });
    const csv = csvWriter([...CALL_LIST_COLUMNS], (column) => column === 'days_overdue');
    return Readable.from(rows).pipe(csv);
  }

  private async audit(actor: Actor, what: string, details: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_event (actor_id, actor_email, site_id, entity_type, entity_id, action, after) VALUES ($1, $2, $3, 'Export', $4, $5, $6)`,
      [actor.userId, actor.email, actor.siteId, what, AuditAction.EXPORT, JSON.stringify(details)],
    );
  }

  /**
   * Streams a query as CSV from a cursor, in a transaction of its own. Each read of the cursor
   * runs under the statement timeout; an export that moves no row for the deadline (the database
   * does not answer, or the client stopped reading) fails with a QueryTimeoutError, so the
   * response is cut short, never ended as if complete. A finished export commits and hands its
   * connection back to the pool; any other end closes it, since a cursor may still be running on
   * it (the server then rolls the transaction back).
   */
  private async csv(text: string, values: unknown[], columns: string[]): Promise<Readable> {
    const { statementMs, deadlineMs } = this.timeouts;
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      // SET LOCAL ends with the transaction, so the timeout never stays on the connection. The
      // cursor holds one transaction for the whole download anyway (its rows come from one
      // snapshot); an explicit one keeps it, with the timeout, on one server connection through
      // a pooler in transaction mode (PgBouncer), where a session SET would be left behind.
      await withinDeadline(runner.query(`BEGIN; SET LOCAL statement_timeout = ${statementMs}`), deadlineMs, EXPORT_TOO_LONG);
    } catch (e) {
      discardConnection(runner, e as Error);
      throw e;
    }
    const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const rows = client.query(new QueryStream(text, values, { batchSize: 1000 }));
    // Text cells neutralised against spreadsheet formulas; number columns, as the result's row
    // description types them, written as they are. The stream keeps that description in pg's
    // result object, which pg-query-stream declares as any.
    let numbers: Set<string> | undefined;
    const csv = csvWriter(columns, (column) => (numbers ??= numberColumns((rows._result as QueryResult).fields)).has(column));
    let finished = false;
    const finish = (complete: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      if (!complete) return discardConnection(runner, new Error('the export ended before its last row'));
      withinDeadline(runner.query('COMMIT'), deadlineMs).then(
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
