import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PatientIdentifierEntity } from '@vfr/api-registry';
import { Actor, aggregateScope, checkPageSize, decodeCursor, encodeCursor, siteScope, SqlParams } from '@vfr/api-core';
import { CELL, cellDaySql, disclosureFor, shownCount, shownProportion } from '@vfr/api-analytics';
import { AggregateReader } from '@vfr/api-database';
import { parseIsoDate, TIME_POINT_WINDOWS, timePointOrdinal, todayIso, ValidationError } from '@vfr/domain';

export enum WorklistState {
  DUE_SOON = 'DUE_SOON',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}

export enum WorklistSort {
  DUE_DATE = 'DUE_DATE',
  DAYS_OVERDUE = 'DAYS_OVERDUE',
  REGISTRY_NUMBER = 'REGISTRY_NUMBER',
}

export interface WorklistFilter {
  states?: WorklistState[] | null;
  timePoints?: string[] | null;
  siteId?: string | null;
  registryNumber?: string | null;
  /** The day the list is drawn up for (default today): lets a coordinator plan ahead. */
  today?: string | null;
}

export interface CompletenessRow {
  site_id: string;
  site_code: string;
  time_point: string;
  /** Counts as the reader may see them: exact for coordinators and admins; for department heads perturbed, null where withheld. */
  expected: number | null;
  done: number | null;
  missed: number | null;
  withdrawn: number | null;
  outstanding: number | null;
  /** Of the done visits, those a patient answered by questionnaire link and a coordinator confirmed. */
  answered_by_patients: number | null;
}

export interface WorklistRow {
  patient_id: string;
  registry_number: string;
  site_id: string;
  treatment_id: string;
  treatment_kind: string;
  treatment_date: string;
  time_point: string;
  target_date: string;
  window_start: string;
  window_end: string;
  state: WorklistState;
  days_overdue: number;
}

// DUE_DATE is the visit's target date, the date shown and the one a coordinator books: windows
// differ in width (M12 closes 60 days after its target, M6 30), so their ends are in another order.
/** The call list's longest: a site's whole worklist, however far behind it is. */
export const CALL_LIST_LIMIT = 5000;

export interface CallListNames {
  family_name: string | null;
  given_name: string | null;
}

const ORDER: Record<WorklistSort, string> = {
  [WorklistSort.DUE_DATE]: 'target_date, registry_number, target_day',
  [WorklistSort.DAYS_OVERDUE]: 'days_overdue DESC, window_end, registry_number',
  [WorklistSort.REGISTRY_NUMBER]: 'registry_number, target_day',
};

/**
 * The scheduled windows as bound arrays (the schedule lives in libs/domain, not in SQL), each with
 * its place in analysis_patient's per-time-point arrays.
 */
function windows(params: SqlParams): string {
  const ws = TIME_POINT_WINDOWS;
  return `unnest(${params.add(
    ws.map((w) => w.timePoint),
    'text[]',
  )}, ${params.add(
    ws.map((w) => timePointOrdinal(w.timePoint)),
    'int[]',
  )},
    ${params.add(
      ws.map((w) => w.targetDay),
      'int[]',
    )}, ${params.add(
      ws.map((w) => w.fromDay),
      'int[]',
    )}, ${params.add(
      ws.map((w) => w.toDay),
      'int[]',
    )})
    AS w(time_point, ordinal, target_day, from_day, to_day)`;
}

/**
 * Every expected visit of every index treatment in scope, with what was recorded for it, read
 * from analysis_patient (one row per patient with a treatment, kept by the database).
 */
/** The analysis rows of the actor's scope (a site, or all) and of the site asked for. */
function sitesOf(scope: string | null, params: SqlParams, siteId?: string | null, row = 'a'): string {
  const conditions = ['true'];
  if (scope) conditions.push(`${row}.site_id = ${params.add(scope, 'uuid')}`);
  if (siteId) conditions.push(`${row}.site_id = ${params.add(siteId, 'uuid')}`);
  return conditions.join(' AND ');
}

function scheduleSql(scope: string | null, params: SqlParams, siteId?: string | null): string {
  return `
    SELECT a.patient_id, a.registry_number, a.site_id, a.consent_status, a.death_on, a.index_treatment_id AS treatment_id,
           a.first_kind AS treatment_kind, a.index_date AS treatment_date, w.time_point, w.target_day,
           a.index_date + w.target_day AS target_date, a.index_date + w.from_day AS window_start, a.index_date + w.to_day AS window_end,
           a.visit_status[w.ordinal] AS recorded_status
    FROM analysis_patient a CROSS JOIN ${windows(params)}
    WHERE ${sitesOf(scope, params, siteId)}`;
}

