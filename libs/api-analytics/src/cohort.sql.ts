import { Actor, aggregateScope, isDeidentified, SqlParams } from '@vfr/api-core';
import type { AggregateKind } from '@vfr/api-database';
import {
  CEMENT_VOLUME_BANDS,
  CohortFilter,
  cohortFilterSchema,
  FilterGranularity,
  FRACTURE_AGE_DAYS,
  granularityIssues,
  LEVEL_REGIONS,
  Role,
  TimePointWindow,
  TreatmentGrouping,
  TreatmentKind,
  validate,
  ValidationError,
} from '@vfr/domain';

// The one place where a cohort becomes SQL. Every analysis, export and count starts from the
// rows this produces: one per patient from analysis_patient (kept by the database from the source
// tables, see its migration), with the index (first) treatment, the treatment received (the last
// one), the features the filters and the propensity model use, and per time point the index
// treatment's scores. Values are always bound parameters.

export const COHORT_COLUMNS = `patient_id, site_id, registry_number, sex, birth_year, age, index_treatment_id, first_kind,
  received_kind, index_date, max_genant, fracture_age_days, causes, levels, of_classes, baseline_nrs, active_cancer,
  ongoing_therapy`;

/**
 * The research population: patients who gave their consent. Those whose consent is pending,
 * declined or withdrawn are in no figure, dashboard or export, for any reader (coordinators still
 * see and manage them through the patient pages and the worklist); see docs/privacy.md.
 */
export const RESEARCH_CONSENT = 'GIVEN';

/** How finely this reader may select patients (libs/domain FilterGranularity). */
export function filterGranularity(actor: Actor): FilterGranularity {
  if (!isDeidentified(actor)) return FilterGranularity.EXACT;
  return actor.role === Role.DEPARTMENT_HEAD ? FilterGranularity.AGGREGATE_ONLY : FilterGranularity.DEIDENTIFIED;
}

/** A cohort filter from a client: valid, and no finer than this reader may ask. */
export function readCohortFilter(actor: Actor, input: unknown): CohortFilter {
  const filter = validate(cohortFilterSchema, input ?? {});
  const issues = granularityIssues(filter, filterGranularity(actor));
  if (issues.length) throw new ValidationError(issues);
  return filter;
}

/** SQL selecting the cohort's patients (a subquery: use it as `FROM (<sql>) c`). */
export function cohortSql(filter: CohortFilter, actor: Actor, params: SqlParams): string {
  const where: string[] = [`a.consent_status = '${RESEARCH_CONSENT}'`];
  const scope = aggregateScope(actor);
  if (scope) where.push(`a.site_id = ${params.add(scope, 'uuid')}`);
  const f = filter ?? {};
  if (f.siteIds?.length) where.push(`a.site_id = ANY(${params.add(f.siteIds, 'uuid[]')})`);
  if (f.sex) where.push(`a.sex = ${params.add(f.sex)}`);
  if (f.ageMin != null) where.push(`a.age >= ${params.add(f.ageMin, 'int')}`);
  if (f.ageMax != null) where.push(`a.age <= ${params.add(f.ageMax, 'int')}`);
  if (f.activeCancer != null) where.push(`a.active_cancer = ${params.add(f.activeCancer, 'boolean')}`);
  if (f.ongoingCancerTherapy != null) where.push(`a.ongoing_therapy = ${params.add(f.ongoingCancerTherapy, 'boolean')}`);
  if (f.treatmentKinds?.length) where.push(`a.first_kind = ANY(${params.add(f.treatmentKinds, 'text[]')})`);
  if (f.preFractureMobility?.length) where.push(`a.pre_fracture_mobility = ANY(${params.add(f.preFractureMobility, 'text[]')})`);
  if (f.livingSituations?.length) where.push(`a.living_situation = ANY(${params.add(f.livingSituations, 'text[]')})`);
  if (f.frailtyMin != null) where.push(`a.clinical_frailty_scale >= ${params.add(f.frailtyMin, 'int')}`);
  if (f.frailtyMax != null) where.push(`a.clinical_frailty_scale <= ${params.add(f.frailtyMax, 'int')}`);
  if (f.dementia != null) where.push(`a.dementia = ${params.add(f.dementia, 'boolean')}`);
  if (f.priorVertebralFracture != null) where.push(`(a.prior_vertebral_fractures > 0) = ${params.add(f.priorVertebralFracture, 'boolean')}`);
  if (f.osteoporosisDrug != null) where.push(`(a.anti_osteoporotic_drug <> 'NONE') = ${params.add(f.osteoporosisDrug, 'boolean')}`);
  if (f.anaesthesia?.length) where.push(`a.anaesthesia = ANY(${params.add(f.anaesthesia, 'text[]')})`);
  if (f.approaches?.length) where.push(`a.approach = ANY(${params.add(f.approaches, 'text[]')})`);
  if (f.cementVolumeMin != null) where.push(`a.cement_volume_ml >= ${params.add(f.cementVolumeMin, 'float8')}`);
  if (f.cementVolumeMax != null) where.push(`a.cement_volume_ml <= ${params.add(f.cementVolumeMax, 'float8')}`);
  if (f.treatedFrom) where.push(`a.index_date >= ${params.add(f.treatedFrom, 'date')}`);
  if (f.treatedTo) where.push(`a.index_date <= ${params.add(f.treatedTo, 'date')}`);
  if (f.causes?.length) where.push(`a.causes && ${params.add(f.causes, 'text[]')}`);
  if (f.ofClasses?.length) where.push(`a.of_classes && ${params.add(f.ofClasses, 'text[]')}`);
  if (f.genantGrades?.length) where.push(`a.genants && ${params.add(f.genantGrades, 'int[]')}`);
  if (f.levelRegions?.length) {
    const levels = f.levelRegions.flatMap((r) => LEVEL_REGIONS[r]);
    where.push(`a.levels && ${params.add(levels, 'text[]')}`);
  }
  if (f.fractureAges?.length) {
    const ranges = f.fractureAges.map((age) => {
      const [lo, hi] = FRACTURE_AGE_DAYS[age];
      return `a.fracture_age_days BETWEEN ${params.add(lo, 'int')} AND ${params.add(hi, 'int')}`;
    });
    where.push(`(${ranges.join(' OR ')})`);
  }
  if (f.baselineNrsMin != null) where.push(`a.baseline_nrs >= ${params.add(f.baselineNrsMin, 'int')}`);
  if (f.baselineNrsMax != null) where.push(`a.baseline_nrs <= ${params.add(f.baselineNrsMax, 'int')}`);

  return `SELECT a.* FROM analysis_patient a\n    WHERE ${where.join('\n      AND ')}`;
}

