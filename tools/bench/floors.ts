// The plain-SQL floor of each analytics figure: the best single statement we can write for the
// same numbers, run directly with pg on the same database. The bench divides each GraphQL time
// by its floor. Everything the API's answer contains that SQL can compute is computed here in
// SQL (counts, means, SDs, quantiles, Kaplan-Meier products, log-rank sums); only what SQL
// cannot do (t quantiles, a 2x2 matrix inverse, the propensity model's iterations) is left out.
//
// Two sets: over the base tables (the joins the figures need, written as tightly as we can),
// and over the maintained analysis table analysis_patient (one row per patient) when the
// database has it. The bench uses the second when present: the API reads that table too, so
// it is the honest floor. Each set starts from one cohort CTE.
import { LEVEL_REGIONS, LevelRegion } from '@vfr/domain';

/** The cohort criteria the bench uses (a subset of CohortFilterInput, same names and meaning). */
export interface FloorFilter {
  sex?: 'FEMALE' | 'MALE';
  ageMin?: number;
  ageMax?: number;
  levelRegions?: LevelRegion[];
  genantGrades?: number[];
  siteIds?: string[];
  treatmentKinds?: string[];
}

export interface FloorQuery {
  sql: string;
  values: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown, cast: string): string {
    this.values.push(v);
    return `$${this.values.length}::${cast}`;
  }
}

const SUPPORTED = new Set(['sex', 'ageMin', 'ageMax', 'levelRegions', 'genantGrades', 'siteIds', 'treatmentKinds']);

/**
 * One row per cohort patient grouped by the first treatment (intention to treat): the index
 * treatment, its group and date, and only the extra columns a figure needs.
 */
function cohortCte(filter: FloorFilter, p: Params, need: { features?: boolean; baseline?: boolean } = {}): string {
  for (const key of Object.keys(filter)) if (!SUPPORTED.has(key)) throw new Error(`the floor queries do not implement the cohort criterion ${key}`);
  const where = ['p.withdrawn_at IS NULL'];
  if (filter.sex) where.push(`p.sex::text = ${p.add(filter.sex, 'text')}`);
  if (filter.siteIds?.length) where.push(`p.site_id = ANY(${p.add(filter.siteIds, 'uuid[]')})`);
  if (filter.ageMin != null) where.push(`extract(year FROM i.start_date)::int - p.birth_year >= ${p.add(filter.ageMin, 'int')}`);
  if (filter.ageMax != null) where.push(`extract(year FROM i.start_date)::int - p.birth_year <= ${p.add(filter.ageMax, 'int')}`);
  if (filter.treatmentKinds?.length) where.push(`i.kind::text = ANY(${p.add(filter.treatmentKinds, 'text[]')})`);
  const treated = (cond: string) =>
    `EXISTS (SELECT 1 FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL WHERE tl.treatment_id = i.id AND ${cond})`;
  if (filter.levelRegions?.length)
    where.push(
      treated(
        `f.level::text = ANY(${p.add(
          filter.levelRegions.flatMap((r) => LEVEL_REGIONS[r]),
          'text[]',
        )})`,
      ),
    );
  if (filter.genantGrades?.length) where.push(treated(`f.genant_grade = ANY(${p.add(filter.genantGrades, 'int[]')})`));
  return `
    SELECT p.id AS patient_id, p.site_id, i.id AS tid, i.kind::text AS grp, i.start_date AS index_date,
           extract(year FROM i.start_date)::int - p.birth_year AS age, p.sex::text AS sex, p.active_cancer, p.bmi, p.t_score, p.steroid_use, p.asa_class
           ${need.features ? ', fx.max_genant, i.start_date - fx.onset AS fracture_age_days, fx.osteo' : ''}
           ${need.baseline ? ', base.nrs AS baseline_nrs' : ''}
    FROM patient p
    JOIN LATERAL (SELECT t.id, t.kind, t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL
                  ORDER BY t.start_date, t.created_at LIMIT 1) i ON true
    ${
      need.features
        ? `LEFT JOIN LATERAL (SELECT max(f.genant_grade) AS max_genant, min(f.onset_date) AS onset, bool_or(f.cause = 'OSTEOPOROTIC') AS osteo
                  FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id AND f.withdrawn_at IS NULL WHERE tl.treatment_id = i.id) fx ON true`
        : ''
    }
    ${
      need.baseline
        ? `LEFT JOIN LATERAL (SELECT coalesce(a.nrs_activity, a.nrs_rest)::int AS nrs FROM assessment a WHERE a.treatment_id = i.id
                  AND a.time_point = 'BASELINE' AND a.status = 'DONE' AND a.withdrawn_at IS NULL ORDER BY a.visit_date LIMIT 1) base ON true`
        : ''
    }
    WHERE ${where.join(' AND ')}`;
}

