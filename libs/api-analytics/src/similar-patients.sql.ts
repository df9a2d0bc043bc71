import { SqlParams } from '@vfr/api-core';
import {
  ComplicationKind,
  DISTANCE_DECIMALS,
  LEVEL_REGIONS,
  MATCH_AGE_CAP,
  MATCH_PATHS,
  MATCH_SPANS,
  MATCH_STEPS,
  MATCH_VARIABLES,
  NOMINAL_VARIABLES,
  MatchStep,
  MatchVariable,
  MATCHES_PER_PATH,
  mobilityRank,
  OfClass,
  ofClassRank,
  PatientProfile,
  PreFractureMobility,
  profileGives,
  TimePoint,
  timePointOrdinal,
  TreatmentGrouping,
} from '@vfr/domain';
import { followUp, researchPopulationSql } from './cohort.sql';

// "Patients like this one" as SQL: the matching rule of libs/domain patients-like-this.ts
// (selectMatches) over the research population, beside cohort.sql.ts and in its style. A test
// holds the patients chosen here equal to those selectMatches chooses from the same rows.

/** The time points whose pain the page shows. */
export const MATCH_PAIN_TIME_POINTS = [TimePoint.W1, TimePoint.M1, TimePoint.M3, TimePoint.M12] as const;

/** The 1-year outcomes count events up to this day. */
export const MATCH_YEAR_DAYS = 365;

type Ordinal = keyof typeof MATCH_SPANS;

const MOBILITY = Object.values(PreFractureMobility)
  .sort((a, b) => mobilityRank(a)! - mobilityRank(b)!)
  .map((m) => `'${m}'`)
  .join(', ');

/** A candidate's ordinal or numeric value (analysis_patient row `c`). */
const CANDIDATE: Record<Ordinal, string> = {
  // Not least(): it ignores NULL, and an unknown value must stay unknown.
  age: `(CASE WHEN c.age > ${MATCH_AGE_CAP} THEN ${MATCH_AGE_CAP} ELSE c.age END)`,
  fractureAgeDays: 'c.fracture_age_days',
  baselineNrs: 'c.baseline_nrs',
  baselineOdi: 'c.odi[1]',
  genantGrade: 'c.max_genant',
  asaClass: 'c.asa_class',
  // The most severe class as a CASE over the array rather than a subquery over unnest(): a
  // subquery is a subplan run per row, and per use of the value, several times a row.
  ofClass: `(CASE ${Object.values(OfClass)
    .sort((a, b) => ofClassRank(b)! - ofClassRank(a)!)
    .map((k) => `WHEN '${k}' = ANY(c.of_classes) THEN ${ofClassRank(k)}`)
    .join(' ')} END)`,
  preFractureMobility: `(array_position(ARRAY[${MOBILITY}]::text[], c.pre_fracture_mobility) - 1)`,
};

/** The profile's value of an ordinal or numeric variable, as a bound parameter. */
function profileValue(v: Ordinal, p: PatientProfile, params: SqlParams): string {
  const value = {
    age: Math.min(p.age, MATCH_AGE_CAP),
    fractureAgeDays: p.fractureAgeDays,
    baselineNrs: p.baselineNrs,
    baselineOdi: p.baselineOdi,
    genantGrade: p.genantGrade,
    asaClass: p.asaClass,
    ofClass: ofClassRank(p.ofClass),
    preFractureMobility: mobilityRank(p.preFractureMobility),
  }[v];
  return params.add(value, 'float8');
}

/**
 * What the candidate row `c` gives of a variable, computed once per row: for a nominal variable
 * its dissimilarity (0 the same, 1 not, NULL unknown), for an ordinal or numeric one the absolute
 * difference in its unit (NULL unknown). The step tests and the distance read these (`x.<v>`).
 */
function differenceSql(v: MatchVariable, p: PatientProfile, params: SqlParams): string {
  // The test first: a match is known, so the (dearer) test of whether the candidate knows the
  // value at all runs only for the candidates who differ.
  const same = (test: string, known: string) => `(CASE WHEN ${test} THEN 0 WHEN ${known} THEN 1 END)::float8`;
  switch (v) {
    case 'activeCancer':
      return same(`c.active_cancer = ${params.add(p.activeCancer, 'boolean')}`, 'c.active_cancer IS NOT NULL');
    case 'ongoingCancerTherapy':
      return same(`c.ongoing_therapy = ${params.add(p.ongoingCancerTherapy, 'boolean')}`, 'c.ongoing_therapy IS NOT NULL');
    case 'sex':
      return same(`c.sex = ${params.add(p.sex)}`, 'c.sex IS NOT NULL');
    case 'cause':
      return same(`${params.add(p.cause)} = ANY(c.causes)`, 'cardinality(array_remove(c.causes, NULL)) > 0');
    case 'levelRegion':
      return same(`c.levels && ${params.add(LEVEL_REGIONS[p.levelRegion!], 'text[]')}`, 'cardinality(array_remove(c.levels, NULL)) > 0');
    default:
      return `abs(${CANDIDATE[v]} - ${profileValue(v, p, params)})`;
  }
}

/** A variable's dissimilarity in [0, 1] from its difference `x.<v>` (NULL stays NULL), as dissimilarity() computes it. */
function dissimilaritySql(v: MatchVariable): string {
  if (NOMINAL_VARIABLES.includes(v)) return `x."${v}"`;
  const span = MATCH_SPANS[v as Ordinal];
  return `((CASE WHEN x."${v}" > ${span} THEN ${span} ELSE x."${v}" END)::float8 / ${span})`;
}