@Injectable()
export class WorklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: AggregateReader,
  ) {}

  /**
   * Visits due soon (window opens within 14 days), due (window open) and overdue (window passed)
   * that nobody has recorded yet, done or missed. Patients who died or withdrew consent are left out.
   */
  async page(actor: Actor, filter: WorklistFilter, first?: number, after?: string, sort: WorklistSort = WorklistSort.DUE_DATE) {
    const size = checkPageSize(first);
    const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw ValidationError.single('after', 'format', 'after is not a cursor returned by this list');
    const { params, sql } = this.listSql(actor, filter, sort);
    const rows: (WorklistRow & { total: number })[] = await this.dataSource.query(
      `${sql} LIMIT ${params.add(size + 1, 'int')} OFFSET ${params.add(offset, 'int')}`,
      params.values,
    );
    const nodes = rows.slice(0, size);
    const total = rows[0]?.total ?? (offset > 0 ? await this.count(actor, filter) : 0);
    return {
      totalCount: total,
      edges: nodes.map((node, i) => ({ node, cursor: encodeCursor([offset + i + 1]) })),
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: offset > 0,
        startCursor: nodes.length ? encodeCursor([offset + 1]) : null,
        endCursor: nodes.length ? encodeCursor([offset + nodes.length]) : null,
      },
    };
  }

  /**
   * The whole list as filtered and sorted, with the patients' names (the call list: its printout
   * and CSV), at most CALL_LIST_LIMIT rows. The caller applies the field-access table to them.
   */
  async callList(actor: Actor, filter: WorklistFilter, sort: WorklistSort = WorklistSort.DUE_DATE): Promise<(WorklistRow & CallListNames)[]> {
    const { params, sql } = this.listSql(actor, filter, sort);
    return this.dataSource.query(
      `SELECT l.*, i.family_name, i.given_name FROM (${sql} LIMIT ${params.add(CALL_LIST_LIMIT, 'int')}) l
       LEFT JOIN patient_identifier i ON i.patient_id = l.patient_id
       ORDER BY l.row_number`,
      params.values,
    );
  }

  /** The list's statement (without LIMIT), its rows numbered in the order asked. */
  private listSql(actor: Actor, filter: WorklistFilter, sort: WorklistSort): { params: SqlParams; sql: string } {
    const today = filter.today ?? todayIso();
    if (!parseIsoDate(today)) throw ValidationError.single('filter.today', 'date', 'filter.today must be a calendar date YYYY-MM-DD');
    const params = new SqlParams();
    const t = params.add(today, 'date');
    const where = [
      's.recorded_status IS NULL',
      `s.window_start <= ${t} + 14`,
      "s.consent_status <> 'WITHDRAWN'",
      '(s.death_on IS NULL OR s.death_on > s.window_end)',
    ];
    const state = `CASE WHEN ${t} > s.window_end THEN 'OVERDUE' WHEN ${t} >= s.window_start THEN 'DUE' ELSE 'DUE_SOON' END`;
    if (filter.states?.length) where.push(`${state} = ANY(${params.add(filter.states, 'text[]')})`);
    if (filter.timePoints?.length) where.push(`s.time_point = ANY(${params.add(filter.timePoints, 'text[]')})`);
    if (filter.registryNumber) where.push(`s.registry_number LIKE ${params.add(`${filter.registryNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const schedule = scheduleSql(siteScope(actor), params, filter.siteId);
    const sql = `SELECT x.*, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${ORDER[sort]}) AS row_number
       FROM (SELECT s.patient_id, s.registry_number, s.site_id, s.treatment_id, s.treatment_kind, s.treatment_date, s.time_point, s.target_day,
                    s.target_date, s.window_start, s.window_end, ${state} AS state, greatest(${t} - s.window_end, 0) AS days_overdue
             FROM (${schedule}) s
             WHERE ${where.join(' AND ')}) x
       ORDER BY ${ORDER[sort]}`;
    return { params, sql };
  }

  /** The identifiers of the patients of a page (the call list's names). */
  identifiersOf(patientIds: readonly string[]): Promise<PatientIdentifierEntity[]> {
    return this.dataSource.getRepository(PatientIdentifierEntity).findBy({ patientId: In([...patientIds]) });
  }

  private async count(actor: Actor, filter: WorklistFilter): Promise<number> {
    const page = await this.page(actor, filter, 1, undefined);
    return page.totalCount;
  }

  /**
   * Per site and time point: visits whose window has closed (of patients alive when it closed),
   * and how many were done, missed or are still outstanding. Completeness = done / expected.
   */
  async completeness(actor: Actor, siteId?: string | null, today = todayIso()): Promise<CompletenessRow[]> {
    const params = new SqlParams();
    const t = cellDaySql(params.add(today, 'date'));
    const where = sitesOf(aggregateScope(actor), params, siteId, 'ac');
    // From the maintained cells (analysis_cell, fig 11): per site, day of the index treatment and
    // time point, the patients whose visit is expected once its window has closed (a visit is
    // expected unless the patient died before the window closed; the dead leave the denominator
    // from the day they died, and a visit done before the death still counts as expected and
    // done), by the visit's status, and of the done ones those the patient answered through a
    // questionnaire link. Here the days whose window has closed by `today` are summed: four counts
    // per site and time point, each with the sum of its patients' record keys, from which a
    // department head's counts are perturbed (@vfr/api-analytics).
    const closes = `CASE ac.tp ${TIME_POINT_WINDOWS.map((w) => `WHEN ${timePointOrdinal(w.timePoint)} THEN ${params.add(w.toDay, 'int')}`).join(' ')} END`;
    // Plain sums per site, time point and status, pivoted here: thirty FILTERed sums over every
    // cell made this figure the first screen's slowest (130 ms at 100,000 patients, against 30).
    const cells: { site_id: string; site_code: string; tp: number; cat: string; n: number; k: string; x: number; kx: string }[] = await this.reader.query(
      `SELECT ac.site_id, site.code AS site_code, ac.tp, ac.cat,
              sum(ac.n)::int AS n, sum(ac.k)::int8 AS k, sum(ac.x)::int AS x, sum(ac.kx)::int8 AS kx
       FROM analysis_cell ac JOIN site ON site.id = ac.site_id
       WHERE ac.fig = ${CELL.COMPLETENESS} AND ${where} AND ac.val + ${closes} < ${t}
       GROUP BY ac.site_id, site.code, ac.tp, ac.cat
       ORDER BY site.code`,
      params.values,
      'cells',
    );
    type Counts = Map<string, { n: number; k: number }>;
    const sites = new Map<string, { site_id: string; site_code: string; counts: Counts }>();
    const add = (counts: Counts, key: string, n: number, k: number) => {
      const c = counts.get(key) ?? { n: 0, k: 0 };
      counts.set(key, { n: c.n + n, k: c.k + k });
    };
    for (const c of cells) {
      const site = sites.get(c.site_id) ?? { site_id: c.site_id, site_code: c.site_code, counts: new Map() as Counts };
      sites.set(c.site_id, site);
      add(site.counts, `e${c.tp}`, Number(c.n), Number(c.k));
      const status = { DONE: 'd', MISSED: 'm', WITHDRAWN: 'w' }[c.cat];
      if (status) add(site.counts, `${status}${c.tp}`, Number(c.n), Number(c.k));
      if (c.cat === 'DONE') add(site.counts, `p${c.tp}`, Number(c.x), Number(c.kx));
    }
    const d = disclosureFor(actor);
    return [...sites.values()].flatMap((r) =>
      TIME_POINT_WINDOWS.flatMap((w) => {
        const tp = timePointOrdinal(w.timePoint);
        if (!r.counts.get(`e${tp}`)?.n) return [];
        const cell = (name: string) => r.counts.get(`${name}${tp}`) ?? { n: 0, k: 0 };
        const [e, done, missed, withdrawn, byPatients] = ['e', 'd', 'm', 'w', 'p'].map(cell);
        // Outstanding visits are the expected ones minus the rest: its key is the difference of theirs.
        const outstanding = { n: e.n - done.n - missed.n - withdrawn.n, k: e.k - done.k - missed.k - withdrawn.k };
        const expected = shownCount(d, e);
        const shownDone = expected === null ? null : shownProportion(d, done, e, expected).x;
        return [
          {
            site_id: r.site_id,
            site_code: r.site_code,
            time_point: w.timePoint,
            expected,
            done: shownDone,
            missed: expected === null ? null : shownCount(d, missed),
            withdrawn: expected === null ? null : shownCount(d, withdrawn),
            outstanding: expected === null ? null : shownCount(d, outstanding),
            answered_by_patients: expected === null ? null : shownProportion(d, byPatients, e, expected).x,
          },
        ];
      }),
    );
  }
}