const NRS = (a: string) => `coalesce(${a}.nrs_activity, ${a}.nrs_rest)::float8`;

/** Each completed scheduled visit of the index treatment with its NRS and the baseline NRS (one pass over assessment). */
function visitsCte(): string {
  return `
    SELECT c.grp, a.time_point::text AS time_point, ${NRS('a')} AS value,
           max(${NRS('a')}) FILTER (WHERE a.time_point = 'BASELINE') OVER (PARTITION BY a.treatment_id) AS base
    FROM c JOIN assessment a ON a.treatment_id = c.tid AND a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.time_point <> 'UNSCHEDULED'
    WHERE ${NRS('a')} IS NOT NULL`;
}

/** outcomeTrajectory(measure: NRS): n, mean, SD, quartiles and change from baseline per group and time point. */
export function trajectoryFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p)}), v AS (${visitsCte()})
    SELECT grp, time_point, count(*)::int AS n, avg(value) AS mean, stddev_samp(value) AS sd,
           percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY value) AS q,
           count(value - base)::int AS nc, avg(value - base) AS mc, stddev_samp(value - base) AS sdc
    FROM v GROUP BY grp, time_point`;
  return { sql, values: p.values };
}

/** responderRates(definition: NRS_DROP_2): responders and patients with a baseline per group and time point. */
export function respondersFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p)}), v AS (${visitsCte()})
    SELECT grp, time_point, count(*)::int AS n, count(*) FILTER (WHERE base - value >= 2)::int AS x
    FROM v WHERE base IS NOT NULL AND time_point <> 'BASELINE' GROUP BY grp, time_point`;
  return { sql, values: p.values };
}