/** Whether a candidate meets a step (meetsStep), over the differences `x.<variable>`. */
function meetsStepSql(step: MatchStep, p: PatientProfile, params: SqlParams): string {
  const conditions = [
    ...step.exact.filter((v) => profileGives(p, v)).map((v) => `x."${v}" = 0`),
    ...(Object.entries(step.calipers) as [Ordinal, number][])
      .filter(([v]) => profileGives(p, v))
      .map(([v, caliper]) => `x."${v}" <= ${params.add(caliper, 'float8')}`),
  ];
  return conditions.length ? conditions.join(' AND ') : 'true';
}

/**
 * The matched patients of a profile, at most MATCHES_PER_PATH per path, with what the outcomes
 * need: the step each met, the index treatment's pain at the page's time points and flags for
 * the 1-year outcomes (events within follow-up, as every figure counts them; docs/methods.md).
 * Only the server reads these rows: the page gets the aggregates of them.
 */
export function matchedPatientsSql(p: PatientProfile, today: string, params: SqlParams): string {
  const given = MATCH_VARIABLES.filter((v) => profileGives(p, v));
  const differences = given.map((v) => `${differenceSql(v, p, params)} AS "${v}"`).join(',\n             ');
  const total = given.map((v) => `coalesce(${dissimilaritySql(v)}, 0)`).join(' + ');
  const known = given.map((v) => `(x."${v}" IS NOT NULL)::int`).join(' + ');
  // The distance in millionths, rounded as gowerDistance rounds (Math.round is floor(x + 0.5)), in
  // float8: a cast to numeric per row would cost more than the rest of the arithmetic.
  const scale = params.add(10 ** DISTANCE_DECIMALS, 'float8');
  const steps = MATCH_STEPS.slice(0, -1)
    .map((s) => `WHEN ${meetsStepSql(s, p, params)} THEN ${s.step}`)
    .join('\n                ');
  const fu = followUp(TreatmentGrouping.FIRST_TREATMENT);
  const year = params.add(MATCH_YEAR_DAYS, 'int');
  const within = (day: string) => `(${day} <= ${year} AND ${fu.counts(day)})`;
  const pain = MATCH_PAIN_TIME_POINTS.map((tp) => `${fu.score('nrs', timePointOrdinal(tp))} AS nrs_${tp.toLowerCase()}`).join(', ');
  return `
    WITH ranked AS (
      -- Per path, the nearest by a bounded sort (a top-N heap per path, not a sort of the table).
      SELECT p.path, n.patient_id, n.tier, row_number() OVER (PARTITION BY p.path ORDER BY n.tier, n.distance, n.record_key, n.patient_id) AS rank
      FROM unnest(${params.add(MATCH_PATHS, 'text[]')}) AS p(path)
      CROSS JOIN LATERAL (
        SELECT c.patient_id, c.record_key, t.tier, t.distance
        FROM (${researchPopulationSql()}) c
        -- The differences once per row, in a subquery kept apart by OFFSET 0: pulled up, every use
        -- of one (each step's test, the sum, the count) would compute it again. It sits inside the
        -- tier's subquery so that the planner sees no join between the two to memoize.
        CROSS JOIN LATERAL (
          SELECT CASE ${steps}
                      ELSE ${MATCH_STEPS[MATCH_STEPS.length - 1].step} END AS tier,
                 CASE WHEN ${known} = 0 THEN ${scale} ELSE floor((${total}) / (${known}) * ${scale} + 0.5) END AS distance
          FROM (SELECT ${differences} OFFSET 0) x
        ) t
        WHERE c.first_kind = p.path
        ORDER BY t.tier, t.distance, c.record_key, c.patient_id
        LIMIT ${params.add(MATCHES_PER_PATH, 'int')}
      ) n
    )
    SELECT m.patient_id, m.path, m.tier, m.rank::int AS rank, c.record_key::int8 AS record_key, ${pain},
           (c.index_date + ${year} <= ${params.add(today, 'date')}) AS year_elapsed,
           coalesce(c.crossover_day <= ${year}, false) AS crossover,
           coalesce(${within('c.new_fracture_day')}, false) AS new_fracture,
           coalesce(c.death_day <= ${year}, false) AS died,
           EXISTS (SELECT 1 FROM complication x
                   WHERE x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind <> '${ComplicationKind.DEATH}'
                     AND x.symptomatic AND ${within('(x.occurred_on - c.index_date)')}) AS symptomatic,
           (SELECT it.same_day_discharge FROM treatment it WHERE it.id = c.index_treatment_id) AS same_day_discharge
    FROM ranked m
    -- One row by its key for each of the few matched patients: as a lateral subquery (LIMIT keeps
    -- it from being flattened), since the planner cannot know that the rank leaves so few, and
    -- would otherwise hash-join the whole table.
    CROSS JOIN LATERAL (SELECT * FROM analysis_patient a WHERE a.patient_id = m.patient_id LIMIT 1) c
    WHERE m.rank <= ${params.add(MATCHES_PER_PATH, 'int')}
    ORDER BY m.path, m.rank
    -- No more than that in any case; said, so that the plan's cost (and the JIT it would bring)
    -- is that of the few rows, not of the table.
    LIMIT ${params.add(MATCH_PATHS.length * MATCHES_PER_PATH, 'int')}`;
}