/** The figures analysis_cell keeps (its `fig`; see its migrations, AddAnalysisCells and AddOverviewCells). */
export const CELL = {
  TRAJECTORY_NRS: 1,
  RESPONDERS: 2,
  COMPLICATIONS: 3,
  FUNNEL: 4,
  SIZE: 5,
  VOLUMES: 6,
  DISCHARGE: 7,
  READMISSIONS: 8,
  PROCEDURES: 9,
  MORTALITY: 10,
  COMPLETENESS: 11,
} as const;

/** A date as the maintained cells keep a day (`val` of the figures by day: days since 1970-01-01), in SQL. */
export function cellDaySql(date: string): string {
  return `(${date}::date - DATE '1970-01-01')`;
}

/** The filter keys the maintained cells (analysis_cell) are kept by: site and quarter of the index treatment. */
const CELL_KEYS = new Set(['siteIds', 'treatedFrom', 'treatedTo']);
const QUARTER_START = /^\d{4}-(01|04|07|10)-01$/;
const QUARTER_END = /^\d{4}-(03-31|06-30|09-30|12-31)$/;

/**
 * The cohort as a condition over the maintained cells (analysis_cell, a row `ac`; see its
 * migration), or null where the cells cannot answer it exactly and the figure must come from the
 * cohort SQL above. The cells are kept per site and quarter of the index treatment for the
 * consented patients, so they hold the whole registry, any sites (the department head's own
 * included) and periods of whole quarters (the only periods a head may choose); any other
 * criterion is a scan of analysis_patient.
 */
export function cellScopeSql(filter: CohortFilter, actor: Actor, params: SqlParams): string | null {
  const f = (filter ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(f)) {
    const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    if (!empty && !CELL_KEYS.has(key)) return null;
  }
  const { siteIds, treatedFrom, treatedTo } = filter ?? {};
  if (treatedFrom && !QUARTER_START.test(treatedFrom)) return null;
  if (treatedTo && !QUARTER_END.test(treatedTo)) return null;
  const where: string[] = ['true'];
  const scope = aggregateScope(actor);
  if (scope) where.push(`ac.site_id = ${params.add(scope, 'uuid')}`);
  if (siteIds?.length) where.push(`ac.site_id = ANY(${params.add(siteIds, 'uuid[]')})`);
  // A quarter lies within [from, to] exactly when its first day does, the bounds being whole quarters.
  if (treatedFrom) where.push(`ac.quarter >= ${params.add(treatedFrom, 'date')}`);
  if (treatedTo) where.push(`ac.quarter <= ${params.add(treatedTo, 'date')}`);
  return where.join(' AND ');
}

/**
 * Which places of the aggregate reader a figure waits for: a read of the maintained cells (a
 * scope from cellScopeSql) is milliseconds and has places of its own, a scan of the cohort's
 * patients (no scope) waits with the other scans.
 */
export function readKind(scope: string | null): AggregateKind {
  return scope === null ? 'scan' : 'cells';
}

/**
 * The whole research population, whoever reads (a subquery: use it as `FROM (<sql>) c`): for the
 * one figure every reader sees over the whole registry, "Patients like this one"
 * (similar-patients.sql.ts), which shows aggregates only, under the department head's
 * disclosure control, to every role.
 */
export function researchPopulationSql(): string {
  return `SELECT a.* FROM analysis_patient a WHERE a.consent_status = '${RESEARCH_CONSENT}'`;
}