/** complicationRates: patients with each kind of complication (and any) after the index treatment, per group. */
export function complicationsFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p)}),
      sizes AS (SELECT grp, count(*)::int AS n FROM c GROUP BY grp),
      events AS (SELECT c.grp, x.kind::text AS kind, count(DISTINCT x.patient_id)::int AS x
                 FROM c JOIN complication x ON x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.occurred_on >= c.index_date
                 GROUP BY GROUPING SETS ((c.grp, x.kind), (c.grp)))
    SELECT s.grp, coalesce(e.kind, 'ANY') AS kind, s.n, e.x FROM sizes s JOIN events e ON e.grp = s.grp`;
  return { sql, values: p.values };
}

/**
 * survival(endpoint: PAIN_RELIEF): the Kaplan-Meier curve of every group (at risk, events,
 * product-limit survival, Greenwood log-scale 95% limits as R's survfit) and the log-rank
 * observed, expected and (co)variance sums; the chi-square is then (O-E)' V^-1 (O-E).
 */
export function survivalFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p)}),
      per AS (SELECT c.grp,
                     min(a.visit_date) FILTER (WHERE a.time_point <> 'BASELINE' AND coalesce(a.nrs_activity, a.nrs_rest) <= 3) - c.index_date AS ev,
                     max(a.visit_date) - c.index_date AS last
              FROM c JOIN assessment a ON a.treatment_id = c.tid AND a.status = 'DONE' AND a.withdrawn_at IS NULL
              GROUP BY c.patient_id, c.grp, c.index_date),
      o AS (SELECT grp, coalesce(ev, last) AS t, (ev IS NOT NULL)::int AS d FROM per WHERE ev IS NOT NULL OR last > 0),
      s AS (SELECT grp, t, sum(d)::int AS events, count(*)::int AS removed FROM o GROUP BY grp, t),
      r AS (SELECT grp, t, events, sum(removed) OVER (PARTITION BY grp ORDER BY t DESC ROWS UNBOUNDED PRECEDING)::int AS at_risk FROM s),
      k AS (SELECT grp, t, at_risk, events,
                   bool_or(events = at_risk) OVER w AS zero,
                   sum(CASE WHEN events < at_risk THEN ln(1 - events::float8 / at_risk) END) OVER w AS log_s,
                   sum(CASE WHEN events < at_risk THEN events::float8 / (at_risk::float8 * (at_risk - events)) END) OVER w AS gw
            FROM r WINDOW w AS (PARTITION BY grp ORDER BY t ROWS UNBOUNDED PRECEDING)),
      curves AS (SELECT grp, t AS day, at_risk, events,
                        CASE WHEN zero THEN 0 ELSE exp(log_s) END AS survival,
                        CASE WHEN zero OR gw IS NULL THEN NULL ELSE exp(log_s - 1.959963985 * sqrt(gw)) END AS lower,
                        CASE WHEN zero OR gw IS NULL THEN NULL ELSE least(1, exp(log_s + 1.959963985 * sqrt(gw))) END AS upper
                 FROM k),
      grid AS (SELECT g.grp, tt.t, coalesce(s.events, 0) AS d_g, coalesce(s.removed, 0) AS removed
               FROM (SELECT DISTINCT grp FROM s) g CROSS JOIN (SELECT DISTINCT t FROM s) tt LEFT JOIN s ON s.grp = g.grp AND s.t = tt.t),
      risk AS (SELECT grp, t, d_g, sum(removed) OVER (PARTITION BY grp ORDER BY t DESC ROWS UNBOUNDED PRECEDING)::float8 AS n_g FROM grid),
      tot AS (SELECT t, sum(d_g)::float8 AS d, sum(n_g) AS n FROM risk GROUP BY t HAVING sum(d_g) > 0),
      lr AS (SELECT r1.grp AS g, r2.grp AS h,
                    sum(CASE WHEN r1.grp = r2.grp THEN r1.d_g ELSE 0 END) AS observed,
                    sum(CASE WHEN r1.grp = r2.grp THEN r1.n_g * tot.d / tot.n ELSE 0 END) AS expected,
                    sum(CASE WHEN tot.n > 1 THEN tot.d * (tot.n - tot.d) / (tot.n - 1) * (r1.n_g / tot.n) * ((r1.grp = r2.grp)::int - r2.n_g / tot.n) ELSE 0 END) AS v
             FROM tot JOIN risk r1 ON r1.t = tot.t JOIN risk r2 ON r2.t = tot.t GROUP BY r1.grp, r2.grp)
    SELECT (SELECT json_agg(curves ORDER BY grp, day) FROM curves) AS curves, (SELECT json_agg(lr ORDER BY g, h) FROM lr) AS log_rank`;
  return { sql, values: p.values };
}

/** funnelPlot: procedures and procedures followed by a complication, per site, from a cohort's rows. */
function funnelOver(cohort: string): string {
  return `WITH c AS (${cohort})
    SELECT s.code AS site_code, count(*)::int AS n,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complication x WHERE x.patient_id = t.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH'
                                          AND (x.treatment_id = t.id OR (x.treatment_id IS NULL AND x.occurred_on >= t.start_date))
                                          AND x.occurred_on - c.index_date <= c.follow_up_end_day))::int AS x
    FROM c JOIN site s ON s.id = c.site_id
    JOIN treatment t ON t.patient_id = c.patient_id AND t.withdrawn_at IS NULL AND t.kind <> 'CONSERVATIVE'
    GROUP BY 1 ORDER BY 1`;
}

export function funnelFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  return { sql: funnelOver(cohortCte(filter, p)), values: p.values };
}

const TABLE1: [string, string][] = [
  ['age', 'age::float8'],
  ['female', "(sex = 'FEMALE')::int"],
  ['bmi', 'bmi'],
  ['t_score', 't_score'],
  ['steroids', 'steroid_use::int'],
  ['cancer', 'active_cancer::int'],
  ['osteoporotic', 'osteo::int'],
  ['genant', 'max_genant::float8'],
  ['fracture_age', 'fracture_age_days::float8'],
  ['baseline_nrs', 'baseline_nrs::float8'],
  ['asa3', '(asa_class >= 3)::int'],
];

/** characteristicsTable: n, mean, SD and count of every Table 1 variable per group (SMDs follow arithmetically). */
export function characteristicsFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const aggregates = TABLE1.map(
    ([n, e]) => `count(${e})::int AS ${n}_n, avg(${e})::float8 AS ${n}_mean, stddev_samp(${e})::float8 AS ${n}_sd, sum(${e})::float8 AS ${n}_sum`,
  );
  const sql = `WITH c AS (${cohortCte(filter, p, { features: true, baseline: true })})
    SELECT grp, count(*)::int AS size, ${aggregates.join(', ')} FROM c GROUP BY grp`;
  return { sql, values: p.values };
}

/** adjustedComparison(NRS at M1): the propensity model's rows (covariates and outcome); the fit itself cannot be SQL. */
export function adjustedFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p, { features: true, baseline: true })})
    SELECT c.grp, c.age, (c.sex = 'FEMALE')::int AS female, c.max_genant AS genant, c.fracture_age_days AS fracture_age,
           c.osteo::int AS osteo, c.baseline_nrs AS baseline, ${NRS('a')} AS y
    FROM c JOIN assessment a ON a.treatment_id = c.tid AND a.time_point = 'M1' AND a.status = 'DONE' AND a.withdrawn_at IS NULL
    WHERE ${NRS('a')} IS NOT NULL`;
  return { sql, values: p.values };
}

/** cohortSize: patients per group. */
export function cohortSizeFloor(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${cohortCte(filter, p)}) SELECT grp, count(*)::int AS n FROM c GROUP BY grp`;
  return { sql, values: p.values };
}

export const BASE_TABLE_FLOORS = {
  outcomeTrajectory: trajectoryFloor,
  responderRates: respondersFloor,
  complicationRates: complicationsFloor,
  survival: survivalFloor,
  funnelPlot: funnelFloor,
  characteristicsTable: characteristicsFloor,
  adjustedComparison: adjustedFloor,
  cohortSize: cohortSizeFloor,
} as const;

// ---- Over analysis_patient -------------------------------------------------------------------

/** The cohort from the analysis table, with the same criteria and meaning as the API's filter. */
function analysisCohort(filter: FloorFilter, p: Params): string {
  for (const key of Object.keys(filter)) if (!SUPPORTED.has(key)) throw new Error(`the floor queries do not implement the cohort criterion ${key}`);
  const where = ["a.consent_status = 'GIVEN'"];
  if (filter.sex) where.push(`a.sex = ${p.add(filter.sex, 'text')}`);
  if (filter.siteIds?.length) where.push(`a.site_id = ANY(${p.add(filter.siteIds, 'uuid[]')})`);
  if (filter.ageMin != null) where.push(`a.age >= ${p.add(filter.ageMin, 'int')}`);
  if (filter.ageMax != null) where.push(`a.age <= ${p.add(filter.ageMax, 'int')}`);
  if (filter.treatmentKinds?.length) where.push(`a.first_kind = ANY(${p.add(filter.treatmentKinds, 'text[]')})`);
  if (filter.levelRegions?.length)
    where.push(
      `a.levels && ${p.add(
        filter.levelRegions.flatMap((r) => LEVEL_REGIONS[r]),
        'text[]',
      )}`,
    );
  if (filter.genantGrades?.length) where.push(`a.genants && ${p.add(filter.genantGrades, 'int[]')}`);
  return `SELECT a.*, a.first_kind AS grp FROM analysis_patient a WHERE ${where.join(' AND ')}`;
}