/**
 * The cohort of a grouping (a subquery: use it as `FROM (<sql>) c`): the cohort's patients who
 * belong to one of the grouping's groups. For the treatment groupings that is every patient; the
 * procedure groupings leave out patients whose index treatment is conservative care or lacks the
 * detail compared.
 */
export function groupedCohortSql(filter: CohortFilter, actor: Actor, params: SqlParams, grouping: TreatmentGrouping): string {
  const fu = followUp(grouping);
  return `SELECT c.* FROM (${cohortSql(filter, actor, params)}) c WHERE ${fu.group} IS NOT NULL`;
}

/**
 * The follow-up rule (docs/methods.md, Follow-up) as SQL over a cohort row `c`, for one grouping.
 * Every figure reads its group, the end of follow-up, whether an event counts and which visits
 * count from here, so no endpoint can follow its own rule.
 *
 * - Follow-up starts on day 0 (the index treatment) and ends on `follow_up_end_day`: the day of
 *   death, or for patients alive the last completed visit (never before day 0).
 * - An event counts only if its day is within [0, end]; a patient without one is censored at the
 *   end.
 * - PER_PROTOCOL also ends follow-up on the day of a crossover to another kind of treatment:
 *   events and visits on or after that day are left out and the patient is censored there.
 * - The procedure groupings follow patients as FIRST_TREATMENT does; their group is NULL for a
 *   patient outside the comparison (see groupedCohortSql).
 */
export interface FollowUp {
  /** The patient's group (NULL: not in the grouping's comparison). */
  group: string;
  /** The last day of follow-up: the censoring day of a patient without the event. */
  end: string;
  /** Whether an event on `day` (SQL, days from day 0, may be NULL) falls within follow-up. */
  counts(day: string): string;
  /** Whether a visit on `day` may enter the figures. */
  visitCounts(day: string): string;
  /** Whether visitCounts reads the day at all (false: every visit counts, and its day need not be read). */
  visitDayMatters: boolean;
  /** A score at a scheduled time point (1-based), NULL where its visit does not count. */
  score(column: string, ordinal: number): string;
}

/** The group of each procedure grouping: a detail of the index procedure (NULL for conservative care). */
const PROCEDURE_GROUP: Partial<Record<TreatmentGrouping, string>> = {
  [TreatmentGrouping.ANAESTHESIA]: 'c.anaesthesia',
  [TreatmentGrouping.APPROACH]: 'c.approach',
  [TreatmentGrouping.CEMENT_VOLUME]: `(CASE WHEN c.cement_volume_ml IS NULL OR cardinality(c.levels) = 0 THEN NULL ${CEMENT_VOLUME_BANDS.map((b) =>
    b.below === null ? `ELSE '${b.group}'` : `WHEN c.cement_volume_ml / cardinality(c.levels) < ${b.below} THEN '${b.group}'`,
  ).join(' ')} END)`,
};

export function followUp(grouping: TreatmentGrouping): FollowUp {
  const beforeCrossover = (day: string) => `(c.crossover_day IS NULL OR ${day} < c.crossover_day)`;
  if (grouping === TreatmentGrouping.PER_PROTOCOL) {
    return {
      group: 'c.first_kind',
      end: 'least(c.follow_up_end_day, c.crossover_day)',
      counts: (day) => `(${day} BETWEEN 0 AND c.follow_up_end_day AND ${beforeCrossover(day)})`,
      visitCounts: beforeCrossover,
      visitDayMatters: true,
      score: (column, n) => `(CASE WHEN ${beforeCrossover(`c.visit_day[${n}]`)} THEN c.${column}[${n}] END)`,
    };
  }
  return {
    group: PROCEDURE_GROUP[grouping] ?? 'c.first_kind',
    end: 'c.follow_up_end_day',
    counts: (day) => `(${day} BETWEEN 0 AND c.follow_up_end_day)`,
    visitCounts: () => 'true',
    visitDayMatters: false,
    score: (column, n) => `c.${column}[${n}]`,
  };
}

/**
 * Whether a group the grouping gives is conservative care. A group is a label read back from SQL,
 * a treatment kind or a detail of the procedure, so it is compared as the kind's text.
 */
export function isConservativeGroup(group: string): boolean {
  return group === String(TreatmentKind.CONSERVATIVE);
}

/** Whether a reader gets counts below the small-cell threshold suppressed. */
export function suppressesSmallCells(actor: Actor): boolean {
  return isDeidentified(actor);
}

/**
 * Whether a scheduled visit is expected (SQL over an analysis_patient row `a`): its window has
 * closed by `today`, unless the patient died before it closed (the dead leave the denominator
 * from the day they died; a visit done before the death still counts as expected). The rule of
 * follow-up completeness (docs/methods.md), shared by the completeness figure and the headline.
 */
export function visitExpectedSql(w: TimePointWindow, ordinal: number, today: string, params: SqlParams, row = 'a'): string {
  const end = `${row}.index_date + ${params.add(w.toDay, 'int')}`;
  return `(${end} < ${today} AND (${row}.death_on IS NULL OR ${row}.death_on > ${end} OR ${row}.visit_status[${ordinal}] = 'DONE'))`;
}