// Scheduled time points in the arrays' order (1 = BASELINE).
const TIME_POINTS = `(ARRAY['BASELINE','D1','W1','M1','M3','M6','M12','M24'])`;

/**
 * outcomeTrajectory(NRS) over analysis_patient, exactly what the API returns (n, mean, SD,
 * type-7 quartiles, and the change from baseline's n, mean and SD per group and time point), as
 * one statement: the scores hashed into a frequency table per group, time point and value, and
 * every summary computed in SQL from its running counts. The quartiles equal percentile_cont's
 * over the expanded values; sorting 600,000 values for them (an earlier floor) is slower than
 * the API's own statement and so was no floor.
 */
function analysisTrajectory(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const quartile = (q: number) => {
    const h = `(r.total - 1) * ${q}`;
    return `min(r.value) FILTER (WHERE r.before + r.cnt > floor(${h})) AS lo_${q * 100}, min(r.value) FILTER (WHERE r.before + r.cnt > ceil(${h})) AS hi_${q * 100}`;
  };
  const interpolate = (q: number) => `lo_${q * 100} + ((n - 1) * ${q} - floor((n - 1) * ${q})) * (hi_${q * 100} - lo_${q * 100})`;
  const sql = `WITH c AS (${analysisCohort(filter, p)}),
      f AS (SELECT c.grp, u.n AS tp, u.v AS value, count(*) AS cnt, count(u.v - c.nrs[1]) AS nc, sum(u.v - c.nrs[1]) AS sc, sum((u.v - c.nrs[1]) ^ 2) AS scc
            FROM c CROSS JOIN LATERAL unnest(c.nrs) WITH ORDINALITY AS u(v, n) WHERE u.v IS NOT NULL
            GROUP BY 1, 2, 3),
      r AS (SELECT f.*, sum(cnt) OVER (PARTITION BY grp, tp ORDER BY value) - cnt AS before, sum(cnt) OVER (PARTITION BY grp, tp) AS total FROM f),
      s AS (SELECT r.grp, r.tp, max(r.total)::int AS n, sum(r.value * r.cnt) AS sv, sum(r.value * r.value * r.cnt) AS svv,
                   sum(r.nc)::int AS nc, sum(r.sc) AS sc, sum(r.scc) AS scc, ${[0.25, 0.5, 0.75].map(quartile).join(', ')}
            FROM r GROUP BY r.grp, r.tp)
    SELECT grp, ${TIME_POINTS}[tp] AS time_point, n, sv / n AS mean, CASE WHEN n > 1 THEN sqrt(greatest(0, (svv - sv * sv / n) / (n - 1))) END AS sd,
           ${interpolate(0.25)} AS q1, ${interpolate(0.5)} AS median, ${interpolate(0.75)} AS q3,
           nc, CASE WHEN nc > 0 THEN sc / nc END AS mc, CASE WHEN nc > 1 THEN sqrt(greatest(0, (scc - sc * sc / nc) / (nc - 1))) END AS sdc
    FROM s`;
  return { sql, values: p.values };
}

function analysisResponders(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${analysisCohort(filter, p)})
    SELECT c.grp, ${TIME_POINTS}[u.n] AS time_point, count(*)::int AS n, count(*) FILTER (WHERE c.nrs[1] - u.v >= 2)::int AS x
    FROM c CROSS JOIN LATERAL unnest(c.nrs) WITH ORDINALITY AS u(v, n)
    WHERE u.v IS NOT NULL AND u.n > 1 AND c.nrs[1] IS NOT NULL
    GROUP BY c.grp, u.n`;
  return { sql, values: p.values };
}

function analysisComplications(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${analysisCohort(filter, p)}),
      -- Complications within follow-up only (docs/methods.md), as the product counts them.
      w AS (SELECT c.grp, ARRAY(SELECT u.k FROM unnest(c.complication_kinds, c.complication_days) AS u(k, d) WHERE u.d BETWEEN 0 AND c.follow_up_end_day) AS kinds FROM c),
      sizes AS (SELECT grp, count(*)::int AS n, count(*) FILTER (WHERE cardinality(kinds) > 0)::int AS any FROM w GROUP BY grp),
      kinds AS (SELECT w.grp, k.kind, count(*)::int AS x FROM w CROSS JOIN LATERAL unnest(w.kinds) AS k(kind) GROUP BY w.grp, k.kind)
    SELECT s.grp, 'ANY' AS kind, s.n, s.any AS x FROM sizes s WHERE s.any > 0
    UNION ALL SELECT k.grp, k.kind, s.n, k.x FROM kinds k JOIN sizes s ON s.grp = k.grp`;
  return { sql, values: p.values };
}

/** The same Kaplan-Meier and log-rank SQL as over the base tables, from the stored event days. */
function analysisSurvival(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const base = survivalFloor({}).sql;
  const tail = base.slice(base.indexOf('      s AS ('));
  const sql = `WITH c AS (${analysisCohort(filter, p)}),
      e AS (SELECT grp, CASE WHEN pain_relief_day BETWEEN 0 AND follow_up_end_day THEN pain_relief_day END AS ev, follow_up_end_day AS fe FROM c WHERE baseline_nrs > 3),
      o AS (SELECT grp, coalesce(ev, fe) AS t, (ev IS NOT NULL)::int AS d FROM e WHERE ev IS NOT NULL OR fe > 0),
${tail}`;
  return { sql, values: p.values };
}

function analysisFunnel(filter: FloorFilter): FloorQuery {
  const p = new Params();
  return { sql: funnelOver(analysisCohort(filter, p)), values: p.values };
}

function analysisCharacteristics(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const aggregates = TABLE1.map(
    ([n, e]) => `count(${e})::int AS ${n}_n, avg(${e})::float8 AS ${n}_mean, stddev_samp(${e})::float8 AS ${n}_sd, sum(${e})::float8 AS ${n}_sum`,
  );
  const sql = `WITH c AS (SELECT c.*, pt.bmi, pt.t_score, pt.steroid_use, ('OSTEOPOROTIC' = ANY(c.causes)) AS osteo
                         FROM (${analysisCohort(filter, p)}) c JOIN patient pt ON pt.id = c.patient_id)
    SELECT grp, count(*)::int AS size, ${aggregates.join(', ')} FROM c GROUP BY grp`;
  return { sql, values: p.values };
}

function analysisAdjusted(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${analysisCohort(filter, p)})
    SELECT grp, age, sex, causes, max_genant, fracture_age_days, baseline_nrs, odi[1] AS baseline_odi, asa_class, active_cancer, nrs[4] AS y
    FROM c`;
  return { sql, values: p.values };
}

function analysisCohortSize(filter: FloorFilter): FloorQuery {
  const p = new Params();
  const sql = `WITH c AS (${analysisCohort(filter, p)}) SELECT grp, count(*)::int AS n FROM c GROUP BY grp`;
  return { sql, values: p.values };
}

export const ANALYSIS_TABLE_FLOORS: typeof BASE_TABLE_FLOORS = {
  outcomeTrajectory: analysisTrajectory,
  responderRates: analysisResponders,
  complicationRates: analysisComplications,
  survival: analysisSurvival,
  funnelPlot: analysisFunnel,
  characteristicsTable: analysisCharacteristics,
  adjustedComparison: analysisAdjusted,
  cohortSize: analysisCohortSize,
};

export type FloorName = keyof typeof BASE_TABLE_FLOORS;
